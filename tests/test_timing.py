"""Stage timings (``RAPPORT_TIMINGS``): one JSON line per report, nothing when unset."""

import json

from rapportlib.render import timing


def test_a_report_writes_its_stages_and_when_it_began_and_ended(tmp_path, monkeypatch):
    log = tmp_path / "timings.jsonl"
    monkeypatch.setenv(timing.ENV, str(log))
    timing.begin()
    with timing.stage("prepare"):
        pass
    timing.add("pdf", 0.25)
    timing.flush("a.yml")
    timing.flush("b.yml")  # the next report starts from zero
    first, second = (json.loads(line) for line in log.read_text().splitlines())
    assert first["report"] == "a.yml" and set(first["stages"]) == {"prepare", "pdf"}
    assert first["stages"]["pdf"] == 0.25 and first["began"] <= first["ended"]
    assert second["stages"] == {} and second["began"] is None


def test_nothing_is_recorded_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(timing.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    timing.begin()
    timing.add("pdf", 1.0)
    timing.flush("a.yml")
    assert not list(tmp_path.iterdir())

"""prepare: one step from a params file to what may be published, and what a final report refuses."""

import subprocess
import sys
from pathlib import Path

import pytest

from rapportlib.checks import ConsistencyError
from rapportlib.errors import InputError
from rapportlib.prepare import Prepared, prepare

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
HEADER = "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent\n"
ROWS = "A1,kvinna,1980,2020-02-01,,,af\nA2,man,1985,2020-03-01,2020-09-30,arbete,fk\n"


def _project(tmp_path, register: str, period="{start: 2020-01-01, end: 2020-12-31}", texts=None, threshold=0) -> Path:
    (tmp_path / "deltagare.csv").write_text(register, encoding="utf-8")
    params = tmp_path / "t.yml"
    params.write_text(
        f"team: t\nname: Test\nperiod: {period}\ndata: {{participants: deltagare.csv}}\n"
        f"privacy: {{threshold: {threshold}}}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "t"
    folder.mkdir()
    for name, text in (texts or {}).items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return params


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "rapportlib.cli", *args], cwd=ROOT, capture_output=True, text=True)


def test_prepared_holds_published_indicators_and_hash(tmp_path):
    prepared = prepare(_project(tmp_path, HEADER + ROWS))
    assert prepared.indicators["flows"]["served"] == 2 and prepared.enrolments == 2 and prepared.participants == 2
    assert len(prepared.input_hash) == 64 and prepared.failed == ()
    assert Prepared.read(prepared.save(tmp_path / "p.pickle")) == prepared


def test_register_without_rows_fails_validation_naming_the_file(tmp_path):
    params = _project(tmp_path, HEADER)
    with pytest.raises(InputError, match="deltagare.csv"):
        prepare(params)
    proc = _cli("validate", str(params))
    assert proc.returncode == 2 and "deltagare.csv" in proc.stderr and "Traceback" not in proc.stderr


def test_period_without_anyone_enrolled_fails_validation(tmp_path):
    params = _project(tmp_path, HEADER + ROWS, period="{start: 2010-01-01, end: 2010-12-31}")
    proc = _cli("validate", str(params))
    assert proc.returncode == 2 and "t.yml" in proc.stderr and "period" in proc.stderr
    assert "2020-02-01" in proc.stderr and "Traceback" not in proc.stderr


def test_final_refuses_missing_texts_with_their_files(tmp_path):
    prepared = prepare(_project(tmp_path, HEADER + ROWS), NOTEBOOKS)
    with pytest.raises(InputError, match="sammanfattning.md"):
        prepared.require_final()


def test_final_refuses_numbers_typed_by_hand_with_file_and_line(tmp_path):
    text = "## Deltagare\nText utan siffror.\n\nAv 34 deltagare gick 44 till arbete och 9 till studier.\n"
    prepared = prepare(_project(tmp_path, HEADER + ROWS, texts={"sammanfattning": text}), NOTEBOOKS)
    typed = [p for p in prepared.refusals if p.file == "sammanfattning.md" and p.row == 4]
    assert [p.value for p in typed] == ["34", "44", "9"]


def test_final_refuses_failed_checks(tmp_path, monkeypatch):
    from rapportlib import checks
    from rapportlib.checks import Check

    monkeypatch.setattr(checks, "run_checks", lambda ind, **kw: [Check("Flödena går ihop", False, "1 = 2")])
    prepared = prepare(_project(tmp_path, HEADER + ROWS))
    assert prepared.refusals == ()
    with pytest.raises(ConsistencyError, match="Flödena går ihop"):
        prepared.require_final()


def test_final_refuses_a_placeholder_whose_figure_is_hidden(tmp_path):
    text = (
        "## Deltagare\nTill arbete gick {{ outcomes.counts.arbete }}, "
        "varav {{ outcomes.by_sex.man.counts.arbete }} män.\n"
    )
    params = _project(tmp_path, HEADER + ROWS, texts={"sammanfattning": text}, threshold=5)
    hidden = [p for p in prepare(params, NOTEBOOKS).refusals if p.file == "sammanfattning.md"]
    assert [(p.row, p.value) for p in hidden] == [(2, "{{ outcomes.by_sex.man.counts.arbete }}")]

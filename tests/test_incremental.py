"""`rapport render --all`: parallel, incremental by content hash, one failure does not stop the rest."""

import shutil
from pathlib import Path

from rapportlib.render import Layout, render_all

ROOT = Path(__file__).resolve().parents[1]


def _federation(tmp_path: Path) -> tuple[Path, Layout]:
    """A copy of the example params, narrative and data, so files can be changed safely."""
    shutil.copytree(ROOT / "params", tmp_path / "params")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "params", Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build")


def test_skip_unchanged_rerender_changed_and_force(tmp_path):
    params, layout = _federation(tmp_path)
    targets = sorted(params.rglob("*.yml"))
    first = render_all(targets, layout, jobs=2, progress=False)
    assert len(first["rendered"]) == 3 and not first["failed"] and not first["unchanged"]
    again = render_all(targets, layout, jobs=2, progress=False)
    assert again["rendered"] == [] and len(again["unchanged"]) == 3
    text = params / "vasteras" / "2020" / "framtiden.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    changed = render_all(targets, layout, jobs=2, progress=False)
    assert changed["rendered"] == [str(params / "vasteras" / "2020.yml")] and len(changed["unchanged"]) == 2
    assert "En mening till." in (layout.output / "vasteras" / "2020" / "report.html").read_text(encoding="utf-8")
    forced = render_all(targets[:1], layout, jobs=1, force=True, progress=False)
    assert len(forced["rendered"]) == 1


def test_one_failing_report_among_many(tmp_path):
    params, layout = _federation(tmp_path)
    register = tmp_path / "data" / "example" / "vasteras" / "deltagare.csv"
    register.write_text(register.read_text(encoding="utf-8").replace(";kvinna;", ";kvina;", 1), encoding="utf-8")
    summary = render_all(sorted(params.rglob("*.yml")), layout, jobs=2, progress=False)
    assert len(summary["rendered"]) == 2
    [(path, code, message)] = summary["failed"]
    assert path.endswith("vasteras/2020.yml") and code == 2 and "menade du kvinna?" in message
    index = (layout.output / "index.html").read_text(encoding="utf-8")
    assert "avesta/2018/report.html" in index and "vasteras/2020" not in index

"""`rapport render --all`: parallel, incremental by content hash, one failure does not stop the rest."""

import shutil
import subprocess
import sys
from pathlib import Path

from rapportlib.layout import Layout
from rapportlib.render import render_all

ROOT = Path(__file__).resolve().parents[1]


def _federation(tmp_path: Path) -> tuple[Path, Layout]:
    """A copy of the example project (params, narrative, data, notebooks), so files can be changed safely."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path / "params", Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build")


def test_skip_unchanged_rerender_changed_and_force(tmp_path):
    params, layout = _federation(tmp_path)
    targets = sorted(params.rglob("*.yml"))
    seen = []
    first = render_all(targets, layout, jobs=2, progress=lambda outcome, done, total: seen.append((done, total)))
    assert len(first["rendered"]) == 3 and not first["failed"] and not first["unchanged"]
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]  # at the start, then as each report finishes
    assert all(o.seconds > 0 and (Path(o.message) / "report.pdf").is_file() for o in first["rendered"])
    again = render_all(targets, layout, jobs=2, progress=None)
    assert again["rendered"] == [] and len(again["unchanged"]) == 3
    text = params / "vasteras" / "2020" / "framtiden.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    changed = render_all(targets, layout, jobs=2, progress=None)
    assert [o.params for o in changed["rendered"]] == [str(params / "vasteras" / "2020.yml")]
    assert len(changed["unchanged"]) == 2
    assert "En mening till." in (layout.output / "vasteras" / "2020" / "report.html").read_text(encoding="utf-8")
    forced = render_all(targets[:1], layout, jobs=1, force=True, progress=None)
    assert len(forced["rendered"]) == 1


def test_one_failing_report_among_many(tmp_path):
    """Through the command line, as CI runs it: a log line per report, the failure explained, the rest published."""
    params, layout = _federation(tmp_path)
    register = tmp_path / "data" / "example" / "vasteras" / "deltagare.csv"
    register.write_text(register.read_text(encoding="utf-8").replace(";kvinna;", ";kvina;", 1), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", "render", "--all", "--jobs", "2"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 2, run.stderr  # the worst failure's exit status: invalid input
    assert run.stdout.strip().splitlines()[-1].startswith("Klart: 2 renderade, 0 oförändrade, 1 misslyckade, ")
    progress = [line for line in run.stderr.splitlines() if line.startswith("[")]
    assert sorted(line[:5] for line in progress) == ["[1/3]", "[2/3]", "[3/3]"]  # not a TTY: one line per report
    assert any(line.split("] ")[1].startswith("params/vasteras/2020.yml: misslyckades") for line in progress)
    assert "menade du kvinna?" in run.stderr
    assert "without encryption" not in run.stderr  # kernels talk over private Unix sockets, not TCP
    index = (layout.output / "index.html").read_text(encoding="utf-8")
    assert "avesta/2018/report.html" in index and "vasteras/2020" not in index

"""`rapport render --all`: parallel, incremental by content hash, one failure does not stop the rest."""

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from rapportlib.cli import main
from rapportlib.layout import Layout
from rapportlib.render import is_current, render_all

ROOT = Path(__file__).resolve().parents[1]


def _federation(tmp_path: Path) -> tuple[Path, Layout]:
    """A copy of the example project (params, narrative, data, notebooks), so files can be changed safely."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path / "params", Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build")


def test_skip_unchanged_rerender_changed_and_force(tmp_path):
    params, layout = _federation(tmp_path)
    targets = sorted(params.rglob("*.yml"))
    n = len(targets)  # the example reports and plan
    seen = []
    first = render_all(targets, layout, jobs=2, progress=lambda outcome, done, total: seen.append((done, total)))
    assert len(first["rendered"]) == n and not first["failed"] and not first["unchanged"]
    assert seen == [(k, n) for k in range(n + 1)]  # at the start, then as each report finishes
    assert all(o.seconds > 0 and (Path(o.message) / "report.pdf").is_file() for o in first["rendered"])
    again = render_all(targets, layout, jobs=2, progress=None)
    assert again["rendered"] == [] and len(again["unchanged"]) == n
    text = params / "vasteras" / "2020" / "framtiden.md"
    text.write_text(text.read_text(encoding="utf-8") + "\nEn mening till.\n", encoding="utf-8")
    changed = render_all(targets, layout, jobs=2, progress=None)
    assert [o.params for o in changed["rendered"]] == [str(params / "vasteras" / "2020.yml")]
    assert len(changed["unchanged"]) == n - 1
    assert "En mening till." in (layout.output / "vasteras" / "2020" / "report.html").read_text(encoding="utf-8")
    forced = render_all(targets[:1], layout, jobs=1, force=True, progress=None)
    assert len(forced["rendered"]) == 1


def test_one_failing_report_among_many(tmp_path):
    """Through the command line, as CI runs it: a log line per report, the failure explained, the rest published."""
    params, layout = _federation(tmp_path)
    n = len(list(params.rglob("*.yml")))
    register = tmp_path / "data" / "example" / "vasteras" / "deltagare.csv"
    register.write_text(register.read_text(encoding="utf-8").replace(";kvinna;", ";kvina;", 1), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", "render", "--all", "--jobs", "2"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 2, run.stderr  # the worst failure's exit status: invalid input
    assert run.stdout.strip().splitlines()[-1].startswith(f"Klart: {n - 1} renderade, 0 oförändrade, 1 misslyckade, ")
    progress = [line for line in run.stderr.splitlines() if line.startswith("[")]
    assert sorted(line[:5] for line in progress) == [f"[{k}/{n}]" for k in range(1, n + 1)]  # one line per report
    assert any(line.split("] ")[1].startswith("params/vasteras/2020.yml: misslyckades") for line in progress)
    assert "menade du kvinna?" in run.stderr
    assert "without encryption" not in run.stderr  # kernels talk over private Unix sockets, not TCP
    index = (layout.output / "index.html").read_text(encoding="utf-8")
    assert "avesta/2018/report.html" in index and "vasteras/2020" not in index


# --- what the stamp covers --------------------------------------------------------------------


def _stamped(tmp_path: Path, final: bool = False, engine: str = "builtin") -> tuple[Path, Layout, Path]:
    """A report "published" by hand (no render) and its stamp, as a render would have recorded them."""
    from rapportlib.params import load_params
    from rapportlib.render import stamp

    params, layout = _federation(tmp_path)
    target = params / "vasteras" / "2020.yml"
    loaded = load_params(target)
    folder = layout.published(loaded)
    folder.mkdir(parents=True)
    for name in ("report.html", "report.pdf", "indicators.json"):
        (folder / name).write_text(f"{name}\n", encoding="utf-8")
    stamp.record(loaded, layout, stamp.wanted(loaded, layout, final, engine))
    return target, layout, folder


def test_the_stamp_names_everything_the_output_depends_on(tmp_path):
    target, layout, folder = _stamped(tmp_path)
    recorded = json.loads((layout.build / "vasteras" / "2020" / "stamp.json").read_text(encoding="utf-8"))
    assert sorted(recorded) == ["engine", "inputs", "mode", "output", "privacy", "published", "rapportlib"]
    assert {"params", "data/participants/deltagare.csv", "notebook/vasteras.ipynb"} <= set(recorded["inputs"])
    assert any(key.startswith("narrative/") for key in recorded["inputs"])
    assert (recorded["mode"], recorded["engine"], recorded["output"]) == ("draft", "builtin", str(folder.resolve()))
    assert recorded["privacy"] == {"threshold": 5, "strict": False}
    assert sorted(recorded["published"]) == ["indicators.json", "report.html", "report.pdf"]
    assert set(recorded["rapportlib"]) == {"version", "code"}


def test_mode_engine_output_and_privacy_each_make_a_report_stale(tmp_path):
    target, layout, _ = _stamped(tmp_path)
    assert is_current(target, layout)
    assert not is_current(target, layout, final=True)
    assert not is_current(target, layout, engine="quarto")
    assert not is_current(target, Layout(layout.templates, tmp_path / "elsewhere", layout.build))
    target.write_text(target.read_text(encoding="utf-8") + "privacy: {threshold: 3}\n", encoding="utf-8")
    assert not is_current(target, layout)


def test_a_published_file_edited_or_removed_by_hand_makes_a_report_stale(tmp_path):
    target, layout, folder = _stamped(tmp_path, final=True)
    assert is_current(target, layout, final=True)
    (folder / "report.html").write_text("edited by hand\n", encoding="utf-8")
    assert not is_current(target, layout, final=True)
    (folder / "report.html").write_text("report.html\n", encoding="utf-8")
    assert is_current(target, layout, final=True)
    (folder / "report.pdf").unlink()
    assert not is_current(target, layout, final=True)
    shutil.rmtree(folder)
    assert not is_current(target, layout, final=True)


def _cli_render(*args: str, status: int = 0) -> str:
    """``rapport render`` in this process; returns its closing line."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["render", "params/vasteras/2020.yml", *args]) == status
    return out.getvalue().strip().splitlines()[-1]


def test_switching_mode_or_output_renders_again(tmp_path, monkeypatch):
    """The known bug: a draft stayed published when rendered again with --final ("1 oförändrade")."""
    params, _ = _federation(tmp_path)
    text = params / "vasteras" / "2020" / "framtiden.md"  # a number typed by hand: listed in a draft only
    original = text.read_text(encoding="utf-8")
    text.write_text(original + "\nVi hade 17 möten.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    html = tmp_path / "output" / "vasteras" / "2020" / "report.html"
    assert _cli_render().startswith("Klart: 1 renderade, 0 oförändrade")
    draft = html.read_bytes()
    assert b"17" in draft and "före en slutlig rapport".encode() in draft
    assert _cli_render().startswith("Klart: 0 renderade, 1 oförändrade")  # nothing changed: skipped
    # --final is not skipped: it refuses the hand-typed number, and the draft stays as it was
    assert _cli_render("--final", status=2).startswith("Klart: 0 renderade, 0 oförändrade, 1 misslyckade")
    assert html.read_bytes() == draft
    text.write_text(original + '\nVi hade {{ "17" }} möten.\n', encoding="utf-8")  # marked as intended
    assert _cli_render("--final").startswith("Klart: 1 renderade, 0 oförändrade")
    final = html.read_bytes()
    assert final != draft and "före en slutlig rapport".encode() not in final
    assert _cli_render("--final").startswith("Klart: 0 renderade, 1 oförändrade")
    assert _cli_render().startswith("Klart: 1 renderade, 0 oförändrade")  # back to a draft
    assert _cli_render().startswith("Klart: 0 renderade, 1 oförändrade")
    assert _cli_render("--output", "site").startswith("Klart: 1 renderade, 0 oförändrade")
    assert (tmp_path / "site" / "vasteras" / "2020" / "report.html").read_bytes() == html.read_bytes()

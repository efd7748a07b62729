"""Atomic publishing: a failed, or killed, render leaves the earlier report and index byte-identical."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rapportlib.render import publish, recover, render

ROOT = Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_publish_swaps_whole_folders(tmp_path):
    published, staging = tmp_path / "out" / "2020", tmp_path / "stage"
    published.mkdir(parents=True)
    (published / "report.html").write_text("old")
    staging.mkdir()
    (staging / "report.html").write_text("new")
    (staging / "report.pdf").write_text("new pdf")
    publish(staging, published)
    assert _snapshot(published) == {"report.html": b"new", "report.pdf": b"new pdf"}
    assert _snapshot(staging) == {"report.html": b"old"}  # the earlier report, left for clean-up


def test_recover_restores_a_report_caught_between_two_renames(tmp_path):
    team = tmp_path / "avesta"
    (team / ".2020.previous").mkdir(parents=True)
    (team / ".2020.previous" / "report.html").write_text("earlier")
    assert recover(tmp_path) == [team / "2020"]
    assert (team / "2020" / "report.html").read_text() == "earlier"


def test_a_failing_render_leaves_earlier_output_untouched(site, tmp_path, monkeypatch):
    from rapportlib.render import pdf

    layout, folders = site
    before = _snapshot(layout.output)

    def broken_pdf(nb, target, provenance=""):
        target.write_bytes(b"%PDF half")
        raise RuntimeError("typst crashed")

    monkeypatch.setattr(pdf, "to_pdf", broken_pdf)
    with pytest.raises(RuntimeError, match="typst crashed"):
        render(ROOT / "params/vasteras/2020.yml", layout)
    assert _snapshot(layout.output) == before


def test_killing_render_midway_leaves_earlier_output_byte_identical(tmp_path):
    """In a copy of the project and with --force, so that nothing an earlier command (``make report``)
    left in the repository's build/ or output/ can make the render skip the notebook it waits for."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    out = tmp_path / "output"
    earlier = out / "vasteras" / "2020"
    earlier.mkdir(parents=True)
    for name in ("report.html", "report.pdf", "indicators.json"):
        (earlier / name).write_bytes(f"earlier {name}".encode())
    (out / "index.html").write_bytes(b"earlier index")
    before = _snapshot(out)
    build = tmp_path / "build" / "vasteras" / "2020" / "report.ipynb"
    proc = subprocess.Popen([sys.executable, "-m", "rapportlib.cli", "render", "params/vasteras/2020.yml",
                             "--output", str(out), "--force"], cwd=tmp_path, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until the notebook is being executed, then kill everything
        if build.exists():
            break
        time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("the render never started executing the notebook")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _snapshot(out) == before

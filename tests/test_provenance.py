"""Provenance: the last line of every report names rapport's version and commit, says when the working
tree had uncommitted changes, and hashes the data files; never the clock."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rapportlib.params import load_params
from rapportlib.render.provenance import GitState, git_state, provenance

ROOT = Path(__file__).resolve().parents[1]
NOTE = "med ändringar som inte checkats in"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    return subprocess.run([*command, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def test_git_state_sees_uncommitted_and_untracked_changes(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.py").write_text("x = 1\n")
    _git(tmp_path, "add", "a.py")
    _git(tmp_path, "commit", "-q", "-m", "first")
    commit = _git(tmp_path, "rev-parse", "--short=12", "HEAD").strip()
    assert git_state(tmp_path) == GitState(commit, dirty=False)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert git_state(tmp_path) == GitState(commit, dirty=True)
    _git(tmp_path, "commit", "-q", "-am", "second")
    assert not git_state(tmp_path).dirty
    (tmp_path / "new.md").write_text("text\n")
    assert git_state(tmp_path).dirty


def test_outside_a_checkout_there_is_no_commit(tmp_path):
    assert git_state(tmp_path) == GitState(None, dirty=False)


def test_the_line_says_when_the_tree_had_changes():
    params = load_params(ROOT / "params/vasteras/2020.yml")
    clean = provenance(params, GitState("0123456789ab", dirty=False))
    dirty = provenance(params, GitState("0123456789ab", dirty=True))
    assert "(commit 0123456789ab)" in clean and NOTE not in clean
    assert f"(commit 0123456789ab, {NOTE})" in dirty
    assert "commit" not in provenance(params, GitState())
    assert re.search(r"deltagare\.csv sha256 [0-9a-f]{12}", clean)


def test_html_footer_and_pdf_end_with_the_line_of_the_tree_they_were_made_from(site):
    """Both outputs carry the same line, made from the repository's state at render time."""
    _, folders = site
    folder = folders["vasteras/2020"]
    expected = provenance(load_params(ROOT / "params/vasteras/2020.yml"))
    assert (NOTE in expected) == git_state().dirty
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert f'<footer class="provenance">{expected}</footer>' in page
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(folder / "report.pdf"), "-"], capture_output=True, text=True).stdout
        assert " ".join(expected.split()) in " ".join(text.split())

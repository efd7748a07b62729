"""Provenance: the last line of every report says in a reader's words which program and version made
it from which of the team's sources; indicators.json holds the technical details (the commit, whether
the working tree had uncommitted changes, each data file's hash). Never the clock."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rapportlib.params import load_params
from rapportlib.render.provenance import GitState, git_state, provenance, provenance_data

ROOT = Path(__file__).resolve().parents[1]

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


def test_the_line_is_in_reader_words_and_the_details_are_for_indicators_json():
    params = load_params(ROOT / "params/vasteras/2020.yml")
    line = provenance(params, GitState("0123456789ab", dirty=True))
    assert line.startswith(
        "Rapporten om Samordningsteam Västerås för januari–december 2020 är framställd med programmet rapport, "
        "version "
    )
    assert "ur teamets deltagarregister, deltagarenkät och uppföljningar efter avslut (3 filer)." in line
    for word in ("commit", "0123456789ab", "sha256", ".csv", "indicators.json", "checkats in"):
        assert word not in line
    assert line == provenance(params, GitState())  # the tree's state is a technical detail
    details = provenance_data(params, GitState("0123456789ab", dirty=True))
    assert details["commit"] == "0123456789ab" and details["uncommitted_changes"] is True
    assert re.fullmatch(r"[0-9a-f]{64}", details["files"]["participants"]["sha256"])
    assert details["files"]["participants"]["name"] == "deltagare.csv"


def test_html_footer_and_pdf_end_with_the_line_of_the_tree_they_were_made_from(site):
    """Both outputs carry the same line, made from the repository's state at render time."""
    _, folders = site
    folder = folders["vasteras/2020"]
    expected = provenance(load_params(ROOT / "params/vasteras/2020.yml"))
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert f'<footer class="provenance">{expected}</footer>' in page
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(folder / "report.pdf"), "-"], capture_output=True, text=True).stdout
        assert " ".join(expected.split()) in " ".join(text.split())
    # the technical details, for whoever checks which code and data made the report
    details = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))["provenance"]
    state = git_state()
    assert details["commit"] == state.commit and details["uncommitted_changes"] == state.dirty
    assert set(details["files"]) == {"participants", "survey", "followups"}

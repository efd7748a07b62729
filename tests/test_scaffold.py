"""`rapport new`: a params file and empty narrative files from a template; nothing overwritten."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rapportlib.errors import InputError
from rapportlib.narrative import read_section
from rapportlib.scaffold import new_report, parse_period

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / "params").mkdir()
    return tmp_path


def test_periods():
    assert parse_period("2023")[2] == "2023"
    start, end, stem = parse_period("2022-07-01:2023-06-30")
    assert (start.isoformat(), end.isoformat(), stem) == ("2022-07-01", "2023-06-30", "2022-23")
    with pytest.raises(InputError):
        parse_period("23")


def test_scaffolds_params_and_every_section_of_the_template(project):
    written = new_report(project, "sater", "2023", "sodra-dalarna", "Samverkansteam Säter", "Södra Dalarnas SF")
    params = project / "params/sater/2023.yml"
    assert params in written and "template: sodra-dalarna" in params.read_text(encoding="utf-8")
    assert "period: {start: 2023-01-01, end: 2023-12-31}" in params.read_text(encoding="utf-8")
    folder = project / "params/sater/2023"
    assert len(list(folder.glob("*.md"))) == 10  # sammanfattning + 9 sections
    parts = read_section(folder, "deltagare-resultat")
    assert set(parts) == {"Beskrivning", "Analys", "Reflektion"}
    assert all(not p.text for p in parts.values()), "scaffolded parts are empty (the guide is a comment)"


def test_never_overwrites(project):
    new_report(project, "sater", "2023", "vasteras")
    with pytest.raises(InputError, match="skrivs inte över"):
        new_report(project, "sater", "2023", "vasteras")


def test_command_line(project):
    proc = subprocess.run([sys.executable, "-m", "rapportlib.cli", "new", "hedemora", "2024", "--template", "vasteras"],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "params/hedemora/2024.yml" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "rapportlib.cli", "new", "hedemora", "2024", "--template", "nej"],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 2 and "en av plan, sodra-dalarna, vasteras" in proc.stderr

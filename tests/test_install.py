"""The built package carries its templates: installed outside this repository, `rapport` makes a
workspace and renders it in any folder."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package built as a wheel from this checkout and installed (without its dependencies,
    which this environment has) into a folder of its own."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"  # a copy of the tracked files: building writes build/ beside them
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(base / "dist"), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("rapportlib-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for template in ROOT.joinpath("notebooks").glob("*.ipynb"):
        assert f"rapportlib/templates/notebooks/{template.name}" in names
    assert "rapportlib/templates/report.css" in names and "rapportlib/templates/report.typ" in names
    target = base / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return target


def _rapport(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def test_installed_package_renders_a_new_workspace_outside_the_repository(installed, tmp_path):
    where = _rapport(installed, tmp_path, "templates")
    assert where.returncode == 0, where.stderr
    assert str(installed) in where.stdout and str(ROOT) not in where.stdout  # the packaged templates
    assert _rapport(installed, tmp_path, "init", "ws").returncode == 0
    made = _rapport(installed, tmp_path / "ws", "new", "avesta", "2023", "--template", "vasteras")
    assert made.returncode == 0, made.stderr
    (tmp_path / "ws" / "data" / "avesta").mkdir()
    register = tmp_path / "ws" / "data" / "exempelteam" / "deltagare.csv"
    (tmp_path / "ws" / "data" / "avesta" / "deltagare.csv").write_bytes(register.read_bytes())
    done = _rapport(installed, tmp_path / "ws", "render", "--all")
    assert done.returncode == 0, done.stderr
    assert "2 renderade" in done.stdout
    for team, period in (("exempelteam", "2022"), ("avesta", "2023")):
        assert (tmp_path / "ws" / "output" / team / period / "report.pdf").is_file()

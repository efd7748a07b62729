"""The files `rapport init` copies into a new workspace (src/rapportlib/templates/workspace/):
git keeps registers out, the pre-commit checks and the sample CI workflow name what they must,
the READMEs are Swedish and name the commands, and nothing in them is shaped like an identity
number."""

import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

import rapportlib
from rapportlib.cli_parser import parser
from rapportlib.idscan import scan

ROOT = Path(__file__).resolve().parents[1]
WORKSPACE = Path(rapportlib.__file__).parent / "templates" / "workspace"
EXPECTED = {
    "README.md",
    "gitignore",
    "pre-commit-config.yaml",
    "data/README.md",
    "github/workflows/rapport.yml",
}


def _files() -> set[str]:
    return {p.relative_to(WORKSPACE).as_posix() for p in WORKSPACE.rglob("*") if p.is_file()}


def test_the_workspace_files_are_there_and_packaged():
    assert EXPECTED <= _files()
    # No dotfiles in the package: `rapport init` renames gitignore, pre-commit-config.yaml, github/.
    assert not any(part.startswith(".") for f in _files() for part in f.split("/"))
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "templates/**/*" in patterns["rapportlib"], "nested workspace folders must reach the wheel"


def _hooks() -> dict[str, dict]:
    config = yaml.safe_load((WORKSPACE / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {}
    for repo in config["repos"]:
        if repo["repo"] != "local":
            rev = repo["rev"]
            assert rev[0] in "v0123456789" and rev not in ("main", "master"), f"{repo['repo']}: pin a released tag"
        for hook in repo["hooks"]:
            hooks[hook["id"]] = {**hook, "repo": repo["repo"], "rev": repo.get("rev")}
    return hooks


def test_pre_commit_runs_the_identity_scan_and_the_other_checks():
    hooks = _hooks()
    scan_hook = hooks["rapport-scan"]
    assert scan_hook["repo"] == "local" and scan_hook["language"] == "system"
    assert scan_hook["entry"] == "rapport scan"
    assert "exclude" not in scan_hook and "files" not in scan_hook, "the identity check covers every file"
    assert parser().parse_args([*shlex.split(scan_hook["entry"])[1:], "x.md"]).command == "scan"
    assert hooks["check-added-large-files"]["repo"] == "https://github.com/pre-commit/pre-commit-hooks"
    assert hooks["nbstripout"]["repo"] == "https://github.com/kynan/nbstripout"
    assert hooks["nbstripout"]["files"].startswith("^templates/")
    assert hooks["ruff"]["repo"] == "https://github.com/astral-sh/ruff-pre-commit"


def _workflow() -> dict:
    return yaml.safe_load((WORKSPACE / "github" / "workflows" / "rapport.yml").read_text(encoding="utf-8"))


def test_ci_workflow_renders_final_and_publishes_output_only():
    flow = _workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "workflow_dispatch" in triggers
    assert flow["permissions"]["pages"] == "write" and flow["permissions"]["id-token"] == "write"
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    runs = "\n".join(s.get("run", "") for s in steps)
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert "rapport render --all --final" in runs
    assert "pip install" in runs
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "output"
    assert "actions/deploy-pages" in uses
    cleanup = next(s for s in steps if "rm -rf data build" in s.get("run", ""))
    assert cleanup["if"] == "always()", "registers never stay on a runner"


def test_ci_workflow_says_where_registers_come_from():
    text = (WORKSPACE / "github" / "workflows" / "rapport.yml").read_text(encoding="utf-8")
    assert "ALDRIG ligga i repositoriet" in text
    assert "self-hosted" in text and _workflow()["jobs"]["render"]["runs-on"] == "self-hosted"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_keeps_registers_out_but_the_data_readme_in(tmp_path):
    shutil.copy(WORKSPACE / "gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    ignored = [
        "data/avesta/deltagare.csv",
        "data/register.xlsx",
        "output/index.html",
        "output/avesta/2024/report.pdf",
        "build/avesta/2024/report.ipynb",
        "templates/.ipynb_checkpoints/mall-checkpoint.ipynb",
        "templates/__pycache__/x.pyc",
        ".venv/bin/python",
    ]
    kept = ["data/README.md", "params/avesta/2024.yml", "params/avesta/2024/analys.md", "templates/mall.ipynb"]
    for name in ignored + kept:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")

    def is_ignored(name: str) -> bool:
        proc = subprocess.run(["git", "check-ignore", "-q", name], cwd=tmp_path)
        assert proc.returncode in (0, 1), proc
        return proc.returncode == 0

    assert [n for n in ignored if not is_ignored(n)] == []
    assert [n for n in kept if is_ignored(n)] == []


@pytest.mark.parametrize("name", ["README.md", "data/README.md"])
def test_readmes_are_swedish(name):
    text = (WORKSPACE / name).read_text(encoding="utf-8")
    words = set(text.lower().split())
    assert {"och", "är", "inte"} <= words, "the workspace speaks Swedish"
    assert not {"the", "and", "is"} & words


def test_workspace_readme_names_the_commands():
    text = (WORKSPACE / "README.md").read_text(encoding="utf-8")
    for command in [
        "rapport render --all",
        "rapport preview params/",
        "rapport new ",
        "rapport validate ",
        "--final",
        "output/index.html",
        "data/README.md",
        "pre-commit install",
    ]:
        assert command in text, command


def test_data_readme_says_how_registers_are_handled():
    text = (WORKSPACE / "data" / "README.md").read_text(encoding="utf-8")
    for point in [".gitignore", "personnummer", "pseudonym", "Ta bort", "skyddade lagring", "Små antal"]:
        assert point in text, point


def test_no_identity_numbers_in_the_workspace_files_or_the_guide(capsys):
    files = [WORKSPACE / f for f in sorted(_files())] + [ROOT / "docs" / "kom-igang.md"]
    assert scan(files) == 0, capsys.readouterr().err


def test_getting_started_guide_is_linked_and_names_each_step():
    guide = (ROOT / "docs" / "kom-igang.md").read_text(encoding="utf-8")
    assert "kom-igang.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "kom-igang.md" in (ROOT / "docs" / "analyst.md").read_text(encoding="utf-8")
    for step in [
        "python3 -m venv",
        "pip install",
        "environment.yml",
        "rapport init",
        "rapport new",
        "data/",
        "{{ flows.new }}",
        "analyst.md",
        "rapport preview",
        "rapport validate",
        "rapport render --all --final",
        "output/",
        "pip install pre-commit && pre-commit install",
        ".github/workflows/rapport.yml",
    ]:
        assert step in guide, step

"""`rapport init`, `rapport demo` and `rapport templates`: a förbund's own workspace, anywhere."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rapportlib.cli import main
from rapportlib.errors import InputError
from rapportlib.layout import Layout
from rapportlib.lookup import WORKSPACE, builtin_folder
from rapportlib.workspace import copy_template, describe_templates, init

ROOT = Path(__file__).resolve().parents[1]


def _rapport(cwd: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout,
    )


def test_init_makes_the_folders_and_an_example_team(tmp_path):
    folder = tmp_path / "arbetsyta"
    init(folder, federation="Samordningsförbundet Mitt")
    for name in ("params", "data", "templates", "output"):
        assert (folder / name).is_dir(), name
    params = folder / "params" / "exempelteam" / "2022.yml"
    assert params.is_file() and "Samordningsförbundet Mitt" in params.read_text(encoding="utf-8")
    assert (folder / "data" / "exempelteam" / "deltagare.csv").is_file()
    assert sorted(p.name for p in (folder / "params" / "exempelteam" / "2022").glob("*.md"))


def test_init_refuses_a_folder_in_use_and_an_identity_number(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "fil.txt").write_text("x")
    with pytest.raises(InputError):
        init(tmp_path / "used")
    assert sorted(p.name for p in (tmp_path / "used").iterdir()) == ["fil.txt"]
    number = "19" + "121212" + "-" + "1212"  # shaped like a personnummer: to be refused
    with pytest.raises(InputError) as caught:
        init(tmp_path / "ny", federation=f"Förbund {number}")
    assert number not in str(caught.value) and not (tmp_path / "ny").exists()


def test_init_without_example_and_with_the_cli(tmp_path, capsys):
    assert main(["init", str(tmp_path / "tom"), "--no-example"]) == 0
    assert not any((tmp_path / "tom" / "params").iterdir())
    assert "README.md" in capsys.readouterr().out


def test_the_example_team_of_a_new_workspace_renders_there(tmp_path):
    init(tmp_path / "ws")
    done = _rapport(tmp_path / "ws", "render", "--all")
    assert done.returncode == 0, done.stderr
    published = tmp_path / "ws" / "output" / "exempelteam" / "2022"
    assert {p.name for p in published.iterdir()} >= {"report.html", "report.pdf", "indicators.json"}
    assert json.loads((published / "indicators.json").read_text())["team"] == "exempelteam"
    assert (tmp_path / "ws" / "output" / "index.html").is_file()


def test_new_in_a_workspace_uses_the_builtin_template(tmp_path):
    init(tmp_path / "ws", example=False)
    done = _rapport(tmp_path / "ws", "new", "avesta", "2023", "--name", "Samverkansteam Avesta")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ws" / "params" / "avesta" / "2023.yml").is_file()
    assert len(list((tmp_path / "ws" / "params" / "avesta" / "2023").glob("*.md"))) == 10


def test_demo_makes_a_workspace_that_renders_where_it_was_made(tmp_path):
    done = _rapport(tmp_path, "demo", "--teams", "2", "--out", "demo")
    assert done.returncode == 0, done.stderr
    done = _rapport(tmp_path / "demo", "render", "--all")
    assert done.returncode == 0, done.stderr
    assert "2 renderade" in done.stdout
    for team in ("team-001", "team-002"):
        assert (tmp_path / "demo" / "output" / team / "2022" / "report.pdf").is_file()
    assert not (tmp_path / "output").exists()


def test_templates_lists_and_copies(tmp_path, monkeypatch):
    init(tmp_path / "ws", example=False)
    templates = Layout.default(tmp_path / "ws").templates
    assert any(line.startswith("vasteras") and "följer med rapport" in line for line in describe_templates(templates))
    copied = copy_template(templates, "vasteras", tmp_path / "ws")
    assert copied == tmp_path / "ws" / "templates" / "vasteras.ipynb"
    assert copied.read_bytes() == (builtin_folder() / "vasteras.ipynb").read_bytes()
    templates = Layout.default(tmp_path / "ws").templates
    assert {t.name: t.origin for t in templates.listing()}["vasteras"] == WORKSPACE
    assert any("ersätter den inbyggda" in line for line in describe_templates(templates))
    with pytest.raises(InputError):
        copy_template(templates, "vasteras", tmp_path / "ws")  # never overwritten
    with pytest.raises(InputError):
        copy_template(templates, "finns-inte", tmp_path / "ws")
    monkeypatch.chdir(tmp_path / "ws")
    assert main(["templates"]) == 0


def test_every_command_and_option_is_described_in_swedish_with_an_example():
    from rapportlib.cli_parser import parser

    top = parser()
    commands = next(a for a in top._actions if a.dest == "command").choices
    assert {"init", "new", "templates", "demo", "validate", "indicators", "render", "preview", "scan"} <= set(commands)
    for name, command in commands.items():
        text = command.format_help()
        assert "Exempel:\n  rapport " + name in text, name
        assert text.startswith("användning: rapport " + name), name
        for action in command._actions:
            assert action.help and action.help[0].islower() or action.help[0].isupper(), (name, action.dest)
            assert not any(word in action.help for word in ("show this", "help message")), (name, action.dest)
    assert "kommandon" in top.format_help() and "rapport init" in top.format_help()


def test_init_writes_the_workspace_conventions_with_their_dots(tmp_path):
    init(tmp_path / "ws", example=False)
    names = (".gitignore", ".pre-commit-config.yaml", ".github/workflows/rapport.yml", "README.md", "data/README.md")
    for name in names:
        assert (tmp_path / "ws" / name).is_file(), name
    assert not (tmp_path / "ws" / "gitignore").exists()

"""Template lookup: a workspace's templates/ first, then its notebooks/, then rapportlib's own."""

import shutil
from pathlib import Path

import pytest

from rapportlib.errors import InputError
from rapportlib.layout import Layout, project_root
from rapportlib.lookup import BUILTIN, WORKSPACE, Templates, builtin_folder
from rapportlib.notebooks import notebook_for

ROOT = Path(__file__).resolve().parents[1]


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "params").mkdir()
    (tmp_path / "templates").mkdir()
    return tmp_path


def test_builtin_templates_are_found_from_any_folder(tmp_path):
    templates = Layout.default(_workspace(tmp_path)).templates
    listing = {t.name: t for t in templates.listing()}
    assert {"sodra-dalarna", "vasteras"} <= set(listing)
    assert all(t.origin == BUILTIN and t.notebook.parent == builtin_folder().resolve() for t in listing.values())


def test_a_workspace_template_comes_before_the_builtin_one_of_the_same_name(tmp_path):
    root = _workspace(tmp_path)
    own = root / "templates" / "vasteras.ipynb"
    shutil.copyfile(builtin_folder() / "vasteras.ipynb", own)
    shutil.copyfile(builtin_folder() / "vasteras.ipynb", root / "templates" / "lokal.ipynb")
    templates = Templates.for_workspace(root)
    assert templates.find("vasteras") == own.resolve()
    assert templates.find("sodra-dalarna") == (builtin_folder() / "sodra-dalarna.ipynb").resolve()
    origins = {t.name: t.origin for t in templates.listing()}
    assert origins["lokal"] == origins["vasteras"] == WORKSPACE and origins["sodra-dalarna"] == BUILTIN
    assert {name for name, origin in origins.items() if origin == WORKSPACE} == {"lokal", "vasteras"}
    assert [t.name for t in templates.shadowed()] == ["vasteras"]
    assert notebook_for(templates, "lokal", Path("x.yml")) == (root / "templates" / "lokal.ipynb").resolve()


def test_templates_before_notebooks_and_hidden_files_ignored(tmp_path):
    root = _workspace(tmp_path)
    (root / "notebooks").mkdir()
    for folder in ("templates", "notebooks"):
        shutil.copyfile(builtin_folder() / "vasteras.ipynb", root / folder / "egen.ipynb")
    shutil.copyfile(builtin_folder() / "vasteras.ipynb", root / "templates" / "_utkast.ipynb")
    templates = Templates.for_workspace(root)
    assert templates.find("egen") == (root / "templates" / "egen.ipynb").resolve()
    assert "_utkast" not in templates.names()


def test_an_unknown_template_names_those_there_are(tmp_path):
    templates = Templates.for_workspace(_workspace(tmp_path))
    with pytest.raises(InputError) as caught:
        notebook_for(templates, "saknas", Path("team.yml"))
    assert "sodra-dalarna" in str(caught.value) and "vasteras" in str(caught.value)
    with pytest.raises(InputError):
        notebook_for(templates, "../vasteras", Path("team.yml"))


def test_the_workspace_is_the_nearest_folder_holding_params(tmp_path):
    root = _workspace(tmp_path)
    deep = root / "params" / "team" / "2023"
    deep.mkdir(parents=True)
    assert project_root(deep) == root.resolve()


def test_this_repository_is_a_workspace_whose_notebooks_are_the_builtin_ones():
    listing = Layout.default(ROOT).templates.listing()
    assert {t.origin for t in listing} == {BUILTIN}

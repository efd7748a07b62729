"""Project hygiene: dependencies in sync, notebooks stored without outputs, params files valid."""

import json
import re
import tomllib
from pathlib import Path

from rapportlib.params import load_params

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!\[ ]", requirement.strip())[0].lower().replace("_", "-")


def test_environment_yml_lists_every_dependency():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = (ROOT / "environment.yml").read_text().lower().replace("_", "-")
    listed = {_name(m) for m in re.findall(r"^\s*-\s+([A-Za-z0-9_.\-]+[^\n]*)$", env, flags=re.M)}
    missing = {_name(d) for d in deps} - listed
    assert not missing, f"environment.yml lacks {sorted(missing)}"


#: On PyPI only, or under another meaning on conda-forge: conda-forge's `typst` is the Typst program,
#: not the Python binding rapport imports; pypandoc_binary is not on conda-forge.
PIP_ONLY = {"typst", "pypandoc-binary", "playwright"}


def _environment() -> tuple[dict[str, str], dict[str, str]]:
    """The conda and the pip requirements of environment.yml, by name."""
    import yaml

    deps = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    conda = {_name(d): d for d in deps if isinstance(d, str)}
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    return conda, {_name(d): d for d in pip if not d.startswith("-")} | {d: d for d in pip if d.startswith("-")}


def _bound(requirement: str) -> str:
    """The version bound of a requirement: ``>=2.2`` of ``pandas>=2.2``."""
    return re.sub(r"^[A-Za-z0-9_.\-]+", "", requirement).replace(" ", "")


def test_environment_yml_takes_each_package_from_the_right_place_at_the_same_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    conda, pip = _environment()
    assert "-e ." in pip, "the environment installs rapport itself from the repository"
    assert not PIP_ONLY & conda.keys(), "typst, pypandoc_binary and playwright come from PyPI"
    assert PIP_ONLY <= pip.keys()
    for requirement in wanted:
        listed = conda.get(_name(requirement)) or pip.get(_name(requirement))
        assert listed, f"environment.yml lacks {requirement}"
        assert _bound(listed) == _bound(requirement), f"{listed!r} in environment.yml, {requirement!r} in pyproject"


def test_notebooks_are_committed_without_outputs():
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, path


def test_notebook_has_a_parameters_cell_and_defines_no_functions():
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1 and "params_path" in "".join(tagged[0]["source"]), path
        for cell in nb["cells"]:
            assert not re.search(r"^\s*(def|class|lambda) ", "".join(cell["source"]), flags=re.M), path


def test_every_params_file_loads():
    files = sorted((ROOT / "params").rglob("*.yml"))
    assert len(files) >= 3
    for path in files:
        params = load_params(path)
        assert params.data["participants"].exists()


def test_each_notebook_is_paired_with_an_identical_percent_script():
    import jupytext

    for path in (ROOT / "notebooks").glob("*.ipynb"):
        script = path.with_suffix(".py")
        assert script.exists(), f"{script.name} is missing: run `jupytext --sync {path}`"
        nb, paired = jupytext.read(path), jupytext.read(script)
        sources = lambda n: [(c.cell_type, c.source.strip()) for c in n.cells]  # noqa: E731
        assert sources(nb) == sources(paired), f"{path.name} and {script.name} differ: run `jupytext --sync`"

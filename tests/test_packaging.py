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

"""The table and figure registries: every name a notebook uses is registered, and nothing else is lost."""

import json
import re
from pathlib import Path

import pytest

from rapportlib import charts, tables
from rapportlib.report import Report

ROOT = Path(__file__).resolve().parents[1]
CALL = re.compile(r"""rep\.(table|figure)\(\s*(["'])([^"']+)\2""")


def _calls() -> dict[str, set[tuple[str, str]]]:
    """``{notebook: {("table" | "figure", name)}}`` from the code cells of every template notebook."""
    found = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        found[path.name] = {(kind, name) for kind, _, name in CALL.findall(code)}
    return found


def test_every_name_a_notebook_uses_is_registered():
    calls = _calls()
    assert calls and all(calls.values()), f"no rep.table/rep.figure calls found in {sorted(calls)}"
    registry = {"table": tables.TABLES, "figure": charts.FIGURES}
    missing = sorted(
        (nb, kind, name) for nb, used in calls.items() for kind, name in used if name not in registry[kind]
    )
    assert not missing, f"notebooks use unregistered names: {missing}"


def test_registries_hold_every_builder_under_its_own_name():
    table_builders = {n.removesuffix("_table") for n in dir(tables) if n.endswith("_table") and not n.startswith("_")}
    assert {k: f.__name__ for k, f in tables.TABLES.items()} == {k: f"{k}_table" for k in table_builders}
    chart_builders = {n.removesuffix("_chart") for n in dir(charts) if n.endswith("_chart") and not n.startswith("_")}
    chart_builders.discard("comparison")  # drawn by the reviewers' index from several reports, not by a report
    assert {k: f.__name__ for k, f in charts.FIGURES.items()} == {k: f"{k}_chart" for k in chart_builders}


def test_names_used_by_earlier_callers_stay_importable():
    from rapportlib.tables import Table, flow_table, outcome_table  # noqa: F401


@pytest.mark.parametrize(("method", "known"), [("table", "flow"), ("figure", "outcome")])
def test_an_unknown_name_raises_and_lists_the_known_names(method, known):
    rep = object.__new__(Report)  # the lookup happens before the report's data are touched
    with pytest.raises(KeyError, match=rf"'no_such_thing'.*\b{known}\b"):
        getattr(rep, method)("no_such_thing")

"""Snapshots: each template's rendered section structure, and the rendered HTML of one table.

A deliberate change regenerates them: `UPDATE_SNAPSHOTS=1 make test`, then review the diff. A
missing snapshot fails the test rather than being written silently.
"""

import os
import re
from pathlib import Path

import pytest

from rapportlib.pipeline import indicators_for
from rapportlib.tables import flow_table, outcome_table

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).parent / "snapshots"


def _check(name: str, actual: str) -> None:
    """Compare with the committed snapshot; a missing one fails (``UPDATE_SNAPSHOTS=1`` writes it)."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"snapshot {name} is missing; to record it: UPDATE_SNAPSHOTS=1 make test, then review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; if intended: UPDATE_SNAPSHOTS=1 make test"


def _structure(page: str) -> str:
    """Headings (with their section numbers), table captions and figure captions, in order."""
    lines = []
    for m in re.finditer(r"<h([1-4])[^>]*>(.*?)</h\1>|<caption>(.*?)</caption>|<figcaption>(.*?)</figcaption>", page,
                         re.S):
        if m.group(1):
            text = re.sub(r"<[^>]+>", "", m.group(2)).strip()
            lines.append(f"{'  ' * (int(m.group(1)) - 1)}{text}")
        else:
            lines.append(f"{'  ' * 4}[{re.sub(r'<[^>]+>', '', m.group(3) or m.group(4)).strip()}]")
    return "\n".join(lines) + "\n"


def test_sodra_dalarna_structure(site):
    _, folders = site
    page = (folders["avesta/2021-22"] / "report.html").read_text(encoding="utf-8")
    _check("sodra-dalarna.structure.txt", _structure(page))


def test_vasteras_structure(site):
    _, folders = site
    page = (folders["vasteras/2020"] / "report.html").read_text(encoding="utf-8")
    _check("vasteras.structure.txt", _structure(page))

def test_plan_structure(site):
    _, folders = site
    page = (folders["sater/plan-2018"] / "report.html").read_text(encoding="utf-8")
    _check("plan.structure.txt", _structure(page))


def test_flow_and_outcome_table_html():
    _, ind = indicators_for(ROOT / "params/avesta/2021-22.yml")
    _check("table-flow.html", flow_table(ind).to_html(1) + "\n")
    _check("table-outcome.md", outcome_table(ind).to_markdown(2) + "\n")


def test_a_missing_snapshot_fails_unless_asked_to_record_it(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "SNAPSHOTS", tmp_path)
    monkeypatch.delenv("UPDATE_SNAPSHOTS", raising=False)
    with pytest.raises(AssertionError, match="new.txt is missing"):
        _check("new.txt", "x\n")
    assert not (tmp_path / "new.txt").exists()
    monkeypatch.setenv("UPDATE_SNAPSHOTS", "1")
    _check("new.txt", "x\n")
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "x\n"

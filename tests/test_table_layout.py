"""Tables laid out by content (tables/base.py, report.py): one-row wide tables turned, tables with
nothing to read replaced by a sentence, related tables side by side, new pages for main parts.

The layout is a matter of showing only: a table's data (what the consistency checks read) stay as
the builder made them.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from rapportlib import tables
from rapportlib.pipeline import indicators_for, published_indicators
from rapportlib.report import Report
from rapportlib.tables.base import TURN_ABOVE, Table

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def indicators():
    """The example's indicators as published (small counts hidden)."""
    return published_indicators(*indicators_for(ROOT / "params/avesta/2021-22.yml"))


def _report(ind) -> Report:
    rep = object.__new__(Report)
    rep.indicators, rep.final, rep._tables, rep._figures = ind, False, 0, 0
    return rep


def _one_row(n: int, labelled: bool = False) -> Table:
    columns = [f"Kolumn {j}" for j in range(n)]
    row = [str(10 + j) for j in range(n)]
    align = ["r"] * n
    if labelled:
        row[0], align[0] = "Totalt", "l"
    return Table("t", "Rubrik", columns, [row], align, total_rows=frozenset({0}))


@pytest.fixture(scope="module")
def one_period(indicators):
    """The same without the previous period (with one, the flow table has a row per figure already)."""
    return {k: v for k, v in indicators.items() if k != "previous"}


def test_a_one_row_wide_table_is_shown_turned_and_keeps_its_data(one_period):
    indicators = one_period
    flow = tables.flow_table(indicators)
    assert len(flow.rows) == 1 and len(flow.columns) > TURN_ABOVE
    shown = flow.laid_out()
    assert shown.columns == ["", "Antal"] and shown.align == ["l", "r"]
    assert [r[0] for r in shown.rows] == flow.columns and [r[1] for r in shown.rows] == flow.rows[0]
    assert tables.flow_table(indicators) == flow  # the data the checks read are untouched


def test_a_labelled_one_row_table_turns_under_its_label():
    shown = _one_row(6, labelled=True).laid_out()
    assert shown.columns == ["Kolumn 0", "Totalt"]
    assert shown.rows[0] == ["Kolumn 1", "11"] and len(shown.rows) == 5
    assert shown.total_rows == frozenset()


@pytest.mark.parametrize("table", [_one_row(TURN_ABOVE), replace(_one_row(8), rows=[["1"] * 8, ["2"] * 8])])
def test_narrow_or_many_row_tables_stay_as_they_are(table):
    assert table.laid_out() is table


def test_every_output_shows_the_turned_table(one_period):
    flow = tables.flow_table(one_period)
    page = flow.to_html(1)
    assert '<thead><tr><td></td><th scope="col" class="num">Antal</th></tr></thead>' in page
    assert '<th scope="row">Inskrivna vid periodens början</th><td class="num">33</td>' in page
    md = flow.to_markdown(1)
    assert md.startswith("::: {#rapport-table}\n|  | Antal |\n|:---|---:|\n| Inskrivna vid periodens början | 33 |")
    assert md.endswith(":::")
    assert flow.to_text(1).splitlines()[2].split() == ["Inskrivna", "vid", "periodens", "början", "33"]


@pytest.mark.parametrize(
    ("rows", "empty"),
    [
        ([], True),
        ([["15–29", "–", "0"], ["30–44", "0", "–"]], True),
        ([["15–29", "– (–)", "0 (0 %)"]], True),
        ([["15–29", "–", "0"], ["60–74", "0", "3"]], False),
        ([["15–29", "0,0 %", "10 kr"]], False),
    ],
)
def test_a_table_of_zeros_and_hidden_cells_is_empty(rows, empty):
    assert Table("t", "Rubrik", ["Ålder", "A", "B"], rows, ["l", "r", "r"]).is_empty() is empty


def test_a_table_without_number_columns_is_not_empty():
    assert not Table("t", "Rubrik", ["A", "B"], [["x", "0"]], ["l", "l"]).is_empty()


def test_an_empty_table_is_a_sentence_and_takes_no_number(indicators):
    assert tables.outcome_by_sex_age_table(indicators).is_empty()  # the example's appendix: all hidden or 0
    rep = _report(indicators)
    block = rep.table("outcome_by_sex_age")
    assert "<table" not in block.html and block.meta == {"table": "outcomes-sex-age"}
    assert "ingen tabell visas" in block.text and "dolda" in block.text
    assert "|" not in block.markdown
    assert rep.table("outcome").meta["number"] == 1


def test_related_tables_side_by_side(indicators):
    rep = _report(indicators)
    pair = rep.side_by_side(rep.table("referrer", "new"), rep.table("payer", "new"))
    assert pair.html.startswith('<div class="side-by-side"><div class="table-') and 'id="tbl-referrer-new"' in pair.html
    assert pair.markdown.startswith("::: {#side-by-side}\n::: {#rapport-table}\n")
    assert pair.markdown.endswith(":::\n:::") and pair.markdown.count("::: {#rapport-table}") == 2
    assert [m["number"] for m in pair.meta["side_by_side"]] == [1, 2]
    alone = rep.table("sex")
    assert rep.side_by_side(None, alone) is alone and rep.side_by_side(None, None) is None


def test_a_new_page_is_a_marker_for_the_pdf_and_for_print(indicators):
    block = _report(indicators).new_page()
    assert block.markdown == "::: {#new-page}\n:::" and block.html == '<div class="new-page"></div>'
    assert "#show <new-page>: it => pagebreak(weak: true)" in (ROOT / "src/rapportlib/templates/report.typ").read_text(
        encoding="utf-8"
    )

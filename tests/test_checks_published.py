"""Published tables summed again from their cells, and the budget against its file's own total row
(rapportlib/checks/table_sums.py, rapportlib/checks/identities.py:budget_declared_total)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pandas as pd
import pytest

from rapportlib import tables
from rapportlib.checks import failed, run_checks
from rapportlib.checks.table_sums import HIDDEN, Cell, parse, table_sums, total_column_sums
from rapportlib.indicators import compute
from rapportlib.params import Rules
from rapportlib.privacy import protect

from helpers_register import enrolment, register

START, END = dt.date(2021, 7, 1), dt.date(2022, 6, 30)
NB = "\u00a0"


def budget(*extra: tuple) -> pd.DataFrame:
    rows = [("Personal", 2_150_000.0, 2_000_000.0, -20_000.0), ("Lokaler", 300_000.0, 310_000.0, float("nan")), *extra]
    return pd.DataFrame(rows, columns=["post", "budget", "utfall", "prognos"])


def small_register():
    people = [enrolment(f"k{i}", "2021-02-01", "2021-10-01", anledning="arbete", remittent="af") for i in range(3)] + [
        enrolment("m1", "2021-08-01", "2022-03-01", anledning="studier", kon="man", remittent="fk"),
        enrolment("m2", "2021-09-01", kon="man", remittent="kommun", utbildning="gymnasium"),
        enrolment("k9", "2020-05-01", remittent="region"),
        enrolment("k8", "2021-11-01", "2021-11-20", remittent="af"),  # early dropout
    ]
    return register(*people)


@pytest.fixture(scope="module")
def indicators():
    return compute(small_register(), team="avesta", start=START, end=END, rules=Rules(), budget=budget())


def published(ind) -> list[tuple[str, tables.Table]]:
    """The count tables of the report, as (name, Table) pairs."""
    pairs = [
        (name, build(ind))
        for name, build in (
            ("sex", tables.sex_table),
            ("outcomes", tables.outcome_table),
            ("outcomes-sex", tables.outcome_by_sex_table),
            ("age-bands", tables.age_band_table),
            ("age-bands-all", tables.age_bands_table),
            ("education", tables.education_table),
            ("benefit-bins", tables.benefit_bins_table),
            ("support-shares", tables.support_shares_table),
            ("budget", tables.budget_table),
            ("flows", tables.flow_table),
        )
    ]
    pairs += [(f"referrer-{p}", tables.referrer_table(ind, p)) for p in ("new", "active_end")]
    return pairs + [(f"payer-{p}", tables.payer_table(ind, p)) for p in ("new", "active_end")]


def with_cell(table, i: int, j: int, text: str):
    rows = [list(r) for r in table.rows]
    rows[i][j] = text
    return dataclasses.replace(table, rows=rows)


def test_parse_reads_cells_as_the_reader_sees_them():
    assert parse(f"2{NB}150{NB}000{NB}kr") == Cell(2_150_000.0, 0, True)
    assert parse("−20 000") == Cell(-20_000.0, 0, False)
    assert parse("1,50") == Cell(1.5, 2, False) and parse("1,50").half == 0.005
    assert parse("12") == Cell(12.0, 0, False) and parse("12").half == 0
    assert parse("–") == HIDDEN
    assert parse("..") == HIDDEN  # no figure: like a hidden one, a part that is not shown
    for text in (f"62,5{NB}%", f"3 (60{NB}%)", f"16,8{NB}mån", "ja", "", "2021-07-01"):
        assert parse(text) is None


def test_every_published_table_adds_up(indicators):
    checks = table_sums(published(indicators))
    assert failed(checks) == []
    names = {c.name for c in checks}
    assert "Tabellens summor stämmer: Budget och utfall" in names
    assert "Tabellens summor stämmer: Deltagare per kön, juli 2021 – juni 2022" in names  # the Totalt column
    assert not any("Deltagarresultat" in n for n in names)  # no total row or column: nothing to check


def test_tables_after_strict_privacy_add_up_with_hidden_cells(indicators):
    shown = protect(indicators, threshold=5, strict=True)
    checks = table_sums(published(shown))
    assert failed(checks) == []
    details = {c.name: c.detail for c in checks}
    education = details["Tabellens summor stämmer: Utbildningsnivå vid inskrivningen, nyinskrivna"]
    assert education == "summan stämmer"
    # small counts hidden (kvinnor 1, män 2 of 3 new): the visible ones are at most the total
    assert total_column_sums(tables.sex_table(shown))[0] == (True, "Nyinskrivna: synliga 0 ≤ 3 (2 dolda)")


def test_a_body_cell_changed(indicators):
    table = tables.education_table(indicators)
    i = next(i for i, r in enumerate(table.rows) if r[1] == "1")
    found = failed(table_sums([("education", with_cell(table, i, 1, "2"))]))
    assert [(c.name, c.detail) for c in found] == [
        ("Tabellens summor stämmer: Utbildningsnivå vid inskrivningen, nyinskrivna", "Antal, Summa: 4 = 3")
    ]


def test_visible_cells_above_a_total_with_hidden_cells(indicators):
    table = tables.referrer_table(indicators, "new")
    rows = [["A", "–", ""], ["B", "7", ""], ["Summa", "6", ""]]
    bad = dataclasses.replace(table, rows=rows)
    assert [c.detail for c in failed(table_sums([("x", bad)]))] == ["Antal, Summa: synliga 7 ≤ 6 (1 dold)"]
    good = dataclasses.replace(table, rows=[["A", "–", ""], ["B", "5", ""], ["Summa", "6", ""]])
    assert failed(table_sums([("x", good)])) == []


def test_a_total_column_changed(indicators):
    table = tables.sex_table(indicators)  # Grupp, Kvinnor, Andel, Män, Andel, Totalt
    assert table.rows[0][0] == "Nyinskrivna" and table.rows[0][5] == "3"  # k8 / m1, m2
    found = failed(table_sums([("sex", with_cell(table, 0, 1, "2"))]))
    assert [c.detail for c in found] == ["Nyinskrivna: 4 = 3"]


def test_rounded_amounts_and_sections():
    rows = [
        ["Intäkter: Staten", f"100{NB}kr", "–"],
        ["Intäkter: Kommunen", f"101{NB}kr", "–"],
        ["Intäkter totalt", f"202{NB}kr", "–"],  # 100,4 + 101,4 rounded line by line
        ["Kostnader: Personal", f"150{NB}kr", f"140{NB}kr"],
        ["Kostnader totalt", f"150{NB}kr", f"142{NB}kr"],  # 141 would be rounding
        ["Totalt arbetat med", "7", "7"],  # not a total row
    ]
    plan = tables.Table("plan", "Plan och utfall", ["Post", "Plan", "Utfall"], rows, ["l", "r", "r"])
    (check,) = table_sums([("plan", plan), ("none", None)])
    assert not check.ok and check.detail == f"Utfall, Kostnader totalt: 140{NB}kr = 142{NB}kr"


def test_a_budget_total_row_read_as_a_line_breaks_the_budget_table():
    ind = compute(
        small_register(),
        team="t",
        start=START,
        end=END,
        rules=Rules(),
        budget=budget(("Summa", 2_450_000.0, 2_310_000.0, -20_000.0)),
    )
    found = failed(table_sums([("budget", tables.budget_table(ind))]))
    assert len(found) == 1 and f"Budget, Summa: 0{NB}kr = 4{NB}900{NB}000{NB}kr" in found[0].detail


def test_run_checks_sums_the_tables_it_is_given(indicators):
    table = tables.age_band_table(indicators)
    broken = with_cell(table, 0, 1, "9")
    names = {c.name for c in failed(run_checks(indicators, tables=[("age-bands", broken)]))}
    assert names == {"Tabellens summor stämmer: Ålder vid inskrivningen, nyinskrivna"}
    assert not any(c.name.startswith("Tabellens") for c in run_checks(indicators))


# --- the budget against the file's own total row ------------------------------------------------


def declared(ind, total):
    ind = copy.deepcopy(ind)
    ind["budget"]["declared_total"] = total
    return ind


def budget_failures(ind) -> dict[str, str]:
    return {c.name: c.detail for c in failed(run_checks(ind))}


def test_lines_equal_to_the_declared_total_pass(indicators):
    ind = declared(indicators, {"budget": 2_450_000.0, "outcome": 2_310_000.0})
    checks = {c.name: c for c in run_checks(ind)}
    assert checks["Budgetraderna = filens summarad (budget)"].ok
    assert checks["Budgetraderna = filens summarad (utfall)"].detail == (
        f"raderna 2{NB}310{NB}000{NB}kr, filens summarad 2{NB}310{NB}000{NB}kr"
    )
    assert failed(list(checks.values())) == []


def test_a_budget_line_changed_with_its_total(indicators):
    def change(ind):
        ind["budget"]["lines"][1].update(budget=350_000.0, remaining=40_000.0)
        ind["budget"]["total"].update(budget=2_500_000.0, remaining=190_000.0)

    ind = declared(indicators, {"budget": 2_450_000.0, "outcome": 2_310_000.0})
    change(ind)
    # the computed total follows the lines: only the file's own total row disagrees
    assert budget_failures(ind) == {
        "Budgetraderna = filens summarad (budget)": f"raderna 2{NB}500{NB}000{NB}kr, filens summarad "
        f"2{NB}450{NB}000{NB}kr"
    }


def test_a_total_row_read_as_a_line_doubles_the_lines():
    ind = compute(
        small_register(),
        team="t",
        start=START,
        end=END,
        rules=Rules(),
        budget=budget(("Summa", 2_450_000.0, 2_310_000.0, -20_000.0)),
    )
    ind["budget"]["declared_total"] = {"budget": 2_450_000.0}  # only the columns the row has
    assert budget_failures(ind) == {
        "Budgetraderna = filens summarad (budget)": f"raderna 4{NB}900{NB}000{NB}kr, filens summarad "
        f"2{NB}450{NB}000{NB}kr"
    }


@pytest.mark.parametrize("total", [None, {}, "absent"])
def test_no_declared_total_no_check(indicators, total):
    ind = copy.deepcopy(indicators)
    if total != "absent":
        ind["budget"]["declared_total"] = total
    assert not any(c.name.startswith("Budgetraderna = filens") for c in run_checks(ind))

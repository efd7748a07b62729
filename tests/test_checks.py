"""The cheap identities of the consistency checks (rapportlib/checks/identities.py) and the checks' frame:
:class:`Check`, :func:`failed`, :class:`ConsistencyError`, the :data:`CHECKS` registry."""

from __future__ import annotations

import copy
import datetime as dt

import pandas as pd
import pytest

from rapportlib.checks import Check, ConsistencyError, failed, run_checks
from rapportlib.indicators import compute
from rapportlib.params import Rules

from helpers_register import enrolment, register

START, END = dt.date(2021, 7, 1), dt.date(2022, 6, 30)
NB = "\u00a0"  # the no-break space between thousands and before units


def tiny_register():
    return register(
        # active at start, exits in goal
        enrolment("a", "2021-01-01", "2021-10-01", anledning="arbete", kon="kvinna", fodelsear=1985, remittent="af",
                  fore=("forsorjningsstod", "sjukpenning"), efter=("lon",), ar=3.0, utbildning="gymnasium"),
        # new, early dropout (14 days)
        enrolment("b", "2021-09-01", "2021-09-15", kon="man", fodelsear=1995, remittent="fk", fore=("a_kassa",),
                  ar=1.0),
        # new, still enrolled
        enrolment("c", "2021-08-01", kon="man", fodelsear=1970, remittent="kommun", fore=("sjukersattning",)),
        # active at start, still enrolled
        enrolment("d", "2020-05-01", kon="kvinna", fodelsear=2000, remittent="region"),
        # active at start, exits to sjukdom
        enrolment("g", "2021-02-01", "2022-03-01", anledning="sjukdom", kon="man", fodelsear=1980, remittent="af",
                  fore=("sjukpenning",), efter=("sjukpenning",)),
        # history only
        enrolment("e", "2019-01-01", "2019-08-01", anledning="studier", kon="kvinna", fodelsear=1980),
    )


def budget():
    return pd.DataFrame({"post": ["Personal", "Lokaler"], "budget": [2_150_000.0, 300_000.0],
                         "utfall": [2_000_000.0, 310_000.0], "prognos": [-20_000.0, float("nan")]})


@pytest.fixture(scope="module")
def indicators():
    return compute(tiny_register(), team="avesta", start=START, end=END, rules=Rules(), budget=budget())


def corrupted(indicators, change):
    ind = copy.deepcopy(indicators)
    change(ind)
    return ind


def failures(ind) -> dict[str, str]:
    return {c.name: c.detail for c in failed(run_checks(ind))}


def test_the_tiny_register_figures(indicators):
    # the figures the corruptions below start from
    flows = {k: indicators["flows"][k] for k in ("active_start", "new", "exits", "early_dropouts", "active_end",
                                                 "served")}
    assert flows == {"active_start": 3, "new": 2, "exits": 3, "early_dropouts": 1, "active_end": 2,
                     "served": 5}  # a, d, g / b, c / a, b, g / b / c, d
    assert indicators["outcomes"]["denominator"] == 2  # a, g
    assert indicators["sex"]["exits"] == {"kvinna": 1, "man": 2}  # a / b, g


def test_every_check_passes_on_computed_indicators(indicators):
    checks = run_checks(indicators)
    assert failed(checks) == []
    names = {c.name for c in checks}
    assert {
        "Flödena går ihop",
        "Totalt arbetat med = inskrivna vid start + nyinskrivna",
        "Varje avslut har exakt en anledning",
        "I mål = summan av målanledningarna",
        "Könsfördelningen summerar (avslutade)",
        "Remittenterna summerar (nyinskrivna)",
        "Försörjningsandelarna summerar (före)",
        "Budgetraderna summerar (utfall)",
        "Återstår = budget − utfall",
        "Inget avslut före inskrivning",
    } <= names


def test_flows_not_balancing(indicators):
    ind = corrupted(indicators, lambda i: i["flows"].update(active_end=3))
    assert failures(ind) == {
        "Flödena går ihop": "3 + 2 − 3 = 3",  # active_start + new − exits = active_end
        "Könsfördelningen summerar (inskrivna vid slut)": "2 = 3",  # c + d by sex, against 3
        "Remittenterna summerar (inskrivna vid slut)": "2 = 3",
    }


def test_served_not_start_plus_new(indicators):
    ind = corrupted(indicators, lambda i: i["flows"].update(served=6))
    found = failures(ind)
    assert found["Totalt arbetat med = inskrivna vid start + nyinskrivna"] == "6 = 3 + 2"
    assert "Flödena går ihop" not in found


def test_outcome_count_changed(indicators):
    ind = corrupted(indicators, lambda i: i["outcomes"]["counts"].update(annat=1))
    found = failures(ind)
    # arbete 1 + sjukdom 1 + annat 1 = 3 against 2 counted exits
    assert found == {
        "Varje avslut har exakt en anledning": "summa per anledning 3, avslut utan tidiga avhopp 2, utan anledning 0"
    }


def test_in_goal_count_changed(indicators):
    ind = corrupted(indicators, lambda i: i["outcomes"]["counts"].update(arbete=2, sjukdom=0))
    found = failures(ind)
    # the sum still is 2, but arbete 2 disagrees with in_goal 1 and the split by sex (1)
    assert set(found) == {"I mål = summan av målanledningarna"}
    assert found["I mål = summan av målanledningarna"] == "i mål 1, per anledning 2, per kön 1"


def test_denominator_not_exits_minus_dropouts(indicators):
    ind = corrupted(indicators, lambda i: i["flows"].update(early_dropouts=2))
    found = failures(ind)
    assert found["Avslut utan tidiga avhopp = avslut − tidiga avhopp"] == "2 = 3 − 2"


def test_more_dropouts_than_exits(indicators):
    ind = corrupted(indicators, lambda i: i["flows"].update(early_dropouts=4))
    assert failures(ind)["Tidiga avhopp ryms i avsluten"] == "4 tidiga avhopp av 3 avslut"


def test_sex_split_off_by_one(indicators):
    ind = corrupted(indicators, lambda i: i["sex"]["exits"].update(kvinna=2))
    # kvinna 2 + man 2 = 4 against 3 exits
    assert failures(ind) == {"Könsfördelningen summerar (avslutade)": "4 = 3"}


def test_sex_split_of_new_off_by_one(indicators):
    ind = corrupted(indicators, lambda i: i["sex"]["new"].update(man=1))
    assert failures(ind) == {"Könsfördelningen summerar (nyinskrivna)": "1 = 2"}  # b, c are both men: 2 → 1


def test_budget_line_changed(indicators):
    ind = corrupted(indicators, lambda i: i["budget"]["lines"][0].update(outcome=2_001_000.0))
    # lines 2 001 000 + 310 000 = 2 311 000 against the total 2 310 000
    assert failures(ind) == {"Budgetraderna summerar (utfall)": f"2{NB}311{NB}000{NB}kr = 2{NB}310{NB}000{NB}kr"}


def test_budget_total_remaining_changed(indicators):
    ind = corrupted(indicators, lambda i: i["budget"]["total"].update(remaining=150_000.0))
    # lines: (2 150 000 − 2 000 000) + (300 000 − 310 000) = 140 000
    assert failures(ind) == {
        "Budgetraderna summerar (återstår)": f"140{NB}000{NB}kr = 150{NB}000{NB}kr",
        "Återstår = budget − utfall": f"150{NB}000{NB}kr = 2{NB}450{NB}000{NB}kr − 2{NB}310{NB}000{NB}kr",
    }


def test_education_not_adding_up(indicators):
    ind = corrupted(indicators, lambda i: i["education"]["new"].update(okand=3))  # b, c: 2 → 3
    assert failures(ind) == {"Utbildningsnivåerna summerar (nyinskrivna)": "3 = 2"}


def test_support_shares_not_adding_up(indicators):
    def change(i):
        i["support"]["exits"]["lon"]["share_after"] += 0.1

    ind = corrupted(indicators, change)
    # after: a lön, g sjukpenning → 2 sources, b none → 1 missing; (1 + 1 + 1) / 3 + 0.1
    assert failures(ind) == {"Försörjningsandelarna summerar (efter)": f"110,00{NB}%"}


def test_exit_before_enrolment(indicators):
    ind = corrupted(indicators, lambda i: i["register"].update(exit_before_enrolment=1))
    assert failures(ind) == {"Inget avslut före inskrivning": "1 inskrivningar"}


def test_checks_are_skipped_without_their_keys(indicators):
    ind = copy.deepcopy(indicators)
    for key in ("budget", "education", "benefit_year_bins", "age_bands", "support", "register"):
        del ind[key]
    names = {c.name for c in run_checks(ind)}
    assert not any(n.startswith(("Budget", "Utbildning", "Tid i", "Ålders", "Försörjningsandel", "Inget"))
                   for n in names)
    assert "Återstår = budget − utfall" not in names
    assert failed(run_checks(ind)) == []


def test_corruption_does_not_touch_the_original(indicators):
    corrupted(indicators, lambda i: i["flows"].update(active_end=99))
    assert failed(run_checks(indicators)) == []


def test_failed_keeps_only_failing_checks_in_order():
    checks = [Check("a", True, ""), Check("b", False, "x"), Check("c", True, ""), Check("d", False, "y")]
    assert [c.name for c in failed(checks)] == ["b", "d"]
    assert failed([]) == []


def test_consistency_error_names_each_failed_check():
    error = ConsistencyError([Check("Flödena går ihop", False, "3 + 2 − 3 = 3")])
    assert "Flödena går ihop: 3 + 2 − 3 = 3" in str(error)
    assert error.failed[0].name == "Flödena går ihop"

"""The indicators against a daily census of the register (rapportlib/checks/census.py).

One register with every boundary day of the period 2021-07-01 – 2022-06-30 and a person with two
enrolments; its figures are counted by hand below. The untouched indicators pass every check;
each figure changed after computation is caught by the census check for it.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

import rapportlib.indicators as indicators_module
from rapportlib.checks import failed, run_checks
from rapportlib.checks.census import census, dropouts
from rapportlib.indicators import compute
from rapportlib.indicators.periods import populations as real_populations
from rapportlib.params import Rules

from helpers_register import enrolment, register

START, END = dt.date(2021, 7, 1), dt.date(2022, 6, 30)


def boundary_register():
    return register(
        enrolment("a", "2021-01-01", "2021-10-01", anledning="arbete"),  # start, exit
        enrolment("b", "2021-09-01", "2021-09-15", kon="man"),  # new, exit: dropout by dates
        enrolment("c", "2021-08-01", kon="man"),  # new, end
        enrolment("d", "2020-05-01"),  # start, end
        enrolment("e", "2019-01-01", "2019-08-01", anledning="studier"),  # history only
        enrolment("h", "2021-03-01", "2021-07-01", anledning="studier"),  # exits on the first day: start, exit
        enrolment("i", "2021-07-01"),  # enrolled on the first day: new (not start), end
        enrolment("j", "2022-06-30", kon="man"),  # enrolled on the last day: new, end
        enrolment("k", "2021-01-10", "2022-06-30", anledning="fortsatt_rehabilitering"),  # exits on the last day
        enrolment("l", "2021-01-01", "2021-06-30", anledning="arbete", kon="man"),  # exits the day before: none
        enrolment("m", "2022-07-01"),  # enrolled the day after: none
        enrolment("p", "2021-01-15", "2021-08-20", anledning="arbete"),  # p's first enrolment: start, exit
        enrolment("p", "2021-11-01"),  # p again: new, end
        enrolment("s", "2021-12-01", "2021-12-01", kon="man"),  # in and out the same day: new, exit, dropout
        enrolment("t", "2021-10-01", "2021-10-20", anledning="annat", avhopp=False, kon="man"),  # short, not dropout
        enrolment("u", "2021-01-01", "2021-12-01", avhopp=True),  # long, flagged dropout: start, exit
        enrolment("v", "2022-05-15", "2022-06-30", kon="man"),  # new, exits on the last day inside the trial
    )


@pytest.fixture(scope="module")
def reg():
    return boundary_register()


@pytest.fixture(scope="module")
def indicators(reg):
    return compute(reg, team="avesta", start=START, end=END, rules=Rules())


def failures(ind, reg) -> dict[str, str]:
    return {c.name: c.detail for c in failed(run_checks(ind, register=reg, start=START, end=END))}


def corrupted(ind, change):
    ind = copy.deepcopy(ind)
    change(ind)
    return ind


def test_the_census_counts_the_boundary_days_as_the_indicators_do(reg):
    c = census(reg, START, END)
    ids = {pop: sorted(reg["deltagar_id"][c[pop]]) for pop in ("active_start", "new", "exits", "active_end", "served")}
    assert ids["active_start"] == ["a", "d", "h", "k", "p", "u"]
    assert ids["new"] == ["b", "c", "i", "j", "p", "s", "t", "v"]
    assert ids["exits"] == ["a", "b", "h", "k", "p", "s", "t", "u", "v"]
    assert ids["active_end"] == ["c", "d", "i", "j", "p"]
    assert ids["served"] == sorted(ids["active_start"] + ids["new"])
    assert sorted(reg["deltagar_id"][dropouts(reg, c["exits"], 2)]) == ["b", "s", "u", "v"]
    # enrolled at the end of each day: the first day 6 (a d k p u from before, i new; h left that day)
    assert c["daily"][0] == 6 and len(c["daily"]) == 365


def test_the_hand_counted_figures(indicators):
    f = indicators["flows"]
    assert {k: f[k] for k in ("active_start", "new", "exits", "early_dropouts", "active_end", "served")} == {
        "active_start": 6,  # a d h k p u
        "new": 8,  # b c i j p s t v
        "exits": 9,  # a b h k p s t u v
        "early_dropouts": 4,  # b s u v
        "active_end": 5,  # c d i j p
        "served": 14,
    }
    assert f["persons_served"] == 13  # p twice
    assert indicators["sex"]["exits"] == {"kvinna": 5, "man": 4}  # a h k p u / b s t v
    assert indicators["outcomes"]["counts"]["arbete"] == 2  # a, p (l exited before the period)


def test_untouched_indicators_pass_every_check(indicators, reg):
    checks = run_checks(indicators, register=reg, start=START, end=END)
    assert failed(checks) == []
    names = {c.name for c in checks}
    assert {
        "Indikatorerna gäller rapportens period",
        "Dagräkning: inskrivna vid start",
        "Dagräkning: nyinskrivna",
        "Dagräkning: avslutade",
        "Dagräkning: inskrivna vid slut",
        "Dagräkning: totalt arbetat med",
        "Dagräkning: personer totalt arbetat med",
        "Registret: tidiga avhopp",
        "Dagräkning: avslutade per kön",
        "Registret: avslut per anledning",
        "Registret: i mål",
        "Dagräkning: inskrivna i genomsnitt per dag",
        "Dagräkning: flest inskrivna samtidigt",
    } <= names


def test_census_checks_run_only_with_the_register(indicators):
    names = {c.name for c in run_checks(indicators)}
    assert not any(n.startswith(("Dagräkning", "Registret:", "Indikatorerna gäller")) for n in names)


def test_period_defaults_to_the_indicators_period(indicators, reg):
    checks = run_checks(indicators, register=reg)
    assert failed(checks) == [] and any(c.name == "Dagräkning: nyinskrivna" for c in checks)


def test_new_changed(indicators, reg):
    found = failures(corrupted(indicators, lambda i: i["flows"].update(new=9)), reg)
    assert found["Dagräkning: nyinskrivna"] == "indikatorerna 9, registret dag för dag 8"


def test_active_end_changed_with_the_balance_kept(indicators, reg):
    # exits and active_end moved together: the flows still balance, the census does not
    ind = corrupted(indicators, lambda i: i["flows"].update(exits=10, active_end=4, early_dropouts=5))
    found = failures(ind, reg)
    assert "Flödena går ihop" not in found
    assert found["Dagräkning: inskrivna vid slut"] == "indikatorerna 4, registret dag för dag 5"
    assert found["Dagräkning: avslutade"] == "indikatorerna 10, registret dag för dag 9"
    assert found["Registret: tidiga avhopp"] == "indikatorerna 5, registrets rader 4"


def test_served_changed(indicators, reg):
    found = failures(corrupted(indicators, lambda i: i["flows"].update(served=15, persons_served=12)), reg)
    assert found["Dagräkning: totalt arbetat med"] == "indikatorerna 15, registret dag för dag 14"
    assert found["Dagräkning: personer totalt arbetat med"] == "indikatorerna 12, registret dag för dag 13"


def test_a_sex_count_swapped(indicators, reg):
    # one exit moved from kvinna to man: the split still adds up to the exits
    ind = corrupted(indicators, lambda i: i["sex"]["exits"].update(kvinna=4, man=5))
    assert failures(ind, reg) == {
        "Dagräkning: avslutade per kön": "indikatorerna (kvinnor 4; män 5), registret dag för dag (kvinnor 5; män 4)"
    }


def test_an_outcome_count_moved(indicators, reg):
    # one arbete became studier: counts, denominator and in goal still agree with each other
    ind = corrupted(indicators, lambda i: i["outcomes"]["counts"].update(arbete=1, studier=2))
    found = failures(ind, reg)
    assert set(found) == {"Registret: avslut per anledning"}
    assert found["Registret: avslut per anledning"].startswith("indikatorerna (annat 1; arbete 1; ")


def test_in_goal_changed_consistently(indicators, reg):
    def change(i):
        i["outcomes"]["counts"].update(arbete=3, annat=0)  # t's annat counted as arbete
        i["outcomes"]["in_goal"] = 5
        i["outcomes"]["in_goal_by_sex"]["kvinna"] += 1

    found = failures(corrupted(indicators, change), reg)
    assert set(found) == {"Registret: avslut per anledning", "Registret: i mål"}
    assert found["Registret: i mål"] == "indikatorerna 5, registrets rader 4"  # a h k p


def test_capacity_changed(indicators, reg):
    found = failures(corrupted(indicators, lambda i: i["capacity"].update(peak=99)), reg)
    assert set(found) == {"Dagräkning: flest inskrivna samtidigt"}


def test_indicators_of_another_period(reg):
    ind = compute(reg, team="avesta", start=dt.date(2021, 7, 2), end=END, rules=Rules())
    found = failures(ind, reg)
    assert found["Indikatorerna gäller rapportens period"] == (
        "indikatorerna 2021-07-02 – 2022-06-30, rapporten 2021-07-01 – 2022-06-30"
    )
    # i enrolled on 2021-07-01: new in the report's period, active at the start of the indicators'
    assert found["Dagräkning: nyinskrivna"] == "indikatorerna 7, registret dag för dag 8"


def test_an_off_by_one_in_the_event_code_is_caught(reg, monkeypatch):
    def inclusive_start(register, start, end):
        pops = real_populations(register, start, end)
        enrol, exit_ = register["inskrivningsdatum"], register["avslutsdatum"]
        wrong = (enrol <= start) & (exit_.isna() | (exit_ >= start))  # the first day's enrolments too
        return {**pops, "active_start": register.loc[wrong]}

    monkeypatch.setattr(indicators_module, "populations", inclusive_start)
    ind = compute(reg, team="avesta", start=START, end=END, rules=Rules())
    found = failures(ind, reg)
    assert found["Dagräkning: inskrivna vid start"] == "indikatorerna 7, registret dag för dag 6"  # i counted


def test_a_register_other_than_the_indicators(indicators, reg):
    fewer = reg.loc[reg["deltagar_id"] != "m"]  # a row dropped (outside the period: no flow changes)
    found = failures(indicators, fewer)
    assert found == {
        "Registret: inskrivningar": "indikatorerna 17, registrets rader 16",
        "Registret: personer": "indikatorerna 16, registrets rader 15",
    }

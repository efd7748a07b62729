"""Flows of a period and sex splits (data contract §3, §5 ``flows`` and ``sex``)."""

from __future__ import annotations

import datetime as dt

from rapportlib.indicators import compute
from rapportlib.indicators._util import sex_keys
from rapportlib.indicators.flows import flows, sex_split
from rapportlib.params import Rules

from helpers_register import enrolment, period_populations, register

START, END = "2021-01-01", "2021-12-31"


def small_register():
    return register(
        # active at start (enrolled before 1 Jan 2021, open at start)
        enrolment("p1", "2020-03-01", kon="kvinna"),  # stays → active_end
        enrolment("p2", "2020-05-01", "2021-04-30", anledning="arbete", kon="man"),  # exit
        enrolment("p3", "2020-11-15", "2021-01-10", kon="man"),  # exit, 56 days < 2 months → dropout
        # new in the period
        enrolment("p4", "2021-02-01", kon="kvinna"),  # stays → active_end
        enrolment("p5", "2021-03-01", "2021-03-20", kon="kvinna"),  # exit, 19 days → dropout
        enrolment("p6", "2021-06-01", "2021-12-31", anledning="studier", kon="man"),  # exit on end day
        # outside the period
        enrolment("p7", "2019-01-01", "2019-02-01", kon="kvinna"),  # exit before → nothing (dropout, not counted)
        enrolment("p8", "2022-01-01", kon="man"),  # enrolled after → nothing
    )


def test_flows_counts_and_balance():
    result = flows(period_populations(small_register(), START, END))
    assert result["active_start"] == 3  # p1, p2, p3
    assert result["new"] == 3  # p4, p5, p6
    assert result["exits"] == 4  # p2, p3, p5, p6 (dropouts included)
    assert result["early_dropouts"] == 2  # p3 (56 days), p5 (19 days); p7's dropout lies before the period
    assert result["active_end"] == 2  # p1, p4
    assert result["served"] == 6  # 3 active at start + 3 new
    assert result["persons_served"] == 6  # six different ids
    # balance: 3 + 3 − 4 = 2
    assert result["active_start"] + result["new"] - result["exits"] == result["active_end"]
    assert result["served"] == result["active_start"] + result["new"]


def test_flows_are_plain_ints():
    result = flows(period_populations(small_register(), START, END))
    assert all(type(value) is int for value in result.values())


def test_persons_served_counts_a_person_enrolled_twice_once():
    reg = register(
        enrolment("q", "2021-02-01", "2021-03-01"),  # first enrolment: new, exit (a dropout, 28 days)
        enrolment("q", "2021-09-01"),  # same person again: new, active at end
        enrolment("r", "2020-06-01"),  # active at start and end
    )
    result = flows(period_populations(reg, START, END))
    assert result["new"] == 2  # two enrolments of q
    assert result["served"] == 3  # 1 active at start + 2 new
    assert result["persons_served"] == 2  # q and r
    assert result["exits"] == 1
    assert result["active_end"] == 2  # q's second enrolment, r
    assert result["active_start"] + result["new"] - result["exits"] == result["active_end"]  # 1 + 2 − 1 = 2


def test_flows_of_an_empty_period_are_zero():
    reg = register(enrolment("z", "2015-01-01", "2015-06-01", anledning="arbete"))
    result = flows(period_populations(reg, START, END))
    assert result == {
        "active_start": 0,
        "new": 0,
        "exits": 0,
        "early_dropouts": 0,
        "active_end": 0,
        "served": 0,
        "persons_served": 0,
    }


def test_sex_split_per_population():
    pops = period_populations(small_register(), START, END)
    keys = ("kvinna", "man")
    assert sex_split(pops["new"], keys) == {"kvinna": 2, "man": 1}  # p4, p5 / p6
    assert sex_split(pops["active_start"], keys) == {"kvinna": 1, "man": 2}  # p1 / p2, p3


def test_sex_split_of_exits_and_served():
    pops = period_populations(small_register(), START, END)
    keys = ("kvinna", "man")
    # exits p2 (man), p3 (man), p5 (kvinna), p6 (man)
    assert sex_split(pops["exits"], keys) == {"kvinna": 1, "man": 3}
    # served p1, p4, p5 (kvinna) and p2, p3, p6 (man)
    assert sex_split(pops["served"], keys) == {"kvinna": 3, "man": 3}
    # active at end p1, p4 (both kvinna); man is reported as 0, not left out
    assert sex_split(pops["active_end"], keys) == {"kvinna": 2, "man": 0}


def test_sex_keys_include_annat_only_when_present():
    without = small_register()
    assert sex_keys(without) == ("kvinna", "man")
    with_other = register(enrolment("a", "2021-02-01", kon="annat"), enrolment("b", "2021-02-01", kon="man"))
    assert sex_keys(with_other) == ("kvinna", "man", "annat")


def test_sex_split_with_annat():
    reg = register(
        enrolment("a", "2021-02-01", kon="annat"),
        enrolment("b", "2021-03-01", kon="man"),
        enrolment("c", "2021-04-01", kon="man"),
    )
    pops = period_populations(reg, START, END)
    assert sex_split(pops["new"], sex_keys(reg)) == {"kvinna": 0, "man": 2, "annat": 1}


def test_compute_sex_keys_follow_the_register():
    rules = Rules()
    start, end = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
    plain = compute(small_register(), team="t", start=start, end=end, rules=rules)
    assert set(plain["sex"]["new"]) == {"kvinna", "man"}  # no 'annat' in the register
    assert set(plain["throughput"]["months"]) >= {"all", "kvinna", "man"}
    assert "annat" not in plain["throughput"]["months"]
    reg = register(enrolment("a", "2021-02-01", kon="annat"), enrolment("b", "2021-03-01", kon="man"))
    other = compute(reg, team="t", start=start, end=end, rules=rules)
    assert other["sex"]["new"] == {"kvinna": 0, "man": 1, "annat": 1}
    assert other["sex"]["active_end"] == {"kvinna": 0, "man": 1, "annat": 1}

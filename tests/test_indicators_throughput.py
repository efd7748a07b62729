"""Throughput time and its rolling history (data contract §3, §5 ``throughput``)."""

from __future__ import annotations

import pytest

from rapportlib.indicators.periods import with_dropouts
from rapportlib.indicators.throughput import throughput, throughput_history

from helpers_register import enrolment, period_populations, register

D = 30.4375  # days per month (data contract §3)
IN_GOAL = ("arbete", "studier", "fortsatt_rehabilitering")
SEXES = ("kvinna", "man")
START, END = "2021-01-01", "2021-12-31"


def exits_2021():
    reg = register(
        # 2021-01-01 → 2021-07-01: 31+28+31+30+31+30 = 181 days, in goal
        enrolment("a", "2021-01-01", "2021-07-01", anledning="arbete", kon="kvinna"),
        # 2020-07-01 → 2021-07-01: 365 days (no 29 Feb in between), in goal
        enrolment("b", "2020-07-01", "2021-07-01", anledning="studier", kon="man"),
        # 2020-12-01 → 2021-05-01: 31+31+28+31+30 = 151 days, not in goal
        enrolment("c", "2020-12-01", "2021-05-01", anledning="sjukdom", kon="kvinna"),
        # 19 days → early dropout, never measured
        enrolment("d", "2021-03-01", "2021-03-20", anledning="arbete", kon="man"),
        # still enrolled → not an exit
        enrolment("e", "2021-02-01", kon="man"),
    )
    return period_populations(reg, START, END)["exits"]


def test_in_goal_population():
    result = throughput(exits_2021(), "in_goal", IN_GOAL, SEXES)
    assert result["n"] == 2  # a, b
    assert result["all"] == pytest.approx((181 + 365) / 2 / D)  # 273 days → 8.969 months
    assert result["kvinna"] == pytest.approx(181 / D)  # a → 5.947 months
    assert result["man"] == pytest.approx(365 / D)  # b → 11.992 months


def test_all_exits_population():
    result = throughput(exits_2021(), "all_exits", IN_GOAL, SEXES)
    assert result["n"] == 3  # a, b, c (d is a dropout)
    assert result["all"] == pytest.approx((181 + 365 + 151) / 3 / D)  # 697 / 3 days
    assert result["kvinna"] == pytest.approx((181 + 151) / 2 / D)  # a, c → 166 days
    assert result["man"] == pytest.approx(365 / D)  # b only; d is a dropout


def test_nobody_measured_gives_none():
    reg = register(
        enrolment("c", "2020-12-01", "2021-05-01", anledning="sjukdom", kon="kvinna"),  # not in goal
        enrolment("d", "2021-03-01", "2021-03-20", anledning="arbete", kon="man"),  # dropout
    )
    exits = period_populations(reg, START, END)["exits"]
    result = throughput(exits, "in_goal", IN_GOAL, SEXES)
    assert result == {"all": None, "n": 0, "kvinna": None, "man": None}


def test_one_sex_unmeasured_gives_none_for_it():
    reg = register(enrolment("a", "2021-01-01", "2021-07-01", anledning="arbete", kon="kvinna"))
    exits = period_populations(reg, START, END)["exits"]
    result = throughput(exits, "in_goal", IN_GOAL, SEXES)
    assert result["kvinna"] == pytest.approx(181 / D)
    assert result["man"] is None


# --- history -----------------------------------------------------------------------------------

# For a period ending 2022-06-30: 12-month windows ending at the period end, stepped back 6
# months, oldest first (each end: the day after, moved back, minus a day).
WINDOWS_2206 = [
    ("2019-01-01", "2019-12-31"),  # end moved back 30 months
    ("2019-07-01", "2020-06-30"),  # 24
    ("2020-01-01", "2020-12-31"),  # 18
    ("2020-07-01", "2021-06-30"),  # 12
    ("2021-01-01", "2021-12-31"),  # 6
    ("2021-07-01", "2022-06-30"),  # the period itself
]


def history_register():
    return with_dropouts(
        register(
            # exit 2020-09-01 lies in windows 2001–2012 and 2007–2106;
            # 2020-03-01 → 2020-09-01: 31+30+31+30+31+31 = 184 days, in goal
            enrolment("p2", "2020-03-01", "2020-09-01", anledning="studier", kon="man"),
            # exit 2021-07-01 lies in windows 2101–2112 and 2107–2206; 181 days, in goal
            enrolment("p1", "2021-01-01", "2021-07-01", anledning="arbete", kon="kvinna"),
            # exit 2022-02-01 lies in window 2107–2206 only; 2021-02-01 → 2022-02-01 = 365 days, not in goal
            enrolment("p4", "2021-02-01", "2022-02-01", anledning="sjukdom", kon="kvinna"),
            # 19 days → dropout, never measured
            enrolment("p3", "2022-01-01", "2022-01-20", anledning="arbete", kon="man"),
            # exit 2018-06-01 lies before every window
            enrolment("p0", "2017-06-01", "2018-06-01", anledning="arbete", kon="man"),
        ),
        2,
    )


def test_history_windows_for_period_ending_june():
    history = throughput_history(history_register(), "2022-06-30", "in_goal", IN_GOAL)
    assert [(w["start"], w["end"]) for w in history] == WINDOWS_2206


def test_history_in_goal_counts_and_months():
    history = throughput_history(history_register(), "2022-06-30", "in_goal", IN_GOAL)
    assert [w["n"] for w in history] == [0, 0, 1, 1, 1, 1]  # p2 twice, then p1 twice
    assert history[0]["months"] is None  # nobody measured
    assert history[1]["months"] is None
    assert history[2]["months"] == pytest.approx(184 / D)  # p2
    assert history[3]["months"] == pytest.approx(184 / D)  # p2
    assert history[4]["months"] == pytest.approx(181 / D)  # p1
    assert history[5]["months"] == pytest.approx(181 / D)  # p1 (p4 not in goal, p3 a dropout)


def test_history_all_exits_adds_other_reasons():
    history = throughput_history(history_register(), "2022-06-30", "all_exits", IN_GOAL)
    assert [w["n"] for w in history] == [0, 0, 1, 1, 1, 2]  # last window: p1 and p4
    assert history[5]["months"] == pytest.approx((181 + 365) / 2 / D)  # 273 days


def test_history_window_count_and_calendar_year_end():
    history = throughput_history(history_register(), "2021-12-31", "in_goal", IN_GOAL, windows=3)
    assert [(w["start"], w["end"]) for w in history] == [
        ("2020-01-01", "2020-12-31"),  # 12 months back
        ("2020-07-01", "2021-06-30"),  # 6 months back
        ("2021-01-01", "2021-12-31"),  # the period
    ]
    assert [w["n"] for w in history] == [1, 1, 1]  # p2, p2, p1


def test_history_february_end_keeps_month_ends():
    history = throughput_history(history_register(), "2022-02-28", "in_goal", IN_GOAL, windows=2)
    # 1 Mar 2022 − 6 months = 1 Sep 2021 → window end 2021-08-31; starts are the day after the end 12 months earlier
    assert [(w["start"], w["end"]) for w in history] == [
        ("2020-09-01", "2021-08-31"),
        ("2021-03-01", "2022-02-28"),
    ]
    # first window: p2 (exit 2020-09-01, its first day) and p1 (exit 2021-07-01); second: p1 only
    assert [w["n"] for w in history] == [2, 1]
    assert history[0]["months"] == pytest.approx((184 + 181) / 2 / D)
    assert history[1]["months"] == pytest.approx(181 / D)

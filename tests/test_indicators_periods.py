"""Period arithmetic and the populations of a period (data contract §3)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from rapportlib.indicators.periods import (
    add_months,
    early_dropout,
    months_between,
    populations,
    shift_month_end,
    with_dropouts,
)

from helpers_register import enrolment, ids, period_populations, register


def ts(day: str) -> pd.Timestamp:
    return pd.Timestamp(day)


# --- add_months ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2021-01-15", 2, "2021-03-15"),  # the contract's example: same day two months later
        ("2021-01-31", 1, "2021-02-28"),  # 31 Feb does not exist, 2021 is no leap year → 28th
        ("2020-01-31", 1, "2020-02-29"),  # 2020 is a leap year → 29th
        ("2020-12-31", 2, "2021-02-28"),  # crosses the year end, then clamps
        ("2021-11-30", 3, "2022-02-28"),  # Nov + 3 = Feb next year, 30 → 28
        ("2022-05-31", 1, "2022-06-30"),  # June has 30 days
        ("2021-03-31", -1, "2021-02-28"),  # backwards, clamped as well
        ("2022-01-15", -13, "2020-12-15"),  # Jan 2022 − 13 months = Dec 2020
        ("2021-07-01", 0, "2021-07-01"),  # no months, no change
    ],
)
def test_add_months_clamps_to_month_end(day, months, expected):
    result = add_months(pd.Series([ts(day)]), months)
    assert result.iloc[0] == ts(expected)


def test_add_months_keeps_index_and_input():
    dates = pd.Series([ts("2021-01-31"), ts("2021-06-15")], index=[10, 20])
    before = dates.copy()
    result = add_months(dates, 1)
    assert list(result.index) == [10, 20]
    assert list(result) == [ts("2021-02-28"), ts("2021-07-15")]  # 31 Jan → 28 Feb; 15 Jun → 15 Jul
    pd.testing.assert_series_equal(dates, before)


# --- shift_month_end ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2022-06-30", -6, "2021-12-31"),  # 1 Jul 2022 − 6 = 1 Jan 2022, minus a day (not 30 Dec)
        ("2022-06-30", -12, "2021-06-30"),  # 1 Jul 2022 − 12 = 1 Jul 2021, minus a day
        ("2021-12-31", -12, "2020-12-31"),  # 1 Jan 2022 − 12 = 1 Jan 2021, minus a day
        ("2022-06-30", -30, "2019-12-31"),  # 1 Jul 2022 − 30 = 1 Jan 2020, minus a day
        ("2022-02-28", -6, "2021-08-31"),  # 1 Mar 2022 − 6 = 1 Sep 2021, minus a day (not 28 Aug)
        ("2022-08-31", -6, "2022-02-28"),  # 1 Sep 2022 − 6 = 1 Mar 2022, minus a day
        ("2020-02-29", -12, "2019-02-28"),  # 1 Mar 2020 − 12 = 1 Mar 2019, minus a day
        ("2021-12-31", 6, "2022-06-30"),  # forwards: 1 Jan 2022 + 6 = 1 Jul 2022, minus a day
    ],
)
def test_shift_month_end_keeps_month_ends(day, months, expected):
    assert shift_month_end(ts(day), months) == ts(expected)


# --- months_between ------------------------------------------------------------------------------


def test_months_between_is_days_over_30_4375():
    start = pd.Series([ts("2021-01-01"), ts("2020-01-01"), ts("2021-03-01")])
    end = pd.Series([ts("2021-07-01"), ts("2021-01-01"), ts("2021-03-01")])
    result = months_between(start, end)
    # 2021-01-01 → 2021-07-01: 31+28+31+30+31+30 = 181 days
    assert result.iloc[0] == pytest.approx(181 / 30.4375)
    # 2020 is a leap year: 366 days → a bit more than 12 months
    assert result.iloc[1] == pytest.approx(366 / 30.4375)
    assert result.iloc[1] == pytest.approx(12.0246, abs=1e-4)
    # same day → 0 months
    assert result.iloc[2] == 0.0


# --- early_dropout -------------------------------------------------------------------------------


def test_early_dropout_contract_example_trial_2():
    # Enrolled 15 January, trial 2 months: exits up to 14 March are dropouts, 15 March is not.
    reg = register(
        enrolment("a", "2021-01-15", "2021-03-14"),  # last day of the trial → dropout
        enrolment("b", "2021-01-15", "2021-03-15"),  # enrolment + 2 months → not a dropout
        enrolment("c", "2021-01-15", "2021-01-15"),  # exit on enrolment day → dropout
        enrolment("d", "2021-01-15"),  # still enrolled → never a dropout
        enrolment("e", "2021-01-15", "2021-06-30"),  # long after the trial → not a dropout
    )
    assert list(early_dropout(reg, 2)) == [True, False, True, False, False]


def test_early_dropout_trial_end_clamps_to_month_end():
    # Enrolled 31 December, trial 2: 31 Feb clamps to 28 Feb 2021, so exits before 28 Feb are dropouts.
    reg = register(
        enrolment("a", "2020-12-31", "2021-02-27"),  # before 28 Feb → dropout
        enrolment("b", "2020-12-31", "2021-02-28"),  # on the clamped day → not a dropout
    )
    assert list(early_dropout(reg, 2)) == [True, False]


def test_early_dropout_other_trial_length():
    # trial 1: enrolled 15 Jan → exits up to 14 Feb are dropouts
    reg = register(
        enrolment("a", "2021-01-15", "2021-02-14"),  # → dropout
        enrolment("b", "2021-01-15", "2021-02-15"),  # → not
        enrolment("c", "2021-01-15", "2021-03-14"),  # within trial 2, not trial 1 → not
    )
    assert list(early_dropout(reg, 1)) == [True, False, False]


def test_early_dropout_tidigt_avhopp_overrides_dates():
    reg = register(
        enrolment("a", "2021-01-15", "2021-02-01", avhopp=False),  # nej: not a dropout despite 17 days
        enrolment("b", "2021-01-15", "2021-12-01", avhopp=True),  # ja: a dropout despite 10 months
        enrolment("c", "2021-01-15", avhopp=True),  # ja but no exit → not a dropout
        enrolment("d", "2021-01-15", "2021-02-01", avhopp=None),  # empty: dates decide → dropout
        enrolment("e", "2021-01-15", "2021-12-01", avhopp=None),  # empty: dates decide → not
    )
    assert list(early_dropout(reg, 2)) == [False, True, False, True, False]


def test_early_dropout_without_tidigt_avhopp_column():
    reg = register(
        enrolment("a", "2021-01-15", "2021-03-14"),  # dates decide → dropout
        enrolment("b", "2021-01-15", "2021-03-15"),  # → not
    ).drop(columns="tidigt_avhopp")
    assert list(early_dropout(reg, 2)) == [True, False]


def test_early_dropout_is_bool_and_aligned_to_a_filtered_register():
    reg = register(
        enrolment("a", "2021-01-15", "2021-12-01"),
        enrolment("b", "2021-01-15", "2021-02-01"),
        enrolment("c", "2021-05-01", "2021-05-20"),
    )
    subset = reg.iloc[[1, 2]]  # index [1, 2], as a population would have
    result = early_dropout(subset, 2)
    assert result.dtype == bool
    assert list(result.index) == [1, 2]
    assert list(result) == [True, True]  # 17 days and 19 days → both dropouts


def test_with_dropouts_returns_a_new_frame():
    reg = register(enrolment("a", "2021-01-15", "2021-02-01"))
    before = reg.copy()
    result = with_dropouts(reg, 2)
    assert list(result["dropout"]) == [True]  # 17 days < 2 months
    assert "dropout" not in reg.columns
    pd.testing.assert_frame_equal(reg, before)


# --- populations on period-boundary days -------------------------------------------------------

START, END = "2021-07-01", "2022-06-30"
ALL_POPS = ("active_start", "new", "exits", "active_end", "served")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # enrolled on the start day: new (and so served and active at end), not active_start
        (enrolment("s", "2021-07-01"), {"new", "active_end", "served"}),
        # exit on the start day: still enrolled at the start, and an exit of the period
        (enrolment("x", "2021-01-10", "2021-07-01", anledning="arbete"), {"active_start", "exits", "served"}),
        # exit on the end day: an exit, not active at the end
        (enrolment("e", "2021-02-01", "2022-06-30", anledning="arbete"), {"active_start", "exits", "served"}),
        # enrolled on the end day: new and active at the end
        (enrolment("n", "2022-06-30"), {"new", "active_end", "served"}),
        # exit the day before the start: in no population
        (enrolment("b", "2020-01-01", "2021-06-30", anledning="arbete"), set()),
        # enrolled the day after the end: in no population
        (enrolment("a", "2022-07-01"), set()),
        # enrolled before, exit the day after the end: active at start and at end, no flow
        (enrolment("l", "2021-03-01", "2022-07-01", anledning="arbete"), {"active_start", "active_end", "served"}),
        # enrolled and exited within the period: new and exit
        (enrolment("w", "2021-08-01", "2022-01-15", anledning="arbete"), {"new", "exits", "served"}),
    ],
)
def test_population_membership_on_boundary_days(row, expected):
    pops = period_populations(register(row), START, END)
    member_of = {name for name in ALL_POPS if len(pops[name]) == 1}
    assert member_of == expected


def test_populations_balance_on_boundary_days():
    reg = register(
        enrolment("s", "2021-07-01"),
        enrolment("x", "2021-01-10", "2021-07-01", anledning="arbete"),
        enrolment("e", "2021-02-01", "2022-06-30", anledning="arbete"),
        enrolment("n", "2022-06-30"),
        enrolment("b", "2020-01-01", "2021-06-30", anledning="arbete"),
        enrolment("a", "2022-07-01"),
        enrolment("l", "2021-03-01", "2022-07-01", anledning="arbete"),
    )
    pops = period_populations(reg, START, END)
    assert ids(pops["active_start"]) == ["e", "l", "x"]
    assert ids(pops["new"]) == ["n", "s"]
    assert ids(pops["exits"]) == ["e", "x"]
    assert ids(pops["active_end"]) == ["l", "n", "s"]
    assert ids(pops["served"]) == ["e", "l", "n", "s", "x"]
    # balance: 3 + 2 − 2 = 3
    assert len(pops["active_start"]) + len(pops["new"]) - len(pops["exits"]) == len(pops["active_end"])


def test_exits_include_early_dropouts():
    reg = register(enrolment("d", "2021-08-01", "2021-08-15"))  # 14 days → dropout, still an exit
    pops = period_populations(reg, START, END)
    assert ids(pops["exits"]) == ["d"]
    assert list(pops["exits"]["dropout"]) == [True]


def test_populations_accept_dates_strings_and_timestamps():
    reg = register(enrolment("s", "2021-07-01"), enrolment("x", "2021-01-10", "2021-07-01", anledning="arbete"))
    for start, end in [
        (dt.date(2021, 7, 1), dt.date(2022, 6, 30)),
        ("2021-07-01", "2022-06-30"),
        (pd.Timestamp("2021-07-01"), pd.Timestamp("2022-06-30")),
    ]:
        pops = populations(with_dropouts(reg, 2), start, end)
        assert ids(pops["new"]) == ["s"]
        assert ids(pops["active_start"]) == ["x"]


def test_populations_do_not_modify_register():
    reg = with_dropouts(register(enrolment("s", "2021-07-01"), enrolment("b", "2020-01-01", "2021-06-30")), 2)
    before = reg.copy()
    populations(reg, START, END)
    pd.testing.assert_frame_equal(reg, before)


@pytest.mark.parametrize("day", ["2020-01-31", "2020-02-29", "2021-03-15", "2021-12-31", "2019-08-30"])
@pytest.mark.parametrize("months", [-25, -12, -6, -1, 0, 1, 6, 13])
def test_adding_months_to_one_date_is_adding_them_to_a_series(day, months):
    from rapportlib.indicators.periods import add_months_to

    assert add_months_to(pd.Timestamp(day), months) == add_months(pd.Series([pd.Timestamp(day)]), months).iloc[0]

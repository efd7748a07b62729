"""Capacity against plan: daily number enrolled, turnover, time enrolled, staff (indicators/capacity.py)."""

from __future__ import annotations

import pytest

from rapportlib.indicators.capacity import capacity, daily_enrolled, staff_by_owner

from helpers_register import enrolment, ids, period_populations, register

D = 30.4375


# --- daily_enrolled ----------------------------------------------------------------------------


def test_daily_enrolled_over_ten_days():
    reg = register(
        enrolment("a", "2021-01-03", "2021-01-05", anledning="annat"),  # days 3 and 4; gone at the end of day 5
        enrolment("b", "2020-12-01"),  # open: every day
        enrolment("c", "2020-11-01", "2020-12-15", anledning="annat"),  # before the period
        enrolment("d", "2021-02-01"),  # after the period
        enrolment("e", "2021-01-08"),  # open from day 8
        enrolment("f", "2020-12-20", "2021-01-02", anledning="annat"),  # day 1 only
        enrolment("g", "2021-01-10", "2021-01-10", anledning="annat"),  # in and out on day 10: not at its end
        enrolment("h", "2020-06-01", "2021-03-01", anledning="annat"),  # spans the whole period
    )
    result = daily_enrolled(reg, "2021-01-01", "2021-01-10")
    # day:        1  2  3  4  5  6  7  8  9  10
    # b, h:       2  2  2  2  2  2  2  2  2  2
    # a:                1  1
    # e:                               1  1  1
    # f:          1
    assert list(result) == [3, 2, 3, 3, 2, 2, 2, 3, 3, 3]


def test_daily_enrolled_exit_on_first_day_and_enrolment_on_last_day():
    reg = register(
        enrolment("x", "2020-06-01", "2021-01-01", anledning="annat"),  # exits on day 1: never counted
        enrolment("y", "2021-01-10"),  # enrolled on the last day: counted that day
    )
    assert list(daily_enrolled(reg, "2021-01-01", "2021-01-10")) == [0] * 9 + [1]


# --- capacity ----------------------------------------------------------------------------------


def year_2021():
    reg = register(
        # open since 2020-07-01: all 365 days
        enrolment("a", "2020-07-01"),
        # 2021-03-01 → 2021-09-01: Mar–Aug = 31+30+31+30+31+31 = 184 days
        enrolment("b", "2021-03-01", "2021-09-01", anledning="arbete"),
        # open from 2021-06-01: Jun–Dec = 30+31+31+30+31+30+31 = 214 days
        enrolment("c", "2021-06-01"),
        # 2019-01-01 → 2021-02-01: enrolled all of January 2021 = 31 days; 731 + 31 = 762 days in all
        enrolment("d", "2019-01-01", "2021-02-01", anledning="annat"),
    )
    return reg, period_populations(reg, "2021-01-01", "2021-12-31")


def test_capacity_over_a_365_day_year():
    reg, pops = year_2021()
    assert ids(pops["new"]) == ["b", "c"]
    assert ids(pops["exits"]) == ["b", "d"]
    assert ids(pops["active_end"]) == ["a", "c"]
    result = capacity(reg, pops, "2021-01-01", "2021-12-31", 12)
    assert result["mean_enrolled"] == pytest.approx(794 / 365)  # (365 + 184 + 214 + 31) / 365
    assert result["peak"] == 3  # a, b, c from 2021-06-01 to 2021-08-31
    assert result["peak_date"] == "2021-06-01"  # the first day of the peak
    assert result["new_per_year"] == pytest.approx(2 * 365.25 / 365)  # 2 new in 365 days
    assert result["exits_per_year"] == pytest.approx(2 * 365.25 / 365)  # b, d
    assert result["turnover"] == pytest.approx((2 * 365.25 / 365) / (794 / 365))  # = 730.5 / 794
    assert result["max_months"] == 12


def test_capacity_time_enrolled_over_the_maximum():
    reg, pops = year_2021()
    result = capacity(reg, pops, "2021-01-01", "2021-12-31", 12)
    # active at end: a 2020-07-01 → 2021-12-31 = 365 + 183 = 548 days = 18.0 months > 12;
    # c 2021-06-01 → 2021-12-31 = 213 days = 6.998 months
    assert result["active_end_over_max"] == 1
    assert result["active_end_over_max_share"] == pytest.approx(0.5)  # 1 of 2
    # exits: b 184 days = 6.05 months; d 762 days = 25.03 months > 12
    assert result["exits_over_max"] == 1
    assert result["exits_over_max_share"] == pytest.approx(0.5)  # 1 of 2
    # with 6 months as the maximum, b (6.05) and c (6.998) are over too
    six = capacity(reg, pops, "2021-01-01", "2021-12-31", 6)
    assert six["active_end_over_max"] == 2  # a, c
    assert six["exits_over_max"] == 2  # b, d
    assert six["exits_over_max_share"] == pytest.approx(1.0)
    # c's 6.998 months are not over 7
    assert 213 / D < 7
    assert capacity(reg, pops, "2021-01-01", "2021-12-31", 7)["active_end_over_max"] == 1  # a only


def test_capacity_without_a_maximum():
    reg, pops = year_2021()
    result = capacity(reg, pops, "2021-01-01", "2021-12-31", None)
    assert result["max_months"] is None
    assert "active_end_over_max" not in result
    assert "exits_over_max_share" not in result


def test_capacity_over_a_366_day_leap_year():
    reg = register(
        enrolment("a", "2019-01-01"),  # all 366 days
        enrolment("n", "2020-07-01"),  # Jul–Dec = 31+31+30+31+30+31 = 184 days
        enrolment("e", "2019-06-01", "2020-03-01", anledning="annat"),  # Jan 31 + Feb 29 = 60 days
    )
    pops = period_populations(reg, "2020-01-01", "2020-12-31")
    result = capacity(reg, pops, "2020-01-01", "2020-12-31", None)
    assert result["mean_enrolled"] == pytest.approx(610 / 366)  # (366 + 184 + 60) / 366
    assert result["peak"] == 2  # a + e in Jan–Feb, a + n from July
    assert result["peak_date"] == "2020-01-01"  # the first day with 2
    assert result["new_per_year"] == pytest.approx(365.25 / 366)  # 1 new in 366 days
    assert result["exits_per_year"] == pytest.approx(365.25 / 366)  # e
    assert result["turnover"] == pytest.approx((365.25 / 366) / (610 / 366))  # = 365.25 / 610


def test_capacity_of_a_half_year():
    reg = register(enrolment("a", "2020-01-01"), enrolment("n", "2021-03-01"))
    pops = period_populations(reg, "2021-01-01", "2021-06-30")  # 31+28+31+30+31+30 = 181 days
    result = capacity(reg, pops, "2021-01-01", "2021-06-30", None)
    assert result["new_per_year"] == pytest.approx(365.25 / 181)  # 1 new in 181 days, scaled to a year
    assert result["exits_per_year"] == pytest.approx(0.0)
    assert result["turnover"] == pytest.approx(0.0)


def test_capacity_with_empty_period_populations():
    reg = register(enrolment("x", "2019-01-01", "2019-06-01", anledning="annat"))  # history only
    pops = period_populations(reg, "2021-01-01", "2021-12-31")
    assert all(len(pops[name]) == 0 for name in ("new", "exits", "active_end"))
    result = capacity(reg, pops, "2021-01-01", "2021-12-31", 12)
    assert result["mean_enrolled"] == pytest.approx(0.0)
    assert result["peak"] == 0
    assert result["new_per_year"] == pytest.approx(0.0)
    assert result["turnover"] is None  # mean enrolled is 0
    assert result["active_end_over_max"] == 0
    assert result["active_end_over_max_share"] is None
    assert result["exits_over_max"] == 0
    assert result["exits_over_max_share"] is None


# --- staff_by_owner ----------------------------------------------------------------------------


def test_staff_by_owner():
    staff = [
        {"roll": "Coach", "organisation": "AF", "fte": 1.0},
        {"roll": "Handläggare", "organisation": "FK", "fte": 0.5},
        {"roll": "Coach", "organisation": "AF", "fte": 0.5},
        {"roll": "Samordnare", "fte": 0.25},  # no owner → okänd
        {"roll": "Socionom", "organisation": "Kommun"},  # no fte → 0
    ]
    result = staff_by_owner(staff)
    assert result["by_owner"] == {
        "AF": pytest.approx(1.5),  # 1.0 + 0.5
        "FK": pytest.approx(0.5),
        "okänd": pytest.approx(0.25),
        "Kommun": pytest.approx(0.0),
    }
    assert result["total"] == pytest.approx(2.25)  # 1.5 + 0.5 + 0.25 + 0


def test_staff_by_owner_empty():
    assert staff_by_owner([]) == {"by_owner": {}, "total": 0.0}


def test_peak_date_is_none_when_nobody_is_enrolled():
    from rapportlib.indicators.capacity import capacity

    reg = period_populations_register = register(enrolment("a", "2019-01-01", "2019-02-01", anledning="arbete"))
    pops = period_populations(period_populations_register, "2021-01-01", "2021-12-31")
    result = capacity(reg, pops, "2021-01-01", "2021-12-31", None)
    assert result["peak"] == 0 and result["peak_date"] is None  # no one enrolled on any day

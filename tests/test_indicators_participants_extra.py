"""Education, years-on-support bins, age bands per row, support totals and shares (indicators/participants.py)."""

from __future__ import annotations

import pytest

from rapportlib.indicators.participants import (
    age_bands,
    benefit_year_bins,
    education,
    support_before_after,
    support_totals,
)

from helpers_register import enrolment, ids, period_populations, register

START, END = "2021-07-01", "2022-06-30"


def new_of(*rows):
    return period_populations(register(*rows), START, END)["new"]


def exits_of(*rows):
    return period_populations(register(*rows), START, END)["exits"]


# --- education ---------------------------------------------------------------------------------


def test_education_missing_counts_as_okand():
    new = new_of(
        enrolment("a", "2021-08-01", utbildning="grundskola"),
        enrolment("b", "2021-08-01", utbildning="gymnasium"),
        enrolment("c", "2021-08-01", utbildning="gymnasium"),
        enrolment("d", "2021-08-01", utbildning="hogskola_over_3"),
        enrolment("e", "2021-08-01", utbildning="okand"),
        enrolment("f", "2021-08-01"),  # none recorded → okand
        enrolment("x", "2021-01-01", utbildning="grundskola"),  # enrolled before the period: not new
    )
    assert education(new) == {
        "grundskola": 1,  # a (x is not new)
        "gymnasium": 2,  # b, c
        "hogskola_upp_till_1": 0,
        "hogskola_upp_till_3": 0,
        "hogskola_over_3": 1,  # d
        "okand": 2,  # e (stated), f (missing)
    }


# --- benefit_year_bins -------------------------------------------------------------------------


def test_benefit_year_bins_boundaries():
    new = new_of(
        enrolment("a", "2021-08-01", ar=0.0),  # upp_till_1
        enrolment("b", "2021-08-01", ar=0.99),  # upp_till_1
        enrolment("c", "2021-08-01", ar=1.0),  # upp_till_2 (1 ≤ years < 2)
        enrolment("d", "2021-08-01", ar=8.99),  # upp_till_9
        enrolment("e", "2021-08-01", ar=9.0),  # 9_eller_mer
        enrolment("f", "2021-08-01", ar=25.0),  # 9_eller_mer
        enrolment("g", "2021-08-01"),  # no value → uppgift_saknas
        enrolment("h", "2021-08-01", ar=4.5),  # upp_till_5
    )
    assert benefit_year_bins(new) == {
        "upp_till_1": 2,  # a, b
        "upp_till_2": 1,  # c
        "upp_till_3": 0,
        "upp_till_4": 0,
        "upp_till_5": 1,  # h
        "upp_till_6": 0,
        "upp_till_7": 0,
        "upp_till_8": 0,
        "upp_till_9": 1,  # d
        "9_eller_mer": 2,  # e, f
        "uppgift_saknas": 1,  # g
    }


def test_benefit_year_bins_empty_population():
    result = benefit_year_bins(new_of(enrolment("x", "2021-01-01", ar=2.0)))  # not new
    assert set(result.values()) == {0}
    assert len(result) == 11  # 9 "upp till" bins, 9 eller mer, uppgift saknas


# --- age_bands with a year per row -------------------------------------------------------------


def test_age_bands_with_a_year_per_row():
    exits = exits_of(
        enrolment("p", "2021-01-01", "2021-12-01", anledning="arbete", fodelsear=1992),  # 2021 − 1992 = 29
        enrolment("q", "2021-01-01", "2022-03-01", anledning="arbete", fodelsear=1977),  # 2022 − 1977 = 45
        enrolment("r", "2021-01-01", "2021-09-01", anledning="arbete", fodelsear=2007),  # 2021 − 2007 = 14: none
        enrolment("s", "2021-01-01", "2022-02-01", anledning="arbete", fodelsear=1947),  # 2022 − 1947 = 75: none
        enrolment("t", "2021-01-01", "2022-01-15", anledning="arbete", fodelsear=1961),  # 2022 − 1961 = 61
        enrolment("u", "2021-01-01", "2022-05-01", anledning="arbete", fodelsear=1992),  # 2022 − 1992 = 30
    )
    assert ids(exits) == ["p", "q", "r", "s", "t", "u"]
    result = age_bands(exits, exits["avslutsdatum"].dt.year)
    assert result == {"15-29": 1, "30-44": 1, "45-59": 1, "60-74": 1}  # p / u / q / t
    # one year for all (2022) gives other bands: p 30, q 45, r 15, s 75, t 61, u 30
    assert age_bands(exits, 2022) == {"15-29": 1, "30-44": 2, "45-59": 1, "60-74": 1}


def test_age_bands_series_aligned_by_index():
    exits = exits_of(
        enrolment("p", "2021-01-01", "2021-12-01", anledning="arbete", fodelsear=1992),  # 29 in 2021
        enrolment("u", "2021-01-01", "2022-05-01", anledning="arbete", fodelsear=1992),  # 30 in 2022
    )
    exits.index = [7, 3]
    result = age_bands(exits, exits["avslutsdatum"].dt.year)
    assert result == {"15-29": 1, "30-44": 1, "45-59": 0, "60-74": 0}


# --- support_totals and the shares of support_before_after ------------------------------------


def support_exits():
    return exits_of(
        enrolment("a", "2021-01-01", "2021-09-01", anledning="arbete", fore=("forsorjningsstod", "sjukpenning"),
                  efter=("lon",)),
        enrolment("b", "2021-01-01", "2021-10-01", anledning="studier", fore=("forsorjningsstod",), efter=()),
        enrolment("c", "2021-01-01", "2021-11-01", anledning="sjukdom", fore=(), efter=("forsorjningsstod",)),
        enrolment("z", "2021-01-01", fore=("a_kassa",)),  # still enrolled: not an exit
    )


def test_support_totals():
    assert support_totals(support_exits()) == {
        "sources_before": 3,  # a: 2, b: 1
        "missing_before": 1,  # c
        "denominator_before": 4,  # 3 + 1
        "sources_after": 2,  # a: lon, c: forsorjningsstod
        "missing_after": 1,  # b
        "denominator_after": 3,  # 2 + 1
        "persons": 3,  # a, b, c
    }


def test_support_shares_and_change():
    result = support_before_after(support_exits())
    fs = result["forsorjningsstod"]
    assert (fs["before"], fs["after"]) == (2, 1)  # a, b / c
    assert fs["share_before"] == pytest.approx(0.5)  # 2 / 4
    assert fs["share_after"] == pytest.approx(1 / 3)  # 1 / 3
    assert fs["change"] == -1  # 1 − 2
    assert fs["change_pct"] == pytest.approx(-0.5)  # −1 / 2
    sp = result["sjukpenning"]
    assert sp["share_before"] == pytest.approx(0.25)  # 1 / 4
    assert sp["share_after"] == pytest.approx(0.0)  # 0 / 3
    assert sp["change_pct"] == pytest.approx(-1.0)  # −1 / 1
    lon = result["lon"]
    assert lon["share_after"] == pytest.approx(1 / 3)  # a: 1 / 3
    assert lon["change"] == 1
    assert lon["change_pct"] is None  # before is 0
    assert result["a_kassa"]["share_before"] == pytest.approx(0.0)  # z is not an exit
    # with the missing ("uppgift saknas"), each column adds up to 1: before 3/4 + 1/4, after 2/3 + 1/3
    assert sum(v["share_before"] for v in result.values()) + 1 / 4 == pytest.approx(1.0)
    assert sum(v["share_after"] for v in result.values()) + 1 / 3 == pytest.approx(1.0)


def test_support_shares_none_without_exits():
    exits = exits_of(enrolment("z", "2021-01-01", fore=("a_kassa",)))
    result = support_before_after(exits)
    assert all(v["share_before"] is None and v["share_after"] is None for v in result.values())
    assert support_totals(exits)["denominator_before"] == 0

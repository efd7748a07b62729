"""Who the participants are: age, age bands, referrer, payer, years on support, support sources."""

from __future__ import annotations

import pytest

from rapportlib.indicators.participants import (
    age_at_exit,
    age_bands_at_enrolment,
    age_summary,
    benefit_years,
    payers,
    referrers,
    support_before_after,
)

from helpers_register import enrolment, ids, period_populations, register

START, END = "2021-07-01", "2022-06-30"
SEXES = ("kvinna", "man")


# --- age_summary -------------------------------------------------------------------------------


def test_age_summary_at_period_end():
    reg = register(
        enrolment("a", "2021-01-01", fodelsear=1992),  # 2022 − 1992 = 30 (30 counts as "30 or younger")
        enrolment("b", "2021-01-01", fodelsear=1991),  # 31
        enrolment("c", "2021-01-01", fodelsear=1970),  # 52
        enrolment("d", "2021-01-01", fodelsear=2000),  # 22
        enrolment("x", "2021-01-01", "2021-12-01", anledning="arbete", fodelsear=1950),  # exited → not active
    )
    active_end = period_populations(reg, START, END)["active_end"]
    assert ids(active_end) == ["a", "b", "c", "d"]
    result = age_summary(active_end, 2022)
    assert result["mean"] == pytest.approx(33.75)  # (30 + 31 + 52 + 22) / 4 = 135 / 4
    assert result["min"] == 22
    assert result["max"] == 52
    assert result["share_30_or_younger"] == pytest.approx(0.5)  # 30 and 22 → 2 of 4
    assert result["n_30_or_younger"] == 2


def test_age_summary_of_nobody_is_all_none():
    reg = register(enrolment("x", "2021-01-01", "2021-12-01", anledning="arbete"))
    active_end = period_populations(reg, START, END)["active_end"]
    assert len(active_end) == 0
    result = age_summary(active_end, 2022)
    assert result["mean"] is None
    assert result["min"] is None
    assert result["max"] is None
    assert result["share_30_or_younger"] is None


def test_age_summary_types():
    reg = register(enrolment("a", "2021-01-01", fodelsear=1992))
    result = age_summary(reg, 2022)
    assert type(result["min"]) is int and type(result["max"]) is int
    assert type(result["mean"]) is float
    assert result["mean"] == pytest.approx(30.0)  # 2022 − 1992


# --- age_at_exit -------------------------------------------------------------------------------


def test_age_at_exit_uses_the_exit_year():
    reg = register(
        enrolment("a", "2021-01-01", "2021-12-31", anledning="arbete", kon="kvinna", fodelsear=1990),  # 31
        enrolment("b", "2021-01-01", "2022-01-01", anledning="arbete", kon="kvinna", fodelsear=1990),  # 32
        enrolment("c", "2021-01-01", "2022-03-01", anledning="sjukdom", kon="man", fodelsear=1960),  # 62
        # an early dropout (14 days) is still in the exits population: 2021 − 1980 = 41
        enrolment("d", "2021-08-01", "2021-08-15", kon="man", fodelsear=1980),
        enrolment("e", "2021-01-01", kon="man", fodelsear=1930),  # open → not an exit
    )
    exits = period_populations(reg, START, END)["exits"]
    result = age_at_exit(exits, SEXES)
    assert result["mean"] == pytest.approx(41.5)  # (31 + 32 + 62 + 41) / 4 = 166 / 4
    assert result["kvinna"] == pytest.approx(31.5)  # (31 + 32) / 2; by the period end year it would be 32
    assert result["man"] == pytest.approx(51.5)  # (62 + 41) / 2


def test_age_at_exit_of_nobody_is_none():
    reg = register(enrolment("e", "2021-01-01"))
    exits = period_populations(reg, START, END)["exits"]
    assert age_at_exit(exits, SEXES) == {"mean": None, "kvinna": None, "man": None}


def test_age_at_exit_sex_without_exits_is_none():
    reg = register(enrolment("a", "2021-01-01", "2021-12-31", anledning="arbete", kon="kvinna", fodelsear=1990))
    exits = period_populations(reg, START, END)["exits"]
    result = age_at_exit(exits, ("kvinna", "man", "annat"))
    assert result["kvinna"] == pytest.approx(31.0)  # 2021 − 1990
    assert result["man"] is None
    assert result["annat"] is None


# --- age bands at enrolment --------------------------------------------------------------------


def test_age_bands_use_the_enrolment_year():
    reg = register(
        enrolment("a", "2021-08-01", fodelsear=1992),  # 2021 − 1992 = 29 → 15-29 (30 in the end year 2022)
        enrolment("b", "2022-02-01", fodelsear=1992),  # 2022 − 1992 = 30 → 30-44
        enrolment("c", "2021-09-01", fodelsear=1977),  # 44 → 30-44
        enrolment("d", "2021-09-01", fodelsear=1976),  # 45 → 45-59
        enrolment("e", "2021-10-01", fodelsear=1962),  # 59 → 45-59
        enrolment("f", "2021-10-01", fodelsear=1961),  # 60 → 60-74
        enrolment("g", "2021-11-01", fodelsear=1947),  # 74 → 60-74
        enrolment("h", "2021-11-01", fodelsear=1946),  # 75 → no band
        enrolment("i", "2021-12-01", fodelsear=2007),  # 14 → no band
        enrolment("j", "2021-12-01", fodelsear=2006),  # 15 → 15-29
        enrolment("k", "2022-06-30", fodelsear=2000),  # 22 → 15-29
        enrolment("z", "2021-01-01", fodelsear=2000),  # enrolled before the period → not new
    )
    new = period_populations(reg, START, END)["new"]
    result = age_bands_at_enrolment(new)
    assert result == {"15-29": 3, "30-44": 2, "45-59": 2, "60-74": 2}  # a, j, k / b, c / d, e / f, g
    assert list(result) == ["15-29", "30-44", "45-59", "60-74"]


def test_age_bands_of_nobody_are_zero():
    new = period_populations(register(enrolment("z", "2021-01-01")), START, END)["new"]
    assert age_bands_at_enrolment(new) == {"15-29": 0, "30-44": 0, "45-59": 0, "60-74": 0}


# --- referrers ---------------------------------------------------------------------------------


def test_referrers_count_every_code():
    reg = register(
        enrolment("a", "2021-08-01", remittent="af"),
        enrolment("b", "2021-09-01", remittent="af"),
        enrolment("c", "2021-09-01", remittent="fk"),
        enrolment("d", "2021-10-01", remittent="region"),
        enrolment("e", "2021-10-01", remittent="annan"),
        enrolment("z", "2021-01-01", remittent="kommun"),  # not new
    )
    pops = period_populations(reg, START, END)
    assert referrers(pops["new"]) == {"af": 2, "fk": 1, "kommun": 0, "region": 1, "annan": 1}
    # all six are still enrolled at the end: z adds a kommun
    assert referrers(pops["active_end"]) == {"af": 2, "fk": 1, "kommun": 1, "region": 1, "annan": 1}


# --- payers ------------------------------------------------------------------------------------


def test_payers_use_the_first_support_source():
    reg = register(
        enrolment("a", "2021-08-01", fore=("forsorjningsstod", "sjukpenning")),  # first → kommun (not fk)
        enrolment("b", "2021-08-01", fore=("sjukpenning", "forsorjningsstod")),  # first → fk (not kommun)
        enrolment("c", "2021-08-01", fore=("aktivitetsersattning",)),  # → fk
        enrolment("d", "2021-08-01", fore=("sjukersattning",)),  # → fk
        enrolment("e", "2021-08-01", fore=("a_kassa",)),  # → af
        enrolment("f", "2021-08-01", fore=("aktivitetsstod", "lon")),  # → af
        enrolment("g", "2021-08-01", fore=("lon",)),  # → ingen_offentlig
        enrolment("h", "2021-08-01", fore=("studiestod",)),  # → ingen_offentlig
        enrolment("i", "2021-08-01", fore=("ingen_offentlig",)),  # → ingen_offentlig
        enrolment("j", "2021-08-01", fore=()),  # none listed → left out
    )
    new = period_populations(reg, START, END)["new"]
    result = payers(new)
    assert result == {"kommun": 1, "fk": 3, "af": 2, "ingen_offentlig": 3}  # a / b, c, d / e, f / g, h, i
    assert sum(result.values()) == 9  # 10 persons, j left out


def test_payers_of_nobody_are_zero():
    reg = register(enrolment("j", "2021-08-01", fore=()))
    assert payers(reg) == {"kommun": 0, "fk": 0, "af": 0, "ingen_offentlig": 0}
    assert payers(reg.iloc[:0]) == {"kommun": 0, "fk": 0, "af": 0, "ingen_offentlig": 0}


# --- benefit_years -----------------------------------------------------------------------------


def test_benefit_years_mean_over_those_with_a_value():
    reg = register(
        enrolment("a", "2021-08-01", kon="kvinna", ar=2.0),
        enrolment("b", "2021-08-01", kon="kvinna", ar=4.0),
        enrolment("c", "2021-08-01", kon="man", ar=None),  # no value → left out of the means
        enrolment("d", "2021-08-01", kon="man", ar=6.5),
    )
    result = benefit_years(reg, ("kvinna", "man", "annat"))
    assert result["mean"] == pytest.approx(12.5 / 3)  # (2 + 4 + 6.5) / 3, not / 4
    assert result["kvinna"] == pytest.approx(3.0)  # (2 + 4) / 2
    assert result["man"] == pytest.approx(6.5)  # d only
    assert result["annat"] is None  # nobody


def test_benefit_years_without_values_is_none():
    reg = register(enrolment("c", "2021-08-01", kon="man", ar=None))
    assert benefit_years(reg, SEXES) == {"mean": None, "kvinna": None, "man": None}


# --- support before and after ------------------------------------------------------------------


def test_support_before_after_counts_every_source_listed():
    reg = register(
        enrolment("a", "2021-01-01", "2021-12-01", anledning="arbete",
                  fore=("forsorjningsstod", "sjukpenning"), efter=("lon",)),
        enrolment("b", "2021-01-01", "2021-12-01", anledning="studier",
                  fore=("forsorjningsstod",), efter=("forsorjningsstod", "studiestod")),
        enrolment("c", "2021-01-01", "2021-12-01", anledning="sjukdom", fore=(), efter=()),
        enrolment("z", "2021-01-01", fore=("a_kassa",), efter=("a_kassa",)),  # open → not an exit
    )
    exits = period_populations(reg, START, END)["exits"]
    result = support_before_after(exits)
    pick = lambda code: (result[code]["before"], result[code]["after"])  # noqa: E731
    assert pick("forsorjningsstod") == (2, 1)  # a, b / b
    assert pick("sjukpenning") == (1, 0)  # a
    assert pick("lon") == (0, 1)  # a
    assert pick("studiestod") == (0, 1)  # b
    assert pick("a_kassa") == (0, 0)  # z is not an exit
    for code in ("aktivitetsersattning", "sjukersattning", "aktivitetsstod", "ingen_offentlig"):
        assert pick(code) == (0, 0)
    assert len(result) == 9  # every source of the contract
    # 3 persons, but 3 sources before (a lists two) and 3 after (b lists two)
    assert sum(v["before"] for v in result.values()) == 3
    assert sum(v["after"] for v in result.values()) == 3
    # Shares are of sources plus persons with none listed: before 3 sources + c (none) = 4;
    # after 3 sources + c = 4.
    assert result["forsorjningsstod"]["share_before"] == pytest.approx(2 / 4)
    assert result["forsorjningsstod"]["share_after"] == pytest.approx(1 / 4)
    assert result["forsorjningsstod"]["change"] == -1  # 1 − 2
    assert result["forsorjningsstod"]["change_pct"] == pytest.approx(-0.5)  # −1 / 2
    assert result["lon"]["change_pct"] is None  # nothing before: no per cent change

"""Payback time (*återbetalningstid*) with a tiny explicit cost table (indicators/payback.py)."""

from __future__ import annotations

import pytest

from rapportlib.codes import PAYBACK_PAYERS, SUPPORT_SOURCES
from rapportlib.indicators.payback import default_costs, payback

from helpers_register import enrolment, period_populations, register

START, END = "2021-01-01", "2021-12-31"

# Round yearly figures that divide by 12: 120 000 → 10 000 a month, 240 000 → 20 000,
# 60 000 → 5 000, 36 000 → 3 000.
COSTS = {
    "forsorjningsstod": {"payer": "kommun", "kr_per_year": 120_000},
    "sjukpenning": {"payer": "fk", "kr_per_year": 240_000},
    "a_kassa": {"payer": "af", "kr_per_year": 60_000},
    "studiestod": {"payer": "staten_ovrigt", "kr_per_year": 36_000},
    "lon": {"payer": "staten_ovrigt", "kr_per_year": 0},
}


def exits_of(*rows):
    return period_populations(register(*rows), START, END)["exits"]


def the_exits():
    return exits_of(
        # two sources before share the time: forsorjningsstod 10 000 / 2 = 5 000 (kommun),
        # sjukpenning 20 000 / 2 = 10 000 (fk); after: lön, 0
        enrolment("a", "2020-01-01", "2021-03-01", anledning="arbete", fore=("forsorjningsstod", "sjukpenning"),
                  efter=("lon",)),
        # before: a-kassa 5 000 (af); after: studiestöd 3 000 (staten_ovrigt)
        enrolment("b", "2020-01-01", "2021-04-01", anledning="studier", fore=("a_kassa",), efter=("studiestod",)),
        # no source after: left out
        enrolment("c", "2020-01-01", "2021-05-01", anledning="sjukdom", fore=("forsorjningsstod",)),
        # no source before: left out
        enrolment("d", "2020-01-01", "2021-06-01", anledning="annat", efter=("forsorjningsstod",)),
        # early dropout (19 days): left out
        enrolment("e", "2021-06-01", "2021-06-20", fore=("sjukpenning",), efter=("lon",)),
        # still enrolled: not an exit
        enrolment("f", "2020-01-01", fore=("sjukpenning",), efter=("lon",)),
    )


def test_persons_measured():
    assert payback(the_exits(), 1_700_000.0, COSTS)["persons"] == 2  # a, b


def test_monthly_cost_per_payer():
    result = payback(the_exits(), 1_700_000.0, COSTS)
    before, after = result["monthly_cost_before"], result["monthly_cost_after"]
    assert before == {
        "kommun": pytest.approx(5_000.0),  # a: 120 000 / 12 / 2
        "region": pytest.approx(0.0),
        "fk": pytest.approx(10_000.0),  # a: 240 000 / 12 / 2
        "af": pytest.approx(5_000.0),  # b: 60 000 / 12
        "staten_ovrigt": pytest.approx(0.0),
    }
    assert after == {
        "kommun": pytest.approx(0.0),
        "region": pytest.approx(0.0),
        "fk": pytest.approx(0.0),
        "af": pytest.approx(0.0),
        "staten_ovrigt": pytest.approx(3_000.0),  # b: 36 000 / 12; a's lön costs 0
    }


def test_reduction_per_payer_and_total():
    reduction = payback(the_exits(), 1_700_000.0, COSTS)["monthly_reduction"]
    assert reduction["kommun"] == pytest.approx(5_000.0)  # 5 000 − 0
    assert reduction["fk"] == pytest.approx(10_000.0)  # 10 000 − 0
    assert reduction["af"] == pytest.approx(5_000.0)  # 5 000 − 0
    assert reduction["region"] == pytest.approx(0.0)
    assert reduction["staten_ovrigt"] == pytest.approx(-3_000.0)  # 0 − 3 000
    assert reduction["total"] == pytest.approx(17_000.0)  # 5 000 + 10 000 + 5 000 − 3 000


def test_society_months():
    result = payback(the_exits(), 1_700_000.0, COSTS)
    assert result["period_cost"] == 1_700_000.0
    assert result["months"] == pytest.approx(100.0)  # 1 700 000 / 17 000
    assert result["reduction_share_of_before"] == pytest.approx(0.85)  # 17 000 / 20 000


def test_months_per_financier_with_default_shares():
    fin = payback(the_exits(), 1_700_000.0, COSTS)["by_financier"]
    assert set(fin) == {"staten", "region", "kommun"}
    staten = fin["staten"]
    assert staten["share_of_cost"] == pytest.approx(0.5)
    assert staten["cost"] == pytest.approx(850_000.0)  # 1 700 000 × 0.5
    assert staten["monthly_reduction"] == pytest.approx(12_000.0)  # fk 10 000 + af 5 000 + övriga −3 000
    assert staten["months"] == pytest.approx(850_000 / 12_000)  # 70.83
    kommun = fin["kommun"]
    assert kommun["cost"] == pytest.approx(425_000.0)  # × 0.25
    assert kommun["monthly_reduction"] == pytest.approx(5_000.0)
    assert kommun["months"] == pytest.approx(85.0)  # 425 000 / 5 000
    region = fin["region"]
    assert region["cost"] == pytest.approx(425_000.0)
    assert region["monthly_reduction"] == pytest.approx(0.0)
    assert region["months"] is None  # no reduction for the region


def test_own_financing_shares():
    fin = payback(the_exits(), 1_700_000.0, COSTS, {"staten": 0.6, "kommun": 0.4})["by_financier"]
    assert set(fin) == {"staten", "kommun"}
    assert fin["staten"]["cost"] == pytest.approx(1_020_000.0)  # 1 700 000 × 0.6
    assert fin["staten"]["months"] == pytest.approx(85.0)  # 1 020 000 / 12 000
    assert fin["kommun"]["months"] == pytest.approx(136.0)  # 680 000 / 5 000


def test_no_cost_gives_none():
    result = payback(the_exits(), None, COSTS)
    assert result["months"] is None
    assert result["monthly_reduction"]["total"] == pytest.approx(17_000.0)  # still computed
    for fin in result["by_financier"].values():
        assert fin["cost"] is None and fin["months"] is None


def test_reduction_not_positive_gives_none():
    exits = exits_of(
        # lön → sjukpenning: the public cost rises by 20 000 a month
        enrolment("a", "2020-01-01", "2021-03-01", anledning="annat", fore=("lon",), efter=("sjukpenning",)),
    )
    result = payback(exits, 1_000_000.0, COSTS)
    assert result["monthly_reduction"]["total"] == pytest.approx(-20_000.0)  # 0 − 20 000
    assert result["months"] is None
    assert result["by_financier"]["staten"]["months"] is None  # fk −20 000
    assert result["by_financier"]["kommun"]["months"] is None  # 0: not positive


def test_nobody_measured():
    exits = exits_of(enrolment("c", "2020-01-01", "2021-05-01", anledning="sjukdom", fore=("forsorjningsstod",)))
    result = payback(exits, 1_000_000.0, COSTS)
    assert result["persons"] == 0
    assert result["monthly_reduction"]["total"] == pytest.approx(0.0)
    assert result["months"] is None  # zero reduction
    assert result["reduction_share_of_before"] is None  # nothing before


def test_default_costs_cover_every_support_source():
    costs = default_costs()
    for code in SUPPORT_SOURCES:
        assert code in costs, code
        assert costs[code]["payer"] in PAYBACK_PAYERS, code
        assert isinstance(costs[code]["kr_per_year"], int | float), code
        assert costs[code]["kr_per_year"] >= 0, code


def test_unknown_financier_is_refused():
    import pandas as pd

    from rapportlib.indicators.payback import payback

    exits = pd.DataFrame({"dropout": [False], "forsorjning_fore": [("forsorjningsstod",)],
                          "forsorjning_efter": [("lon",)]})
    costs = {"forsorjningsstod": {"payer": "kommun", "kr_per_year": 120}, "lon": {"payer": "kommun", "kr_per_year": 0}}
    with pytest.raises(ValueError, match="unknown financier"):
        payback(exits, 100.0, costs, {"landstinget": 1.0})

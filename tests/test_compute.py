"""rapportlib.indicators.compute: the indicators.json structure (data contract §5)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pandas as pd
import pytest

from rapportlib.indicators import compute
from rapportlib.params import Rules

from helpers_register import enrolment, register

START, END = dt.date(2021, 7, 1), dt.date(2022, 6, 30)
D = 30.4375

# Core keys of the contract §5, as dotted paths.
SEXES = ("kvinna", "man")
CORE_KEYS = [
    "team", "period.start", "period.end",
    *[f"flows.{k}" for k in ("active_start", "new", "exits", "early_dropouts", "active_end", "served")],
    *[f"sex.{pop}.{s}" for pop in ("new", "active_end", "served", "exits") for s in SEXES],
    *[f"outcomes.counts.{k}" for k in ("arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande",
                                        "sjukdom", "sjukersattning", "annat")],
    "outcomes.denominator", "outcomes.in_goal", "outcomes.in_goal_share",
    *[f"outcomes.in_goal_by_sex.{s}" for s in SEXES],
    "throughput.population",
    *[f"throughput.months.{k}" for k in ("all", *SEXES)],
    "throughput.history",
    *[f"age.active_end.{k}" for k in ("mean", "min", "max", "share_30_or_younger")],
    *[f"age.exits.{k}" for k in ("mean", *SEXES)],
    *[f"age_bands.new.{k}" for k in ("15-29", "30-44", "45-59", "60-74")],
    *[f"referrer.{pop}.{k}" for pop in ("new", "active_end") for k in ("af", "fk", "kommun", "region", "annan")],
    *[f"payer.{pop}.{k}" for pop in ("new", "active_end") for k in ("kommun", "fk", "af", "ingen_offentlig")],
    *[f"benefit_years.exits.{k}" for k in ("mean", *SEXES)],
    *[f"support.exits.{code}.{when}" for code in ("forsorjningsstod", "sjukpenning", "aktivitetsersattning",
                                                   "sjukersattning", "aktivitetsstod", "a_kassa", "studiestod",
                                                   "lon", "ingen_offentlig") for when in ("before", "after")],
]


def lookup(data: dict, path: str):
    for part in path.split("."):
        data = data[part]
    return data


def tiny_register():
    return register(
        # active at start, exits in goal: 2021-01-01 → 2021-10-01 = 31+28+31+30+31+30+31+31+30 = 273 days
        enrolment("a", "2021-01-01", "2021-10-01", anledning="arbete", kon="kvinna", fodelsear=1985,
                  remittent="af", fore=("forsorjningsstod", "sjukpenning"), efter=("lon",), ar=3.0),
        # new, early dropout (14 days)
        enrolment("b", "2021-09-01", "2021-09-15", kon="man", fodelsear=1995, remittent="fk",
                  fore=("a_kassa",), ar=1.0),
        # new, still enrolled
        enrolment("c", "2021-08-01", kon="man", fodelsear=1970, remittent="kommun", fore=("sjukersattning",)),
        # active at start, still enrolled
        enrolment("d", "2020-05-01", kon="kvinna", fodelsear=2000, remittent="region", fore=()),
        # exited long before the period (history only)
        enrolment("e", "2019-01-01", "2019-08-01", anledning="studier", kon="kvinna", fodelsear=1980),
    )


def budget():
    return pd.DataFrame({"post": ["Personal", "Lokaler"], "budget": [2_150_000.0, 300_000.0],
                         "utfall": [2_000_000.0, 310_000.0], "prognos": [-20_000.0, float("nan")]})


def run(reg, **kw):
    return compute(reg, team="avesta", start=START, end=END, rules=Rules(), **kw)


def test_result_is_strict_json():
    result = run(tiny_register(), budget=budget())
    text = json.dumps(result, allow_nan=False)
    assert json.loads(text) == result


def test_every_core_key_is_present():
    result = run(tiny_register(), budget=budget())
    missing = []
    for path in CORE_KEYS:
        try:
            lookup(result, path)
        except (KeyError, TypeError):
            missing.append(path)
    assert missing == []
    for key in ("budget", "outcome", "remaining"):
        assert key in result["budget"]["total"]


def test_budget_only_when_given():
    assert "budget" not in run(tiny_register())
    assert run(tiny_register(), budget=budget())["budget"]["total"]["remaining"] == pytest.approx(140_000)
    # (2 150 000 + 300 000) − (2 000 000 + 310 000)


def test_history_has_six_windows_newest_last():
    history = run(tiny_register())["throughput"]["history"]
    assert len(history) == 6
    for window in history:
        assert set(window) >= {"start", "end", "n", "months"}
    assert (history[-1]["start"], history[-1]["end"]) == ("2021-07-01", "2022-06-30")
    assert (history[0]["start"], history[0]["end"]) == ("2019-01-01", "2019-12-31")  # 30 months back
    # e exits 2019-08-01 (studier): windows 1901–1912 and 1907–2006;
    # a exits 2021-10-01 (arbete): windows 2101–2112 and 2107–2206; b is a dropout
    assert [w["n"] for w in history] == [1, 1, 0, 0, 1, 1]
    # e: 2019-01-01 → 2019-08-01 = 31+28+31+30+31+30+31 = 212 days; a: 273 days
    assert history[0]["months"] == pytest.approx(212 / D)
    assert history[-1]["months"] == pytest.approx(273 / D)
    assert history[2]["months"] is None


def test_values_of_the_tiny_register():
    result = run(tiny_register())
    assert result["team"] == "avesta"
    assert result["period"] == {"start": "2021-07-01", "end": "2022-06-30"}
    assert result["flows"]["active_start"] == 2  # a, d
    assert result["flows"]["new"] == 2  # b, c
    assert result["flows"]["exits"] == 2  # a, b
    assert result["flows"]["early_dropouts"] == 1  # b
    assert result["flows"]["active_end"] == 2  # c, d  (2 + 2 − 2)
    assert result["flows"]["served"] == 4
    assert result["sex"]["exits"] == {"kvinna": 1, "man": 1}  # a / b
    assert result["outcomes"]["denominator"] == 1  # 2 exits − 1 dropout
    assert result["outcomes"]["in_goal_share"] == pytest.approx(1.0)  # a: arbete
    assert result["throughput"]["population"] == "in_goal"
    assert result["throughput"]["months"]["all"] == pytest.approx(273 / D)  # a only
    assert result["throughput"]["months"]["man"] is None  # b is a dropout
    assert result["age"]["active_end"]["mean"] == pytest.approx(37.0)  # c: 2022 − 1970 = 52, d: 22
    assert result["age"]["active_end"]["share_30_or_younger"] == pytest.approx(0.5)  # d
    assert result["age"]["exits"]["mean"] == pytest.approx(31.0)  # a: 2021 − 1985 = 36, b: 2021 − 1995 = 26
    assert result["age_bands"]["new"] == {"15-29": 1, "30-44": 0, "45-59": 1, "60-74": 0}  # b 26, c 51
    assert result["referrer"]["new"] == {"af": 0, "fk": 1, "kommun": 1, "region": 0, "annan": 0}
    assert result["payer"]["active_end"] == {"kommun": 0, "fk": 1, "af": 0, "ingen_offentlig": 0}  # c; d none
    assert result["benefit_years"]["exits"]["mean"] == pytest.approx(2.0)  # a 3.0, b 1.0
    support = result["support"]["exits"]["forsorjningsstod"]
    assert (support["before"], support["after"]) == (1, 0)  # a
    assert (support["change"], support["change_pct"]) == (-1, -1.0)  # 0 − 1 = −1; −1 / 1


def test_counts_are_ints_and_shares_floats():
    result = run(tiny_register())
    for path in CORE_KEYS:
        value = lookup(result, path)
        if path.startswith(("flows.", "sex.", "outcomes.counts.", "age_bands.", "referrer.", "payer.", "support.")):
            assert type(value) is int, path
    assert type(result["outcomes"]["in_goal_share"]) is float


def test_empty_populations_are_null():
    reg = register(enrolment("d", "2020-05-01", kon="kvinna", fodelsear=2000))  # nobody exits, nobody new
    result = run(reg)
    assert result["outcomes"]["in_goal_share"] is None
    assert result["throughput"]["months"] == {"all": None, "n": 0, "kvinna": None, "man": None}
    assert result["age"]["exits"] == {"mean": None, "kvinna": None, "man": None}
    assert result["benefit_years"]["exits"]["mean"] is None
    assert all(w["months"] is None for w in result["throughput"]["history"])
    assert "NaN" not in json.dumps(result)
    json.dumps(result, allow_nan=False)


def test_compute_does_not_modify_its_input():
    reg = tiny_register()
    before = copy.deepcopy(reg)
    run(reg, budget=budget())
    pd.testing.assert_frame_equal(reg, before)
    assert "dropout" not in reg.columns


def test_compute_does_not_modify_a_register_with_an_unusual_index():
    reg = tiny_register()
    reg.index = [10, 30, 20, 50, 40]
    before = copy.deepcopy(reg)
    result = run(reg)
    pd.testing.assert_frame_equal(reg, before)
    assert result["flows"]["early_dropouts"] == 1  # b, whatever the index

"""Budget against outcome (data contract §2 budget file, §5 ``budget``)."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from rapportlib.indicators.economy import budget_summary


def budget_frame(rows):
    """A budget as :func:`rapportlib.load.read_budget` returns it: post, budget, utfall, prognos (float)."""
    return pd.DataFrame.from_records(rows, columns=["post", "budget", "utfall", "prognos"]).astype(
        {"budget": "float64", "utfall": "float64", "prognos": "float64"}
    )


def test_lines_and_totals():
    budget = budget_frame(
        [
            ("Personal", 2_150_000, 2_000_000, -20_000),
            ("Lokaler", 300_000, 310_000, None),  # overspent, no forecast
            ("Övrigt", 50_000, 12_500, 5_000),
        ]
    )
    result = budget_summary(budget)
    assert result["lines"] == [
        {"post": "Personal", "budget": 2_150_000.0, "outcome": 2_000_000.0, "remaining": 150_000.0,
         "forecast": -20_000.0},  # 2 150 000 − 2 000 000
        {"post": "Lokaler", "budget": 300_000.0, "outcome": 310_000.0, "remaining": -10_000.0,
         "forecast": None},  # 300 000 − 310 000 < 0
        {"post": "Övrigt", "budget": 50_000.0, "outcome": 12_500.0, "remaining": 37_500.0,
         "forecast": 5_000.0},  # 50 000 − 12 500
    ]
    total = result["total"]
    assert total["budget"] == pytest.approx(2_500_000)  # 2 150 000 + 300 000 + 50 000
    assert total["outcome"] == pytest.approx(2_322_500)  # 2 000 000 + 310 000 + 12 500
    assert total["remaining"] == pytest.approx(177_500)  # 150 000 − 10 000 + 37 500
    assert total["forecast"] == pytest.approx(-15_000)  # −20 000 + 5 000; the missing one is left out


def test_forecast_none_when_absent():
    budget = budget_frame([("Personal", 1_000, 400, None), ("Lokaler", 500, 500, None)])
    result = budget_summary(budget)
    assert [line["forecast"] for line in result["lines"]] == [None, None]
    assert result["total"]["forecast"] is None  # not NaN, not 0
    assert result["total"]["remaining"] == pytest.approx(600)  # 600 + 0
    json.dumps(result, allow_nan=False)


def test_values_are_plain_floats():
    result = budget_summary(budget_frame([("Personal", 1_000, 400, 10)]))
    line = result["lines"][0]
    for key in ("budget", "outcome", "remaining", "forecast"):
        assert type(line[key]) is float
        assert type(result["total"][key]) is float
        assert not math.isnan(line[key])


def test_does_not_modify_budget():
    budget = budget_frame([("Personal", 1_000, 400, None)])
    before = budget.copy()
    budget_summary(budget)
    pd.testing.assert_frame_equal(budget, before)


def test_declared_total_is_published_as_the_file_states_it():
    budget = budget_frame([("Personal", 1_000, 400, None), ("Lokaler", 500, 500, None)])
    assert budget_summary(budget)["declared_total"] is None  # no total row in the file
    budget.attrs["declared_total"] = {"budget": 1_600, "outcome": 900}  # as read_budget keeps a "Summa" row
    result = budget_summary(budget)
    assert result["declared_total"] == {"budget": 1_600.0, "outcome": 900.0}  # as stated, even where it disagrees
    assert result["total"]["budget"] == pytest.approx(1_500)  # the lines' sum is unchanged
    json.dumps(result, allow_nan=False)

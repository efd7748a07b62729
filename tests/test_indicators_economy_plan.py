"""Plan against outcome (*plan mot utfall*, indicators/economy.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from rapportlib.indicators.economy import plan_vs_outcome


def budget():
    return pd.DataFrame({
        "post": ["PERSONAL", "lokaler", "Ovriga Kostnader", "Externa tjänster"],
        "budget": [1_300_000.0, 150_000.0, 60_000.0, 80_000.0],
        "utfall": [1_150_000.0, 160_000.0, 40_000.0, 70_000.0],
        "prognos": [float("nan")] * 4,
    })


def tkr_plan(**costs):
    return {
        "unit": "tkr",
        "income": {"Statlig medlemsavgift": 1000, "Kommuner": 500},
        "costs": costs or {"Personal": 1200, "Lokaler": 150, "Övriga kostnader": 50},
    }


def line(side: dict, post: str) -> dict:
    return next(x for x in side["lines"] if x["post"] == post)


def test_tkr_becomes_kronor():
    result = plan_vs_outcome(tkr_plan(), budget())
    assert result["unit"] == "tkr"
    assert line(result["costs"], "Personal")["plan"] == pytest.approx(1_200_000.0)  # 1 200 tkr × 1 000
    assert line(result["income"], "Kommuner")["plan"] == pytest.approx(500_000.0)  # 500 × 1 000
    assert result["income"]["total"]["plan"] == pytest.approx(1_500_000.0)  # (1 000 + 500) × 1 000


def test_cost_lines_matched_without_case_or_swedish_letters():
    costs = plan_vs_outcome(tkr_plan(), budget())["costs"]
    assert [x["post"] for x in costs["lines"]] == ["Personal", "Lokaler", "Övriga kostnader"]  # plan's names, order
    personal = line(costs, "Personal")  # budget's "PERSONAL"
    assert personal["outcome"] == pytest.approx(1_150_000.0)
    assert personal["difference"] == pytest.approx(50_000.0)  # 1 200 000 − 1 150 000
    lokaler = line(costs, "Lokaler")  # budget's "lokaler"
    assert lokaler["outcome"] == pytest.approx(160_000.0)
    assert lokaler["difference"] == pytest.approx(-10_000.0)  # 150 000 − 160 000
    ovriga = line(costs, "Övriga kostnader")  # budget's "Ovriga Kostnader"
    assert ovriga["outcome"] == pytest.approx(40_000.0)
    assert ovriga["difference"] == pytest.approx(10_000.0)  # 50 000 − 40 000
    assert costs["total"]["plan"] == pytest.approx(1_400_000.0)  # 1 200 000 + 150 000 + 50 000
    assert costs["total"]["outcome"] == pytest.approx(1_350_000.0)  # 1 150 000 + 160 000 + 40 000
    assert costs["total"]["difference"] == pytest.approx(50_000.0)  # 1 400 000 − 1 350 000


def test_plan_name_with_swedish_letters_matches_budget_without():
    # the plan says "Externa tjanster", the budget "Externa tjänster"
    costs = plan_vs_outcome(tkr_plan(**{"EXTERNA TJANSTER": 100}), budget())["costs"]
    assert costs["lines"][0]["outcome"] == pytest.approx(70_000.0)
    assert costs["lines"][0]["difference"] == pytest.approx(30_000.0)  # 100 000 − 70 000


def test_unmatched_cost_line_has_no_outcome():
    costs = plan_vs_outcome(tkr_plan(Personal=1200, Resor=20), budget())["costs"]
    resor = line(costs, "Resor")
    assert resor["plan"] == pytest.approx(20_000.0)
    assert resor["outcome"] is None
    assert resor["difference"] is None
    assert line(costs, "Personal")["outcome"] == pytest.approx(1_150_000.0)  # still matched
    assert costs["total"]["plan"] == pytest.approx(1_220_000.0)  # 1 200 000 + 20 000
    assert costs["total"]["outcome"] is None  # one line has no outcome
    assert costs["total"]["difference"] is None


def test_income_lines_have_no_outcome():
    # a budget line named like an income line is not matched to it
    b = pd.concat([budget(), pd.DataFrame({"post": ["Kommuner"], "budget": [1.0], "utfall": [1.0],
                                           "prognos": [float("nan")]})], ignore_index=True)
    income = plan_vs_outcome(tkr_plan(), b)["income"]
    assert all(x["outcome"] is None and x["difference"] is None for x in income["lines"])
    assert income["total"]["outcome"] is None
    assert income["total"]["difference"] is None


def test_kronor_by_default():
    plan = {"costs": {"Personal": 1_200_000}}
    result = plan_vs_outcome(plan, budget())
    assert result["unit"] == "kr"
    assert result["costs"]["lines"][0]["plan"] == pytest.approx(1_200_000.0)  # factor 1
    assert result["costs"]["lines"][0]["difference"] == pytest.approx(50_000.0)  # 1 200 000 − 1 150 000
    assert result["income"] == {"lines": [], "total": {"plan": 0, "outcome": None, "difference": None}}


def test_without_budget_nothing_is_matched():
    costs = plan_vs_outcome(tkr_plan(), None)["costs"]
    assert all(x["outcome"] is None for x in costs["lines"])
    assert costs["total"]["plan"] == pytest.approx(1_400_000.0)
    assert costs["total"]["outcome"] is None


def test_a_post_listed_twice_in_the_budget_is_summed():
    import pandas as pd

    from rapportlib.indicators.economy import plan_vs_outcome

    budget = pd.DataFrame({"post": ["Lokaler", "lokaler"], "budget": [10.0, 5.0], "utfall": [4.0, 3.0],
                           "prognos": [None, None]})
    line = plan_vs_outcome({"unit": "kr", "costs": {"Lokaler": 20}}, budget)["costs"]["lines"][0]
    assert line["outcome"] == 7.0 and line["difference"] == 13.0  # 4 + 3; 20 − 7

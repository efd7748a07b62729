"""Goals (*målbild*) against the outcome (indicators/goals.py)."""

from __future__ import annotations

import pytest

from rapportlib.indicators.goals import goals_vs_outcome


def outcome(denominator=12):
    return {
        "counts": {"arbete": 3, "studier": 2, "fortsatt_rehabilitering": 5, "aktivt_arbetssokande": 1,
                   "sjukdom": 1, "sjukersattning": 0, "annat": 0},
        "denominator": denominator,
        "in_goal": 10,  # arbete + studier + fortsatt
    }


def test_share_goals_met_when_at_least_the_target():
    result = goals_vs_outcome({"arbete": 0.25, "studier": 0.20, "fortsatt_rehabilitering": 0.55}, outcome(), None)
    assert result["arbete"]["outcome"] == pytest.approx(0.25)  # 3 / 12
    assert result["arbete"]["met"] is True  # 0.25 ≥ 0.25: equal is met
    assert result["studier"]["outcome"] == pytest.approx(2 / 12)
    assert result["studier"]["met"] is False  # 0.1667 < 0.20
    assert result["fortsatt_rehabilitering"]["outcome"] == pytest.approx(5 / 12)
    assert result["fortsatt_rehabilitering"]["met"] is False  # 0.4167 < 0.55
    assert result["studier"]["target"] == pytest.approx(0.20)


def test_in_goal_key():
    result = goals_vs_outcome({"in_goal": 0.8}, outcome(), None)
    assert result["in_goal"]["outcome"] == pytest.approx(10 / 12)  # in_goal 10 of 12
    assert result["in_goal"]["met"] is True  # 0.833 ≥ 0.8
    assert goals_vs_outcome({"in_goal": 0.9}, outcome(), None)["in_goal"]["met"] is False  # 0.833 < 0.9


def test_payback_met_when_at_most_the_target():
    assert goals_vs_outcome({"payback_months": 34}, outcome(), 34.0)["payback_months"] == {
        "target": 34.0, "outcome": 34.0, "met": True}  # 34 ≤ 34
    assert goals_vs_outcome({"payback_months": 34}, outcome(), 20.5)["payback_months"]["met"] is True  # 20.5 ≤ 34
    assert goals_vs_outcome({"payback_months": 34}, outcome(), 40.0)["payback_months"]["met"] is False  # 40 > 34


def test_target_is_a_float():
    result = goals_vs_outcome({"payback_months": 34}, outcome(), 30.0)
    assert type(result["payback_months"]["target"]) is float


def test_no_outcome_gives_met_none():
    assert goals_vs_outcome({"payback_months": 34}, outcome(), None)["payback_months"] == {
        "target": 34.0, "outcome": None, "met": None}
    result = goals_vs_outcome({"arbete": 0.25, "in_goal": 0.5}, outcome(denominator=0), None)
    assert result["arbete"] == {"target": 0.25, "outcome": None, "met": None}  # no counted exits
    assert result["in_goal"]["met"] is None


def test_unknown_goal_raises():
    with pytest.raises(ValueError, match="flygning"):
        goals_vs_outcome({"flygning": 0.5}, outcome(), None)


def test_only_given_goals_are_reported():
    assert set(goals_vs_outcome({"arbete": 0.25}, outcome(), 10.0)) == {"arbete"}

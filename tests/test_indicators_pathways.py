"""Continued rehabilitation by destination, break-offs, applications, self-rated health, goals of
issue 14, top-k per survey question and payback per state payer: tiny hand-computed inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from rapportlib.indicators import compute
from rapportlib.indicators.applications import applications, health
from rapportlib.indicators.goals import goal_areas, goals_vs_outcome
from rapportlib.indicators.pathways import breakoffs, continued_destinations, recorded
from rapportlib.indicators.survey import survey_summary
from rapportlib.params import Rules

from helpers_register import enrolment, period_populations, register

START, END = "2018-01-01", "2018-12-31"


def exits_of(*rows, trial=3):
    return period_populations(register(*rows), START, END, trial)["exits"]


def continued(i, start, end, to, remittent="fk"):
    return enrolment(i, start, end, anledning="fortsatt_rehabilitering", fortsatt_till=to, remittent=remittent)


# --- continued rehabilitation ------------------------------------------------------------------


def test_continued_destinations_count_exits_on_the_period_boundary_days():
    exits = exits_of(
        continued("a", "2017-01-01", "2018-01-01", "forstarkt_samarbete"),  # first day: in
        continued("b", "2017-01-01", "2018-12-31", "fk", remittent="fk"),  # last day: in, back to FK
        continued("c", "2017-01-01", "2017-12-31", "fk"),  # the day before: out
        continued("d", "2018-01-01", "2019-01-01", "af"),  # the day after: out
        continued("e", "2017-06-01", "2018-06-01", "af", remittent="kommun"),  # to AF, not back
        continued("f", "2017-06-01", "2018-07-01", None),  # not recorded
        enrolment("g", "2017-06-01", "2018-07-01", anledning="arbete"),  # another reason
    )
    result = continued_destinations(exits)
    assert result["total"] == 4
    assert result["counts"] == {
        "forstarkt_samarbete": 1,
        "fk": 1,
        "af": 1,
        "kommun": 0,
        "region": 0,
        "annan": 0,
        "uppgift_saknas": 1,
    }
    assert (result["back_to_referrer"], result["back_to_referrer_share"]) == (1, 0.25)
    assert result["shares"]["forstarkt_samarbete"] == 0.25


def test_continued_destinations_of_no_one_are_zero_with_no_shares():
    result = continued_destinations(exits_of(enrolment("a", "2017-01-01", "2018-03-01", anledning="arbete")))
    assert result["total"] == 0 and result["back_to_referrer"] == 0
    assert all(v is None for v in result["shares"].values()) and result["back_to_referrer_share"] is None


def test_a_dropout_to_continued_rehabilitation_is_left_out():
    exits = exits_of(continued("a", "2018-03-01", "2018-03-20", "fk"))  # 19 days: in the trial period
    assert continued_destinations(exits)["total"] == 0


def test_recorded_needs_some_value_in_the_register():
    assert not recorded(register(enrolment("a", "2018-01-01")), "fortsatt_till")
    assert recorded(register(enrolment("a", "2018-01-01", fortsatt_till="fk")), "fortsatt_till")
    assert not recorded(pd.DataFrame({"x": [1]}), "fortsatt_till")


# --- break-offs --------------------------------------------------------------------------------


def test_breakoffs_by_reason_and_referrer_and_a_person_enrolled_twice():
    exits = exits_of(
        # the same person breaks off twice in the year: two break-offs (enrolments, not persons)
        enrolment("p", "2018-01-10", "2018-02-01", avbrott="ohalsa", remittent="fk"),
        enrolment("p", "2018-05-01", "2018-06-01", avbrott="ej_nabar", remittent="fk"),
        enrolment("q", "2017-12-01", "2018-01-01", avbrott="startade_inte", remittent="region"),  # first day
        enrolment("r", "2018-12-01", "2018-12-31", remittent="annan"),  # last day, no reason recorded
        enrolment("s", "2018-12-15", "2019-01-02", avbrott="ohalsa"),  # after the period: out
        enrolment("t", "2017-01-01", "2018-06-01", anledning="arbete"),  # not a break-off
    )
    result = breakoffs(exits)
    assert result["total"] == 4
    assert result["by_reason"]["ohalsa"] == 1 and result["by_reason"]["ej_nabar"] == 1
    assert result["by_reason"]["startade_inte"] == 1 and result["by_reason"]["uppgift_saknas"] == 1
    assert result["by_referrer"] == {"af": 0, "fk": 2, "kommun": 0, "region": 1, "annan": 1}
    assert result["by_reason_referrer"]["uppgift_saknas"]["annan"] == 1
    assert sum(sum(row.values()) for row in result["by_reason_referrer"].values()) == 4


def test_breakoffs_of_a_period_without_dropouts():
    result = breakoffs(exits_of(enrolment("a", "2017-01-01", "2018-06-01", anledning="arbete")))
    assert result["total"] == 0 and sum(result["by_referrer"].values()) == 0


def test_compute_adds_the_keys_only_when_the_register_records_them():
    rows = [enrolment("a", "2017-01-01", "2018-06-01", anledning="arbete")]
    plain = compute(register(*rows), team="t", start=START, end=END, rules=Rules(3, ("arbete",), "all_exits"))
    assert "continued" not in plain and "breakoffs" not in plain
    rows.append(enrolment("b", "2018-02-01", "2018-02-20", avbrott="ohalsa"))
    found = compute(register(*rows), team="t", start=START, end=END, rules=Rules(3, ("arbete",), "all_exits"))
    assert found["breakoffs"]["total"] == 1 and "continued" not in found


# --- applications ------------------------------------------------------------------------------


def application_rows(*rows):
    return pd.DataFrame(
        [
            {"datum": pd.Timestamp(d), "aktorer": a, "remittent": r, "delinsats": u, "beslut": b}
            for d, a, r, u, b in rows
        ]
    )


def test_applications_by_actor_referrer_and_unit():
    rows = application_rows(
        ("2018-01-01", ("fk", "af"), "fk", "MAC", "beviljad"),  # first day
        ("2018-12-31", ("kommun", "af", "region"), "kommun", None, None),  # last day, no unit, no decision
        ("2017-12-31", ("fk", "af"), "fk", "MAC", "beviljad"),  # the day before: out
        ("2018-06-01", ("fk", "kommun"), "kommun", "MAC", "avslag"),
    )
    result = applications(rows, START, END)
    assert result["total"] == 3
    assert result["by_actor"] == {"af": 2, "fk": 2, "kommun": 2, "region": 1}
    assert result["actor_shares"]["region"] == pytest.approx(1 / 3)
    assert result["by_referrer"] == {"af": 0, "fk": 1, "kommun": 2, "region": 0, "annan": 0}
    assert result["by_unit"] == {"MAC": 2, "uppgift_saknas": 1}
    assert result["by_referrer_unit"]["kommun"] == {"MAC": 1, "uppgift_saknas": 1}
    assert result["by_decision"] == {"beviljad": 1, "avslag": 1, "ej_beslutad": 0, "uppgift_saknas": 1}


def test_applications_of_an_empty_period():
    rows = application_rows(("2017-06-01", ("fk", "af"), "fk", "MAC", None))
    result = applications(rows, START, END)
    assert result["total"] == 0 and result["by_unit"] == {} and "by_decision" not in result
    assert all(v is None for v in result["actor_shares"].values())


# --- self-rated health -------------------------------------------------------------------------


def test_health_good_share_per_round_and_change():
    answers = pd.DataFrame(
        {
            "omgang": ["start"] * 4 + ["avslut"] * 2,
            "svar": ["dalig", "bra", "varken_eller", "dalig", "bra", "mycket_bra"],
        }
    )
    result = health(answers)
    assert result["rounds"]["start"]["n"] == 4 and result["rounds"]["start"]["good_share"] == 0.25
    assert result["rounds"]["avslut"]["good_share"] == 1.0
    assert result["change"] == pytest.approx(0.75)


def test_health_without_exit_answers_has_no_change():
    result = health(pd.DataFrame({"omgang": ["start"], "svar": ["bra"]}))
    assert result["rounds"]["avslut"] == {
        "n": 0,
        "distribution": {s: 0 for s in ("mycket_dalig", "dalig", "varken_eller", "bra", "mycket_bra")},
        "good": 0,
        "good_share": None,
    }
    assert result["change"] is None


# --- goals and goal areas ----------------------------------------------------------------------


OUTCOME = {"denominator": 4, "in_goal": 1, "counts": {"arbete": 1, "studier": 0}}


def test_budget_in_balance_and_health_goals():
    goals = {"budget_balance": 0, "health_change": 0.0, "arbete": 0.25}
    result = goals_vs_outcome(goals, OUTCOME, None, {"remaining": -1.0}, 0.1)
    assert result["budget_balance"] == {"target": 0.0, "outcome": -1.0, "met": False}  # one krona over
    assert result["health_change"]["met"] is True and result["arbete"]["met"] is True  # 25 % ≥ 25 %
    allowed = goals_vs_outcome({"budget_balance": 5}, OUTCOME, None, {"remaining": -5.0})
    assert allowed["budget_balance"]["met"] is True
    none = goals_vs_outcome(goals, {**OUTCOME, "denominator": 0}, None)
    assert all(g["met"] is None for g in none.values())


def test_goal_areas_count_the_goals_met():
    goals = goals_vs_outcome({"arbete": 0.5, "studier": 0.0, "budget_balance": 0}, OUTCOME, None)
    areas = goal_areas(
        [{"title": "A", "goals": ["arbete", "studier"]}, {"title": "B", "goals": ["budget_balance"]}], goals
    )
    assert [(a["number"], a["assessed"], a["met"]) for a in areas] == [(1, 2, 1), (2, 0, 0)]


# --- top-k per survey question -----------------------------------------------------------------


def test_survey_top_per_question():
    answers = pd.DataFrame({"omgang": [2, 2, 2, 2], "fraga": [9, 9, 1, 1], "svar": ["till_stor_del", "inte_alls"] * 2})
    result = survey_summary(answers, 2, {"9": 3})["rounds"]["2"]
    assert (result["9"]["top"], result["9"]["top_share"]) == (3, 0.5)
    assert (result["1"]["top"], result["1"]["top_share"]) == (2, 0.0)
    assert survey_summary(answers, 2, {"1.9": 3})["rounds"]["2"]["9"]["top"] == 2  # round 1 only
    with pytest.raises(ValueError):
        survey_summary(answers, 2, {"9": 7})


# --- payback per state payer and the previous period ------------------------------------------


def test_payback_per_state_payer_and_previous_period():
    rows = [
        enrolment("a", "2017-01-01", "2018-06-01", anledning="arbete", fore=("sjukpenning",), efter=("lon",)),
        enrolment(
            "b", "2017-01-01", "2018-06-01", anledning="arbete", fore=("forsorjningsstod",), efter=("aktivitetsstod",)
        ),
    ]
    config = {
        "period_cost": 1_200_000,
        "state_split": {"fk": 0.5, "af": 0.5},
        "previous": {"period": "2017", "months": 70},
    }
    p = compute(register(*rows), team="t", start=START, end=END, rules=Rules(3), payback_config=config)["payback"]
    fk, af = p["by_state_payer"]["fk"], p["by_state_payer"]["af"]
    assert fk["share_of_cost"] == 0.25 and fk["monthly_reduction"] == pytest.approx(220_000 / 12)
    assert fk["months"] == pytest.approx(300_000 / (220_000 / 12))
    assert af["monthly_reduction"] < 0 and af["months"] is None
    assert p["previous"] == {"period": "2017", "months": 70.0}
    assert p["change_months"] == pytest.approx(p["months"] - 70)

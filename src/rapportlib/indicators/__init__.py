"""Indicators of an annual report, computed from a register as pure functions.

:func:`compute` assembles the ``indicators.json`` structure of the data contract (§5) and the
project's additional keys.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..params import Rules
from . import (
    capacity,
    economy,
    employment,
    flows,
    followups,
    goals,
    outcomes,
    participants,
    payback,
    survey,
    throughput,
)
from ._util import sex_keys
from .periods import as_timestamp, populations, with_dropouts

POPULATIONS = ("new", "active_start", "active_end", "served", "exits")


def _age_years(pops: dict, start: pd.Timestamp, end: pd.Timestamp) -> dict:
    """The year in which each population's age is taken (data contract §3)."""
    served = pops["served"]["inskrivningsdatum"].where(pops["served"]["inskrivningsdatum"] > start, start)
    return {
        "new": pops["new"]["inskrivningsdatum"].dt.year,
        "active_start": start.year,
        "active_end": end.year,
        "served": served.dt.year,
        "exits": pops["exits"]["avslutsdatum"].dt.year,
    }


def compute(
    register: pd.DataFrame,
    *,
    team: str,
    start: dt.date,
    end: dt.date,
    rules: Rules,
    budget: pd.DataFrame | None = None,
    survey_answers: pd.DataFrame | None = None,
    followup_rows: pd.DataFrame | None = None,
    goal_targets: dict | None = None,
    plan: dict | None = None,
    staff: list | None = None,
    survey_top: int = 2,
    payback_config: dict | None = None,
    history_windows: int = 6,
) -> dict:
    """Every indicator for one team and period, as a JSON-ready nested dict."""
    reg = with_dropouts(register, rules.trial_months)
    start_ts, end_ts = as_timestamp(start), as_timestamp(end)
    pops = populations(reg, start_ts, end_ts)
    sexes = sex_keys(reg)
    exits = pops["exits"]
    years = _age_years(pops, start_ts, end_ts)
    outcome = outcomes.outcomes(exits, rules.in_goal, sexes)
    result = {
        "team": team,
        "period": {"start": start_ts.date().isoformat(), "end": end_ts.date().isoformat()},
        "rules": {
            "trial_months": rules.trial_months,
            "in_goal": list(rules.in_goal),
            "throughput_population": rules.throughput_population,
        },
        "flows": flows.flows(pops),
        "sex": {name: flows.sex_split(pops[name], sexes) for name in POPULATIONS},
        "outcomes": {
            **outcome,
            "by_sex": outcomes.outcomes_by_sex(exits, rules.in_goal, sexes),
            "by_sex_age_band": outcomes.outcomes_by_sex_age_band(exits, rules.in_goal, sexes),
            "by_unit": outcomes.outcomes_by_unit(exits, rules.in_goal),
            "details": outcomes.exit_details(exits),
            "active_jobseekers": outcomes.active_jobseekers(exits, rules.in_goal),
        },
        "throughput": {
            "population": rules.throughput_population,
            "months": throughput.throughput(exits, rules.throughput_population, rules.in_goal, sexes),
            "history": throughput.throughput_history(
                reg, end, rules.throughput_population, rules.in_goal, history_windows
            ),
        },
        "age": {
            "active_end": participants.age_summary(pops["active_end"], end_ts.year),
            "exits": participants.age_at_exit(exits, sexes),
        },
        "age_bands": {name: participants.age_bands(pops[name], years[name]) for name in POPULATIONS},
        "referrer": {name: participants.referrers(pops[name]) for name in ("new", "active_end")},
        "payer": {name: participants.payers(pops[name]) for name in ("new", "active_end")},
        "benefit_years": {"exits": participants.benefit_years(exits, sexes)},
        "benefit_year_bins": {"new": participants.benefit_year_bins(pops["new"])},
        "education": {"new": participants.education(pops["new"])},
        "support": {
            "exits": participants.support_before_after(exits),
            "exits_totals": participants.support_totals(exits),
        },
        "employment": {"exits": employment.employment_before_after(exits)},
        "register": {
            "enrolments": len(reg),
            "persons": int(reg["deltagar_id"].nunique()),
            "exit_before_enrolment": int((reg["avslutsdatum"] < reg["inskrivningsdatum"]).sum()),
        },
    }
    plan = plan or {}
    result["capacity"] = capacity.capacity(reg, pops, start_ts, end_ts, (plan.get("capacity") or {}).get("max_months"))
    if plan.get("capacity"):
        result["capacity"]["plan"] = dict(plan["capacity"])
    if staff:
        result["staff"] = capacity.staff_by_owner(staff)
    if budget is not None:
        result["budget"] = economy.budget_summary(budget)
    if plan.get("income") or plan.get("costs"):
        result["economy_plan"] = economy.plan_vs_outcome(plan, budget)
    config = payback_config or {}
    costs = {**payback.default_costs(), **(config.get("costs") or {})}
    period_cost = config.get("period_cost")
    if period_cost is None and budget is not None:
        period_cost = result["budget"]["total"]["outcome"]
    result["payback"] = payback.payback(exits, period_cost, costs, config.get("financing"))
    result["payback"]["costs"] = costs
    if survey_answers is not None:
        result["survey"] = survey.survey_summary(survey_answers, survey_top)
    if followup_rows is not None:
        result["followups"] = {
            "months": followups.followup_summary(followup_rows, reg, start_ts, end_ts),
            "result_at_exit": followups.result_groups(outcome["counts"], outcome["denominator"]),
        }
    if goal_targets:
        result["goals"] = goals.goals_vs_outcome(goal_targets, outcome, result["payback"]["months"])
    return result

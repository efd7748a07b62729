"""Indicators of an annual report, computed from a register as pure functions.

:func:`compute` assembles the ``indicators.json`` structure of the data contract (§5) and the
project's additional keys. It runs the steps of :data:`STEPS` in order; each step returns one or
more top-level keys (or none, when its input is missing). The order of the steps is the order of
the keys in the published JSON, so it must not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from ..params import Rules
from . import (
    applications,
    capacity,
    economy,
    employment,
    flows,
    followups,
    goals,
    outcomes,
    participants,
    pathways,
    payback,
    survey,
    throughput,
)
from ._util import sex_keys
from .periods import as_timestamp, populations, with_dropouts

POPULATIONS = ("new", "active_start", "active_end", "served", "exits")


def _age_years(pops: dict, start: pd.Timestamp, end: pd.Timestamp) -> dict:
    """The year in which each population's age (*ålder*) is taken (data contract §3): the enrolment
    year for the new, the year of the period's start or end for those enrolled then, the year of the
    later of enrolment and period start for the served, and the exit year for the exits."""
    served = pops["served"]["inskrivningsdatum"].where(pops["served"]["inskrivningsdatum"] > start, start)
    return {
        "new": pops["new"]["inskrivningsdatum"].dt.year,
        "active_start": start.year,
        "active_end": end.year,
        "served": served.dt.year,
        "exits": pops["exits"]["avslutsdatum"].dt.year,
    }


@dataclass
class Period:
    """The inputs of one team's period: the register with early dropouts marked (``reg``), the
    period as timestamps and the optional inputs beside the register. Values that several steps
    share (populations, outcome, budget summary, payback) are computed once, on first use."""

    team: str
    reg: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp
    rules: Rules
    budget: pd.DataFrame | None = None
    survey_answers: pd.DataFrame | None = None
    followup_rows: pd.DataFrame | None = None
    goal_targets: dict | None = None
    plan: dict | None = None
    staff: list | None = None
    survey_top: int = 2
    payback_config: dict | None = None
    history_windows: int = 6
    application_rows: pd.DataFrame | None = None
    health_answers: pd.DataFrame | None = None
    survey_top_by_question: dict | None = None
    goal_area_list: list | None = None

    @cached_property
    def pops(self) -> dict[str, pd.DataFrame]:
        """*Periodens populationer* (see :func:`~rapportlib.indicators.periods.populations`)."""
        return populations(self.reg, self.start, self.end)

    @property
    def exits(self) -> pd.DataFrame:
        """*Avslutade*: the enrolments that ended in the period, early dropouts included."""
        return self.pops["exits"]

    @cached_property
    def sexes(self) -> tuple[str, ...]:
        """*Kön* reported: ``kvinna`` and ``man``, and ``annat`` when the register has it."""
        return sex_keys(self.reg)

    @cached_property
    def outcome(self) -> dict:
        """*Resultat / i mål* of the exits (see :func:`~rapportlib.indicators.outcomes.outcomes`)."""
        return outcomes.outcomes(self.exits, self.rules.in_goal, self.sexes)

    @cached_property
    def budget_summary(self) -> dict | None:
        """*Budgetutfall* when there is a budget, else ``None``."""
        return None if self.budget is None else economy.budget_summary(self.budget)

    @cached_property
    def payback(self) -> dict:
        """*Återbetalningstid* with the cost table used: the packaged defaults overridden by the
        params file; the period's cost from the params file, else the budget's total outcome."""
        config = self.payback_config or {}
        costs = {**payback.default_costs(), **(config.get("costs") or {})}
        period_cost = config.get("period_cost")
        if period_cost is None and self.budget_summary is not None:
            period_cost = self.budget_summary["total"]["outcome"]
        result = payback.payback(self.exits, period_cost, costs, config.get("financing"), config.get("state_split"))
        return {**result, "costs": costs, **_previous(result["months"], config.get("previous"))}


def _previous(months: float | None, previous: dict | None) -> dict:
    """*Föregående period*: the payback time the params file gives for an earlier period (from an
    evaluator's report, say) and the change since, in months (``None`` without both)."""
    if not previous:
        return {}
    before = float(previous["months"])
    return {
        "previous": {"period": str(previous.get("period", "")), "months": before},
        "change_months": None if months is None else months - before,
    }


def _identity(p: Period) -> dict:
    """Whose report, which period (*period*) and which rules (*regler*) it was computed with."""
    return {
        "team": p.team,
        "period": {"start": p.start.date().isoformat(), "end": p.end.date().isoformat()},
        "rules": {
            "trial_months": p.rules.trial_months,
            "in_goal": list(p.rules.in_goal),
            "throughput_population": p.rules.throughput_population,
        },
    }


def _flows(p: Period) -> dict:
    """*Flöden* and *könsfördelning* per population."""
    return {
        "flows": flows.flows(p.pops),
        "sex": {name: flows.sex_split(p.pops[name], p.sexes) for name in POPULATIONS},
    }


def _outcomes(p: Period) -> dict:
    """*Resultat vid avslut*: in all, per sex, per sex and age band, per sub-unit, details."""
    in_goal = p.rules.in_goal
    return {
        "outcomes": {
            **p.outcome,
            "by_sex": outcomes.outcomes_by_sex(p.exits, in_goal, p.sexes),
            "by_sex_age_band": outcomes.outcomes_by_sex_age_band(p.exits, in_goal, p.sexes),
            "by_unit": outcomes.outcomes_by_unit(p.exits, in_goal),
            "details": outcomes.exit_details(p.exits),
            "active_jobseekers": outcomes.active_jobseekers(p.exits, in_goal),
        }
    }


def _throughput(p: Period) -> dict:
    """*Genomströmningstid* of the period and over time."""
    population, in_goal = p.rules.throughput_population, p.rules.in_goal
    return {
        "throughput": {
            "population": population,
            "months": throughput.throughput(p.exits, population, in_goal, p.sexes),
            "history": throughput.throughput_history(p.reg, p.end, population, in_goal, p.history_windows),
        }
    }


def _participants(p: Period) -> dict:
    """Who the participants are: *ålder*, *åldersfördelning*, *remittent*, *försörjningsgrund*,
    *tid i offentlig försörjning*, *utbildningsnivå* and *försörjning före och efter*."""
    pops, years = p.pops, _age_years(p.pops, p.start, p.end)
    return {
        "age": {
            "active_end": participants.age_summary(pops["active_end"], p.end.year),
            "exits": participants.age_at_exit(p.exits, p.sexes),
        },
        "age_bands": {name: participants.age_bands(pops[name], years[name]) for name in POPULATIONS},
        "referrer": {name: participants.referrers(pops[name]) for name in ("new", "active_end")},
        "payer": {name: participants.payers(pops[name]) for name in ("new", "active_end")},
        "benefit_years": {"exits": participants.benefit_years(p.exits, p.sexes)},
        "benefit_year_bins": {"new": participants.benefit_year_bins(pops["new"])},
        "education": {"new": participants.education(pops["new"])},
        "support": {
            "exits": participants.support_before_after(p.exits),
            "exits_totals": participants.support_totals(p.exits),
        },
    }


def _employment(p: Period) -> dict:
    """*Sysselsättning före och efter* for the exits."""
    return {"employment": {"exits": employment.employment_before_after(p.exits)}}


def _register(p: Period) -> dict:
    """The register as a whole (*registret*): enrolments, distinct persons, and exits dated before
    their enrolment (an error in the register; should be 0)."""
    reg = p.reg
    return {
        "register": {
            "enrolments": len(reg),
            "persons": int(reg["deltagar_id"].nunique()),
            "exit_before_enrolment": int((reg["avslutsdatum"] < reg["inskrivningsdatum"]).sum()),
        }
    }


def _capacity(p: Period) -> dict:
    """*Kapacitet* (with the plan's capacity when there is one) and *bemanning* when staff is given."""
    plan = (p.plan or {}).get("capacity")
    result = {"capacity": capacity.capacity(p.reg, p.pops, p.start, p.end, (plan or {}).get("max_months"))}
    if plan:
        result["capacity"]["plan"] = dict(plan)
    if p.staff:
        result["staff"] = capacity.staff_by_owner(p.staff)
    return result


def _economy(p: Period) -> dict:
    """*Budgetutfall* when there is a budget; *plan mot utfall* when the plan has income or costs."""
    plan = p.plan or {}
    result = {}
    if p.budget_summary is not None:
        result["budget"] = p.budget_summary
    if plan.get("income") or plan.get("costs"):
        result["economy_plan"] = economy.plan_vs_outcome(plan, p.budget)
    return result


def _payback(p: Period) -> dict:
    """*Återbetalningstid* (see :attr:`Period.payback`)."""
    return {"payback": p.payback}


def _survey(p: Period) -> dict:
    """*Deltagarenkät* when there are answers."""
    if p.survey_answers is None:
        return {}
    return {"survey": survey.survey_summary(p.survey_answers, p.survey_top, p.survey_top_by_question)}


def _followups(p: Period) -> dict:
    """*Uppföljning efter avslut* beside the result at exit, when there are follow-ups."""
    if p.followup_rows is None:
        return {}
    return {
        "followups": {
            "months": followups.followup_summary(p.followup_rows, p.reg, p.start, p.end),
            "result_at_exit": followups.result_groups(p.outcome["counts"], p.outcome["denominator"]),
        }
    }


def _goals(p: Period) -> dict:
    """*Målbild mot utfall* when the params file sets goals; *målområden* when it names them."""
    if not p.goal_targets:
        return {}
    health = None if p.health_answers is None else applications.health(p.health_answers)["change"]
    found = goals.goals_vs_outcome(
        p.goal_targets, p.outcome, p.payback["months"], (p.budget_summary or {}).get("total"), health
    )
    result = {"goals": found}
    if p.goal_area_list:
        result["goal_areas"] = goals.goal_areas(p.goal_area_list, found)
    return result


def _pathways(p: Period) -> dict:
    """Where the exits went in more detail, when the register records it: *fortsatt
    arbetslivsinriktad rehabilitering* by destination, and *avbrott* by reason and referrer."""
    result = {}
    if pathways.recorded(p.reg, "fortsatt_till"):
        result["continued"] = pathways.continued_destinations(p.exits)
    if pathways.recorded(p.reg, "avbrott_anledning"):
        result["breakoffs"] = pathways.breakoffs(p.exits)
    return result


def _applications(p: Period) -> dict:
    """*Ansökningar* and *egenskattad hälsa*, when their files are given."""
    result = {}
    if p.application_rows is not None:
        result["applications"] = applications.applications(p.application_rows, p.start, p.end)
    if p.health_answers is not None:
        result["health"] = applications.health(p.health_answers)
    return result


#: The steps of :func:`compute`, in the order of the keys of ``indicators.json``.
STEPS: tuple[Callable[[Period], dict], ...] = (
    _identity,
    _flows,
    _outcomes,
    _throughput,
    _participants,
    _employment,
    _register,
    _capacity,
    _economy,
    _payback,
    _survey,
    _followups,
    _goals,
    _pathways,
    _applications,
)


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
    **optional,
) -> dict:
    """Every indicator (*nyckeltal*) for one team and period, as a JSON-ready nested dict: the keys
    of the steps of :data:`STEPS`, in that order. ``optional`` holds the inputs of issue 14 (see
    :class:`Period`): ``application_rows``, ``health_answers``, ``survey_top_by_question`` and
    ``goal_area_list``."""
    period = Period(
        team=team,
        reg=with_dropouts(register, rules.trial_months),
        start=as_timestamp(start),
        end=as_timestamp(end),
        rules=rules,
        budget=budget,
        survey_answers=survey_answers,
        followup_rows=followup_rows,
        goal_targets=goal_targets,
        plan=plan,
        staff=staff,
        survey_top=survey_top,
        payback_config=payback_config,
        history_windows=history_windows,
        **optional,
    )
    result: dict = {}
    for step in STEPS:
        result.update(step(period))
    return result

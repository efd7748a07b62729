"""Indicators of an annual report, computed from a register as pure functions.

:func:`compute` assembles the ``indicators.json`` structure of the data contract (§5).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..params import Rules
from . import economy, flows, outcomes, participants, throughput
from ._util import sex_keys
from .periods import as_timestamp, populations, with_dropouts


def compute(
    register: pd.DataFrame,
    *,
    team: str,
    start: dt.date,
    end: dt.date,
    rules: Rules,
    budget: pd.DataFrame | None = None,
    history_windows: int = 6,
) -> dict:
    """Every indicator for one team and period, as a JSON-ready nested dict."""
    reg = with_dropouts(register, rules.trial_months)
    pops = populations(reg, start, end)
    sexes = sex_keys(reg)
    end_year = as_timestamp(end).year
    exits = pops["exits"]
    result = {
        "team": team,
        "period": {"start": as_timestamp(start).date().isoformat(), "end": as_timestamp(end).date().isoformat()},
        "rules": {
            "trial_months": rules.trial_months,
            "in_goal": list(rules.in_goal),
            "throughput_population": rules.throughput_population,
        },
        "flows": flows.flows(pops),
        "sex": {name: flows.sex_split(pops[name], sexes) for name in ("new", "active_start", "active_end",
                                                                       "served", "exits")},
        "outcomes": outcomes.outcomes(exits, rules.in_goal, sexes),
        "throughput": {
            "population": rules.throughput_population,
            "months": throughput.throughput(exits, rules.throughput_population, rules.in_goal, sexes),
            "history": throughput.throughput_history(
                reg, end, rules.throughput_population, rules.in_goal, history_windows
            ),
        },
        "age": {
            "active_end": participants.age_summary(pops["active_end"], end_year),
            "exits": participants.age_at_exit(exits, sexes),
        },
        "age_bands": {"new": participants.age_bands_at_enrolment(pops["new"])},
        "referrer": {name: participants.referrers(pops[name]) for name in ("new", "active_end")},
        "payer": {name: participants.payers(pops[name]) for name in ("new", "active_end")},
        "benefit_years": {"exits": participants.benefit_years(exits, sexes)},
        "support": {"exits": participants.support_before_after(exits)},
    }
    if budget is not None:
        result["budget"] = economy.budget_summary(budget)
    return result

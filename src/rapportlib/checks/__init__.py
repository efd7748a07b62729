"""Consistency checks run on every report: figures that must agree, do agree.

A check compares two computations of one figure. The checks that can catch wrong data or wrong
code compare *independent* computations, and run when their inputs are given:

- with the ``register`` (and the period): the flows, sex splits, early dropouts, exit reasons and
  daily capacity of the indicators against a daily census of the register (:mod:`.census`);
- with the published ``tables`` (after privacy): each total row or column against the cells it
  sums (:mod:`.table_sums`);
- with a budget file that has its own total row: the lines against that row
  (:func:`.identities.budget_declared_total`).

Cheap identities inside the indicators (flows balance, splits adding up; :mod:`.identities`)
always run. Each entry of :data:`CHECKS` is a small function of :class:`Inputs` returning
:class:`Check` outcomes (none when its inputs are absent). A failed check stops a final render
(``rapport render --final``) with a message naming the check and its figures; in a draft it is
listed in the report's "Om rapporten" part.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pandas as pd

from . import census, identities, table_sums
from ._base import Check, ConsistencyError, Inputs, failed

__all__ = ["CHECKS", "Check", "ConsistencyError", "Inputs", "failed", "run_checks"]

#: Every check, in the order they are listed in the report.
CHECKS: list[Callable[[Inputs], list[Check]]] = [
    identities.flows_balance,
    identities.outcome_sums,
    identities.group_sums,
    identities.support_shares,
    identities.budget_sums,
    identities.register_dates,
    census.period_matches,
    census.census_flows,
    census.census_sex,
    census.census_outcomes,
    census.census_capacity,
    identities.budget_declared_total,
    table_sums.published_tables,
]


def run_checks(
    indicators: dict,
    *,
    register: pd.DataFrame | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    tables: Iterable = (),
) -> list[Check]:
    """Every check that applies: the identities of the ``indicators`` always; with the
    ``register`` the daily census (over ``start``–``end``, by default the indicators' period);
    with ``tables`` (``(name, Table)`` pairs, as published) their sums."""
    inputs = Inputs(indicators, register, start, end, tuple(tables))
    return [check for fn in CHECKS for check in fn(inputs)]

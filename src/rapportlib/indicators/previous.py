"""*Föregående period*: the period of the same length just before the report's, and the figures the
report compares with it (pure functions).

The previous period of ``2021-07-01``–``2022-06-30`` is ``2020-07-01``–``2021-06-30``; of a
calendar year, the year before; of a period that does not follow whole months, as many days ending
the day before it starts. The register *covers* it when its first enrolment is on or before the
previous period's last day: the team had begun by then (the register holds the team's whole
history, data contract §2). A team that began during the previous period is compared with its
first, shorter stretch, and ``started`` says so.

A report compares only its key figures (:data:`COMPARED`): the flows, the exits per reason, the
result ("i mål") and the throughput time. Everything else of the previous period stays unpublished.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import fmt
from ..codes import EXIT_REASONS
from .periods import add_months_to, as_timestamp

FLOWS = ("active_start", "new", "exits", "early_dropouts", "active_end", "served")

#: The figures of the previous period a report publishes, as paths in the indicators: counts, a
#: share and means of months. A change (*förändring*) is published for each of them.
COMPARED: tuple[tuple[str, ...], ...] = (
    *(("flows", k) for k in FLOWS),
    *(("outcomes", "counts", code) for code in EXIT_REASONS),
    ("outcomes", "denominator"),
    ("outcomes", "in_goal"),
    ("outcomes", "in_goal_share"),
    ("throughput", "months", "n"),
    ("throughput", "months", "all"),
)


def previous_period(start, end) -> tuple[dt.date, dt.date]:
    """The period of the same length that ends the day before ``start``: as many whole months when
    the period follows whole months, else as many days."""
    start, end = as_timestamp(start), as_timestamp(end)
    months = fmt.months_between(start.date(), end.date())
    day = pd.Timedelta(days=1)
    if months is not None:
        first = add_months_to(start, -months)
    else:
        first = start - (end - start + day)
    return first.date(), (start - day).date()


def covers(register: pd.DataFrame, start, end) -> bool:
    """Whether the register covers the previous period of ``start``–``end``: its first enrolment is
    on or before that period's last day."""
    if register.empty:
        return False
    return bool(register["inskrivningsdatum"].min() <= as_timestamp(previous_period(start, end)[1]))


def started_within(register: pd.DataFrame, start, end) -> bool:
    """Whether the team's first enrolment falls inside the previous period (the team began then)."""
    first, _ = previous_period(start, end)
    return bool(register["inskrivningsdatum"].min() >= as_timestamp(first))


def _get(ind: dict, path: tuple[str, ...]):
    for key in path:
        if not isinstance(ind, dict):
            return None
        ind = ind.get(key)
    return ind


def _put(tree: dict, path: tuple[str, ...], value) -> None:
    for key in path[:-1]:
        tree = tree.setdefault(key, {})
    tree[path[-1]] = value


def compared_paths(ind: dict) -> list[tuple[str, ...]]:
    """The paths of :data:`COMPARED` an indicators dict has, and the throughput time per sex."""
    sexes = [k for k in (_get(ind, ("throughput", "months")) or {}) if k not in ("all", "n")]
    paths = [*COMPARED, *(("throughput", "months", s) for s in sexes)]
    return [p for p in paths if _has(ind, p)]


def _has(ind: dict, path: tuple[str, ...]) -> bool:
    parent = _get(ind, path[:-1])
    return isinstance(parent, dict) and path[-1] in parent


def select(ind: dict) -> dict:
    """The previous period's published part of a full indicators dict: its period and the compared
    figures (with the throughput population, which says whose time is measured)."""
    out: dict = {"period": dict(ind["period"])}
    for path in compared_paths(ind):
        _put(out, path, _get(ind, path))
    out["throughput"]["population"] = ind["throughput"]["population"]
    return out


def change(now, before):
    """*Förändring*: ``now − before``, ``None`` when either is missing (a share's change is in
    fractions, 0.065 = 6,5 procentenheter)."""
    if now is None or before is None or isinstance(now, bool) or isinstance(before, bool):
        return None
    return now - before


def changes(current: dict, before: dict) -> dict:
    """The change of every compared figure, from the previous period to the report's, nested as the
    figures are (``flows.new``, ``outcomes.in_goal_share``, ``throughput.months.all``)."""
    out: dict = {}
    for path in compared_paths(before):
        if path == ("throughput", "months", "n") or not _has(current, path):
            continue
        _put(out, path, change(_get(current, path), _get(before, path)))
    return out


def comparison(current: dict, before: dict, register: pd.DataFrame) -> dict:
    """The previous period as the computed indicators hold it: every figure of ``before`` (the full
    indicators of the previous period, which small-count protection models), whether the team began
    during it (``started``) and the changes (``change``). What is published of it is
    :func:`select` of the protected figures (:mod:`rapportlib.privacy.previous`)."""
    start, end = current["period"]["start"], current["period"]["end"]
    return {**before, "started": started_within(register, start, end), "change": changes(current, before)}

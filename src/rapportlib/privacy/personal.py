"""Figures that describe one or a few persons rather than a group: dates, extremes and small means.

- The day of the most enrolled at once is the day someone enrolled (or the day before someone
  left); it is published as its month in words ("mars 2021"), never as a date.
- The youngest and the oldest age are each one person's age; they are published only for a
  population of at least ``threshold``.
- A mean over fewer than ``threshold`` persons (age, throughput time, years on support) is close
  to one person's value and is hidden.
"""

from __future__ import annotations

import datetime as dt

from .model import Path, dotted, lookup

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def month_text(day: str) -> str:
    """``2021-03-15`` → ``mars 2021``."""
    date = dt.date.fromisoformat(day)
    return f"{MONTHS[date.month - 1]} {date.year}"


def coarsen_dates(ind: dict) -> None:
    """The peak day becomes its month (in place)."""
    capacity = ind.get("capacity")
    if isinstance(capacity, dict) and isinstance(capacity.get("peak_date"), str):
        capacity["peak_date"] = month_text(capacity["peak_date"])


def _groups(ind: dict) -> list[tuple[Path, int]]:
    """Each mean or extreme with the number of persons it is taken over."""
    sexes = list(ind["sex"]["exits"])
    flows, by_sex = ind["flows"], ind["outcomes"]["by_sex"]
    measured = "in_goal" if ind["throughput"]["population"] == "in_goal" else "denominator"
    found: list[tuple[Path, int]] = [
        *((("age", "active_end", k), flows["active_end"]) for k in ("mean", "min", "max")),
        (("age", "exits", "mean"), flows["exits"]),
        (("benefit_years", "exits", "mean"), flows["exits"]),
        (("throughput", "months", "all"), ind["throughput"]["months"]["n"]),
    ]
    for s in sexes:
        found.append((("age", "exits", s), ind["sex"]["exits"][s]))
        found.append((("benefit_years", "exits", s), ind["sex"]["exits"][s]))
        found.append((("throughput", "months", s), by_sex[s][measured]))
    return found


def hide_small_means(ind: dict, computed: dict, threshold: int, suppressed: list[str]) -> None:
    """Hide (in ``ind``) the means and extremes of fewer than ``threshold`` persons, counted in
    ``computed``; the rolling throughput history likewise, window by window."""
    for path, n in _groups(computed):
        parent = lookup(ind, path[:-1], None)
        if 0 < n < threshold and isinstance(parent, dict) and parent.get(path[-1]) is not None:
            parent[path[-1]] = None
            suppressed.append(dotted(path))
    history = lookup(ind, ("throughput", "history"), None) or []
    for i, window in enumerate(history):
        if 0 < window.get("n", 0) < threshold and window.get("months") is not None:
            window["months"] = None
            suppressed.append(f"throughput.history.{i}.months")

"""Goals (*målbild*) from the params file against the outcome."""

from __future__ import annotations


def goals_vs_outcome(goals: dict, outcomes: dict, payback_months: float | None) -> dict:
    """*Målbild mot utfall*. ``goals`` maps an exit reason (share of counted exits, e.g.
    ``arbete: 0.25``), ``in_goal`` (the i-mål share) or ``payback_months`` to a target.
    Shares are met when the outcome is at least the target; payback when it is at most the target.
    ``met`` is ``None`` when there is no outcome to compare.
    """
    result = {}
    denom = outcomes["denominator"]
    for key, target in goals.items():
        if key == "payback_months":
            value, met = payback_months, (None if payback_months is None else payback_months <= target)
        else:
            count = outcomes["in_goal"] if key == "in_goal" else outcomes["counts"].get(key)
            if count is None:
                raise ValueError(f"unknown goal {key!r}")
            value = count / denom if denom else None
            met = None if value is None else value >= target
        result[key] = {"target": float(target), "outcome": value, "met": met}
    return result

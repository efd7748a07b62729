"""The table of goals (*målbild*) against the outcome."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from .base import Table


def goals_table(ind: dict) -> Table | None:
    """*Målbild mot utfall*."""
    if "goals" not in ind:
        return None
    rows = []
    for key, g in ind["goals"].items():
        if key == "payback_months":
            name, target, outcome = "Återbetalningstid", fmt.months(g["target"]), fmt.months(g["outcome"])
        else:
            name = "I mål" if key == "in_goal" else label("exit_reason", key)
            target, outcome = fmt.percent(g["target"], 0), fmt.percent(g["outcome"])
        met = {True: "uppfyllt", False: "ej uppfyllt", None: "kan inte bedömas"}[g["met"]]
        rows.append([name, target, outcome, met])
    return Table(
        "goals",
        "Målbild och utfall",
        ["Mål", "Målbild", "Utfall", "Bedömning"],
        rows,
        ["l", "r", "r", "l"],
        note="Andelar av avslut utan tidiga avhopp.",
    )

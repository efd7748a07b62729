"""The table of goals (*målbild*) against the outcome."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from ..hidden import marks_hidden
from .base import Table


@marks_hidden
def goals_table(ind: dict) -> Table | None:
    """*Målbild mot utfall*."""
    if "goals" not in ind:
        return None
    rows = []
    for key, g in ind["goals"].items():
        if key == "payback_months":
            name, target, outcome = "Återbetalningstid", fmt.set_months(g["target"]), fmt.months(g["outcome"])
        else:
            name = "Andel i mål" if key == "in_goal" else f"Andel till {label('exit_reason', key).lower()}"
            target, outcome = fmt.set_share(g["target"]), fmt.percent(g["outcome"])
        met = (
            fmt.DASH
            if g["met"] is fmt.HIDDEN
            else {True: "uppnått", False: "inte uppnått", None: "kan inte bedömas"}[g["met"]]
        )
        rows.append([name, target, outcome, met])
    return Table(
        "goals",
        "Målbild och utfall",
        ["Mål", "Målbild", "Utfall", "Målet"],
        rows,
        ["l", "r", "r", "l"],
        note="Andelar av dem som avslutades efter prövotiden.",
    )

"""The table of goals (*målbild*) against the outcome."""

from __future__ import annotations

from .. import fmt
from ..codes import EXIT_REASONS, label
from ..hidden import marks_hidden
from .base import Table
from .pathways import points


def _area(ind: dict, area: str | None) -> dict | None:
    """The goal area numbered ``area`` ("1", "2", …), or ``None`` for every goal."""
    if area is None:
        return None
    return next((a for a in ind.get("goal_areas", []) if str(a["number"]) == str(area)), None)


@marks_hidden
def goals_table(ind: dict, area: str | None = None) -> Table | None:
    """*Målbild mot utfall*: every goal, or (``area`` "1", "2", …) the goals of one goal area. When
    the goals are organised in areas, the table of every goal is left out: each area shows its own."""
    if "goals" not in ind:
        return None
    chosen = _area(ind, area)
    if (area is not None and chosen is None) or (area is None and ind.get("goal_areas")):
        return None  # no such area; or every goal is shown in its area
    keys = chosen["goals"] if chosen else list(ind["goals"])
    rows = []
    for key in keys:
        g = ind["goals"][key]
        if key == "payback_months":
            name, target, outcome = "Återbetalningstid", fmt.set_months(g["target"]), fmt.months(g["outcome"])
        elif key == "budget_balance":
            name = "Budget i balans: kvar av budgeten"
            target = "minst 0 kr" if not g["target"] else f"högst {fmt.kronor(g['target'])} över"
            outcome = fmt.kronor(g["outcome"])
        elif key == "health_change":
            name = "Förändring av andelen med bra hälsa"
            target, outcome = f"minst {points(g['target'])}", points(g["outcome"])
        else:
            name = "Andel i mål" if key == "in_goal" else f"Andel till {label('exit_reason', key).lower()}"
            target, outcome = fmt.set_share(g["target"]), fmt.percent(g["outcome"])
        met = (
            fmt.DASH
            if g["met"] is fmt.HIDDEN
            else {True: "uppnått", False: "inte uppnått", None: "kan inte bedömas"}[g["met"]]
        )
        rows.append([name, target, outcome, met])
    shares = any(k in EXIT_REASONS or k == "in_goal" for k in keys)
    return Table(
        "goals" if chosen is None else f"goals-{chosen['number']}",
        "Målbild och utfall" if chosen is None else f"Målområde {chosen['number']}: {chosen['title']}, mål och utfall",
        ["Mål", "Målbild", "Utfall", "Målet"],
        rows,
        ["l", "r", "r", "l"],
        note="Andelar av dem som avslutades efter prövotiden." if shares else None,
    )

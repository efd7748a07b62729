"""The table of employment (*sysselsättning*) before enrolment and after exit."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from .base import Table


def employment_table(ind: dict) -> Table | None:
    """*Sysselsättning före och efter* (seed 002 §4.1.1)."""
    e = ind["employment"]["exits"]
    if not e["recorded"]:
        return None
    rows = []
    for code, v in e["status"].items():
        rows.append(
            [
                label("employment", code),
                fmt.number(v["before"]),
                fmt.number(v["after"]),
                fmt.number(v["change"]),
                fmt.percent(v["change_pct"], 0),
            ]
        )
    w = e["work_or_studies"]
    rows.append(
        [
            "Arbete och/eller studier",
            fmt.number(w["before"]),
            fmt.number(w["after"]),
            fmt.number(w["change"]),
            fmt.percent(w["change_pct"], 0),
        ]
    )
    return Table(
        "employment",
        "Sysselsättning före och efter, avslutade",
        ["Sysselsättning", "Före", "Efter", "Förändring", "Förändring %"],
        rows,
        ["l", "r", "r", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note=f"{fmt.number(e['persons'])} avslutade utan tidiga avhopp; {fmt.number(e['without_measurement'])} "
        "tidiga avhopp saknar mätning. Förändring = efter − före.",
    )

"""The table of employment (*sysselsättning*) before enrolment and after exit."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from ..hidden import marks_hidden
from .base import Table


@marks_hidden
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
                fmt.change(v["change_pct"]),
            ]
        )
    w = e["work_or_studies"]
    rows.append(
        [
            "Arbete och/eller studier",
            fmt.number(w["before"]),
            fmt.number(w["after"]),
            fmt.number(w["change"]),
            fmt.change(w["change_pct"]),
        ]
    )
    return Table(
        "employment",
        "Sysselsättning före och efter, avslutade",
        ["Sysselsättning", "Före", "Efter", "Förändring, antal", "Förändring, procent"],
        rows,
        ["l", "r", "r", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note="Sysselsättning före inskrivningen och efter avslutet för "
        f"{fmt.count(e['persons'], 'person', 'personer')} som avslutades efter prövotiden"
        + (f"; tidiga avhopp ({fmt.number(e['without_measurement'])}) mäts inte." if e["without_measurement"] else "."),
    )

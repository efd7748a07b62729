"""The table of payback time (*återbetalningstid*) for society and per financier."""

from __future__ import annotations

from .. import fmt
from .base import Table


def payback_table(ind: dict) -> Table:
    """*Återbetalningstid* for society and per financier."""
    p = ind["payback"]
    rows = [
        [
            "Samhället",
            fmt.kronor(p["period_cost"]),
            fmt.kronor(p["monthly_reduction"]["total"]),
            fmt.months(p["months"]),
        ]
    ]
    names = {"staten": "Staten (FK, AF m.fl.)", "region": "Regionen", "kommun": "Kommunen"}
    for key, v in p["by_financier"].items():
        rows.append(
            [
                f"{names.get(key, key)} ({fmt.percent(v['share_of_cost'], 0)})",
                fmt.kronor(v["cost"]),
                fmt.kronor(v["monthly_reduction"]),
                fmt.months(v["months"]),
            ]
        )
    return Table(
        "payback",
        "Återbetalningstid",
        ["Part", "Kostnad", "Minskade kostnader per månad", "Återbetalningstid"],
        rows,
        ["l", "r", "r", "r"],
        note=f"Modell: {fmt.number(p['persons'])} avslutade med försörjning före och efter; kostnad per "
        "försörjningskälla enligt tabellen i docs/payback.md. – = ingen minskning eller ingen kostnad angiven.",
    )

"""The table of payback time (*återbetalningstid*) for society and per financier."""

from __future__ import annotations

from .. import fmt
from ..hidden import marks_hidden
from .base import Table

#: Who pays, as a row names them.
FINANCIERS = {"staten": "Staten", "region": "Regionen", "kommun": "Kommunen"}


@marks_hidden
def payback_table(ind: dict) -> Table:
    """*Återbetalningstid* for society and per financier."""
    p = ind["payback"]
    rows = [
        [
            "Samhället som helhet",
            fmt.set_share(1.0),
            fmt.kronor(p["period_cost"]),
            fmt.kronor(p["monthly_reduction"]["total"]),
            fmt.months(p["months"]),
        ]
    ]
    for key, v in p["by_financier"].items():
        rows.append(
            [
                FINANCIERS.get(key, key),
                fmt.set_share(v["share_of_cost"]),
                fmt.kronor(v["cost"]),
                fmt.kronor(v["monthly_reduction"]),
                fmt.months(v["months"]),
            ]
        )
    return Table(
        "payback",
        "Återbetalningstid",
        ["Part", "Andel av kostnaden", "Kostnad", "Minskade kostnader per månad", "Återbetalningstid"],
        rows,
        ["l", "r", "r", "r", "r"],
        note=f"Beräknat för {fmt.count(p['persons'], 'avslutad', 'avslutade')} med uppgift om försörjning både "
        "före och efter, med en schablonkostnad per försörjningskälla. Återbetalningstid = kostnaden delad med "
        "de minskade kostnaderna per månad."
        + (
            " Staten: Försäkringskassan, Arbetsförmedlingen och andra statliga ersättningar."
            if "staten" in p["by_financier"]
            else ""
        ),
    )

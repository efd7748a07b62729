"""The table of payback time (*återbetalningstid*) for society and per financier."""

from __future__ import annotations

from .. import comparison, fmt
from ..hidden import marks_hidden
from .base import Table

#: Who pays, as a row names them.
FINANCIERS = {"staten": "Staten", "region": "Regionen", "kommun": "Kommunen"}
STATE_PAYERS = {"fk": "Försäkringskassan", "af": "Arbetsförmedlingen"}


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
    state = p.get("by_state_payer") or {}
    for key, v in p["by_financier"].items():
        rows.append(_row(FINANCIERS.get(key, key) + (", varav" if key == "staten" and state else ""), v))
        if key == "staten":
            rows += [_row(f"– {STATE_PAYERS.get(k, k)}", w) for k, w in state.items()]
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
        )
        + _previous(p),
    )


def _row(name: str, v: dict) -> list[str]:
    return [
        name,
        fmt.set_share(v["share_of_cost"]),
        fmt.kronor(v["cost"]),
        fmt.kronor(v["monthly_reduction"]),
        fmt.months(v["months"]),
    ]


def _previous(p: dict) -> str:
    """The sentence giving society's payback time of the previous period (from the params file) and
    the change, written as the cover and the tables write a previous period: ``70,0 mån (−5,2 mån)``."""
    previous = p.get("previous")
    if not previous:
        return ""
    change = p.get("change_months")
    before = fmt.months(previous["months"])
    text = f" Föregående period ({previous['period']}) var återbetalningstiden för samhället {before}"
    if change is None or change is fmt.HIDDEN:
        return text + "."
    words = comparison.spoken(change, "months")
    if words == "oförändrat":
        return text + ", samma som under perioden."
    shorter = "kortare" if change < 0 else "längre"
    return text + f"; förändring {fmt.signed(change, 1, 'mån')} ({shorter} under perioden)."

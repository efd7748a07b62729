"""Tables of throughput time (*genomströmningstid*) and its rolling history."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from .base import Table, period_text


def _population_text(ind: dict) -> str:
    if ind["throughput"]["population"] == "in_goal":
        return "avslutade i mål"
    return "alla avslutade utom tidiga avhopp"


def throughput_table(ind: dict) -> Table:
    """*Genomströmningstid* of the period per sex."""
    m = ind["throughput"]["months"]
    sexes = [k for k in ind["sex"]["new"]]
    columns = ["Totalt", *[label("sex", s) for s in sexes]]
    row = [fmt.months(m["all"]), *[fmt.months(m[s]) for s in sexes]]
    return Table(
        "throughput",
        f"Genomströmningstid {period_text(ind)}",
        columns,
        [row],
        ["r"] * len(columns),
        note=f"Medeltid från inskrivning till avslut för {_population_text(ind)} ({fmt.number(m['n'])} personer); "
        "månader = dagar / 30,4375.",
    )


def throughput_history_table(ind: dict) -> Table:
    """Throughput time in rolling 12-month windows stepped by six months."""
    hist = ind["throughput"]["history"]
    columns = ["Period", *[fmt.window(h["start"], h["end"]) for h in hist]]
    rows = [
        ["Månader", *[fmt.months(h["months"]) for h in hist]],
        ["Antal avslutade", *[fmt.number(h["n"]) for h in hist]],
    ]
    return Table(
        "throughput-history",
        "Genomströmningstid över tid (rullande tolvmånadersperioder)",
        columns,
        rows,
        ["l"] + ["r"] * len(hist),
        note=f"Mätt för {_population_text(ind)}.",
    )

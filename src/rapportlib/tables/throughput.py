"""Tables of throughput time (*genomströmningstid*) and its rolling history."""

from __future__ import annotations

from .. import comparison, fmt
from ..codes import label
from ..hidden import marks_hidden
from .base import Table, period_text


def _population_text(ind: dict) -> str:
    """Whom the time is measured for, after "för": ``dem som avslutades i mål``."""
    if ind["throughput"]["population"] == "in_goal":
        return "dem som avslutades i mål"
    return "dem som avslutades efter prövotiden"


def _measured_heading(ind: dict) -> str:
    """The heading of the count the time is measured on: those who left in goal, or after the trial."""
    if ind["throughput"]["population"] == "in_goal":
        return "Antal avslutade i mål"
    return "Antal avslutade efter prövotiden"


@marks_hidden
def throughput_table(ind: dict) -> Table:
    """*Genomströmningstid* of the period per sex; with the previous period (:mod:`rapportlib.comparison`)
    a row for it and a row for the change."""
    m = ind["throughput"]["months"]
    sexes = [k for k in ind["sex"]["new"]]
    columns = ["Totalt", *[label("sex", s) for s in sexes]]
    row = [fmt.months(m["all"]), *[fmt.months(m[s]) for s in sexes]]
    note = (
        f"Medeltid från inskrivning till avslut för {_population_text(ind)} "
        f"({fmt.count(m['n'], 'person', 'personer')}). En månad räknas som 30,4375 dagar."
    )
    caption = f"Genomströmningstid, {period_text(ind)}"
    before = comparison.previous(ind)
    if before is None:
        return Table("throughput", caption, columns, [row], ["r"] * len(columns), note=note)
    paths = [("throughput", "months", k) for k in ("all", *sexes)]
    previous_row = [comparison.value_text(comparison.get(before, p), "months") for p in paths]
    changes = [comparison.change_text(comparison.get(before["change"], p), "months") for p in paths]
    n = comparison.get(before, ("throughput", "months", "n"))
    period = comparison.period_words(ind)
    note += f" Föregående period ({period}): {fmt.count(n, 'person', 'personer')}.{comparison.started_note(ind)}"
    return Table(
        "throughput",
        caption,
        ["", *columns],
        [["Perioden", *row], ["Föregående period", *previous_row], ["Förändring", *changes]],
        ["l"] + ["r"] * len(columns),
        note=note,
    )


@marks_hidden
def throughput_history_table(ind: dict) -> Table:
    """Throughput time in rolling 12-month windows stepped by six months, one window a row."""
    hist = ind["throughput"]["history"]
    rows = [[fmt.window(h["start"], h["end"]), fmt.months(h["months"]), fmt.number(h["n"])] for h in hist]
    return Table(
        "throughput-history",
        "Genomströmningstid över tid, tolv månader i taget",
        ["Tolvmånadersperiod", "Genomströmningstid", _measured_heading(ind)],
        rows,
        ["l", "r", "r"],
        note=f"Mätt för {_population_text(ind)}. En ny period börjar varje halvår, så perioderna överlappar "
        "varandra med sex månader.",
    )

"""Tables of the period's flows (*flöden*) and sex split (*könsfördelning*)."""

from __future__ import annotations

from .. import fmt
from ..codes import EXIT_REASONS, label
from ..hidden import marks_hidden
from .base import Table, period_text, ratio_or_none


@marks_hidden
def flow_table(ind: dict) -> Table:
    """*Deltagarresultat*: flows and exit reasons of the period, as in the seed reports."""
    f, o = ind["flows"], ind["outcomes"]["counts"]
    columns = [label("population", p) for p in ("active_start", "new", "exits")] + ["varav tidiga avhopp"]
    values = [f["active_start"], f["new"], f["exits"], f["early_dropouts"]]
    for code in EXIT_REASONS:
        if o[code] or code in ("arbete", "studier", "fortsatt_rehabilitering"):
            columns.append(label("exit_reason", code))
            values.append(o[code])
    columns.append(label("population", "active_end"))
    values.append(f["active_end"])
    return Table(
        "flows",
        f"Deltagarresultat, {period_text(ind)}",
        columns,
        [[fmt.number(v) for v in values]],
        ["r"] * len(columns),
        note="Avslut per anledning räknas utan tidiga avhopp. Inskrivna vid periodens början + nyinskrivna "
        "− avslutade = inskrivna vid periodens slut.",
    )


@marks_hidden
def sex_table(ind: dict) -> Table:
    """*Könsfördelning*: new, served, exits and active at end per sex, with shares."""
    sexes = [k for k in ind["sex"]["new"]]
    rows = []
    for key in ("new", "served", "exits", "active_end"):
        name = label("population", key)
        counts = ind["sex"][key]
        total = ind["flows"][key]
        row = [name]
        for s in sexes:
            share = ratio_or_none(counts[s], total)
            row += [fmt.number(counts[s]), fmt.percent(share)]
        row.append(fmt.number(total))
        rows.append(row)
    columns = ["Grupp"]
    for s in sexes:
        columns += [label("sex", s), f"Andel {label('sex', s).lower()}"]
    columns.append("Totalt")
    return Table("sex", f"Deltagare per kön, {period_text(ind)}", columns, rows, ["l"] + ["r"] * (len(columns) - 1))

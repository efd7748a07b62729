"""Tables of the period's flows (*flöden*) and sex split (*könsfördelning*)."""

from __future__ import annotations

from .. import comparison, fmt
from ..codes import EXIT_REASONS, label
from ..hidden import marks_hidden
from .base import Table, period_text, ratio_or_none


@marks_hidden
def flow_table(ind: dict) -> Table:
    """*Deltagarresultat*: flows and exit reasons of the period, as in the seed reports; with the
    previous period (:mod:`rapportlib.comparison`) a row per figure, beside it the previous value
    and the change."""
    o = ind["outcomes"]["counts"]
    before = comparison.previous(ind)
    shown_before = (before or {}).get("outcomes", {}).get("counts", {})
    items = [(label("population", p), ("flows", p)) for p in ("active_start", "new", "exits")]
    items.append(("varav tidiga avhopp", ("flows", "early_dropouts")))
    for code in EXIT_REASONS:
        if o[code] or shown_before.get(code) or code in ("arbete", "studier", "fortsatt_rehabilitering"):
            items.append((label("exit_reason", code), ("outcomes", "counts", code)))
    items.append((label("population", "active_end"), ("flows", "active_end")))
    values = [comparison.get(ind, path) for _, path in items]
    caption = f"Deltagarresultat, {period_text(ind)}"
    note = (
        "Avslut per anledning räknas utan tidiga avhopp. Inskrivna vid periodens början + nyinskrivna "
        "− avslutade = inskrivna vid periodens slut."
    )
    if before is None:
        columns = [name for name, _ in items]
        return Table("flows", caption, columns, [[fmt.number(v) for v in values]], ["r"] * len(columns), note=note)
    rows = [[name, fmt.number(v), *comparison.cells(ind, path)] for (name, path), v in zip(items, values, strict=True)]
    columns = ["", "Perioden", "Föregående period", "Förändring"]
    return Table("flows", caption, columns, rows, ["l", "r", "r", "r"], note=note + comparison.note(ind))


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

"""Tables of results at exit (*resultat vid avslut*): by reason, sex, age band and sub-unit."""

from __future__ import annotations

from .. import comparison, fmt
from ..codes import EXIT_REASONS, label
from ..hidden import marks_hidden
from .base import Table, count_share, period_text, ratio_or_none


def _in_goal_by_sex(o: dict) -> str:
    """The note's sentence on the result per sex: the counts when shown, else why not."""
    by_sex = o["in_goal_by_sex"]
    if any(n is fmt.HIDDEN or n is None for n in by_sex.values()):
        return "I mål per kön redovisas inte, eftersom grupperna är för små."
    return (
        "I mål per kön: "
        + fmt.enumeration([f"{label('sex', s).lower()} {fmt.number(n)}" for s, n in by_sex.items()], "och")
        + "."
    )


@marks_hidden
def outcome_table(ind: dict) -> Table:
    """*Resultat vid avslut*: exits by reason with shares of the counted exits, and the "i mål" total;
    with the previous period (:mod:`rapportlib.comparison`) its counts and the changes beside them."""
    o = ind["outcomes"]
    denom = o["denominator"]
    rows = []
    for code in EXIT_REASONS:
        n = o["counts"][code]
        share = ratio_or_none(n, denom)
        goal = "ja" if code in o["in_goal_codes"] else ""
        rows.append([label("exit_reason", code), fmt.number(n), fmt.percent(share), goal])
    rows.append(["Summa avslut (utan tidiga avhopp)", fmt.number(denom), fmt.percent(1.0 if denom else None), ""])
    rows.append(["I mål", fmt.number(o["in_goal"]), fmt.percent(o["in_goal_share"]), ""])
    dropouts = ind["flows"]["early_dropouts"]
    left_out = {0: "Inga tidiga avhopp under perioden.", 1: "Det tidiga avhoppet räknas inte."}.get(
        dropouts, f"De {fmt.number(dropouts)} tidiga avhoppen räknas inte."
    )
    columns, align = ["Avslutsanledning", "Antal", "Andel", "I mål"], ["l", "r", "r", "l"]
    note = f"Andelar av {fmt.number(denom)} avslut utan tidiga avhopp. {left_out} {_in_goal_by_sex(o)}"
    if comparison.previous(ind) is not None:
        _add_previous(ind, rows)
        columns, align = [*columns, "Föregående period", "Förändring"], [*align, "r", "r"]
        note += comparison.note(ind)
    return Table(
        "outcomes",
        f"Resultat vid avslut, {period_text(ind)}",
        columns,
        rows,
        align,
        note=note,
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
    )


def _add_previous(ind: dict, rows: list[list[str]]) -> None:
    """The previous period's counts and the changes, on each row of :func:`outcome_table`."""
    for row, code in zip(rows, EXIT_REASONS, strict=False):
        row += comparison.cells(ind, ("outcomes", "counts", code))
    rows[-2] += comparison.cells(ind, ("outcomes", "denominator"))
    before, change = comparison.previous(ind)["outcomes"], comparison.previous(ind)["change"]["outcomes"]
    n, points = change.get("in_goal"), change.get("in_goal_share")
    moved = fmt.DASH if fmt.DASH in (fmt.signed(n), fmt.points(points)) else f"{fmt.signed(n)} ({fmt.points(points)})"
    rows[-1] += [count_share(before["in_goal"], before["in_goal_share"]), moved]


@marks_hidden
def outcome_by_sex_table(ind: dict) -> Table:
    """Exits by reason and sex (early dropouts left out), with the i-mål share per sex."""
    by_sex = ind["outcomes"]["by_sex"]
    sexes = list(by_sex)
    columns = ["Avslutsanledning", *[label("sex", s) for s in sexes], "Totalt"]
    rows = []
    for code in EXIT_REASONS:
        values = [by_sex[s]["counts"][code] for s in sexes]
        rows.append([label("exit_reason", code), *map(fmt.number, values), fmt.number(ind["outcomes"]["counts"][code])])
    dens = [by_sex[s]["denominator"] for s in sexes]
    rows.append(["Summa", *map(fmt.number, dens), fmt.number(ind["outcomes"]["denominator"])])
    rows.append(
        [
            "I mål",
            *[count_share(by_sex[s]["in_goal"], by_sex[s]["in_goal_share"]) for s in sexes],
            count_share(ind["outcomes"]["in_goal"], ind["outcomes"]["in_goal_share"]),
        ]
    )
    dropouts = ind["flows"]["early_dropouts"]
    return Table(
        "outcomes-sex",
        f"Avslut per anledning och kön, {period_text(ind)}",
        columns,
        rows,
        ["l"] + ["r"] * (len(sexes) + 1),
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
        note="Avslut utan tidiga avhopp."
        if dropouts == 0
        else f"Avslut utan tidiga avhopp ({fmt.count(dropouts, 'tidigt avhopp', 'tidiga avhopp')} räknas inte).",
    )


@marks_hidden
def outcome_by_sex_age_table(ind: dict) -> Table:
    """The Avesta appendix: exits in goal of all counted exits, per sex and age band at exit."""
    grid = ind["outcomes"]["by_sex_age_band"]
    sexes = list(grid)
    bands = list(next(iter(grid.values())))
    columns = ["Ålder vid avslut"]
    for s in sexes:
        columns += [f"{label('sex', s)}: avslut", f"{label('sex', s)}: i mål"]
    rows = []
    for band in bands:
        row = [f"{band.replace('-', '–')} år"]
        for s in sexes:
            cell = grid[s][band]
            row += [fmt.number(cell["denominator"]), fmt.number(cell["in_goal"])]
        rows.append(row)
    return Table(
        "outcomes-sex-age",
        f"Resultat per kön och ålder vid avslut, {period_text(ind)}",
        columns,
        rows,
        ["l"] + ["r"] * (2 * len(sexes)),
        note="Avslut utan tidiga avhopp. Ålder vid avslutet.",
    )


@marks_hidden
def outcome_by_unit_table(ind: dict) -> Table | None:
    """*Sammanställning per delinsats*: exits by reason (rows) and sub-unit (columns), with the total
    and its share per reason, each sub-unit's total and share of all, and "i mål" per sub-unit."""
    units = ind["outcomes"]["by_unit"]
    if not units:
        return None
    o = ind["outcomes"]
    names = list(units)
    denom = o["denominator"]
    rows = []
    for code in EXIT_REASONS:
        if not o["counts"][code]:
            continue
        cells = [fmt.number(units[u]["counts"][code]) for u in names]
        rows.append(
            [
                label("exit_reason", code),
                *cells,
                count_share(o["counts"][code], ratio_or_none(o["counts"][code], denom)),
            ]
        )
    totals = [count_share(units[u]["denominator"], ratio_or_none(units[u]["denominator"], denom)) for u in names]
    rows.append(["Summa", *totals, count_share(denom, 1.0 if denom else None)])
    rows.append(
        [
            "I mål",
            *[count_share(units[u]["in_goal"], units[u]["in_goal_share"]) for u in names],
            count_share(o["in_goal"], o["in_goal_share"]),
        ]
    )
    return Table(
        "outcomes-unit",
        f"Resultat per delinsats, {period_text(ind)}",
        ["Avslutsanledning", *names, "Totalt"],
        rows,
        ["l"] + ["r"] * (len(names) + 1),
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
        note="Avslut utan tidiga avhopp. Andelar inom parentes: i kolumnen Totalt av alla avslut, på raden "
        "Summa delinsatsens del av alla avslut, på raden I mål av delinsatsens avslut.",
    )


@marks_hidden
def details_table(ind: dict) -> Table | None:
    """Exits to annat, sjukdom and sjukersättning broken down by kind."""
    rows = []
    for reason, kinds in ind["outcomes"]["details"].items():
        if kinds is None or kinds is fmt.HIDDEN:  # hidden with its reason's count (strict mode)
            rows.append([label("exit_reason", reason), fmt.number(kinds), fmt.number(kinds)])
            continue
        for kind, n in kinds.items():
            name = {"annan_uppgift": "Annan uppgift", "uppgift_saknas": "Uppgift saknas"}.get(kind) or label(
                "detail", kind
            )
            rows.append([label("exit_reason", reason), name, fmt.number(n)])
    if not rows:
        return None
    return Table(
        "details",
        f"Avslut av andra skäl i detalj, {period_text(ind)}",
        ["Avslutsanledning", "Närmare uppgift", "Antal"],
        rows,
        ["l", "l", "r"],
        note="Registrets fritext publiceras inte: varje uppgift förs till en fast kategori.",
    )

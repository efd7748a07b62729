"""Tables of results at exit (*resultat vid avslut*): by reason, sex, age band and sub-unit."""

from __future__ import annotations

from .. import fmt
from ..codes import EXIT_REASONS, label
from .base import Table, period_text, ratio_or_none


def outcome_table(ind: dict) -> Table:
    """*Resultat vid avslut*: exits by reason with shares of the counted exits, and the "i mål" total."""
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
    by_sex = ", ".join(f"{label('sex', s).lower()} {fmt.number(n)}" for s, n in o["in_goal_by_sex"].items())
    return Table(
        "outcomes",
        f"Resultat vid avslut {period_text(ind)}",
        ["Avslutsanledning", "Antal", "Andel", "I mål"],
        rows,
        ["l", "r", "r", "l"],
        note=f"Andelar av {fmt.number(denom)} avslut utan tidiga avhopp "
        f"({fmt.number(ind['flows']['early_dropouts'])} tidiga avhopp räknas inte). I mål per kön: {by_sex}.",
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
    )


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
            *[f"{fmt.number(by_sex[s]['in_goal'])} ({fmt.percent(by_sex[s]['in_goal_share'], 0)})" for s in sexes],
            f"{fmt.number(ind['outcomes']['in_goal'])} ({fmt.percent(ind['outcomes']['in_goal_share'], 0)})",
        ]
    )
    return Table(
        "outcomes-sex",
        f"Avslut per anledning och kön {period_text(ind)}",
        columns,
        rows,
        ["l"] + ["r"] * (len(sexes) + 1),
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
        note=f"Utan tidiga avhopp ({fmt.number(ind['flows']['early_dropouts'])} st).",
    )


def outcome_by_sex_age_table(ind: dict) -> Table:
    """The Avesta appendix: exits in goal of all counted exits, per sex and age band at exit."""
    grid = ind["outcomes"]["by_sex_age_band"]
    sexes = list(grid)
    bands = list(next(iter(grid.values())))
    columns = ["Ålder vid avslut"]
    for s in sexes:
        columns += [f"{label('sex', s)}: avslut", "i mål"]
    rows = []
    for band in bands:
        row = [band.replace("-", "–")]
        for s in sexes:
            cell = grid[s][band]
            row += [fmt.number(cell["denominator"]), fmt.number(cell["in_goal"])]
        rows.append(row)
    return Table(
        "outcomes-sex-age",
        "Resultat per kön och åldersspann (bilaga)",
        columns,
        rows,
        ["l"] + ["r"] * (2 * len(sexes)),
        note="Avslut utan tidiga avhopp; ålder vid avslutet.",
    )


def outcome_by_unit_table(ind: dict) -> Table | None:
    """Results per sub-unit (*delinsats*)."""
    units = ind["outcomes"]["by_unit"]
    if not units:
        return None
    rows = [
        [unit, fmt.number(u["denominator"]), fmt.number(u["in_goal"]), fmt.percent(u["in_goal_share"])]
        for unit, u in units.items()
    ]
    return Table(
        "outcomes-unit",
        f"Resultat per delinsats {period_text(ind)}",
        ["Delinsats", "Avslut", "I mål", "Andel"],
        rows,
        ["l", "r", "r", "r"],
        note="Avslut utan tidiga avhopp.",
    )


def details_table(ind: dict) -> Table | None:
    """Exits to annat, sjukdom and sjukersättning broken down by kind."""
    rows = []
    for reason, kinds in ind["outcomes"]["details"].items():
        if kinds is None:  # hidden with its reason's count (strict mode)
            rows.append([label("exit_reason", reason), fmt.MISSING, fmt.MISSING])
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
        "Avslut till annat, sjukdom och sjukersättning, uppdelat",
        ["Anledning", "Uppgift", "Antal"],
        rows,
        ["l", "l", "r"],
        note="Fritext i registret publiceras inte; den förs till kända kategorier.",
    )

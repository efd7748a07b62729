"""Tables of who the participants are: age, referrer, payer, education, time on support, support sources."""

from __future__ import annotations

from .. import fmt
from ..codes import LABELS, PAYERS, REFERRERS, label
from .base import Table, period_text, ratio_or_none, share_text, sum_or_none

#: Each population's name in a column heading.
_POP_NAMES = {
    "new": "nyinskrivna",
    "active_start": "inskrivna vid start",
    "active_end": "inskrivna vid slut",
    "served": "totalt arbetat med",
    "exits": "avslutade",
}


def age_table(ind: dict) -> Table:
    """*Ålder*: active at period end (mean, youngest, oldest, 30 or younger) and at exit by sex."""
    a, x = ind["age"]["active_end"], ind["age"]["exits"]
    rows = [
        ["Medelålder, inskrivna vid slut", fmt.years(a["mean"])],
        ["Yngst", fmt.years(a["min"], 0)],
        ["Äldst", fmt.years(a["max"], 0)],
        ["30 år eller yngre", f"{fmt.number(a['n_30_or_younger'])} ({fmt.percent(a['share_30_or_younger'], 0)})"],
        ["Medelålder vid avslut", fmt.years(x["mean"])],
    ]
    rows += [[f"Medelålder vid avslut, {label('sex', s).lower()}", fmt.years(x[s])] for s in x if s != "mean"]
    return Table(
        "age",
        f"Ålder {period_text(ind)}",
        ["Mått", "Värde"],
        rows,
        ["l", "r"],
        note="Ålder = årtalet minus födelseåret.",
    )


def age_band_table(ind: dict) -> Table:
    """*Åldersfördelning* of new enrolments at start."""
    bands = ind["age_bands"]["new"]
    total = sum_or_none(bands.values())
    rows = [[b.replace("-", "–"), fmt.number(n), fmt.percent(ratio_or_none(n, total))] for b, n in bands.items()]
    rows.append(["Summa", fmt.number(total), fmt.percent(1.0 if total else None)])
    return Table(
        "age-bands",
        "Åldersfördelning vid start, nyinskrivna",
        ["Ålder", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def _count_table(key, caption, first, counts: dict, kind: str, codes) -> Table:
    total = sum_or_none(counts.values())
    rows = [
        [label(kind, c), fmt.number(counts[c]), fmt.percent(ratio_or_none(counts[c], total), 0)]
        for c in codes
        if counts[c] != 0
    ]
    rows.append(["Summa", fmt.number(total), fmt.percent(1.0 if total else None, 0)])
    return Table(key, caption, [first, "Antal", "Andel"], rows, ["l", "r", "r"], total_rows=frozenset({len(rows) - 1}))


def referrer_table(ind: dict, population: str) -> Table:
    """*Remittent* of new enrolments or of those active at the end."""
    name = {"new": "nyinskrivna", "active_end": "inskrivna vid slut"}[population]
    return _count_table(
        f"referrer-{population}",
        f"Remitterande aktör, {name}",
        "Remittent",
        ind["referrer"][population],
        "referrer",
        REFERRERS,
    )


def payer_table(ind: dict, population: str) -> Table:
    """*Försörjningsgrund* (payer of the main source) of new enrolments or of those active at the end."""
    name = {"new": "nyinskrivna", "active_end": "inskrivna vid slut"}[population]
    return _count_table(
        f"payer-{population}", f"Försörjningsgrund, {name}", "Försörjning", ind["payer"][population], "payer", PAYERS
    )


def support_table(ind: dict) -> Table:
    """*Försörjning före och efter*: sources listed by the exits before and after."""
    s = ind["support"]["exits"]
    rows = []
    for code, v in s.items():
        if v["before"] or v["after"]:
            change = v["after"] - v["before"]
            rows.append([LABELS["support"][code], fmt.number(v["before"]), fmt.number(v["after"]), fmt.number(change)])
    columns = ["Försörjningskälla", "Före", "Efter", "Förändring"]
    return Table(
        "support",
        "Försörjning före och efter, avslutade",
        columns,
        rows,
        ["l", "r", "r", "r"],
        note="En person kan ha flera försörjningskällor.",
    )


def education_table(ind: dict) -> Table:
    """*Utbildningsnivå* of the new enrolments (seed 002 §2.3)."""
    counts = ind["education"]["new"]
    total = ind["flows"]["new"]
    rows = [[label("education", c), fmt.number(n), share_text(n, total)] for c, n in counts.items()]
    rows.append(["Summa", fmt.number(total), share_text(total, total)])
    return Table(
        "education",
        "Utbildningsnivå vid start, nyinskrivna",
        ["Utbildningsnivå", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def benefit_bins_table(ind: dict) -> Table:
    """*Tid i offentlig försörjning vid start* in yearly bins (seed 002 §2.3)."""
    counts = ind["benefit_year_bins"]["new"]
    total = ind["flows"]["new"]
    names = {f"upp_till_{k}": f"Upp till {k} år" for k in range(1, 10)}
    names.update({"9_eller_mer": "9 år eller mer", "uppgift_saknas": "Uppgift saknas"})
    rows = [[names[c], fmt.number(n), share_text(n, total)] for c, n in counts.items() if n or c != "uppgift_saknas"]
    rows.append(["Summa", fmt.number(total), share_text(total, total)])
    return Table(
        "benefit-bins",
        "Tid i offentlig försörjning vid start, nyinskrivna",
        ["Tid", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note="”Upp till k år” omfattar från k − 1 år upp till, men inte med, k år.",
    )


def age_bands_table(ind: dict) -> Table:
    """*Åldersfördelning* of every population side by side."""
    pops = ["new", "served", "exits", "active_end"]
    columns = ["Ålder", *[_POP_NAMES[p].capitalize() for p in pops]]
    rows = [
        [band.replace("-", "–"), *[fmt.number(ind["age_bands"][p][band]) for p in pops]]
        for band in ind["age_bands"]["new"]
    ]
    rows.append(["Summa", *[fmt.number(sum_or_none(ind["age_bands"][p].values())) for p in pops]])
    return Table(
        "age-bands-all",
        "Åldersfördelning per grupp",
        columns,
        rows,
        ["l"] + ["r"] * len(pops),
        total_rows=frozenset({len(rows) - 1}),
        note="Ålder vid inskrivning (nyinskrivna), vid periodens början eller inskrivning (totalt arbetat "
        "med), vid avslut (avslutade) och vid periodens slut (inskrivna vid slut).",
    )


def support_shares_table(ind: dict) -> Table:
    """*Försörjning före och efter* with shares of sources and change in per cent (seed 002 §4.1.2)."""
    s, tot = ind["support"]["exits"], ind["support"]["exits_totals"]
    rows = []
    for code, v in s.items():
        if v["before"] or v["after"]:
            rows.append(
                [
                    LABELS["support"][code],
                    fmt.number(v["before"]),
                    fmt.percent(v["share_before"]),
                    fmt.number(v["after"]),
                    fmt.percent(v["share_after"]),
                    fmt.percent(v["change_pct"], 0),
                ]
            )
    if tot["missing_before"] or tot["missing_after"]:
        rows.append(
            [
                "Uppgift saknas",
                fmt.number(tot["missing_before"]),
                share_text(tot["missing_before"], tot["denominator_before"]),
                fmt.number(tot["missing_after"]),
                share_text(tot["missing_after"], tot["denominator_after"]),
                "",
            ]
        )
    rows.append(
        [
            "Summa",
            fmt.number(tot["denominator_before"]),
            share_text(1, 1),
            fmt.number(tot["denominator_after"]),
            share_text(1, 1),
            "",
        ]
    )
    return Table(
        "support-shares",
        "Försörjningskälla före och efter, avslutade",
        ["Försörjningskälla", "Före", "Andel före", "Efter", "Andel efter", "Förändring"],
        rows,
        ["l", "r", "r", "r", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note=f"{fmt.number(tot['persons'])} avslutade. En person kan ha flera försörjningskällor, så andelarna "
        "är andelar av källor. Förändring = (efter − före) / före.",
    )

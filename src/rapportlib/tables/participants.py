"""Tables of who the participants are: age, referrer, payer, education, time on support, support sources."""

from __future__ import annotations

from .. import fmt
from ..codes import LABELS, PAYERS, REFERRERS, label
from ..hidden import marks_hidden
from .base import Table, count_share, period_text, ratio_or_none, share_text, sum_or_none


def _band(band: str) -> str:
    """An age band as a row names it: ``15-29`` → ``15–29 år``."""
    return f"{band.replace('-', '–')} år"


def _of(population: str) -> str:
    """A population after a comma in a caption: ``nyinskrivna``, ``inskrivna vid periodens slut``."""
    return label("population", population).lower()


@marks_hidden
def age_table(ind: dict) -> Table:
    """*Ålder*: active at period end (mean, youngest, oldest, 30 or younger) and at exit by sex."""
    a, x = ind["age"]["active_end"], ind["age"]["exits"]
    rows = [
        ["Medelålder, inskrivna vid periodens slut", fmt.age(a["mean"])],
        ["Yngst, inskrivna vid periodens slut", fmt.age(a["min"])],
        ["Äldst, inskrivna vid periodens slut", fmt.age(a["max"])],
        [
            "30 år eller yngre, inskrivna vid periodens slut",
            count_share(a["n_30_or_younger"], a["share_30_or_younger"]),
        ],
        ["Medelålder vid avslut", fmt.age(x["mean"])],
    ]
    rows += [[f"Medelålder vid avslut, {label('sex', s).lower()}", fmt.age(x[s])] for s in x if s != "mean"]
    return Table(
        "age",
        f"Ålder, {period_text(ind)}",
        ["Mått", "Värde"],
        rows,
        ["l", "r"],
        note="Ålder i hela år: årtalet minus födelseåret.",
    )


@marks_hidden
def age_band_table(ind: dict) -> Table:
    """*Åldersfördelning* of new enrolments at start."""
    bands = ind["age_bands"]["new"]
    total = sum_or_none(bands.values())
    rows = [[_band(b), fmt.number(n), fmt.percent(ratio_or_none(n, total))] for b, n in bands.items()]
    rows.append(["Summa", fmt.number(total), fmt.percent(ratio_or_none(total, total))])
    return Table(
        "age-bands",
        "Ålder vid inskrivningen, nyinskrivna",
        ["Ålder", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def _count_table(key, caption, first, counts: dict, kind: str, codes) -> Table:
    total = sum_or_none(counts.values())
    rows = [
        [label(kind, c), fmt.number(counts[c]), fmt.percent(ratio_or_none(counts[c], total))]
        for c in codes
        if counts[c] != 0
    ]
    rows.append(["Summa", fmt.number(total), fmt.percent(ratio_or_none(total, total))])
    return Table(key, caption, [first, "Antal", "Andel"], rows, ["l", "r", "r"], total_rows=frozenset({len(rows) - 1}))


@marks_hidden
def referrer_table(ind: dict, population: str) -> Table:
    """*Remittent* of new enrolments or of those active at the end."""
    return _count_table(
        f"referrer-{population}",
        f"Remitterande aktör, {_of(population)}",
        "Remittent",
        ind["referrer"][population],
        "referrer",
        REFERRERS,
    )


@marks_hidden
def payer_table(ind: dict, population: str) -> Table:
    """*Försörjningsgrund* (payer of the main source) of new enrolments or of those active at the end."""
    return _count_table(
        f"payer-{population}",
        f"Huvudsaklig försörjning, {_of(population)}",
        "Försörjning från",
        ind["payer"][population],
        "payer",
        PAYERS,
    )


@marks_hidden
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


@marks_hidden
def education_table(ind: dict) -> Table:
    """*Utbildningsnivå* of the new enrolments (seed 002 §2.3)."""
    counts = ind["education"]["new"]
    total = ind["flows"]["new"]
    rows = [[label("education", c), fmt.number(n), share_text(n, total)] for c, n in counts.items()]
    rows.append(["Summa", fmt.number(total), share_text(total, total)])
    return Table(
        "education",
        "Utbildningsnivå vid inskrivningen, nyinskrivna",
        ["Utbildningsnivå", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


@marks_hidden
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
        "Tid i offentlig försörjning före inskrivningen, nyinskrivna",
        ["Tid i offentlig försörjning", "Antal", "Andel"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note="”Upp till 2 år” betyder minst 1 men mindre än 2 år, och så vidare.",
    )


@marks_hidden
def age_bands_table(ind: dict) -> Table:
    """*Åldersfördelning* of every population side by side."""
    pops = ["new", "served", "exits", "active_end"]
    columns = ["Ålder", *[label("population", p) for p in pops]]
    rows = [[_band(band), *[fmt.number(ind["age_bands"][p][band]) for p in pops]] for band in ind["age_bands"]["new"]]
    rows.append(["Summa", *[fmt.number(sum_or_none(ind["age_bands"][p].values())) for p in pops]])
    return Table(
        "age-bands-all",
        f"Åldersfördelning, {period_text(ind)}",
        columns,
        rows,
        ["l"] + ["r"] * len(pops),
        total_rows=frozenset({len(rows) - 1}),
        note="Ålder vid inskrivningen för nyinskrivna, vid periodens början eller inskrivningen för alla "
        "deltagare under perioden, vid avslutet för avslutade och vid periodens slut för inskrivna då.",
    )


@marks_hidden
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
                    fmt.change(v["change_pct"]),
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
        note=f"Försörjningskällor för {fmt.count(tot['persons'], 'avslutad', 'avslutade')}. En person kan ha flera "
        "källor, så andelarna är andelar av alla angivna källor. Förändring = (efter − före) / före.",
    )

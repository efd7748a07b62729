"""Tables of where exits went in more detail, applications and self-rated health: continued
rehabilitation by destination, break-offs by reason and referrer, applications by party and by
referrer and sub-unit, and health at start and at exit."""

from __future__ import annotations

from .. import fmt
from ..codes import HEALTH_SCALE, REFERRERS, label
from ..hidden import marks_hidden
from .base import Table, count_share, period_text

MISSING_LABEL = "Uppgift saknas"


def _name(kind: str, code: str) -> str:
    return MISSING_LABEL if code == "uppgift_saknas" else label(kind, code)


@marks_hidden
def continued_table(ind: dict) -> Table | None:
    """*Fortsatt arbetslivsinriktad rehabilitering efter avslut*: by destination, and how many went
    back to the party that referred them."""
    c = ind.get("continued")
    if c is None:
        return None
    rows = [
        [_name("continued", k), count_share(n, c["shares"][k])]
        for k, n in c["counts"].items()
        if n != 0 or k == "forstarkt_samarbete"
    ]
    rows.append(["Summa", count_share(c["total"], 1.0 if c["total"] else None)])
    rows.append(["Därav åter till remittenten", count_share(c["back_to_referrer"], c["back_to_referrer_share"])])
    return Table(
        "continued",
        f"Fortsatt arbetslivsinriktad rehabilitering efter avslut, {period_text(ind)}",
        ["Vidare till", "Antal (andel)"],
        rows,
        ["l", "r"],
        total_rows=frozenset({len(rows) - 2}),
        note="De som avslutades efter prövotiden till fortsatt arbetslivsinriktad rehabilitering. Åter till "
        "remittenten: till samma part som remitterade personen, till exempel från Försäkringskassan åter till "
        "Försäkringskassan för fortsatt handläggning.",
    )


@marks_hidden
def breakoffs_table(ind: dict) -> Table | None:
    """*Avbrott*: those who broke off, by reason and by referrer."""
    b = ind.get("breakoffs")
    if b is None:
        return None
    referrers = [r for r in REFERRERS if b["by_referrer"][r] not in (0, None)] or list(REFERRERS)
    rows = []
    for reason, n in b["by_reason"].items():
        if n == 0:
            continue
        cells = [b["by_reason_referrer"][reason][r] for r in referrers]
        rows.append([_name("breakoff", reason), *map(fmt.number, cells), fmt.number(n)])
    rows.append(["Summa", *[fmt.number(b["by_referrer"][r]) for r in referrers], fmt.number(b["total"])])
    return Table(
        "breakoffs",
        f"Avbrott efter anledning och remittent, {period_text(ind)}",
        ["Anledning", *[label("referrer", r) for r in referrers], "Totalt"],
        rows,
        ["l"] + ["r"] * (len(referrers) + 1),
        total_rows=frozenset({len(rows) - 1}),
        note=f"De som avbröt insatsen under prövotiden ({ind['rules']['trial_months']} månader). De räknas som "
        "avslut men inte in i resultatet.",
    )


@marks_hidden
def applications_actor_table(ind: dict) -> Table | None:
    """*Ansökningar per aktör*: the applications each party took part in, and who referred them."""
    a = ind.get("applications")
    if a is None:
        return None
    rows = [
        [label("actor", k), count_share(n, a["actor_shares"][k]), fmt.number(a["by_referrer"].get(k))]
        for k, n in a["by_actor"].items()
    ]
    if a["by_referrer"].get("annan"):
        rows.append([label("referrer", "annan"), "", fmt.number(a["by_referrer"]["annan"])])
    rows.append(["Summa ansökningar", fmt.number(a["total"]), fmt.number(a["total"])])
    return Table(
        "applications-actor",
        f"Ansökningar per aktör, {period_text(ind)}",
        ["Aktör", "Delaktig i ansökan", "Remitterade"],
        rows,
        ["l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note="En ansökan kräver stöd från minst två av aktörerna, så en ansökan räknas hos varje aktör som är "
        "delaktig i den, och andelarna summerar till mer än 100 %. Remitterade: den aktör som skickade ansökan.",
    )


@marks_hidden
def applications_unit_table(ind: dict) -> Table | None:
    """*Ansökningarnas inriktning*: applications by referrer and sub-unit."""
    a = ind.get("applications")
    if a is None:
        return None
    units = list(a["by_unit"])
    referrers = [r for r in REFERRERS if a["by_referrer"][r] not in (0, None)]
    rows = [
        [
            label("referrer", r),
            *[fmt.number(a["by_referrer_unit"][r][u]) for u in units],
            fmt.number(a["by_referrer"][r]),
        ]
        for r in referrers
    ]
    rows.append(["Summa", *[fmt.number(a["by_unit"][u]) for u in units], fmt.number(a["total"])])
    return Table(
        "applications-unit",
        f"Ansökningar per remittent och delinsats, {period_text(ind)}",
        ["Remittent", *[_name("", u) for u in units], "Totalt"],
        rows,
        ["l"] + ["r"] * (len(units) + 1),
        total_rows=frozenset({len(rows) - 1}),
    )


@marks_hidden
def health_table(ind: dict) -> Table | None:
    """*Egenskattad hälsa vid start och vid avslut*: the distribution and the share rating it good."""
    h = ind.get("health")
    if h is None:
        return None
    rows = []
    for rnd, v in h["rounds"].items():
        dist = [fmt.number(v["distribution"][s]) for s in HEALTH_SCALE]
        rows.append([label("health_round", rnd), *dist, fmt.number(v["n"]), fmt.percent(v["good_share"])])
    return Table(
        "health",
        "Egenskattad hälsa vid start och vid avslut",
        ["Tillfälle", *[label("health", s) for s in HEALTH_SCALE], "Antal svar", "Andel bra eller mycket bra"],
        rows,
        ["l"] + ["r"] * (len(HEALTH_SCALE) + 2),
        note="Svaren är anonyma: de som svarade vid start och vid avslut är inte nödvändigtvis samma personer. "
        f"Förändring av andelen bra eller mycket bra: {points(h['change'])}.",
    )


def points(change) -> str:
    """A change of a share in *procentenheter*, signed: ``+14,1 procentenheter``."""
    if change is None or change is fmt.HIDDEN:
        return fmt.MISSING if change is None else fmt.DASH
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return f"{sign}{fmt.number(abs(change) * 100, 1)} procentenheter"

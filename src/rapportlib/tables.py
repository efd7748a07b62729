"""Report tables built from the indicators (aggregates only), rendered to HTML and Markdown.

One :class:`Table` definition gives both outputs: HTML for the web page and a pipe table with a
pandoc caption for the PDF (pandoc turns it into a Typst table, as Quarto does).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from . import fmt
from .codes import EXIT_REASONS, LABELS, PAYERS, REFERRERS, label


@dataclass(frozen=True)
class Table:
    """A captioned table of formatted cells; ``align`` holds ``'l'`` or ``'r'`` per column."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    align: list[str]
    note: str | None = None
    total_rows: frozenset[int] = field(default_factory=frozenset)

    def to_html(self, number: int) -> str:
        """An accessible HTML table with a numbered caption."""
        cls = lambda j: ' class="num"' if self.align[j] == "r" else ""  # noqa: E731
        head = "".join(f'<th scope="col"{cls(j)}>{html.escape(c)}</th>' for j, c in enumerate(self.columns))
        body = []
        for i, row in enumerate(self.rows):
            cells = [
                f'<th scope="row">{html.escape(v)}</th>'
                if j == 0 and self.align[0] == "l"
                else f"<td{cls(j)}>{html.escape(v)}</td>"
                for j, v in enumerate(row)
            ]
            tr = ' class="total"' if i in self.total_rows else ""
            body.append(f"<tr{tr}>{''.join(cells)}</tr>")
        note = f'<p class="table-note">{html.escape(self.note)}</p>' if self.note else ""
        return (
            f'<div class="table-wrap" id="tbl-{self.key}"><table class="rapport-table">'
            f"<caption>Tabell {number}: {html.escape(self.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}</div>"
        )

    def to_markdown(self, number: int) -> str:
        """A pipe table followed by its pandoc caption (``: Tabell N: …``)."""
        esc = lambda v: v.replace("|", "\\|")  # noqa: E731
        lines = ["| " + " | ".join(esc(c) for c in self.columns) + " |"]
        lines.append("|" + "|".join("---:" if a == "r" else ":---" for a in self.align) + "|")
        for i, row in enumerate(self.rows):
            cells = [f"**{esc(v)}**" if i in self.total_rows and v else esc(v) for v in row]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f": Tabell {number}: {self.caption} {{#tbl-{self.key}}}"]
        if self.note:
            lines += ["", f"*{self.note}*"]
        return "\n".join(lines)

    def to_text(self, number: int) -> str:
        """Plain text, for consoles and as the last fallback."""
        rows = [self.columns, *self.rows]
        widths = [max(len(r[j]) for r in rows) for j in range(len(self.columns))]
        out = [f"Tabell {number}: {self.caption}"]
        out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
        return "\n".join(out)


def _sum(values) -> int | None:
    """A total, or ``None`` when a part is suppressed (summing the rest would reveal it)."""
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


def _ratio(part, whole) -> float | None:
    return None if part is None or not whole else part / whole


def _period(ind: dict) -> str:
    return f"{ind['period']['start']} – {ind['period']['end']}"


def flow_table(ind: dict) -> Table:
    """*Deltagarresultat*: flows and exit reasons of the period, as in the seed reports."""
    f, o = ind["flows"], ind["outcomes"]["counts"]
    columns = ["Inskrivna vid start", "Nyinskrivna", "Avslut totalt", "varav tidiga avhopp"]
    values = [f["active_start"], f["new"], f["exits"], f["early_dropouts"]]
    for code in EXIT_REASONS:
        if o[code] or code in ("arbete", "studier", "fortsatt_rehabilitering"):
            columns.append(label("exit_reason", code))
            values.append(o[code])
    columns.append("Inskrivna vid slut")
    values.append(f["active_end"])
    return Table(
        "flows",
        f"Deltagarresultat {_period(ind)}",
        columns,
        [[fmt.number(v) for v in values]],
        ["r"] * len(columns),
        note="Avslut per anledning räknas utan tidiga avhopp. "
        "Inskrivna vid start + nyinskrivna − avslut = inskrivna vid slut.",
    )


def sex_table(ind: dict) -> Table:
    """*Könsfördelning*: new, served, exits and active at end per sex, with shares."""
    sexes = [k for k in ind["sex"]["new"]]
    rows = []
    for key, name in (
        ("new", "Nyinskrivna"),
        ("served", "Totalt arbetat med"),
        ("exits", "Avslutade"),
        ("active_end", "Inskrivna vid slut"),
    ):
        counts = ind["sex"][key]
        total = ind["flows"][key]
        row = [name]
        for s in sexes:
            share = _ratio(counts[s], total)
            row += [fmt.number(counts[s]), fmt.percent(share, 0)]
        row.append(fmt.number(total))
        rows.append(row)
    columns = ["Grupp"]
    for s in sexes:
        columns += [label("sex", s), "Andel"]
    columns.append("Totalt")
    return Table("sex", f"Deltagare per kön {_period(ind)}", columns, rows, ["l"] + ["r"] * (len(columns) - 1))


def outcome_table(ind: dict) -> Table:
    """*Resultat vid avslut*: exits by reason with shares of the counted exits, and the "i mål" total."""
    o = ind["outcomes"]
    denom = o["denominator"]
    rows = []
    for code in EXIT_REASONS:
        n = o["counts"][code]
        share = _ratio(n, denom)
        goal = "ja" if code in o["in_goal_codes"] else ""
        rows.append([label("exit_reason", code), fmt.number(n), fmt.percent(share), goal])
    rows.append(["Summa avslut (utan tidiga avhopp)", fmt.number(denom), fmt.percent(1.0 if denom else None), ""])
    rows.append(["I mål", fmt.number(o["in_goal"]), fmt.percent(o["in_goal_share"]), ""])
    by_sex = ", ".join(f"{label('sex', s).lower()} {fmt.number(n)}" for s, n in o["in_goal_by_sex"].items())
    return Table(
        "outcomes",
        f"Resultat vid avslut {_period(ind)}",
        ["Avslutsanledning", "Antal", "Andel", "I mål"],
        rows,
        ["l", "r", "r", "l"],
        note=f"Andelar av {fmt.number(denom)} avslut utan tidiga avhopp "
        f"({fmt.number(ind['flows']['early_dropouts'])} tidiga avhopp räknas inte). I mål per kön: {by_sex}.",
        total_rows=frozenset({len(rows) - 2, len(rows) - 1}),
    )


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
        f"Genomströmningstid {_period(ind)}",
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
        "age", f"Ålder {_period(ind)}", ["Mått", "Värde"], rows, ["l", "r"], note="Ålder = årtalet minus födelseåret."
    )


def age_band_table(ind: dict) -> Table:
    """*Åldersfördelning* of new enrolments at start."""
    bands = ind["age_bands"]["new"]
    total = _sum(bands.values())
    rows = [[b.replace("-", "–"), fmt.number(n), fmt.percent(_ratio(n, total))] for b, n in bands.items()]
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
    total = _sum(counts.values())
    rows = [
        [label(kind, c), fmt.number(counts[c]), fmt.percent(_ratio(counts[c], total), 0)]
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


def budget_table(ind: dict) -> Table | None:
    """*Budgetutfall*: budget, outcome, remaining and forecast per cost line, with the sum."""
    if "budget" not in ind:
        return None
    b = ind["budget"]
    has_forecast = b["total"]["forecast"] is not None
    columns = ["Post", "Budget", "Utfall", "Återstår"] + (["Prognos"] if has_forecast else [])

    def row(name, d):
        r = [name, fmt.kronor(d["budget"]), fmt.kronor(d["outcome"]), fmt.kronor(d["remaining"])]
        return r + ([fmt.kronor(d["forecast"])] if has_forecast else [])

    rows = [row(line["post"], line) for line in b["lines"]] + [row("Summa", b["total"])]
    return Table(
        "budget",
        "Budget och utfall",
        columns,
        rows,
        ["l"] + ["r"] * (len(columns) - 1),
        total_rows=frozenset({len(rows) - 1}),
    )


# --- Issue 3 tables ---------------------------------------------------------------------------

_POP_NAMES = {
    "new": "nyinskrivna",
    "active_start": "inskrivna vid start",
    "active_end": "inskrivna vid slut",
    "served": "totalt arbetat med",
    "exits": "avslutade",
}


def _share(n, total, decimals=1):
    return fmt.percent(_ratio(n, total), decimals)


def education_table(ind: dict) -> Table:
    """*Utbildningsnivå* of the new enrolments (seed 002 §2.3)."""
    counts = ind["education"]["new"]
    total = ind["flows"]["new"]
    rows = [[label("education", c), fmt.number(n), _share(n, total)] for c, n in counts.items()]
    rows.append(["Summa", fmt.number(total), _share(total, total)])
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
    rows = [[names[c], fmt.number(n), _share(n, total)] for c, n in counts.items() if n or c != "uppgift_saknas"]
    rows.append(["Summa", fmt.number(total), _share(total, total)])
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
    rows.append(["Summa", *[fmt.number(_sum(ind["age_bands"][p].values())) for p in pops]])
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
        f"Avslut per anledning och kön {_period(ind)}",
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
        f"Resultat per delinsats {_period(ind)}",
        ["Delinsats", "Avslut", "I mål", "Andel"],
        rows,
        ["l", "r", "r", "r"],
        note="Avslut utan tidiga avhopp.",
    )


def details_table(ind: dict) -> Table | None:
    """Exits to annat, sjukdom and sjukersättning broken down by kind."""
    rows = []
    for reason, kinds in ind["outcomes"]["details"].items():
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


def employment_table(ind: dict) -> Table | None:
    """*Sysselsättning före och efter* (seed 002 §4.1.1)."""
    e = ind["employment"]["exits"]
    if not e["recorded"]:
        return None
    rows = []
    for code, v in e["status"].items():
        rows.append(
            [
                label("employment", code),
                fmt.number(v["before"]),
                fmt.number(v["after"]),
                fmt.number(v["change"]),
                fmt.percent(v["change_pct"], 0),
            ]
        )
    w = e["work_or_studies"]
    rows.append(
        [
            "Arbete och/eller studier",
            fmt.number(w["before"]),
            fmt.number(w["after"]),
            fmt.number(w["change"]),
            fmt.percent(w["change_pct"], 0),
        ]
    )
    return Table(
        "employment",
        "Sysselsättning före och efter, avslutade",
        ["Sysselsättning", "Före", "Efter", "Förändring", "Förändring %"],
        rows,
        ["l", "r", "r", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note=f"{fmt.number(e['persons'])} avslutade utan tidiga avhopp; {fmt.number(e['without_measurement'])} "
        "tidiga avhopp saknar mätning. Förändring = efter − före.",
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
                _share(tot["missing_before"], tot["denominator_before"]),
                fmt.number(tot["missing_after"]),
                _share(tot["missing_after"], tot["denominator_after"]),
                "",
            ]
        )
    rows.append(
        [
            "Summa",
            fmt.number(tot["denominator_before"]),
            _share(1, 1),
            fmt.number(tot["denominator_after"]),
            _share(1, 1),
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


def survey_table(ind: dict, rnd: str) -> Table | None:
    """NNS answers per question for one round: n, the distribution in per cent and the top share."""
    if "survey" not in ind:
        return None
    from .codes import SURVEY_SCALE

    s = ind["survey"]
    top = s["top"]
    steps = [label("survey", c) for c in SURVEY_SCALE]
    rows = []
    for q, v in s["rounds"][rnd].items():
        if v["scale"] == "ja_nej":
            dist = [""] * len(steps)
            dist[-1] = f"ja {fmt.percent(v['top_share'], 0)}"
        else:
            dist = [_share(v["distribution"][c], v["n"], 0) for c in SURVEY_SCALE]
        rows.append([q, fmt.number(v["n"]), *dist, fmt.percent(v["top_share"], 0)])
    name = {"1": "under insatsen (efter cirka 3 månader)", "2": "inför avslut"}[rnd]
    top_name = {2: "två högsta", 3: "tre högsta"}.get(top, f"{top} högsta")
    return Table(
        f"survey-{rnd}",
        f"Deltagarenkät (NNS) {name}",
        ["Fråga", "Svar", *steps, f"Andel {top_name}"],
        rows,
        ["l"] + ["r"] * (len(steps) + 2),
        note="Frågornas lydelse: " + " ".join(f"{q}. {v['text']}" for q, v in s["rounds"][rnd].items()),
    )


def followup_table(ind: dict) -> Table | None:
    """*Effekter på längre sikt*: the result at exit beside the follow-ups, with the same groups."""
    if "followups" not in ind:
        return None
    f = ind["followups"]
    months = list(f["months"])
    names = LABELS["followup_group"]
    columns = ["Status", "Vid avslut (perioden)", *[f"Efter {m} mån" for m in months]]
    rows = []
    for g, name in names.items():
        row = [
            name,
            f"{fmt.number(f['result_at_exit'][g]['count'])} ({fmt.percent(f['result_at_exit'][g]['share'], 0)})",
        ]
        for m in months:
            cell = f["months"][m]["groups"][g]
            row.append(f"{fmt.number(cell['count'])} ({fmt.percent(cell['share'], 0)})")
        rows.append(row)
    rows.append(
        [
            "Nådda / uppföljda",
            fmt.number(ind["outcomes"]["denominator"]),
            *[f"{fmt.number(f['months'][m]['reached'])} / {fmt.number(f['months'][m]['n'])}" for m in months],
        ]
    )
    return Table(
        "followups",
        "Resultat vid avslut och vid uppföljning",
        columns,
        rows,
        ["l"] + ["r"] * (len(months) + 1),
        total_rows=frozenset({len(rows) - 1}),
        note="Samma indelning på båda sidor: aktivt arbetssökande räknas för sig, inte som arbete eller studier. "
        "Andelar av de nådda.",
    )


def goals_table(ind: dict) -> Table | None:
    """*Målbild mot utfall*."""
    if "goals" not in ind:
        return None
    rows = []
    for key, g in ind["goals"].items():
        if key == "payback_months":
            name, target, outcome = "Återbetalningstid", fmt.months(g["target"]), fmt.months(g["outcome"])
        else:
            name = "I mål" if key == "in_goal" else label("exit_reason", key)
            target, outcome = fmt.percent(g["target"], 0), fmt.percent(g["outcome"])
        met = {True: "uppfyllt", False: "ej uppfyllt", None: "kan inte bedömas"}[g["met"]]
        rows.append([name, target, outcome, met])
    return Table(
        "goals",
        "Målbild och utfall",
        ["Mål", "Målbild", "Utfall", "Bedömning"],
        rows,
        ["l", "r", "r", "l"],
        note="Andelar av avslut utan tidiga avhopp.",
    )


def payback_table(ind: dict) -> Table:
    """*Återbetalningstid* for society and per financier."""
    p = ind["payback"]
    rows = [
        [
            "Samhället",
            fmt.kronor(p["period_cost"]),
            fmt.kronor(p["monthly_reduction"]["total"]),
            fmt.months(p["months"]),
        ]
    ]
    names = {"staten": "Staten (FK, AF m.fl.)", "region": "Regionen", "kommun": "Kommunen"}
    for key, v in p["by_financier"].items():
        rows.append(
            [
                f"{names.get(key, key)} ({fmt.percent(v['share_of_cost'], 0)})",
                fmt.kronor(v["cost"]),
                fmt.kronor(v["monthly_reduction"]),
                fmt.months(v["months"]),
            ]
        )
    return Table(
        "payback",
        "Återbetalningstid",
        ["Part", "Kostnad", "Minskade kostnader per månad", "Återbetalningstid"],
        rows,
        ["l", "r", "r", "r"],
        note=f"Modell: {fmt.number(p['persons'])} avslutade med försörjning före och efter; kostnad per "
        "försörjningskälla enligt tabellen i docs/payback.md. – = ingen minskning eller ingen kostnad angiven.",
    )


def capacity_table(ind: dict) -> Table:
    """*Kapacitet* against the plan."""
    c = ind["capacity"]
    plan = c.get("plan", {})
    rows = [
        ["Inskrivna i genomsnitt per dag", fmt.number(c["mean_enrolled"], 1), fmt.number(plan.get("concurrent"))],
        ["Flest inskrivna samtidigt", f"{fmt.number(c['peak'])} ({c['peak_date']})", ""],
        ["Nyinskrivna per år", fmt.number(c["new_per_year"], 1), fmt.number(plan.get("per_year"))],
        ["Avslutade per år", fmt.number(c["exits_per_year"], 1), ""],
        ["Omsättning (avslut per år / genomsnitt inskrivna)", fmt.number(c["turnover"], 2), ""],
    ]
    if c.get("max_months") is not None:
        rows.append(
            [
                f"Inskrivna vid slut längre än {fmt.number(c['max_months'])} mån",
                f"{fmt.number(c['active_end_over_max'])} ({fmt.percent(c['active_end_over_max_share'], 0)})",
                "",
            ]
        )
        rows.append(
            [
                f"Avslutade efter mer än {fmt.number(c['max_months'])} mån",
                f"{fmt.number(c['exits_over_max'])} ({fmt.percent(c['exits_over_max_share'], 0)})",
                "",
            ]
        )
    return Table("capacity", "Kapacitet och plan", ["Mått", "Utfall", "Plan"], rows, ["l", "r", "r"])


def staff_table(ind: dict) -> Table | None:
    """Staff FTE per owner organisation."""
    if "staff" not in ind:
        return None
    s = ind["staff"]
    rows = [[owner, fmt.number(fte, 2)] for owner, fte in s["by_owner"].items()]
    rows.append(["Summa", fmt.number(s["total"], 2)])
    return Table(
        "staff",
        "Bemanning per organisation (årsarbetare)",
        ["Organisation", "Årsarbetare"],
        rows,
        ["l", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def plan_table(ind: dict) -> Table | None:
    """Plan against outcome for costs and income."""
    if "economy_plan" not in ind:
        return None
    p = ind["economy_plan"]
    rows = []
    for side, name in (("income", "Intäkter"), ("costs", "Kostnader")):
        for line in p[side]["lines"]:
            rows.append(
                [
                    f"{name}: {line['post']}",
                    fmt.kronor(line["plan"]),
                    fmt.kronor(line["outcome"]),
                    fmt.kronor(line["difference"]),
                ]
            )
        t = p[side]["total"]
        if p[side]["lines"]:
            rows.append(
                [f"{name} totalt", fmt.kronor(t["plan"]), fmt.kronor(t["outcome"]), fmt.kronor(t["difference"])]
            )
    return Table("plan", "Plan och utfall", ["Post", "Plan", "Utfall", "Skillnad"], rows, ["l", "r", "r", "r"])


def checks_table(ind: dict) -> Table:
    """*Datakvalitet*: every consistency check and its figures."""
    rows = [[c["name"], "ja" if c["ok"] else "NEJ", c["detail"]] for c in ind["checks"]]
    return Table("checks", "Kontroller av datakvalitet", ["Kontroll", "Stämmer", "Siffror"], rows, ["l", "l", "l"])

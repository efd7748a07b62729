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
                f'<th scope="row">{html.escape(v)}</th>' if j == 0 and self.align[0] == "l" else
                f"<td{cls(j)}>{html.escape(v)}</td>"
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
        "flows", f"Deltagarresultat {_period(ind)}", columns, [[fmt.number(v) for v in values]],
        ["r"] * len(columns),
        note="Avslut per anledning räknas utan tidiga avhopp. "
        "Inskrivna vid start + nyinskrivna − avslut = inskrivna vid slut.",
    )


def sex_table(ind: dict) -> Table:
    """*Könsfördelning*: new, served, exits and active at end per sex, with shares."""
    sexes = [k for k in ind["sex"]["new"]]
    rows = []
    for key, name in (("new", "Nyinskrivna"), ("served", "Totalt arbetat med"), ("exits", "Avslutade"),
                      ("active_end", "Inskrivna vid slut")):
        counts = ind["sex"][key]
        total = sum(counts.values())
        row = [name]
        for s in sexes:
            share = counts[s] / total if total else None
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
        share = n / denom if denom else None
        goal = "ja" if code in o["in_goal_codes"] else ""
        rows.append([label("exit_reason", code), fmt.number(n), fmt.percent(share), goal])
    rows.append(["Summa avslut (utan tidiga avhopp)", fmt.number(denom), fmt.percent(1.0 if denom else None), ""])
    rows.append(["I mål", fmt.number(o["in_goal"]), fmt.percent(o["in_goal_share"]), ""])
    by_sex = ", ".join(f"{label('sex', s).lower()} {fmt.number(n)}" for s, n in o["in_goal_by_sex"].items())
    return Table(
        "outcomes", f"Resultat vid avslut {_period(ind)}", ["Avslutsanledning", "Antal", "Andel", "I mål"], rows,
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
        "throughput", f"Genomströmningstid {_period(ind)}", columns, [row], ["r"] * len(columns),
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
        "throughput-history", "Genomströmningstid över tid (rullande tolvmånadersperioder)", columns, rows,
        ["l"] + ["r"] * len(hist), note=f"Mätt för {_population_text(ind)}.",
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
    return Table("age", f"Ålder {_period(ind)}", ["Mått", "Värde"], rows, ["l", "r"],
                 note="Ålder = årtalet minus födelseåret.")


def age_band_table(ind: dict) -> Table:
    """*Åldersfördelning* of new enrolments at start."""
    bands = ind["age_bands"]["new"]
    total = sum(bands.values())
    rows = [[b.replace("-", "–"), fmt.number(n), fmt.percent(n / total if total else None)] for b, n in bands.items()]
    rows.append(["Summa", fmt.number(total), fmt.percent(1.0 if total else None)])
    return Table("age-bands", "Åldersfördelning vid start, nyinskrivna", ["Ålder", "Antal", "Andel"], rows,
                 ["l", "r", "r"], total_rows=frozenset({len(rows) - 1}))


def _count_table(key, caption, first, counts: dict, kind: str, codes) -> Table:
    total = sum(counts.values())
    rows = [[label(kind, c), fmt.number(counts[c]), fmt.percent(counts[c] / total if total else None, 0)]
            for c in codes if counts[c]]
    rows.append(["Summa", fmt.number(total), fmt.percent(1.0 if total else None, 0)])
    return Table(key, caption, [first, "Antal", "Andel"], rows, ["l", "r", "r"], total_rows=frozenset({len(rows) - 1}))


def referrer_table(ind: dict, population: str) -> Table:
    """*Remittent* of new enrolments or of those active at the end."""
    name = {"new": "nyinskrivna", "active_end": "inskrivna vid slut"}[population]
    return _count_table(f"referrer-{population}", f"Remitterande aktör, {name}", "Remittent",
                        ind["referrer"][population], "referrer", REFERRERS)


def payer_table(ind: dict, population: str) -> Table:
    """*Försörjningsgrund* (payer of the main source) of new enrolments or of those active at the end."""
    name = {"new": "nyinskrivna", "active_end": "inskrivna vid slut"}[population]
    return _count_table(f"payer-{population}", f"Försörjningsgrund, {name}", "Försörjning", ind["payer"][population],
                        "payer", PAYERS)


def support_table(ind: dict) -> Table:
    """*Försörjning före och efter*: sources listed by the exits before and after."""
    s = ind["support"]["exits"]
    rows = []
    for code, v in s.items():
        if v["before"] or v["after"]:
            change = v["after"] - v["before"]
            rows.append([LABELS["support"][code], fmt.number(v["before"]), fmt.number(v["after"]), fmt.number(change)])
    columns = ["Försörjningskälla", "Före", "Efter", "Förändring"]
    return Table("support", "Försörjning före och efter, avslutade", columns, rows, ["l", "r", "r", "r"],
                 note="En person kan ha flera försörjningskällor.")


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
    return Table("budget", "Budget och utfall", columns, rows, ["l"] + ["r"] * (len(columns) - 1),
                 total_rows=frozenset({len(rows) - 1}))

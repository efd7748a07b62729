"""Altair charts built from aggregated indicators only, rendered to static SVG.

Each chart is a :class:`Figure`: the SVG (vector in both HTML and PDF, no JavaScript, no network),
a caption and a text alternative that states the figures in words. :data:`FIGURES` maps the name a
notebook passes to ``rep.figure(name, …)`` to its builder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from . import fmt
from .codes import EXIT_REASONS, LABELS, label

#: Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Figure:
    """A rendered chart: ``svg`` text, ``caption`` and ``alt`` (its text alternative)."""

    key: str
    caption: str
    alt: str
    svg: str


#: What the registry holds: ``builder(indicators, *args)`` gives a figure, or ``None`` when its data are absent.
FigureBuilder = Callable[..., "Figure | None"]


def _theme(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure(font=_FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=11, gridColor="#e5e5e5")
    )


def to_svg(chart: alt.Chart) -> str:
    """Render a chart to SVG with Swedish number formats (decimal comma, space as thousands mark)."""
    return vlc.vegalite_to_svg(_theme(chart).to_dict(), format_locale="sv-SE")


def throughput_history_chart(ind: dict) -> Figure:
    """Line chart of throughput time per rolling 12-month window."""
    hist = ind["throughput"]["history"]
    data = pd.DataFrame(
        {"Period": [fmt.window(h["start"], h["end"]) for h in hist], "Månader": [h["months"] for h in hist]}
    )
    order = list(data["Period"])
    base = alt.Chart(data).encode(
        x=alt.X("Period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("Månader:Q", title="Månader", scale=alt.Scale(zero=True)),
    )
    chart = (
        base.mark_line(color=PALETTE[0], strokeWidth=2.5)
        + base.mark_point(color=PALETTE[0], filled=True, size=60)
        + base.mark_text(dy=-12, fontSize=11).encode(text=alt.Text("Månader:Q", format=",.1f"))
    ).properties(width=460, height=200)
    alt_text = (
        "Genomströmningstid per tolvmånadersperiod: "
        + "; ".join(f"{fmt.window(h['start'], h['end'])}: {fmt.months(h['months'])}" for h in hist)
        + "."
    )
    return Figure("throughput-history", "Genomströmningstid över tid", alt_text, to_svg(chart))


def outcome_chart(ind: dict) -> Figure:
    """Horizontal bars of exits by reason (early dropouts left out), goal reasons highlighted."""
    o = ind["outcomes"]
    rows = [
        {
            "Anledning": label("exit_reason", c),
            "Antal": o["counts"][c],
            "Resultat": "I mål" if c in o["in_goal_codes"] else "Övriga avslut",
        }
        for c in EXIT_REASONS
    ]
    data = pd.DataFrame(rows)
    bars = alt.Chart(data).encode(
        y=alt.Y("Anledning:N", sort=list(data["Anledning"]), title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("Antal:Q", title="Antal avslut", axis=alt.Axis(tickMinStep=1, format="d")),
    )
    chart = (
        bars.mark_bar().encode(
            color=alt.Color(
                "Resultat:N",
                scale=alt.Scale(domain=["I mål", "Övriga avslut"], range=[PALETTE[0], "#9a9a9a"]),
                legend=alt.Legend(title=None, orient="bottom"),
            )
        )
        + bars.mark_text(align="left", dx=3, fontSize=11).encode(text="Antal:Q")
    ).properties(width=380, height=170)
    alt_text = (
        "Avslut per anledning: "
        + "; ".join(f"{r['Anledning']} {fmt.number(r['Antal'])}" for r in rows)
        + (f". I mål: {o['in_goal']} av {o['denominator']} ({fmt.percent(o['in_goal_share'])}).")
    )
    return Figure("outcomes", "Avslut per anledning", alt_text, to_svg(chart))


def _bars(
    data: pd.DataFrame,
    y: str,
    x: str,
    color: str,
    domain: list[str],
    colors: list[str],
    width=380,
    height=None,
    stack=None,
    x_title=None,
    fmt_x="d",
) -> alt.Chart:
    height = height or max(90, 26 * data[y].nunique())
    enc = dict(
        y=alt.Y(f"{y}:N", sort=list(dict.fromkeys(data[y])), title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X(f"{x}:Q", title=x_title or x, stack=stack, axis=alt.Axis(format=fmt_x)),
        color=alt.Color(
            f"{color}:N", scale=alt.Scale(domain=domain, range=colors), legend=alt.Legend(title=None, orient="bottom")
        ),
    )
    if stack is None:
        enc["yOffset"] = alt.YOffset(f"{color}:N", sort=domain)
    return alt.Chart(data).mark_bar().encode(**enc).properties(width=width, height=height)


def sex_age_chart(ind: dict) -> Figure:
    """Grouped bars: those enrolled at the period's end per age band and sex... from the new enrolments'
    age bands and every population's sex split (aggregates only)."""
    pops = [
        ("new", "Nyinskrivna"),
        ("served", "Totalt arbetat med"),
        ("exits", "Avslutade"),
        ("active_end", "Inskrivna vid slut"),
    ]
    sexes = [s for s in ind["sex"]["new"]]
    rows = [{"Grupp": name, "Kön": label("sex", s), "Antal": ind["sex"][key][s]} for key, name in pops for s in sexes]
    domain = [label("sex", s) for s in sexes]
    chart = _bars(pd.DataFrame(rows), "Grupp", "Antal", "Kön", domain, PALETTE[: len(domain)], x_title="Antal")
    alt_text = (
        "Antal per kön: "
        + "; ".join(
            f"{name}: " + ", ".join(f"{label('sex', s).lower()} {fmt.number(ind['sex'][key][s])}" for s in sexes)
            for key, name in pops
        )
        + "."
    )
    return Figure("sex", "Deltagare per kön", alt_text, to_svg(chart))


#: The two populations the profile charts set side by side.
_POPULATIONS = (("new", "Nyinskrivna"), ("active_end", "Inskrivna vid slut"))


def _by_population(counts: dict, category: str, name_of, text_of, keep=lambda code, n: True):
    """Grouped bars of ``counts[population][code]`` for the two populations, and their text alternative."""
    rows = [
        {category: name_of(code), "Grupp": name, "Antal": n}
        for key, name in _POPULATIONS
        for code, n in counts[key].items()
        if keep(code, n)
    ]
    names = [name for _, name in _POPULATIONS]
    chart = _bars(pd.DataFrame(rows), category, "Antal", "Grupp", names, PALETTE[:2], x_title="Antal")
    alt_text = "; ".join(
        f"{name}: " + ", ".join(f"{text_of(code)} {fmt.number(n)}" for code, n in counts[key].items())
        for key, name in _POPULATIONS
    )
    return chart, alt_text


def age_chart(ind: dict) -> Figure:
    """Bars of age bands for the new enrolments and those enrolled at the end."""
    chart, alt_text = _by_population(ind["age_bands"], "Ålder", lambda b: b.replace("-", "–"), lambda b: f"{b} år")
    return Figure("age", "Åldersfördelning", f"Åldersfördelning: {alt_text}.", to_svg(chart))


def referrer_chart(ind: dict) -> Figure:
    """Bars of referring agencies for the new enrolments and those enrolled at the end."""

    def name(code: str) -> str:
        return label("referrer", code)

    chart, alt_text = _by_population(ind["referrer"], "Remittent", name, name, keep=lambda c, n: n or c != "annan")
    return Figure("referrers", "Remitterande aktörer", f"Remittenter: {alt_text}.", to_svg(chart))


def support_chart(ind: dict) -> Figure:
    """Bars of support sources before enrolment and after exit (counts of sources)."""
    s = ind["support"]["exits"]
    rows = [
        {"Källa": label("support", c), "Tidpunkt": when, "Antal": v[key]}
        for c, v in s.items()
        if v["before"] or v["after"]
        for key, when in (("before", "Före"), ("after", "Efter"))
    ]
    chart = _bars(
        pd.DataFrame(rows),
        "Källa",
        "Antal",
        "Tidpunkt",
        ["Före", "Efter"],
        [PALETTE[1], PALETTE[0]],
        x_title="Antal avslutade med källan",
    )
    alt_text = (
        "Försörjning före och efter: "
        + "; ".join(
            f"{label('support', c)} {fmt.number(v['before'])} före, {fmt.number(v['after'])} efter"
            for c, v in s.items()
            if v["before"] or v["after"]
        )
        + "."
    )
    return Figure("support", "Försörjningskälla före och efter", alt_text, to_svg(chart))


def survey_chart(ind: dict, rnd: str) -> Figure | None:
    """Stacked bars per question: the share of answers on each step of the scale."""
    if "survey" not in ind:
        return None
    from .codes import SURVEY_SCALE

    steps = [label("survey", c) for c in SURVEY_SCALE]
    colors = ["#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2", "#003f6b"]
    rows = []
    for q, v in ind["survey"]["rounds"][rnd].items():
        if v["scale"] != "sexgradig" or not v["n"]:
            continue
        for code, name in zip(SURVEY_SCALE, steps, strict=True):
            rows.append(
                {
                    "Fråga": f"Fråga {q}",
                    "Svar": name,
                    "Andel": v["distribution"][code] / v["n"],
                    "order": SURVEY_SCALE.index(code),
                }
            )
    if not rows:
        return None
    data = pd.DataFrame(rows)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("Fråga:N", sort=list(dict.fromkeys(data["Fråga"])), title=None),
            x=alt.X("Andel:Q", stack="normalize", title="Andel av svaren", axis=alt.Axis(format="%")),
            color=alt.Color(
                "Svar:N",
                scale=alt.Scale(domain=steps, range=colors),
                legend=alt.Legend(title=None, orient="bottom", columns=3),
            ),
            order=alt.Order("order:Q"),
        )
        .properties(width=420, height=26 * data["Fråga"].nunique())
    )
    name = {"1": "under insatsen", "2": "inför avslut"}[rnd]
    alt_text = (
        f"Enkätsvar {name}, andel i de översta stegen: "
        + "; ".join(f"fråga {q} {fmt.percent(v['top_share'], 0)}" for q, v in ind["survey"]["rounds"][rnd].items())
        + "."
    )
    return Figure(f"survey-{rnd}", f"Deltagarenkät {name}", alt_text, to_svg(chart))


def followup_chart(ind: dict) -> Figure | None:
    """Shares per status group at exit and at each follow-up, with the same groups on both sides."""
    if "followups" not in ind:
        return None
    names = LABELS["followup_group"]
    f = ind["followups"]
    rows = [
        {"Status": names[g], "Tidpunkt": "Vid avslut", "Andel": v["share"] or 0} for g, v in f["result_at_exit"].items()
    ]
    for m, data in f["months"].items():
        rows += [
            {"Status": names[g], "Tidpunkt": f"Efter {m} mån", "Andel": v["share"] or 0}
            for g, v in data["groups"].items()
        ]
    times = list(dict.fromkeys(r["Tidpunkt"] for r in rows))
    chart = _bars(
        pd.DataFrame(rows),
        "Status",
        "Andel",
        "Tidpunkt",
        times,
        PALETTE[: len(times)],
        x_title="Andel",
        fmt_x="%",
        height=5 * 18 * len(times) // 2 + 60,
    )
    alt_text = (
        "Andel per status: "
        + "; ".join(f"{r['Status']} {r['Tidpunkt'].lower()} {fmt.percent(r['Andel'], 0)}" for r in rows)
        + "."
    )
    return Figure("followups", "Resultat vid avslut och vid uppföljning", alt_text, to_svg(chart))


def budget_chart(ind: dict) -> Figure | None:
    """Bars of budget and outcome per cost line."""
    if "budget" not in ind:
        return None
    rows = []
    for line in ind["budget"]["lines"]:
        rows += [
            {"Post": line["post"], "Belopp": line["budget"], "Typ": "Budget"},
            {"Post": line["post"], "Belopp": line["outcome"], "Typ": "Utfall"},
        ]
    chart = _bars(
        pd.DataFrame(rows),
        "Post",
        "Belopp",
        "Typ",
        ["Budget", "Utfall"],
        [PALETTE[4], PALETTE[0]],
        x_title="Kronor",
        fmt_x=",.0f",
    )
    alt_text = (
        "Budget och utfall per post: "
        + "; ".join(
            f"{line['post']} budget {fmt.kronor(line['budget'])}, utfall {fmt.kronor(line['outcome'])}"
            for line in ind["budget"]["lines"]
        )
        + "."
    )
    return Figure("budget", "Budget och utfall", alt_text, to_svg(chart))


def comparison_chart(rows: list[dict]) -> Figure:
    """Bars of the share in goal per report, for the reviewers' cross-team comparison."""
    data = pd.DataFrame(rows)
    chart = (
        alt.Chart(data)
        .mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y("Rapport:N", sort=list(data["Rapport"]), title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("I mål:Q", title="Andel i mål", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        )
        .properties(width=380, height=max(60, 24 * len(data)))
    )
    alt_text = "Andel i mål per rapport: " + "; ".join(f"{r['Rapport']} {fmt.percent(r['I mål'])}" for r in rows) + "."
    return Figure("comparison", "Andel i mål per team och period", alt_text, to_svg(chart))


#: Every chart a report can show, by the name ``rep.figure(name, …)`` takes. (:func:`comparison_chart`
#: is not a report's figure: the reviewers' index draws it from several reports.)
FIGURES: dict[str, FigureBuilder] = {
    "throughput_history": throughput_history_chart,
    "outcome": outcome_chart,
    "sex_age": sex_age_chart,
    "age": age_chart,
    "referrer": referrer_chart,
    "support": support_chart,
    "survey": survey_chart,
    "followup": followup_chart,
    "budget": budget_chart,
}

"""What came of the work: exits, throughput time, follow-ups, the survey, the budget, and the
reviewers' comparison across reports."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import fmt
from ..codes import EXIT_REASONS, LABELS, SURVEY_SCALE, label
from .base import Bar, Figure, bars, category_axis, legend, make_figure
from .palette import COLOURS, OUTLINE_FILL, colour
from .people import count
from .style import Style, legend_rows, padding

#: The legend of the exits chart: reasons that count as in goal, and the others.
RESULTS = {"in_goal": "I mål", "other": "Övriga avslut"}


def outcome_chart(ind: dict) -> Figure:
    """Bars of exits by reason (early dropouts left out), the reasons in goal in their colour."""
    o = ind["outcomes"]

    def result(code: str) -> str:
        return RESULTS["in_goal" if code in o["in_goal_codes"] else "other"]

    data = [Bar(label("exit_reason", c), o["counts"][c], count(o["counts"][c], ind), result(c)) for c in EXIT_REASONS]
    alt_text = (
        "Avslut per anledning: "
        + "; ".join(f"{b.category} {b.text}" for b in data)
        + f". I mål: {count(o['in_goal'], ind)} av {fmt.number(o['denominator'])} ({fmt.percent(o['in_goal_share'])})."
    )
    results = list(RESULTS.values())
    colours = [colour("result", r) for r in RESULTS]
    return make_figure(
        "outcomes",
        "Avslut per anledning",
        alt_text,
        lambda st: bars(data, st, results, colours, side_by_side=False),
    )


def throughput_history_chart(ind: dict) -> Figure:
    """Bars of throughput time per rolling 12-month window, the oldest first."""
    hist = ind["throughput"]["history"]
    data = [Bar(fmt.window(h["start"], h["end"]), h["months"], fmt.months(h["months"])) for h in hist]
    alt_text = "Genomströmningstid per tolvmånadersperiod: " + "; ".join(f"{b.category}: {b.text}" for b in data) + "."
    return make_figure("throughput-history", "Genomströmningstid över tid", alt_text, lambda st: bars(data, st))


def followup_chart(ind: dict) -> Figure | None:
    """Shares per status group at exit and at each follow-up, with the same groups on both sides."""
    if "followups" not in ind:
        return None
    f = ind["followups"]
    times = {"exit": "Vid avslut", **{m: f"Efter {m} mån" for m in f["months"]}}
    groups = {"exit": f["result_at_exit"], **{m: d["groups"] for m, d in f["months"].items()}}
    data = [
        Bar(name, v["share"], fmt.percent(v["share"], 0) if v["share"] is not None else "uppgift saknas", times[t])
        for g, name in LABELS["followup_group"].items()
        for t, by_group in groups.items()
        for v in [by_group[g]]
    ]
    alt_text = (
        "Andel av de nådda per status: " + "; ".join(f"{b.category} {b.group.lower()} {b.text}" for b in data) + "."
    )
    names = list(times.values())
    colours = [colour("time", t) for t in times]
    return make_figure(
        "followups",
        "Resultat vid avslut och vid uppföljning",
        alt_text,
        lambda st: bars(data, st, names, colours),
    )


def budget_chart(ind: dict) -> Figure | None:
    """Bars of budget (outlined) and outcome (filled) per cost line."""
    if "budget" not in ind:
        return None
    sides = ("Budget", "Utfall")
    data = [
        Bar(line["post"], line[key], fmt.kronor(line[key]), side)
        for line in ind["budget"]["lines"]
        for key, side in zip(("budget", "outcome"), sides, strict=True)
    ]
    alt_text = (
        "Budget och utfall per post: "
        + "; ".join(
            f"{line['post']} budget {fmt.kronor(line['budget'])}, utfall {fmt.kronor(line['outcome'])}"
            for line in ind["budget"]["lines"]
        )
        + "."
    )
    return make_figure(
        "budget", "Budget och utfall", alt_text, lambda st: bars(data, st, sides, OUTLINE_FILL, outline=True)
    )


def survey_chart(ind: dict, rnd: str) -> Figure | None:
    """Stacked bars per question: the share of answers on each step of the scale."""
    if "survey" not in ind:
        return None
    rows = [
        {"Fråga": f"Fråga {q}", "Svar": label("survey", code), "Andel": v["distribution"][code] / v["n"], "order": i}
        for q, v in ind["survey"]["rounds"][rnd].items()
        if v["scale"] == "sexgradig" and v["n"]
        for i, code in enumerate(SURVEY_SCALE)
    ]
    if not rows:
        return None
    name = {"1": "under insatsen", "2": "inför avslut"}[rnd]
    alt_text = (
        f"Enkätsvar {name}, andel i de översta stegen: "
        + "; ".join(f"fråga {q} {fmt.percent(v['top_share'], 0)}" for q, v in ind["survey"]["rounds"][rnd].items())
        + "."
    )
    data = pd.DataFrame(rows)
    return make_figure(f"survey-{rnd}", f"Deltagarenkät {name}", alt_text, lambda st: _stacked_shares(data, st))


def _stacked_shares(data: pd.DataFrame, style: Style) -> alt.Chart:
    """One 100 % bar per question, a segment per answer, parted by white lines."""
    steps = [label("survey", c) for c in SURVEY_SCALE]
    step = style.bar + style.gap
    y, column = category_axis(list(dict.fromkeys(data["Fråga"])), style, step, field="Fråga")
    share = alt.X(
        "Andel:Q",
        stack="normalize",
        title="Andel av svaren",
        axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1], grid=False, labelFlush=True),
    )
    colours = [COLOURS["survey"][c] for c in SURVEY_SCALE]
    return (
        alt.Chart(data, height=alt.Step(step), padding=padding(style, legend_rows(steps, style)))
        .mark_bar(stroke="white", strokeWidth=1.5)
        .encode(y=y, x=share, color=legend(steps, colours, style, column, field="Svar"), order=alt.Order("order:Q"))
    )


def comparison_chart(rows: list[dict]) -> Figure:
    """Bars of the share in goal per report, for the reviewers' cross-team comparison on the index
    page (a web page only: not drawn for print)."""
    data = [Bar(r["Rapport"], r["I mål"], fmt.percent(r["I mål"]) if r["I mål"] is not None else "–") for r in rows]
    alt_text = "Andel i mål per rapport: " + "; ".join(f"{b.category} {b.text}" for b in data) + "."
    return make_figure(
        "comparison",
        "Andel i mål per team och period",
        alt_text,
        lambda st: bars(data, st, colour=colour("result", "in_goal")),
        printed=False,
    )

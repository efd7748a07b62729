"""Altair charts built from aggregated indicators only, rendered to static SVG.

Each chart is a :class:`Figure`: the SVG (vector in both HTML and PDF, no JavaScript, no network),
a caption and a text alternative that states the figures in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import vl_convert as vlc

from . import fmt
from .codes import EXIT_REASONS, label

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
        + "; ".join(f"{r['Anledning']} {r['Antal']}" for r in rows)
        + (f". I mål: {o['in_goal']} av {o['denominator']} ({fmt.percent(o['in_goal_share'])}).")
    )
    return Figure("outcomes", "Avslut per anledning", alt_text, to_svg(chart))

"""The :class:`Figure` value and the bar chart that most figures are.

Bars run horizontally, so category labels of any length have room (they wrap into lines), and
each bar carries its value as text, written by :mod:`rapportlib.fmt` exactly as the tables write
it; a hidden count (``None``, small-count protection) draws no bar and says so in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from .palette import OUTLINE_FILL, SLATE
from .style import (
    LINES_EXPR,
    PRINT,
    SCREEN,
    Style,
    centre_lines,
    legend_columns,
    legend_row,
    legend_rows,
    lines,
    measure,
    padding,
    render,
    wrap,
)


@dataclass(frozen=True)
class Figure:
    """A rendered chart: its ``caption``, ``alt`` (the figures in words) and the SVG for each
    medium: ``svg`` for the HTML page, ``svg_print`` for the PDF (see :mod:`.style`)."""

    key: str
    caption: str
    alt: str
    svg: str
    svg_print: str


#: What the registry holds: ``builder(indicators, *args)`` gives a figure, or ``None`` when its data are absent.
FigureBuilder = Callable[..., "Figure | None"]

#: ``draw(style)`` gives the chart of one figure drawn for one medium.
Draw = Callable[[Style], alt.TopLevelMixin]


def make_figure(key: str, caption: str, alt_text: str, draw: Draw, printed: bool = True) -> Figure:
    """A figure drawn for the screen and, unless it is never ``printed`` (``svg_print`` empty), for
    print. Altair's debug mode (each part of a chart checked against the schema as it is made) is
    off while it is built: the specs are made by code, the same for every report, and the tests
    check them (:data:`.style.VALIDATE`)."""
    from altair.utils.schemapi import debug_mode

    with debug_mode(False):
        screen = render(draw(SCREEN), SCREEN)
        return Figure(key, caption, alt_text, screen, render(draw(PRINT), PRINT) if printed else "")


def hidden_text(ind: dict) -> str:
    """How a hidden count reads: "färre än 5" (the small-count threshold of the report)."""
    return f"färre än {ind.get('privacy', {}).get('threshold', 5)}"


@dataclass(frozen=True)
class Bar:
    """One bar: its category (the row label), ``value`` (``None``: hidden), the ``text`` it shows
    and, in a grouped chart, its ``group`` (the legend entry)."""

    category: str
    value: float | None
    text: str
    group: str | None = None


def bars(
    data: Sequence[Bar],
    style: Style,
    groups: Sequence[str] = (),
    colours: Sequence[str] = (),
    outline: bool = False,
    colour: str = SLATE,
    side_by_side: bool = True,
) -> alt.LayerChart:
    """Horizontal bars with their values as text, one row per category in the order given.

    With ``groups``, each bar's group has a colour of ``colours`` and a legend entry, and each
    category gets one bar per group side by side (``side_by_side=False``: one bar, coloured by its
    group); with ``outline`` the two groups are one colour, the first outlined, the second filled.
    """
    frame = pd.DataFrame(
        {
            "category": [wrap(b.category, style) for b in data],
            "value": [b.value for b in data],
            "at": [b.value or 0 for b in data],
            "text": [b.text for b in data],
            "group": [b.group for b in data],
        }
    )
    order = list(dict.fromkeys(frame["category"]))
    per_row = len(groups) if groups and side_by_side else 1
    step = max(per_row * style.bar + style.gap, max(lines(c) for c in order) * style.line + style.gap)
    y, column = category_axis(order, style, step)
    encoding: dict = {"y": y}
    if per_row > 1:
        encoding["yOffset"] = alt.YOffset("group:N", sort=list(groups), scale=alt.Scale(paddingInner=0.1))
    base = alt.Chart(frame).encode(**encoding)
    bar = base.mark_bar(strokeWidth=1.5).encode(x=alt.X("value:Q", axis=None, scale=alt.Scale(zero=True)))
    if groups and outline:
        bar = bar.encode(fill=legend(groups, OUTLINE_FILL, style, column)).mark_bar(stroke=colour, strokeWidth=1.5)
    elif groups:
        bar = bar.encode(color=legend(groups, colours, style, column))
    else:
        bar = bar.mark_bar(color=colour)
    # Channels as objects: a shorthand string is looked up in the whole schema (a tenth of a second).
    text = base.mark_text(align="left", baseline="middle", dx=style.size * 0.35)
    text = text.encode(x=alt.X("at:Q"), text=alt.Text("text:N"))
    rows = legend_rows(list(groups), style) if groups else 0
    # As one layer chart made with its properties: ``.properties`` would copy the chart and check each value.
    return alt.layer(bar, text, height=alt.Step(step / per_row), padding=padding(style, rows))


def category_axis(order: list[str], style: Style, step: float, field: str = "category") -> tuple[alt.Y, float]:
    """The category axis: labels flush left at the chart's edge, in a column as wide as the widest
    label (as the renderer measures it) and a gap; returns the encoding and the column's width."""
    column = measure(order, style) + style.size * 0.6
    axis = alt.Axis(
        labelExpr=LINES_EXPR,
        labelOffset=centre_lines(style),
        labelOverlap=False,
        labelAlign="left",
        labelPadding=column,
        domainColor=SLATE,
    )
    y = alt.Y(f"{field}:N", sort=order, title=None, axis=axis)
    return y.scale(paddingInner=style.gap / step, paddingOuter=style.gap / step / 2), column


def legend(
    domain: Sequence[str], colours: Sequence[str], style: Style, column: float, field: str = "group"
) -> alt.Color:
    """The colour of each ``field`` value, with a legend above the chart, flush left with the
    labels (the chart needs ``padding(style, legend_rows(…))`` to show it)."""
    columns = legend_columns(list(domain), style, style.width)
    outlined = {"symbolStrokeColor": SLATE} if tuple(colours) == OUTLINE_FILL else {}
    legend = alt.Legend(
        title=None,
        columns=columns,
        orient="none",
        legendX=-column,
        legendY=-legend_rows(list(domain), style) * legend_row(style),
        **outlined,
    )
    return alt.Color(f"{field}:N", scale=alt.Scale(domain=list(domain), range=list(colours)), legend=legend)

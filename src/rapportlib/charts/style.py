"""How every chart looks: the body font, one type scale, the Swedish number locale and the page widths.

A chart is drawn twice from one spec, once per medium (:data:`SCREEN`, :data:`PRINT`), because the
two media have different body fonts (``templates/report.css``: DejaVu Sans; ``templates/report.typ``:
Libertinus Serif, which Typst bundles and uses for SVG text too) and different widths:

- **Screen**: designed at :data:`SCREEN` ``.width`` px, shown at that size on a wide screen and scaled
  down with its column on a narrow one (``max-width: 100%`` and the SVG's ``viewBox``). At a 390 px
  phone the column is about 364 px, so text of ``size`` px shows at ``size × 364 / width`` ≈ 11 px.
- **Print**: designed at :data:`PRINT` ``.width`` px for the PDF's text column (16,6 cm): at full
  column width one px is 0,73 pt, so ``size`` px prints at about 9,5 pt.

Every text in a chart (axis labels, legend, value labels) has the one size of its medium; titles
differ only by weight. Long category labels are wrapped into lines (:func:`wrap`), never cut.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import altair as alt

from .renderer import draw

#: The body font of the HTML (``body`` in ``templates/report.css``), family for family.
SCREEN_FONT = '"DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif'
#: The body font of the PDF (``#set text(font: …)`` in ``templates/report.typ``), which Typst draws
#: the chart's text in (it bundles Libertinus), then the font vl-convert lays the chart out with (it
#: has no Libertinus): Liberation Sans, which vl-convert bundles, so a chart is laid out the same on
#: every machine, from memory (a system font is mapped from its file again for each of the hundreds of
#: texts a chart measures: about half of a chart's drawing time), and a little wider than Libertinus,
#: so labels get room to spare.
PRINT_FONT = '"Libertinus Serif", "Liberation Sans"'

#: Ink and rule colours of the page (``--ink``, ``--muted``, ``--rule`` in ``report.css``).
INK = "#1d2733"
MUTED = "#5a6675"
RULE = "#d7dde4"

#: Numbers as :mod:`rapportlib.fmt` writes them: decimal comma, no-break space between thousands,
#: "20 %" with a no-break space, a true minus sign.
SWEDISH_LOCALE = {
    "decimal": ",",
    "thousands": "\u00a0",
    "grouping": [3],
    "currency": ["", "\u00a0kr"],
    "percent": "\u00a0%",
    "minus": "\u2212",
}


@dataclass(frozen=True)
class Style:
    """One medium: its font ``family``, the one text ``size`` (px) and the chart ``width`` (px)."""

    name: str
    family: str
    size: float
    width: int
    #: Average advance of a character of running text, in ems, a little generous (for :func:`wrap`
    #: and :func:`text_width`): DejaVu Sans averages about 0,54 em, Libertinus Serif about 0,40 em.
    char_em: float
    #: Whether the SVG renderer (vl-convert) has the font, and so measures its text exactly; if
    #: not (Libertinus lives inside Typst), :func:`measure` estimates from :attr:`char_em`.
    measured: bool = True

    @property
    def line(self) -> float:
        """Line height of wrapped labels."""
        return round(self.size * 1.2, 1)

    @property
    def bar(self) -> float:
        """Thickness of one bar."""
        return round(self.size * 1.3)

    @property
    def gap(self) -> float:
        """Space between two categories."""
        return round(self.size * 0.8)

    @property
    def label_width(self) -> float:
        """The widest a category label may be before it wraps."""
        return self.width * 0.45


SCREEN = Style("screen", SCREEN_FONT, 14, 450, 0.56)
PRINT = Style("print", PRINT_FONT, 13, 640, 0.46, measured=False)
STYLES = (SCREEN, PRINT)


def wrap(text: str, style: Style, width: float | None = None) -> str:
    """``text`` broken into lines (joined by ``\\n``) no wider than ``width`` px (default: the
    label column), as few lines as that allows and as even as they can be ("Inskrivna vid /
    periodens slut", not "Inskrivna vid periodens / slut"). Breaks fall at spaces and after dashes
    and slashes; a word is never cut."""
    limit = max(4, math.floor((width or style.label_width) / (style.char_em * style.size)))
    # (glue, word): a word joins the last with a space where the text has one, else directly
    # (the part after a dash or slash inside a word: "jan–dec", not a spaced "2015 – juni").
    words = [
        (" " if k == 0 else "", part)
        for token in text.split(" ")
        for k, part in enumerate(p for p in re.split(r"(?<=[–/])", token) if p)
    ]
    best = _fill(words, limit)
    while limit > 1 and len(tighter := _fill(words, limit - 1)) == len(best):
        best, limit = tighter, limit - 1
    return "\n".join(best)


def _fill(words: list[tuple[str, str]], limit: int) -> list[str]:
    """``(glue, word)`` pairs filled greedily into lines of at most ``limit`` characters (a longer
    word alone); a word that starts a line drops its glue."""
    lines: list[str] = []
    for joiner, word in words:
        if lines and len(lines[-1]) + len(joiner) + len(word) <= limit:
            lines[-1] += joiner + word
        else:
            lines.append(word)
    return lines


def lines(text: str) -> int:
    """How many lines a :func:`wrap`-ed label takes."""
    return text.count("\n") + 1


def text_width(text: str, style: Style) -> float:
    """About how wide ``text`` (its longest line) is drawn, in px, erring wide: a capital counts
    one and a half characters."""
    return max(len(line) + sum(c.isupper() for c in line) / 2 for line in text.split("\n")) * style.char_em * style.size


def legend_columns(labels: list[str], style: Style, width: float) -> int:
    """How many legend entries fit side by side in ``width`` px: all, or as many of the widest as
    fit (the legend then wraps into rows)."""
    entries = [text_width(label, style) + style.size * 2.5 for label in labels]
    if sum(entries) <= width:
        return len(labels)
    return max(1, int(width // max(entries)))


def measure(labels: list[str], style: Style) -> float:
    """The width in px of the widest line of ``labels``: as the SVG renderer measures it where it
    has the font, else as :func:`text_width` estimates it (the renderer would measure its fallback,
    :data:`PRINT_FONT`'s second family, which is wider)."""
    if not style.measured:
        return max(text_width(label, style) for label in labels)
    texts = [line for label in labels for line in label.split("\n")]
    spec = {
        "data": {"values": [{"t": t, "i": i} for i, t in enumerate(texts)]},
        "mark": {"type": "text", "font": style.family, "fontSize": style.size, "align": "left", "baseline": "top"},
        "encoding": {"text": {"field": "t"}, "y": {"field": "i", "type": "ordinal", "axis": None}},
        "autosize": "pad",
        "padding": 0,
    }
    svg = draw(spec)
    return float(re.search(r'width="([0-9.]+)"', svg)[1])


def legend_rows(labels: list[str], style: Style) -> int:
    """How many rows a legend of ``labels`` across the chart's width takes."""
    return -(-len(labels) // legend_columns(labels, style, style.width))


#: Splits a wrapped label into its lines (Vega draws a list of strings as lines).
LINES_EXPR = "split(datum.label, '\\n')"


def centre_lines(style: Style) -> dict:
    """A label offset that centres a label of several lines on its band (Vega sets the first
    line's middle there)."""
    return {"expr": f"-(length(split(datum.label, '\\n')) - 1) * {style.line / 2}"}


def padding(style: Style, legend_rows: int = 0) -> dict:
    """Space around a chart: none on the left (the labels are flush with the caption), room on the
    right for value labels (their offset from the bar is not fitted) and on top for a legend."""
    return {"left": 0, "top": 4 + legend_rows * legend_row(style), "right": style.size, "bottom": 4}


def legend_row(style: Style) -> float:
    """Height of one row of a legend, with the space under it."""
    return style.size * 1.3 + style.size * 0.3


def config(style: Style) -> dict:
    """The Vega-Lite ``config`` of a medium: one font, one size, ink colours, no frame."""
    text = {"font": style.family, "fontSize": style.size}
    return {
        "font": style.family,
        "background": "white",
        "padding": padding(style),
        "view": {"stroke": None},
        "axis": {
            "labelFont": style.family,
            "labelFontSize": style.size,
            "labelColor": INK,
            "labelLineHeight": style.line,
            "labelOverlap": "greedy",
            "labelSeparation": style.size,
            "titleFont": style.family,
            "titleFontSize": style.size,
            "titleFontWeight": "bold",
            "titleColor": INK,
            "domainColor": MUTED,
            "tickColor": MUTED,
            "gridColor": RULE,
        },
        "axisY": {"labelLimit": 0, "labelPadding": style.size * 0.4, "ticks": False},
        "legend": {
            "labelFont": style.family,
            "labelFontSize": style.size,
            "labelColor": INK,
            "labelLimit": 0,
            "titleFontSize": style.size,
            "symbolSize": style.size**2,
            "symbolType": "square",
            "symbolStrokeWidth": 1.5,
            "columnPadding": style.size * 1.2,
            "rowPadding": style.size * 0.3,
            "direction": "horizontal",
        },
        "text": {**text, "fill": INK},
        "title": {**text, "fontWeight": "bold", "color": INK},
    }


#: Fit the chart's whole width (labels, legend, value labels) into ``Style.width``.
AUTOSIZE = {"type": "fit-x", "contains": "padding"}


#: Check each spec against the Vega-Lite schema when it is drawn. The specs are made by code, the
#: same for every report, so the tests check them (tests/test_charts.py) and renders do not.
VALIDATE = False


def render(chart: alt.TopLevelMixin, style: Style) -> str:
    """SVG text of ``chart`` drawn in ``style``, numbers in the Swedish locale."""
    spec = chart.to_dict(validate=VALIDATE)
    spec.update(width=style.width, autosize=AUTOSIZE)  # not ``.properties``: it copies the chart
    spec["config"] = config(style)
    from ..render.timing import stage

    with stage("charts"):
        return draw(spec, SWEDISH_LOCALE)

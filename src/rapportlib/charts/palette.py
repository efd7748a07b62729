"""One colour per category, the same in every chart, each at 3 : 1 or more against white.

WCAG 1.4.11 asks 3 : 1 for the graphics needed to read a chart; all colours here meet it against
the white page. Within a chart the colours differ in lightness as well as in hue, so they stay apart
with the common colour-vision deficiencies (protanopia, deuteranopia, tritanopia); segments of a
stacked bar are parted by white lines, so each touches only white.

Meanings do not move between charts: orange and blue are kvinnor and män and nothing else; green
is "i mål"; grey is what is left over ("annat", "övriga avslut"); purple tells populations apart;
brown steps through time (at exit, then 6, 12, 18 and 24 months later); the survey scale runs from
wine red (inte alls) to dark teal (helt och hållet). A single series, and the pairs "before/after"
and "budget/utfall", are drawn in slate: the earlier or planned one as an outline, the later or
actual one filled, so they need no colour of their own.
"""

from __future__ import annotations

from ..codes import FOLLOWUP_MONTHS, SURVEY_SCALE

GREY = "#767676"
SLATE = "#3b4a5a"
WHITE = "#ffffff"

#: Colour of each category, by dimension and code.
COLOURS: dict[str, dict[str, str]] = {
    "sex": {"kvinna": "#d55e00", "man": "#0072b2", "annat": GREY},
    "result": {"in_goal": "#117733", "other": GREY},
    "population": {"new": "#a05195", "active_end": "#4b2a7b"},
    # At exit, then each follow-up month: ochre darkening to brown.
    "time": dict(
        zip(("exit", *map(str, FOLLOWUP_MONTHS)), ("#b0730a", "#8a5606", "#653c03", "#432702", "#241500"), strict=True)
    ),
    # Inte alls … helt och hållet: wine red and terracotta, then teal darkening.
    "survey": dict(zip(SURVEY_SCALE, ("#6e1a2b", "#a8384b", "#cf7a4e", "#236f79", "#134a52", "#062a30"), strict=True)),
}

#: Fills of the two sides of a pair drawn in one colour: outlined (earlier, planned) and filled.
OUTLINE_FILL = (WHITE, SLATE)


def colour(dimension: str, code: str) -> str:
    """The colour of ``code`` in ``dimension`` (``KeyError`` for a category without one)."""
    return COLOURS[dimension][code]


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.1) of ``#rrggbb``."""
    h = hex_colour.lstrip("#")
    r, g, b = (_linear(int(h[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = WHITE) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)

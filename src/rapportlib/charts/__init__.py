"""Altair charts built from aggregated indicators only, rendered to static SVG.

Each chart is a :class:`Figure`: the SVG (vector in both HTML and PDF, no JavaScript, no network)
for the screen and for print, a caption and a text alternative that states the figures in words.
:data:`FIGURES` maps the name a notebook passes to ``rep.figure(name, …)`` to its builder.

:mod:`.style` holds the font, type scale, widths and Swedish number locale of every chart;
:mod:`.palette` the one colour of each category; :mod:`.base` the bar chart most figures are.
"""

from __future__ import annotations

from .base import Figure, FigureBuilder
from .people import age_chart, referrer_chart, sex_age_chart, support_chart
from .results import (
    budget_chart,
    comparison_chart,
    followup_chart,
    outcome_chart,
    survey_chart,
    throughput_history_chart,
)

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

__all__ = [
    "FIGURES",
    "Figure",
    "FigureBuilder",
    "age_chart",
    "budget_chart",
    "comparison_chart",
    "followup_chart",
    "outcome_chart",
    "referrer_chart",
    "sex_age_chart",
    "support_chart",
    "survey_chart",
    "throughput_history_chart",
]

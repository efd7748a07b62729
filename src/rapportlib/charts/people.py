"""Who the participants are: sex, age, referrer, and support before and after."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from .base import Bar, Figure, bars, hidden_text, make_figure
from .palette import OUTLINE_FILL, colour

#: The populations of a period, by their indicator key, as the charts name them.
POPULATIONS = {key: label("population", key) for key in ("new", "served", "exits", "active_end")}

#: The two populations the profile charts set side by side.
_PROFILE = ("new", "active_end")


def count(n: int | None, ind: dict) -> str:
    """A count as a chart writes it: ``1 234``, or in words when hidden."""
    return hidden_text(ind) if n is None else fmt.number(n)


def sex_age_chart(ind: dict) -> Figure:
    """Bars per population, one per sex: those enrolled, served, exited and enrolled at the end."""
    sexes = list(ind["sex"]["new"])
    names = [label("sex", s) for s in sexes]
    data = [
        Bar(name, ind["sex"][key][s], count(ind["sex"][key][s], ind), label("sex", s))
        for key, name in POPULATIONS.items()
        for s in sexes
    ]
    colours = [colour("sex", s) for s in sexes]
    alt_text = (
        "Antal per kön: "
        + "; ".join(
            f"{name}: " + ", ".join(f"{label('sex', s).lower()} {count(ind['sex'][key][s], ind)}" for s in sexes)
            for key, name in POPULATIONS.items()
        )
        + "."
    )
    return make_figure("sex", "Deltagare per kön", alt_text, lambda st: bars(data, st, names, colours))


def _by_population(ind: dict, counts: dict, name_of, keep=lambda code: True) -> tuple[list[Bar], str]:
    """Bars of ``counts[population][code]`` for the two profile populations, and their text."""
    codes = [c for c in counts[_PROFILE[0]] if keep(c)]
    data = [Bar(name_of(c), counts[p][c], count(counts[p][c], ind), POPULATIONS[p]) for c in codes for p in _PROFILE]
    text = "; ".join(
        f"{POPULATIONS[p]}: " + ", ".join(f"{name_of(c)} {count(counts[p][c], ind)}" for c in codes) for p in _PROFILE
    )
    return data, text


def _profile_figure(key: str, caption: str, data: list[Bar], alt_text: str) -> Figure:
    names = [POPULATIONS[p] for p in _PROFILE]
    colours = [colour("population", p) for p in _PROFILE]
    return make_figure(key, caption, alt_text, lambda st: bars(data, st, names, colours))


def age_chart(ind: dict) -> Figure:
    """Bars of age bands for the new enrolments and those enrolled at the end."""
    data, text = _by_population(ind, ind["age_bands"], lambda b: b.replace("-", "–") + " år")
    return _profile_figure("age", "Åldersfördelning", data, f"Åldersfördelning: {text}.")


def referrer_chart(ind: dict) -> Figure:
    """Bars of referring agencies for the new enrolments and those enrolled at the end ("annan"
    only when someone came that way)."""
    counts = ind["referrer"]

    def keep(code: str) -> bool:
        return code != "annan" or any(counts[p][code] != 0 for p in _PROFILE)

    data, text = _by_population(ind, counts, lambda c: label("referrer", c), keep)
    return _profile_figure("referrers", "Remitterande aktörer", data, f"Remittenter: {text}.")


#: The two sides of the support chart: before enrolment (outlined) and after exit (filled).
SUPPORT_SIDES = {"before": "Före insatsen", "after": "Efter insatsen"}


def support_chart(ind: dict) -> Figure | None:
    """Bars of support sources before enrolment and after exit (counts of sources)."""
    shown = {c: v for c, v in ind["support"]["exits"].items() if v["before"] or v["after"]}
    if not shown:  # no one exited: nothing to draw
        return None
    data = [
        Bar(label("support", c), v[k], count(v[k], ind), side)
        for c, v in shown.items()
        for k, side in SUPPORT_SIDES.items()
    ]
    alt_text = (
        "Försörjning före och efter, antal avslutade med källan: "
        + "; ".join(
            f"{label('support', c)} {count(v['before'], ind)} före, {count(v['after'], ind)} efter"
            for c, v in shown.items()
        )
        + "."
    )
    sides = list(SUPPORT_SIDES.values())
    return make_figure(
        "support",
        "Försörjningskälla före och efter",
        alt_text,
        lambda st: bars(data, st, sides, OUTLINE_FILL, outline=True),
    )

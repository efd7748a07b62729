"""The previous period beside the report's own figures: the texts of the cover, the summary and the
tables (``previous`` in the published indicators, :mod:`rapportlib.indicators.previous`).

A change is written with its sign ("+13", "−3,5 procentenheter", "+1,6 mån"), and in words for a
screen reader ("en ökning med 13"); a hidden figure is "–" in a table and words in a sentence, and
a change beside a hidden figure is hidden too.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from . import fmt
from .hidden import mark
from .markup import md_literal

#: Key figures of the cover that have a previous value: label → (path, kind).
KEY_FIGURES = {
    "Deltagare under perioden": (("flows", "served"), "count"),
    "Nyinskrivna under perioden": (("flows", "new"), "count"),
    "Avslutade under perioden": (("flows", "exits"), "count"),
    "Andel i mål": (("outcomes", "in_goal_share"), "share"),
    "Genomströmningstid i genomsnitt": (("throughput", "months", "all"), "months"),
}

_VALUE = {"count": fmt.number, "share": fmt.percent, "months": fmt.months}
_CHANGE = {"count": fmt.signed, "share": fmt.points, "months": lambda v: fmt.signed(v, 1, "mån")}
_SPOKEN = {"count": (1, 0, ""), "share": (100, 1, " procentenheter"), "months": (1, 1, " månader")}


def previous(ind: dict) -> dict | None:
    """The previous period of the (marked) published indicators, or ``None`` without one."""
    return mark(ind).get("previous")


def get(tree: dict, path: tuple[str, ...]):
    for key in path:
        tree = tree.get(key) if isinstance(tree, dict) else None
    return tree


def value_text(value, kind: str) -> str:
    """A previous value as a table shows it: ``54``, ``56,0 %``, ``21,3 mån``; ``–`` hidden."""
    return _VALUE[kind](value)


def change_text(value, kind: str) -> str:
    """A change as a table shows it: ``+13``, ``−3,5 procentenheter``, ``+1,6 mån``; ``0`` unchanged."""
    return _CHANGE[kind](value)


def spoken(value, kind: str) -> str:
    """A change in words: ``'en ökning med 13'``, ``'en minskning med 3,5 procentenheter'``,
    ``'oförändrat'`` (it rounds to zero); empty when it is not shown."""
    if value is None or value is fmt.HIDDEN:
        return ""
    if not change_text(value, kind).startswith(("+", fmt.MINUS)):
        return "oförändrat"
    scale, decimals, unit = _SPOKEN[kind]
    word = "en ökning" if value > 0 else "en minskning"
    return f"{word} med {fmt.number(abs(value) * scale, decimals)}{unit}"


@dataclass(frozen=True)
class KeyComparison:
    """One key figure's previous ``value`` ("54", "redovisas inte"), its ``change`` as the cover
    shows it ("+13", "oförändrat", "" when not shown) and in words (``spoken``: "en ökning med 13")."""

    value: str
    change: str = ""
    spoken: str = ""

    @property
    def shown(self) -> str:
        """``'Föregående period: 54'``."""
        return f"Föregående period: {self.value}"


def key_comparisons(ind: dict) -> dict[str, KeyComparison]:
    """The cover's key figures (by label) with a previous value; empty without a previous period."""
    before = previous(ind)
    if before is None:
        return {}
    out = {}
    for label, (path, kind) in KEY_FIGURES.items():
        if not isinstance(get(before, path[:-1]), dict) or path[-1] not in get(before, path[:-1]):
            continue
        value, delta = get(before, path), get(before["change"], path)
        if value is fmt.HIDDEN or value is None:
            out[label] = KeyComparison("redovisas inte" if value is fmt.HIDDEN else "uppgift saknas")
            continue
        words = spoken(delta, kind)
        change = "oförändrat" if words == "oförändrat" else change_text(delta, kind) if words else ""
        out[label] = KeyComparison(value_text(value, kind), change, words)
    return out


def card_html(c: KeyComparison | None) -> str:
    """The line under a key figure's label: "Föregående period: 54 (+13)"; a screen reader hears
    the change in words ("en ökning med 13"), and no colour or arrow carries a meaning."""
    if c is None:
        return ""
    change = ""
    if c.change:
        change = (
            f' <span aria-hidden="true">({html.escape(c.change)})</span>'
            f'<span class="visually-hidden">, {html.escape(c.spoken)}</span>'
        )
    return f'<span class="kpi-prev">{html.escape(c.shown)}{change}</span>'


def key_table(key: list[tuple[str, str]], compared: dict[str, KeyComparison]) -> str:
    """The key figures as the PDF's cover table: "Mått | Värde", and with a previous period
    "Föregående period | Förändring" beside them."""
    if not compared:
        rows = "\n".join(f"| {md_literal(k)} | {md_literal(v)} |" for k, v in key)
        return f"| Mått | Värde |\n|:---|---:|\n{rows}"
    empty = KeyComparison("")
    rows = "\n".join(
        f"| {md_literal(k)} | {md_literal(v)} | {md_literal(compared.get(k, empty).value)} "
        f"| {md_literal(compared.get(k, empty).change)} |"
        for k, v in key
    )
    return f"| Mått | Värde | Föregående period | Förändring |\n|:---|---:|---:|---:|\n{rows}"


def period_words(ind: dict) -> str:
    """The previous period as a caption or a sentence names it: ``juli 2020 – juni 2021``."""
    p = previous(ind)["period"]
    return fmt.period(p["start"], p["end"])


def started_note(ind: dict) -> str:
    """A table note's sentence when the team began during the previous period ("" otherwise)."""
    if not previous(ind).get("started"):
        return ""
    return " Teamet skrev in sina första deltagare under föregående period."


def _part(now, before, words: tuple[str, str, str], show) -> str | None:
    """``'fler deltagare (67 mot 56)'``, by value; ``None`` when either side is not shown."""
    if any(v is None or v is fmt.HIDDEN for v in (now, before)):
        return None
    more, fewer, same = words
    a, b = show(now), show(before)
    if a == b:
        return f"{same} ({a})"
    if a.endswith("månader"):  # "16,8 mot 21,3 månader"
        a = a.rpartition(fmt.NBSP)[0]
    return f"{more if now > before else fewer} ({a} mot {b})"


def sentence(ind: dict) -> str | None:
    """The summary's sentence comparing with the previous period, worded by value; ``None``
    without a previous period."""
    before = previous(ind)
    if before is None:
        return None
    ind = mark(ind)
    months = ("throughput", "months", "all")
    parts = [
        _part(ind["flows"]["served"], before["flows"]["served"],
              ("fler deltagare", "färre deltagare", "lika många deltagare"), fmt.number),
        _part(ind["outcomes"]["in_goal_share"], before["outcomes"]["in_goal_share"],
              ("en större andel i mål", "en mindre andel i mål", "samma andel i mål"), fmt.percent),
        _part(get(ind, months), get(before, months),
              ("en längre genomströmningstid", "en kortare genomströmningstid", "samma genomströmningstid"),
              lambda v: f"{fmt.number(v, 1)}{fmt.NBSP}månader"),
    ]  # fmt: skip
    parts = [p for p in parts if p]
    when = f"föregående period ({period_words(ind)}{', då teamet började' if before.get('started') else ''})"
    if not parts:
        return f"Jämförelsen med {when} redovisas i tabellerna."
    return f"Jämfört med {when} hade teamet {fmt.enumeration(parts, 'och')}."


def cells(ind: dict, path: tuple[str, ...], kind: str = "count") -> list[str]:
    """A figure's "Föregående period" and "Förändring" cells in a table: ``['54', '+13']``;
    ``–`` where hidden, ``..`` where there is no figure."""
    before = previous(ind)
    return [value_text(get(before, path), kind), change_text(get(before["change"], path), kind)]


def note(ind: dict) -> str:
    """What a table with a previous period adds to its note."""
    return f" Föregående period: {period_words(ind)}.{started_note(ind)}"

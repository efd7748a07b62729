"""Disclosure control of what a report publishes (HTML, PDF, ``indicators.json``), for the report as
a whole (see docs/privacy.md).

Every count a report can publish is a sum of cells of one finest table per population
(:mod:`.figures`). Counts from 1 to ``threshold − 1`` in tables that cross two or more personal
attributes (every such count in strict mode) are hidden; then secondary suppression hides more
until no hidden small count can be narrowed down, by everything published together, to a range
narrower than the threshold, or than the always-published totals and one-attribute counts leave it
(:mod:`.suppression`, by linear programming in :mod:`.intervals`).
Dates that belong to one person, extremes and means of few persons are coarsened or hidden
(:mod:`.personal`).

:func:`protect` gives the indicators as they may be published: hidden figures are ``None``
(``null`` in JSON, "–" in tables and text) and every path set to ``None`` is listed under
``privacy.suppressed``. :func:`audit` checks a published dict against the computed one and lists
every small count that is published or can be narrowed down; :func:`check` raises it as a failed
consistency check. ``prepare`` runs both on every report.
"""

from __future__ import annotations

import copy

from ..checks import Check, ConsistencyError
from ..hidden import is_hidden
from .figures import build
from .intervals import Intervals, Range
from .model import Model, dotted, lookup
from .personal import coarsen_dates, hide_small_means, month_text
from .previous import derived, full, prefixed, protect_previous
from .suppression import Exposure, Protection, shown_in

__all__ = ["Exposure", "Range", "audit", "check", "month_text", "protect", "ranges"]


def protect(indicators: dict, threshold: int = 5, strict: bool = False) -> dict:
    """A copy of the indicators as they may be published (see the module docstring)."""
    ind = copy.deepcopy(indicators)
    suppressed: list[str] = []
    coarsen_dates(ind)
    if threshold > 1:
        model = build(indicators)
        _hide(ind, model, Protection(model, threshold, strict).choose_hidden(), suppressed)
        hide_small_means(ind, indicators, threshold, suppressed)
    if "previous" in indicators:  # the previous period: protected as a report of its own, then compared
        hidden_now = lambda key: is_hidden(key, {"privacy": {"suppressed": suppressed}})  # noqa: E731
        ind["previous"], hidden = protect_previous(
            indicators, ind, hidden_now, lambda full: protect(full, threshold, strict)
        )
        suppressed += hidden
    ind["privacy"] = {"threshold": threshold, "strict": strict, "suppressed": sorted(set(suppressed))}
    return ind


def _set_none(ind: dict, path, suppressed: list[str]) -> None:
    parent = lookup(ind, path[:-1], None)
    if isinstance(parent, dict) and parent.get(path[-1]) is not None:
        parent[path[-1]] = None
        suppressed.append(dotted(path))


def _hide(ind: dict, model: Model, hidden: set[str], suppressed: list[str]) -> None:
    """Set every path of the hidden figures to ``None``, and every share beside one of them."""
    for key in sorted(hidden):
        fig = model.figures[key]
        for path in fig.paths:
            # Per-reason counts per sex and age band are never published: the whole dict goes.
            _set_none(ind, path[:-1] if fig.forced else path, suppressed)
    for share in model.shares:
        if share.num in hidden or share.den in hidden:
            _set_none(ind, share.path, suppressed)


def audit(published: dict, computed: dict) -> list[Exposure]:
    """Every small count that ``published`` gives away: published outright (``range`` is
    ``None``), or hidden but narrowed down by the published figures to a range narrower than it
    needs. Empty when the report may be published. ``computed`` (the unprotected indicators) says
    which hidden figures are small; their values never leave this function."""
    settings = published.get("privacy") or {}
    threshold, strict = int(settings.get("threshold", 0)), bool(settings.get("strict", False))
    if threshold <= 1:
        return []
    now, before = derived(published, computed)  # a change beside one side publishes the other
    found = _audit(now, computed, threshold, strict)
    return found + ([] if before is None else prefixed(_audit(before, full(computed), threshold, strict)))


def _audit(published: dict, computed: dict, threshold: int, strict: bool) -> list[Exposure]:
    """:func:`audit` of one period's model."""
    model = build(computed)
    protection = Protection(model, threshold, strict)
    shown = shown_in(model, published)
    found = [Exposure(k, None, threshold) for k in sorted(protection.small & shown)]
    hidden = sorted(protection.small - shown)
    return found + (protection.exposures(protection.intervals(shown, observe=True), hidden) if hidden else [])


def ranges(published: dict, computed: dict) -> dict[str, Range]:
    """The range of every hidden figure given what ``published`` shows (for tests and analysts)."""
    now, before = derived(published, computed)
    found = _ranges(now, computed)
    if before is not None:
        found |= {f"previous.{k}": r for k, r in _ranges(before, full(computed)).items()}
    return found


def _ranges(published: dict, computed: dict) -> dict[str, Range]:
    model = build(computed)
    shown = shown_in(model, published)
    lp = Intervals(model, shown)
    return {k: lp.range(f) for k, f in sorted(model.figures.items()) if k not in shown}


def check(published: dict, computed: dict) -> None:
    """Raise :class:`~rapportlib.checks.ConsistencyError` (exit status 3) naming every exposed
    figure, never its value, when :func:`audit` finds any."""
    found = audit(published, computed)
    if found:
        raise ConsistencyError([_failure(e) for e in found])


def _failure(e: Exposure) -> Check:
    if e.range is None:
        why = "är färre än gränsen men publiceras"
    else:
        why = f"döljs men kan räknas ut ur det som publiceras till ett spann smalare än {e.needs:g}"
    return Check(f"Röjandeskydd: {e.key}", False, f"{why} (rapporten får inte publiceras; se docs/privacy.md)")

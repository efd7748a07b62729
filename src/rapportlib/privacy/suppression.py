"""Which figures to hide: primary suppression of small counts, then secondary suppression until no
hidden small count can be narrowed down from what is published (checked by linear programming).

Some figures are always published: the report's totals, and (unless in strict mode) every count
of one attribute (outcome, sex, age band, …), which the policy deems safe. A hidden small count is
*safe* when the range it can take given everything published is at least ``threshold`` wide, or
as wide as the always-published figures alone leave it when that is narrower (e.g. within a
published total of 3, no hiding can make a count more uncertain than 0–3). This is the range a
reader could work out; narrower exposes the count.

Secondary suppression is greedy, in the manner of τ-ARGUS's modular method but guided by the linear
programs themselves: while some hidden small count is exposed, hide the cheapest published figure
whose hiding gives it the range it needs (else widens it, else bounds it: the constraints with a
non-zero dual value), the cheapest being the least wanted kind of figure (see the weights in
:mod:`.model`) and, among equals, the smallest count. Hiding a figure only widens ranges, and
hiding every figure that is not always published leaves each count its full range, so this ends.
Last, each hidden figure that nothing needs hidden, or that is pinned anyway, is published again.
"""

from __future__ import annotations

from dataclasses import dataclass

from .intervals import Intervals, Range
from .model import Figure, Model, lookup

#: How many candidates to try per exposed count and round; how many suppressions to try to undo.
_TRIES, _RESTORE = 8, 30
_EPS = 1e-6


def sensitive(fig: Figure, threshold: int, strict: bool) -> bool:
    """A small count (1 … threshold − 1) that may not be published: in a table crossing two or
    more attributes, or in any table in strict mode. The report's totals are never hidden."""
    return not fig.locked and 0 < fig.value < threshold and (strict or fig.crossed >= 2)


def always_published(fig: Figure, strict: bool) -> bool:
    """The report's totals; and, unless in strict mode, every count of one attribute."""
    return fig.locked or (not strict and fig.crossed <= 1)


@dataclass(frozen=True)
class Exposure:
    """A small count a reader can narrow down: its ``key``, its ``range`` (``None`` when it is
    published outright) and the width it ``needs``."""

    key: str
    range: Range | None
    needs: float


class Protection:
    """The small counts of one model and how wide a range each needs."""

    def __init__(self, model: Model, threshold: int, strict: bool):
        self.model, self.threshold = model, threshold
        figures = model.figures
        self.fixed = {k for k, f in figures.items() if always_published(f, strict)}
        self.small = {k for k, f in figures.items() if sensitive(f, threshold, strict)}
        self.zeros = {k for k in self.fixed if figures[k].value == 0}
        base = self.intervals(self.fixed, observe=True)
        self.needs = {k: base.width_up_to(figures[k], threshold) for k in sorted(self.small)}

    def exposures(self, lp: Intervals, keys, first: bool = False, binding: bool = False) -> list[Exposure]:
        """The small counts among ``keys`` (hidden in ``lp``) whose range is narrower than they
        need; only the first one found when ``first``."""
        found = []
        for key in keys:
            need = self.needs[key]
            if need < _EPS:
                continue
            fig = self.model.figures[key]
            if lp.width_up_to(fig, need) < need - _EPS:
                found.append(Exposure(key, lp.range(fig, binding), need))
                if first:
                    break
        return found

    def shown(self, hidden: set[str]) -> set[str]:
        return set(self.model.figures) - hidden

    def intervals(self, shown: set[str], observe: bool = False) -> Intervals:
        """The linear programs given ``shown``; the cells under an always-published 0 (when it is
        shown) are left out of them. ``observe``: see :class:`.Intervals` (for programs whose
        solves never report binding figures)."""
        figures = self.model.figures
        dead = frozenset().union(*(figures[k].cells for k in self.zeros & shown))
        return Intervals(self.model, shown, dead, observe)

    def choose_hidden(self) -> set[str]:
        """The figures to hide: the forced ones, the small counts, and secondary suppressions."""
        figures = self.model.figures
        hidden = self.small | {k for k, f in figures.items() if f.forced}
        todo = sorted(self.small)
        while todo:
            lp = self.intervals(self.shown(hidden))
            exposed = self.exposures(lp, todo, binding=True)
            extra = self._relax(lp, hidden, exposed)
            if not extra:
                break  # cannot happen (see the module docstring); the audit would report it
            hidden |= extra
            todo = [e.key for e in exposed]  # ranges only widen: the others stay safe
        hidden -= self._pinned(hidden)
        return self._restore(hidden)

    def _relax(self, lp: Intervals, hidden: set[str], exposed: list[Exposure]) -> set[str]:
        """Published figures to hide, one for each exposed count that those chosen before it in
        this round leave exposed (see the module docstring)."""
        figures, chosen = self.model.figures, set()
        shown = self.shown(hidden) - self.fixed
        for e in exposed:
            fig = figures[e.key]
            if chosen:
                now = lp.range(fig, binding=True)
                if now.width >= e.needs - _EPS:
                    continue
                e = Exposure(e.key, now, e.needs)
            near = {k for k in shown - chosen if not figures[k].cells.isdisjoint(fig.cells)}
            candidates = sorted(near | (e.range.binding & (shown - chosen)), key=lambda k: _cost(figures[k]))
            pick = self._widening(lp, e, candidates[:_TRIES]) or next(
                (k for k in candidates if k in e.range.binding), candidates[0] if candidates else None
            )
            if pick is not None:
                chosen.add(pick)
                lp.hide(pick)
        return chosen

    def _widening(self, lp: Intervals, e: Exposure, candidates: list[str]) -> str | None:
        """The first candidate whose hiding gives ``e`` the range it needs, else the first that widens it."""
        fig, widening = self.model.figures[e.key], None
        for key in candidates:
            with lp.without(key):
                width = lp.width_up_to(fig, e.needs)  # exact below what it needs
            if width >= e.needs - _EPS:
                return key
            if widening is None and width > e.range.width + _EPS:
                widening = key
        return widening

    def _pinned(self, hidden: set[str]) -> set[str]:
        """The secondary suppressions that what is published pins exactly: hiding them protects
        nothing, so they are published (all together: each adds a constraint already implied)."""
        figures = self.model.figures
        candidates = [k for k in sorted(hidden - self.small) if not figures[k].forced]
        if not candidates:
            return set()
        lp = self.intervals(self.shown(hidden), observe=True)
        return {k for k in candidates if lp.width_up_to(figures[k], _EPS) < _EPS}

    def _restore(self, hidden: set[str]) -> set[str]:
        """Publish again, most wanted first, each secondary suppression (not a 0: at most
        :data:`_RESTORE` of them) that no small count needs; the small counts sharing cells with
        it are checked first, as they are the likely ones to fail."""
        figures = self.model.figures
        secondary = [k for k in hidden - self.small if not figures[k].forced and figures[k].value]
        for key in sorted(secondary, key=lambda k: _cost(figures[k]), reverse=True)[:_RESTORE]:
            trial = hidden - {key}
            cells = figures[key].cells
            order = sorted(self.small, key=lambda k: (cells.isdisjoint(figures[k].cells), k))
            lp = self.intervals(self.shown(trial), observe=True)
            if all(lp.wide_enough(figures[k], self.needs[k], _EPS) for k in order if self.needs[k] >= _EPS):
                hidden = trial
        return hidden


def _cost(fig: Figure) -> tuple:
    return (fig.weight, fig.value, fig.key)


def shown_in(model: Model, published: dict) -> set[str]:
    """The figures a published dict gives away: those with a value at any of their paths, and
    those a published share reveals beside its published numerator or denominator."""
    shown = {k for k, f in model.figures.items() if any(lookup(published, p, None) is not None for p in f.paths)}
    changed = True
    while changed:
        changed = False
        for share in model.shares:
            if lookup(published, share.path, None) is None:
                continue
            for a, b in ((share.num, share.den), (share.den, share.num)):
                if a in shown and b in model.figures and b not in shown:
                    shown.add(b)
                    changed = True
    return shown

"""What a reader can work out about a hidden figure: the range [min, max] it can take.

Given everything published (each published figure pins its sum of cells) and the identities, with
every cell ≥ 0, two linear programs give the smallest and the largest value a hidden figure can
take (the integer constraint is relaxed, so the range is, if anything, wider than the truth: a
cell whose range is wide enough here is safe). HiGHS solves them; the model is built once per set
of published figures and only the objective changes between solves, so each solve starts from the
last basis and takes well under a millisecond at this size.

Every solution is a table the published figures allow, so the values a figure takes in the
solutions found so far lie in its range: where they already lie ``need`` apart, the range is at
least that wide, and a program that asks only that (:meth:`Intervals.wide_enough`,
:meth:`Intervals.width_up_to`) is answered without solving. The answer is the same as the
programs': only the number of solves changes. Programs made with ``observe`` keep the solutions
(those whose later solves report binding figures do not: which of several optimal bases a solve
ends in depends on the solves before it).
"""

from __future__ import annotations

import math
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass

import highspy
import numpy as np

from .model import Figure, Model

_INF = highspy.kHighsInf
_OPTIMAL = highspy.HighsModelStatus.kOptimal
_UNBOUNDED = {highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible}
_started = False


@contextmanager
def _quiet_stdout():
    """HiGHS prints a banner on standard output (file descriptor 1, not ``sys.stdout``) the first
    time a solver is made in a process; ``rapport indicators`` prints JSON there, so it is muted."""
    global _started
    if _started:
        yield
        return
    sys.stdout.flush()
    saved, devnull = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
        _started = True


@dataclass(frozen=True)
class Range:
    """The values a hidden figure can take given what is published: ``low`` … ``high``
    (``high`` is ``math.inf`` when nothing bounds it), and the published figures that bound it."""

    low: float
    high: float
    binding: frozenset[str] = frozenset()

    @property
    def width(self) -> float:
        return self.high - self.low


class Intervals:
    """The linear programs of one model with one set of published figures."""

    def __init__(
        self, model: Model, published: set[str], dead: frozenset[int] = frozenset(), observe: bool = False
    ):
        """``dead`` cells are known to be 0 whatever else is hidden (under a 0 that is always
        published): they are left out of the programs, which makes them smaller. With ``observe``
        the solutions are kept to answer questions of width without solving (see the module
        docstring)."""
        with _quiet_stdout():
            self.highs = highspy.Highs()
        h = self.highs
        h.setOptionValue("output_flag", False)
        # Only the objective changes between solves, so the last basis stays feasible: primal
        # simplex from it, without presolve, takes a few iterations. One thread: HiGHS's pool of
        # threads costs more per solve (about ten times) than a program this small takes.
        options = (("presolve", "off"), ("solver", "simplex"), ("simplex_strategy", 4), ("threads", 1))
        for option, value in options:
            h.setOptionValue(option, value)
        self.figures = model.figures
        self.column = {c: j for j, c in enumerate(c for c in range(model.n) if c not in dead)}
        self.n = len(self.column)
        figures = [model.figures[k] for k in sorted(published)]
        # A published 0 fixes its cells at 0 (bounds, not rows): column → the zeros fixing it.
        self.zeros: dict[int, set[str]] = {}
        for fig in figures:
            for j in self._columns(fig.cells) if fig.value == 0 else ():
                self.zeros.setdefault(j, set()).add(fig.key)
        upper = np.full(self.n, _INF)
        upper[list(self.zeros)] = 0.0
        h.addVars(self.n, np.zeros(self.n), upper)
        self.rows: list[str | None] = []
        for row in model.identities:
            self._row({self.column[c]: v for c, v in row.items() if c in self.column}, 0.0, None)
        for fig in figures:
            if fig.value:
                self._row(dict.fromkeys(self._columns(fig.cells), 1), float(fig.value), fig.key)
        self.row_of = {key: i for i, key in enumerate(self.rows) if key is not None}
        self.hidden: set[str] = set()  # published figures hidden since (see :meth:`hide`)
        # The solutions found since the constraints last tightened (rows: solutions; columns: cells).
        self.seen: list[np.ndarray] | None = [] if observe else None
        self._stacked: np.ndarray | None = None

    def _columns(self, cells) -> list[int]:
        return [self.column[c] for c in cells if c in self.column]

    def _row(self, coefficients: dict[int, int], value: float, key: str | None) -> None:
        if not coefficients and key is None:
            return
        idx = np.asarray(list(coefficients), dtype=np.int32)
        self.highs.addRow(value, value, len(idx), idx, np.asarray(list(coefficients.values()), dtype=np.float64))
        self.rows.append(key)

    def hide(self, key: str) -> None:
        """From now on, solve as if the published figure ``key`` were hidden."""
        h, fig = self.highs, self.figures[key]
        self.hidden.add(key)
        if key in self.row_of:
            h.changeRowBounds(self.row_of[key], -_INF, _INF)
        for j in self._columns(fig.cells) if fig.value == 0 else ():
            if self.zeros.get(j, {key}) <= self.hidden:
                h.changeColBounds(j, 0.0, _INF)

    def show(self, key: str) -> None:
        """Undo :meth:`hide`."""
        h, fig = self.highs, self.figures[key]
        if self.seen:  # a solution found without the figure's constraint may break it
            self.seen.clear()
            self._stacked = None
        self.hidden.discard(key)
        if key in self.row_of:
            h.changeRowBounds(self.row_of[key], float(fig.value), float(fig.value))
        for j in self._columns(fig.cells) if fig.value == 0 else ():
            if j in self.zeros:
                h.changeColBounds(j, 0.0, 0.0)

    @contextmanager
    def without(self, key: str):
        """The programs as if the published figure ``key`` were hidden, inside the block."""
        already = key in self.hidden
        if not already:
            self.hide(key)
        try:
            yield self
        finally:
            if not already:
                self.show(key)

    def range(self, figure: Figure, binding: bool = False) -> Range:
        """The smallest and largest value of ``figure`` given what is published, and with
        ``binding`` the published figures that bound it (rows with a non-zero dual value; zeros
        whose cells have one)."""
        if not self._objective(figure):
            return Range(0.0, 0.0)
        low, bind_low = self._solve(highspy.ObjSense.kMinimize, binding)
        high, bind_high = self._solve(highspy.ObjSense.kMaximize, binding)
        return Range(low, high, frozenset(bind_low | bind_high))

    def width_up_to(self, figure: Figure, cap: float) -> float:
        """``min(cap, range(figure).width)``, with one program instead of two where it can: the
        figure's own value lies in its range, so a largest value at least ``cap`` above it makes
        the range that wide whatever the smallest is."""
        if not self._objective(figure):
            return 0.0
        if self.seen_width(figure) >= cap:
            return cap
        high, _ = self._solve(highspy.ObjSense.kMaximize, False)
        if high - figure.value >= cap:
            return cap
        low, _ = self._solve(highspy.ObjSense.kMinimize, False)
        return min(cap, high - low)

    def wide_enough(self, figure: Figure, need: float, eps: float) -> bool:
        """Whether ``range(figure).width >= need - eps``, with one program where it can: a
        largest value ``need`` above the figure's own value proves it wide enough, and a largest
        value below ``need - eps`` proves it too narrow (a count is never below 0)."""
        if not self._objective(figure):
            return 0.0 >= need - eps
        if self.seen_width(figure) >= need - eps:
            return True
        high, _ = self._solve(highspy.ObjSense.kMaximize, False)
        if high - figure.value >= need:
            return True
        if high + 1e-6 < need - eps:
            return False
        low, _ = self._solve(highspy.ObjSense.kMinimize, False)
        return high - low >= need - eps

    def seen_width(self, figure: Figure) -> float:
        """How far apart the values of ``figure`` in the solutions kept so far lie (0 without
        any): the width of its range is at least that."""
        if not self.seen:
            return 0.0
        if self._stacked is None or len(self._stacked) != len(self.seen):
            self._stacked = np.vstack(self.seen)
        values = np.round(self._stacked[:, self._columns(figure.cells)].sum(axis=1), 6)
        return float(values.max() - values.min())

    def _objective(self, figure: Figure) -> bool:
        """Make ``figure`` the objective; ``False`` when published zeros fix all its cells at 0."""
        columns = self._columns(figure.cells)
        if all(j in self.zeros and not self.zeros[j] <= self.hidden for j in columns):
            return False
        cost = np.zeros(self.n)
        cost[columns] = 1.0
        self.highs.changeColsCost(self.n, np.arange(self.n, dtype=np.int32), cost)
        return True

    def _solve(self, sense, binding: bool) -> tuple[float, set[str]]:
        h = self.highs
        h.changeObjectiveSense(sense)
        h.run()
        status = h.getModelStatus()
        if status in _UNBOUNDED:
            return math.inf, set()
        if status != _OPTIMAL:
            raise RuntimeError(f"the disclosure model has no solution ({h.modelStatusToString(status)})")
        value = round(h.getInfo().objective_function_value, 6)
        if self.seen is not None:
            self.seen.append(np.asarray(h.getSolution().col_value))
        if not binding:
            return value, set()
        solution = h.getSolution()
        bound = {key for key, d in zip(self.rows, solution.row_dual, strict=True) if key is not None and abs(d) > 1e-9}
        col_dual = solution.col_dual
        bound.update(k for c, keys in self.zeros.items() if abs(col_dual[c]) > 1e-9 for k in keys)
        return value, bound

"""The report as one linear model: cells of the finest tables, and each published count a sum of cells.

A *cell* is an unknown non-negative count of enrolments in the finest cross-classification the
report ever publishes of one population (for the exits: outcome × sex × age band × sub-unit). A
:class:`Figure` is a count the report can publish (a table cell, a total, a figure in the text or in
``indicators.json``): the sum of a set of cells, with every path that publishes it. A
:class:`Share` is published beside a count and its denominator and gives one of them away when the
other is published. *Identities* are sums that hold by definition (e.g. a population's sexes and
age bands have the same total); anyone can use them, so the audit does too.

The model is built from the computed (unprotected) indicators by :mod:`.figures`; it holds each
figure's true value, which protection needs and which is never published unless the figure is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Path = tuple[str, ...]

#: How much a figure is worth keeping, lowest first: the cheapest figures are hidden first.
JSON_ONLY = 10  # a cell published only in indicators.json (outcome × sub-unit per reason)
CELL = 100  # a cell of a table crossing two or three attributes
SEX_TOTAL = 500  # counted exits per sex
BOARD = 1000  # what boards ask for: "i mål" per sex
MARGIN = 10_000  # a count of one attribute (outcome, sex, age band, referrer, …)
LOCKED = 1_000_000  # the report's totals (flows, counted exits, in goal): never hidden

_MISSING = object()


def lookup(tree, path: Path, default=_MISSING):
    """The value at ``path`` in nested dicts, or ``default`` (a sentinel: see :func:`exists`)."""
    for key in path:
        if not isinstance(tree, dict) or key not in tree:
            return default
        tree = tree[key]
    return tree


def exists(tree, path: Path) -> bool:
    """Whether ``path`` leads to a value (``None`` included) in nested dicts."""
    return lookup(tree, path) is not _MISSING


def dotted(path: Path) -> str:
    """A path as ``privacy.suppressed`` lists it: keys joined by dots."""
    return ".".join(path)


@dataclass(frozen=True)
class Figure:
    """A publishable count: the sum of ``cells``; ``paths`` publish it (the first names it: ``key``).

    ``crossed`` is the number of personal attributes it fixes (outcome, sex, age band, sub-unit,
    referrer, …): counts below the threshold are hidden when it is two or more, or in strict mode.
    ``forced`` figures are never published (outcome per reason × sex × age band), and some have no
    path at all: counts that follow from two published ones (early dropouts per sex = exits −
    counted exits) are protected like the counts the report shows."""

    key: str
    paths: tuple[Path, ...]
    cells: frozenset[int]
    value: int
    weight: int
    crossed: int
    forced: bool = False

    @property
    def locked(self) -> bool:
        return self.weight >= LOCKED


@dataclass(frozen=True)
class Share:
    """A published ratio ``num / den`` (keys of figures; ``None`` when the part is not modelled)."""

    path: Path
    num: str | None
    den: str | None


@dataclass
class Model:
    """Cells ``0 … n − 1``, identities (``{cell: coefficient}`` summing to 0) and figures by key."""

    n: int = 0
    identities: list[dict[int, int]] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)
    shares: list[Share] = field(default_factory=list)

    def cells(self, count: int) -> list[int]:
        """``count`` new cells."""
        self.n += count
        return list(range(self.n - count, self.n))

    def identity(self, plus, minus) -> None:
        """Σ ``plus`` − Σ ``minus`` = 0 holds by definition."""
        row: dict[int, int] = {}
        for c in plus:
            row[c] = row.get(c, 0) + 1
        for c in minus:
            row[c] = row.get(c, 0) - 1
        self.identities.append({c: v for c, v in row.items() if v})

    def add(self, ind: dict, paths, cells, weight: int, crossed: int, forced: bool = False) -> Figure | None:
        """A figure published at ``paths`` (those present in ``ind``; none present: not added)."""
        paths = tuple(p for p in paths if exists(ind, p))
        if not paths:
            return None
        value = lookup(ind, paths[0])
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{dotted(paths[0])}: a count, not {value!r}")
        fig = Figure(dotted(paths[0]), paths, frozenset(cells), value, weight, crossed, forced)
        self.figures[fig.key] = fig
        return fig

    def implied(self, key: str, cells, value, crossed: int) -> None:
        """A count that is never published but follows from published ones (when ``value``, its
        true value, is known: ``None`` leaves it out)."""
        if isinstance(value, int):
            self.figures[key] = Figure(key, (), frozenset(cells), value, CELL, crossed, forced=True)

    def share(self, ind: dict, path: Path, num: str | None, den: str | None) -> None:
        """A published ratio of two figures (left out when ``ind`` has no such path)."""
        if exists(ind, path):
            self.shares.append(Share(path, num, den))

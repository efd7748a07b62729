"""Published tables summed again from their formatted cells, after privacy protection.

A table's total row ("Summa …", "Totalt …", "… totalt") must be the sum of the body rows above it
(since the previous total row), column by column; a total column ("Totalt", "Summa") must be the
sum of the count columns of its row. Cells are read as the reader sees them ("2 150 000 kr",
"1,50", "−20 000", a change "+4"); share columns ("62,5 %") are left out; a cell hidden for privacy ("–") or
without a figure ("..") makes the comparison "the visible cells sum to at most the total". Columns
with text are not summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .. import fmt
from ._base import Check, Inputs

_NUMBER = re.compile(r"^([−+-])?(\d{1,3}(?:[\u00a0 ]\d{3})*|\d+)(?:,(\d+))?([\u00a0 ]kr)?$")
_SHARE = re.compile(r"^[−-]?[\d\u00a0 ]+(?:,\d+)?[\u00a0 ]?%$")
_TOTAL_WORDS = ("summa", "totalt")


@dataclass(frozen=True)
class Cell:
    """A summable cell: its ``value``, the ``decimals`` shown and whether it is in ``kronor``."""

    value: float
    decimals: int
    kronor: bool

    @property
    def half(self) -> float:
        """The rounding the shown value may carry: half a unit of its last digit (0 for a count)."""
        return 0.5 * 10**-self.decimals if self.decimals or self.kronor else 0.0


HIDDEN = "hidden"


def parse(text: str) -> Cell | str | None:
    """A formatted cell as a :class:`Cell`, :data:`HIDDEN` for "–" (hidden) or ".." (no figure): a
    part not shown, or ``None`` (not a number)."""
    text = text.strip()
    if text in (fmt.DASH, fmt.MISSING):
        return HIDDEN
    m = _NUMBER.match(text)
    if not m:
        return None
    sign, whole, decimals, kronor = m.groups()
    value = float(re.sub(r"[\u00a0 ]", "", whole) + (f".{decimals}" if decimals else ""))
    return Cell(-value if sign in ("−", "-") else value, len(decimals or ""), bool(kronor))  # "+4": a change


def _is_total(label: str) -> bool:
    """A total row: "Summa", "Totalt", "Summa avslut …", "Kostnader totalt"; not "Totalt arbetat med"
    (an older name of "Alla deltagare under perioden")."""
    label = label.strip().lower()
    return label in _TOTAL_WORDS or label.startswith("summa ") or label.endswith(" totalt")


def _show(value: float, like: list[Cell]) -> str:
    text = fmt.number(value, max(c.decimals for c in like))
    return f"{text}\u00a0kr" if any(c.kronor for c in like) else text


def _compare(where: str, parts: list, total_text: str) -> tuple[bool, str] | None:
    """Whether the ``parts`` (parsed cells) sum to the total cell, and the figures; ``None`` when
    the total is not a number, a part is text, or hidden parts leave nothing to say."""
    total = parse(total_text)
    if not isinstance(total, Cell) or any(p is None for p in parts):
        return None
    shown = [p for p in parts if isinstance(p, Cell)]
    hidden = len(parts) - len(shown)
    s = sum(p.value for p in shown)
    tol = sum(p.half for p in shown) + total.half + 1e-9
    if not hidden:
        return abs(s - total.value) <= tol, f"{where}: {_show(s, shown + [total])} = {total_text}"
    if any(p.value < 0 for p in shown) or total.value < 0:
        return None
    dolda = "dold" if hidden == 1 else "dolda"
    return s <= total.value + tol, f"{where}: synliga {_show(s, shown + [total])} ≤ {total_text} ({hidden} {dolda})"


def _share_columns(table) -> set[int]:
    """Columns of shares: headed "Andel …" or "… %", or with a cell in per cent."""
    heads = [c.strip().lower() for c in table.columns]
    return {
        j
        for j, head in enumerate(heads)
        if head.startswith("andel") or head.endswith("%") or any(_SHARE.match(row[j].strip()) for row in table.rows)
    }


def total_row_sums(table) -> list[tuple[bool, str]]:
    """Each total row against the body rows since the previous total row, column by column."""
    skip = _share_columns(table) | ({0} if table.align[0] == "l" else set())
    results, body = [], []
    for row in table.rows:
        if not _is_total(row[0]):
            body.append(row)
            continue
        for j, total in enumerate(row):
            if j not in skip:
                found = _compare(f"{table.columns[j]}, {row[0]}", [parse(r[j]) for r in body], total)
                results += [found] if found else []
        body = []
    return results


def total_column_sums(table) -> list[tuple[bool, str]]:
    """Each row's total column ("Totalt", "Summa") against its other count columns."""
    totals = [j for j, c in enumerate(table.columns) if c.strip().lower() in _TOTAL_WORDS]
    if not totals:
        return []
    t = totals[0]
    skip = _share_columns(table) | {t} | ({0} if table.align[0] == "l" else set())
    parts = [j for j in range(len(table.columns)) if j not in skip]
    results = []
    for row in table.rows:
        found = _compare(row[0], [parse(row[j]) for j in parts], row[t])
        results += [found] if found else []
    return results


def table_sums(named_tables: Iterable) -> list[Check]:
    """One check per table with a total row or column: every sum in it holds. ``named_tables`` are
    ``(name, Table)`` pairs (``None`` tables are skipped); the check is named by the caption."""
    checks = []
    for name, table in named_tables:
        if table is None or not table.rows:
            continue
        results = total_row_sums(table) + total_column_sums(table)
        if not results:
            continue
        bad = [text for ok, text in results if not ok]
        detail = (
            "; ".join(bad) if bad else "summan stämmer" if len(results) == 1 else f"alla {len(results)} summor stämmer"
        )
        checks.append(Check(f"Tabellens summor stämmer: {table.caption or name}", not bad, detail))
    return checks


def published_tables(inp: Inputs) -> list[Check]:
    """:func:`table_sums` of the tables given to :func:`~rapportlib.checks.run_checks`."""
    return table_sums(inp.tables)

"""A table's legend (*teckenförklaring*): exactly the symbols its cells use, as Swedish official
statistics write them.

- ``–``: hidden by small-count protection (fewer persons than the report's threshold, or a figure
  from which such a one could be worked out);
- ``..``: no figure (*uppgift saknas*; in some tables: cannot be computed, see
  :data:`MISSING_MEANING`);
- ``0``: a true zero, explained only beside a ``–``, which readers of Swedish statistics otherwise
  take for zero.

A dash inside a label ("15–29 år") or a number ("−20 000") is not a symbol: only a cell that is the
symbol (or holds it as a word of its own) counts.
"""

from __future__ import annotations

import re

from .. import fmt
from .base import Table

#: What ``..`` means in a table where it is more than "uppgift saknas", by the table's key.
MISSING_MEANING = {
    "payback": "kan inte beräknas (kostnaden saknas, eller kostnaderna minskar inte)",
    "employment": "kan inte beräknas (ingen hade sysselsättningen före)",
    "support-shares": "kan inte beräknas (ingen hade försörjningskällan före)",
    "goals": "kan inte beräknas",
}

_MISSING = re.compile(r"(?:^|[\s(])\.\.(?:$|[\s)])")
_ZERO = re.compile(r"^0(?:,0+)?(?:\u00a0(?:%|kr|mån|år))?(?: \(0(?:,0+)?\u00a0%\))?$")


def _cells(table: Table) -> list[str]:
    """The value cells: every cell but a row's label."""
    first = 1 if table.align and table.align[0] == "l" else 0
    return [cell.strip() for row in table.rows for cell in row[first:]]


def symbols(table: Table) -> set[str]:
    """The symbols the table's cells use, of ``–``, ``..`` and ``0``."""
    found = set()
    for cell in _cells(table):
        if cell == fmt.DASH:
            found.add(fmt.DASH)
        elif _MISSING.search(cell):
            found.add(fmt.MISSING)
        elif _ZERO.match(cell):
            found.add("0")
    return found


def hidden_text(threshold: int) -> str:
    """What ``–`` stands for, with the report's threshold."""
    return (
        f"redovisas inte, för att skydda enskilda personer (färre än {threshold} personer, eller en uppgift "
        "ur vilken en sådan grupp skulle kunna räknas fram)"
    )


def legend(table: Table, threshold: int = 5) -> str | None:
    """The table's legend, or ``None`` when its cells use no symbol that needs one."""
    used = symbols(table)
    parts = []
    if fmt.DASH in used:
        parts.append(f"{fmt.DASH} = {hidden_text(threshold)}")
    if fmt.MISSING in used:
        parts.append(f"{fmt.MISSING} = {MISSING_MEANING.get(table.key, 'uppgift saknas')}")
    if "0" in used and fmt.DASH in used:
        parts.append("0 = noll")
    return f"Teckenförklaring: {'; '.join(parts)}." if parts else None


def with_legend(table: Table, threshold: int = 5) -> Table:
    """The table with its legend after its note."""
    from dataclasses import replace

    text = legend(table, threshold)
    if text is None:
        return table
    return replace(table, note=f"{table.note} {text}" if table.note else text)

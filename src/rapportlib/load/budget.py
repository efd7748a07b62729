"""The budget file (data contract §2): one row per cost line, and perhaps a total row.

A row whose ``post`` is named like a total (*Summa*, *Totalt*, *Total*, *Totalsumma*,
*Totalbelopp*, as the first or the last word, any case: ``Summa kostnader``, ``Totalt:``,
``Kostnader totalt``) is never a cost line. Its amounts are kept as the file's **declared total** on
``frame.attrs["declared_total"]``: ``{"budget": …, "outcome": …, "forecast": …}`` with only the
amounts the row gives (``None`` when the file has no total row, or its total row gives none), so
that a check can compare the lines' sum with it. A total row need not be last (a sheet may put it
first); when there are several (subtotals, say), all are left out of the lines and the **last** in
the file is the declared total, since a grand total follows its subtotals. The rows of every
total row are on ``frame.attrs["total_rows"]``, the declared one's on ``attrs["declared_total_row"]``.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd

from ..codes import fold
from ..errors import InputError
from .tables import Field, Table, frame_of, open_table, read_rows, text
from .values import parse_number

#: Words that make a post a total row, as its first or its last word (folded).
TOTAL_WORDS = frozenset({"summa", "total", "totalt", "totalsumma", "totalbelopp"})
#: Amount column in the file → its key in the declared total (the indicator's names).
TOTAL_KEYS = {"budget": "budget", "utfall": "outcome", "prognos": "forecast"}


def _amount(value: str, decimal: str) -> float:
    return parse_number(value, decimal)


_AMOUNT = "ett belopp i kronor, t.ex. 2 150 000"
BUDGET = Table(
    (
        Field("post", text, ""),
        Field("budget", _amount, _AMOUNT, missing="ett belopp i kronor"),
        Field("utfall", _amount, _AMOUNT, missing="ett belopp i kronor"),
        Field("prognos", _amount, _AMOUNT, required=False, optional_column=True),
    ),
    numbered=False,
    dtypes={"budget": "float64", "utfall": "float64", "prognos": "float64"},
)
#: A total row: the same columns, but it may leave any amount out.
TOTAL = dataclasses.replace(
    BUDGET, fields=tuple(dataclasses.replace(f, required=False) for f in BUDGET.fields), numbered=True
)


def is_total(post: object) -> bool:
    """Whether a budget row's ``post`` names a total: *Summa*, *Totalt*, *Total* (…) as its first or
    last word, any case (``"Summa kostnader"``, ``"Totalt:"``, ``"Kostnader totalt"``)."""
    words = re.findall(r"[a-z0-9]+", fold(str(post)).replace("_", " "))
    return bool(words) and (words[0] in TOTAL_WORDS or words[-1] in TOTAL_WORDS)


def read_budget(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read a budget file: one row per cost line with ``post``, ``budget``, ``utfall``, optional
    ``prognos`` (floats, ``NaN`` where there is no forecast). Total rows are not cost lines: see the
    module's docstring for ``attrs["declared_total"]``."""
    raw = open_table(path, BUDGET, sheet, header_row)
    total = raw.frame["post"].map(is_total).astype(bool)
    records, problems = read_rows(dataclasses.replace(raw, frame=raw.frame.loc[~total]), BUDGET)
    totals, more = read_rows(dataclasses.replace(raw, frame=raw.frame.loc[total]), TOTAL)
    problems += more
    if problems:
        raise InputError(sorted(problems, key=lambda p: p.row or 0))  # in file order
    frame = frame_of(records, BUDGET)
    declared = None
    if totals:
        last = totals[-1]
        declared = {key: float(last[col]) for col, key in TOTAL_KEYS.items() if last.get(col) is not None}
    frame.attrs["declared_total"] = declared or None
    frame.attrs["declared_total_row"] = totals[-1]["rad"] if totals else None
    frame.attrs["total_rows"] = [rec["rad"] for rec in totals]
    return frame

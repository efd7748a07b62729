"""The budget file (data contract §2): one row per cost line."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .tables import Field, Table, read_fields, text
from .values import parse_number


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


def read_budget(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read a budget file: one row per cost line with ``post``, ``budget``, ``utfall``, optional
    ``prognos`` (floats, ``NaN`` where there is no forecast)."""
    return read_fields(path, BUDGET, sheet, header_row)

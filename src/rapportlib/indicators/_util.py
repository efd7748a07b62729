"""Small helpers shared by the indicator modules: empty populations give ``None``, never NaN."""

from __future__ import annotations

import math

import pandas as pd


def mean_or_none(values: pd.Series) -> float | None:
    """Mean of the non-missing values, or ``None`` when there are none."""
    values = pd.to_numeric(values, errors="coerce").dropna()
    return None if values.empty else float(values.mean())


def share_or_none(part: int | float, whole: int | float) -> float | None:
    """``part / whole``, or ``None`` when ``whole`` is 0."""
    return None if not whole else float(part) / float(whole)


def counts(values: pd.Series, codes) -> dict[str, int]:
    """How many values equal each code, with every code present (0 when absent)."""
    found = values.value_counts()
    return {code: int(found.get(code, 0)) for code in codes}


def sex_keys(register: pd.DataFrame) -> tuple[str, ...]:
    """Sex keys reported: ``kvinna`` and ``man``, plus ``annat`` when the register has it."""
    has_other = bool((register["kon"] == "annat").any())
    return ("kvinna", "man", "annat") if has_other else ("kvinna", "man")


def clean(value):
    """A JSON-ready value: NaN and infinities become ``None``."""
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value

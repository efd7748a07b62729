"""The context statistics file of a plan (*kontextstatistik*): published counts of a group the
team is meant for, e.g. recipients of aktivitetsersättning in the kommun by sex and age class.

One row per source, area, measure, month, sex and class, with its count. A row whose class is
named like a total (*Summa*, *Totalt*, as in the budget file: :func:`~rapportlib.load.budget.is_total`)
is no class: its counts are kept as the file's **declared total** per series and sex, so that a
check can compare the classes' sum with it, as the budget's total row is compared with its lines.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pandas as pd

from ..errors import InputError
from .budget import is_total
from .tables import Field, Table, code_of, frame_of, open_table, read_rows, text

MONTH_EXPECTED = "en månad ÅÅÅÅ-MM (eller ÅÅÅÅMM)"
COUNT_EXPECTED = "ett antal, ett heltal 0 eller mer"


def _month(value: str, decimal: str) -> str:
    """``2017-10``, ``201710`` or a date in the month → ``'2017-10'``."""
    m = re.fullmatch(r"(\d{4})-?(\d{2})(?:-\d{2})?", value.strip())
    if not m:
        raise ValueError(value)
    dt.date(int(m.group(1)), int(m.group(2)), 1)  # ValueError for month 13
    return f"{m.group(1)}-{m.group(2)}"


def _count(value: str, decimal: str) -> int:
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if not re.fullmatch(r"\d+(\.0+)?", text):
        raise ValueError(value)
    return int(float(text))


CONTEXT = Table(
    (
        Field("kalla", text, ""),
        Field("omrade", text, "", optional_column=True),
        Field("matt", text, ""),
        Field("manad", _month, MONTH_EXPECTED),
        Field("kon", code_of("kon"), "kvinna eller man"),
        Field("klass", text, ""),
        Field("antal", _count, COUNT_EXPECTED),
    )
)


def read_context(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read context statistics: ``kalla`` (source), ``omrade`` (area, optional), ``matt`` (measure),
    ``manad`` (``YYYY-MM``), ``kon``, ``klass`` (e.g. an age class) and ``antal``. Total rows (a
    class named *Summa*/*Totalt*) are left out of the frame and kept on ``attrs["declared_totals"]``:
    a list of ``{"kalla", "omrade", "matt", "manad", "kon", "antal"}``, in file order."""
    raw = open_table(path, CONTEXT, sheet, header_row)
    if "omrade" not in raw.frame.columns:
        raw = dataclasses.replace(raw, frame=raw.frame.assign(omrade=""))
    records, problems = read_rows(raw, CONTEXT)
    if problems:
        raise InputError(problems)
    totals = [r for r in records if is_total(r["klass"])]
    frame = frame_of([r for r in records if not is_total(r["klass"])], CONTEXT)
    if frame.empty:
        raise InputError([_no_rows(raw.file)])
    keep = ("kalla", "omrade", "matt", "manad", "kon", "antal")
    frame.attrs["declared_totals"] = [{k: r[k] for k in keep} for r in totals]
    return frame


def _no_rows(file: str):
    from ..errors import Problem

    return Problem(file, None, "klass", None, "minst en rad som inte är en summarad")

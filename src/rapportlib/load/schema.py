"""The pandera schema of the participant register, run on its parsed cells (:mod:`.cells`).

One check per rule; the schema runs lazily so that **every** problem is found at once, and each
failure becomes a :class:`~rapportlib.errors.Problem` (file, row, column, value, what was
expected). A value shaped like a personnummer is reported without its value.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..errors import Problem
from .aliases import Aliases
from .cells import DATE, NUMBER, PNR_CHECK, YEAR, Bad
from .columns import CODED, LISTS, REQUIRED
from .values import DATE_EXPECTED, PNR_EXPECTED, identity_expected

REQUIRED_CHECK, FUTURE = "required", "future"
#: What a cell failing each check should have been.
EXPECTED = {
    REQUIRED_CHECK: "ett värde (obligatoriskt)",
    YEAR: "ett fyrsiffrigt årtal",
    DATE: DATE_EXPECTED,
    FUTURE: "ett datum som inte ligger i framtiden",
    NUMBER: "ett antal år, t.ex. 2,5 (eller Upp till 3 år)",
    PNR_CHECK: PNR_EXPECTED,
}
#: Contract column → the check its text must parse by (free text has none).
PARSE_CHECKS = {
    "fodelsear": YEAR,
    "inskrivningsdatum": DATE,
    "avslutsdatum": DATE,
    "ar_i_offentlig_forsorjning": NUMBER,
    **{col: f"code:{kind}" for col, kind in CODED.items()},
    **{col: f"list:{kind}" for col, kind in LISTS.items()},
}
_DATES = ("inskrivningsdatum", "avslutsdatum")
#: Required columns whose value may not be missing (a birth year that is missing is no year).
_FILLED = tuple(c for c in REQUIRED if c != "fodelsear")


def register_schema(present: list[str], today: dt.date):
    """The schema of parsed register cells whose columns are ``present`` (plus the required ones)."""
    import pandera.pandas as pa

    def check(fn, name):
        return pa.Check(fn, element_wise=True, ignore_na=False, name=name)

    def parses(name):
        return check(lambda v: not (isinstance(v, Bad) and v.check == name), name)

    pnr = parses(PNR_CHECK)
    filled = check(lambda v: v is not None, REQUIRED_CHECK)
    not_future = check(lambda v: not isinstance(v, dt.date) or v <= today, FUTURE)
    columns = {}
    for name in dict.fromkeys([*REQUIRED, *PARSE_CHECKS, *present]):  # a fixed order: problems keep theirs
        checks = [pnr]
        if name in PARSE_CHECKS:
            checks.append(parses(PARSE_CHECKS[name]))
        if name in _FILLED:
            checks.append(filled)
        if name in _DATES:
            checks.append(not_future)
        columns[name] = pa.Column(object, checks=checks, required=name in REQUIRED, nullable=True)
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


def validate_cells(
    raw: pd.DataFrame, cells: pd.DataFrame, aliases: Aliases, file: str, header_row: int, today: dt.date
) -> list[Problem]:
    """Every problem the schema finds in the parsed ``cells`` of the text table ``raw``."""
    import pandera.pandas as pa

    try:
        register_schema(list(cells.columns), today).validate(cells, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return _problems(errors.failure_cases, raw, cells, aliases, file, header_row)
    return []


def _problems(cases, raw, cells, aliases: Aliases, file: str, header_row: int) -> list[Problem]:
    problems = []
    for case in cases.itertuples():
        check, column = str(case.check), case.column
        if check == "column_in_dataframe":
            problems.append(Problem(file, header_row, str(case.failure_case), None, "kolumnen saknas (obligatorisk)"))
            continue
        row = int(case.index)
        if check == PNR_CHECK:
            problems.append(Problem(file, row, column, None, identity_expected(column)))
            continue
        cell = cells.at[row, column]
        value = cell.shown if isinstance(cell, Bad) else str(raw.at[row, column])
        if check.startswith(("code:", "list:")):
            expected = aliases.expected(check[5:], value)
        else:
            expected = EXPECTED[check]
        problems.append(Problem(file, row, column, value, expected))
    return problems

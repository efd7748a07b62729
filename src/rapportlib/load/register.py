"""The participant register (data contract §2): read once, validated, typed.

The file is read as text (:mod:`.decoding`), its headers renamed through the alias table
(:mod:`.aliases`), every cell parsed once (:mod:`.cells`), the parsed cells validated by the
pandera schema (:mod:`.schema`), then typed and checked across rows (exit before enrolment,
overlapping enrolments of one id) and against the team's rules (an exit needs a reason unless it
is an early dropout). Every problem is listed at once, as file, row, column, value and expected.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..errors import InputError, Problem
from .aliases import Aliases, load_aliases, rename_columns
from .cells import Bad, parse_cells
from .columns import DROPOUT_CODE, EMPLOYMENT, LISTS, TYPED
from .decoding import read_raw
from .schema import validate_cells

#: Columns a row needs parsed before it can take part in the checks across rows.
_NEEDED = ("deltagar_id", "fodelsear", "inskrivningsdatum", "avslutsdatum", "ar_i_offentlig_forsorjning")
NO_ROWS = "minst en inskrivning under rubrikraden (registret har inga rader)"


def check_register(
    path: str | Path,
    *,
    aliases: Aliases | None = None,
    sheet: str | int | None = None,
    header_row: int = 1,
    today: dt.date | None = None,
    trial_months: int | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and validate a participant register; return the typed frame and warnings (ages outside
    15–75 at enrolment). Raise :class:`InputError` listing every problem; with ``trial_months``,
    also every exit without a reason that is not an early dropout. A register without rows (a
    header only) is an error too."""
    aliases = aliases or load_aliases()
    raw = read_raw(path, sheet, header_row)
    text, problems = rename_columns(raw.frame, aliases, raw.file, header_row)
    cells = parse_cells(text, aliases, raw.decimal)
    problems += validate_cells(text, cells, aliases, raw.file, header_row, today or dt.date.today())
    if any(p.row == header_row and p.value is None and "saknas" in p.expected for p in problems):
        raise InputError(_in_order(problems))
    if cells.empty:
        raise InputError([*problems, Problem(raw.file, header_row + 1, None, None, NO_ROWS)])
    if problems:
        # Checks across rows need rows that parse: report them together with the rest where possible.
        partial = typed_register(cells.loc[_typeable(cells)])
        reported = {(p.row, p.column) for p in problems}
        more = _later_checks(partial, raw.file, trial_months)
        problems += [p for p in more if (p.row, p.column) not in reported]  # one problem per cell
        raise InputError(_in_order(problems))
    frame = typed_register(cells)
    problems = _later_checks(frame, raw.file, trial_months)
    if problems:
        raise InputError(problems)
    return frame, _age_warnings(frame, raw.file)


def read_register(path: str | Path, **options) -> pd.DataFrame:
    """Read and validate a participant register (one row per enrolment).

    Returns a new DataFrame with the contract's columns typed: dates as ``datetime64``, code lists
    as tuples of codes, missing values as ``NA``; ``rad`` holds each row's number in the file.
    The employment columns are present only when the file has them.
    """
    return check_register(path, **options)[0]


def _in_order(problems: list[Problem]) -> list[Problem]:
    """Problems by row and column, each once."""
    return list(dict.fromkeys(sorted(problems, key=lambda p: (p.row or 0, p.column or ""))))


def _typeable(cells: pd.DataFrame) -> pd.Series:
    """Rows whose id, birth year, dates and years parse (and that have an id and an enrolment date)."""
    ok = pd.Series(True, index=cells.index)
    for column in _NEEDED:
        if column in cells.columns:
            ok &= ~cells[column].map(lambda v: isinstance(v, Bad))
    for column in ("deltagar_id", "inskrivningsdatum"):
        ok &= cells[column].notna()
    return ok


def typed_register(cells: pd.DataFrame) -> pd.DataFrame:
    """The typed register (see :func:`read_register`) from parsed cells; a cell that is
    :class:`Bad` counts as missing (only rows that pass :func:`_typeable` can be typed)."""

    def values(column: str) -> list:
        empty = () if column in LISTS else None
        if column not in cells.columns:
            return [empty] * len(cells)
        return [empty if v is None or isinstance(v, Bad) else v for v in cells[column]]

    data = {column: values(column) for column in TYPED[1:]}
    reason, flag = data["avslutsanledning"], data["tidigt_avhopp"]
    for k, code in enumerate(reason):
        if code == DROPOUT_CODE:  # "utan mätning": an early dropout, no reason
            reason[k], flag[k] = None, True
    data = {column: pd.Series(v, dtype=object) for column, v in data.items()}
    frame = pd.DataFrame({"rad": [int(i) for i in cells.index], **data}, columns=list(TYPED))
    frame = frame.infer_objects()
    if not any(column in cells.columns for column in EMPLOYMENT):
        frame = frame.drop(columns=list(EMPLOYMENT))  # not recorded at all
    for column in ("inskrivningsdatum", "avslutsdatum"):
        frame[column] = pd.to_datetime(frame[column])
    frame["fodelsear"] = frame["fodelsear"].astype("int64")
    frame["ar_i_offentlig_forsorjning"] = frame["ar_i_offentlig_forsorjning"].astype("float64")
    frame["tidigt_avhopp"] = frame["tidigt_avhopp"].astype("boolean")
    return frame


def _later_checks(frame: pd.DataFrame, file: str, trial_months: int | None) -> list[Problem]:
    problems = _cross_checks(frame, file)
    if trial_months is not None:
        problems += check_rules(frame, file, trial_months)
    return problems


def _cross_checks(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Checks across columns and rows: exit before enrolment, overlapping enrolments of one id."""
    problems = []
    before = frame["avslutsdatum"].notna() & (frame["avslutsdatum"] < frame["inskrivningsdatum"])
    for rec in frame.loc[before].itertuples():
        problems.append(
            Problem(
                file,
                rec.rad,
                "avslutsdatum",
                rec.avslutsdatum.date().isoformat(),
                f"ett datum tidigast {rec.inskrivningsdatum.date().isoformat()} (inskrivningsdatum)",
            )
        )
    previous: dict[str, tuple[int, object]] = {}
    for rec in frame.sort_values(["deltagar_id", "inskrivningsdatum"]).itertuples():
        prior = previous.get(rec.deltagar_id)
        if prior is not None and (pd.isna(prior[1]) or rec.inskrivningsdatum <= prior[1]):
            problems.append(
                Problem(
                    file,
                    rec.rad,
                    "inskrivningsdatum",
                    rec.inskrivningsdatum.date().isoformat(),
                    f"ett datum efter avslutet på rad {prior[0]} (samma deltagar-id, inskrivningarna överlappar)",
                )
            )
        previous[rec.deltagar_id] = (rec.rad, rec.avslutsdatum)
    return problems


def _age_warnings(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Warnings (not errors): a birth year giving an age outside 15–75 at enrolment."""
    ages = frame["inskrivningsdatum"].dt.year - frame["fodelsear"]
    odd = frame.loc[(ages < 15) | (ages > 75)]
    return [
        Problem(file, int(r.rad), "fodelsear", None, "en ålder 15–75 vid inskrivningen (varning; värdet visas inte)")
        for r in odd.itertuples()
    ]


def check_rules(register: pd.DataFrame, file: str, trial_months: int) -> list[Problem]:
    """Problems that depend on the team's rules: an exit that is not an early dropout needs a reason."""
    from ..indicators.periods import early_dropout

    dropout = early_dropout(register, trial_months)
    missing = register["avslutsdatum"].notna() & ~dropout & register["avslutsanledning"].isna()
    return [
        Problem(file, int(row), "avslutsanledning", "", "en avslutsanledning (avslutet är inget tidigt avhopp)")
        for row in register.loc[missing, "rad"]
    ]

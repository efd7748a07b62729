"""One reader for the register's companion files (budget, survey, follow-ups): a file's columns
are described by :class:`Field` s (which column, how its text parses, what a bad value should have
been), and :func:`read_fields` reads any such file, listing every problem at once as file, row,
column, value and expected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..codes import ALIASES, FOLLOWUP_MONTHS, fold
from ..errors import InputError, Problem
from ..identity import contains
from .decoding import RawTable, read_raw
from .values import DATE_EXPECTED, identity_expected, is_missing, parse_date, split_list


@dataclass(frozen=True)
class Field:
    """How one column of a file is read."""

    column: str  # the (folded) header in the file
    parse: Callable[[str, str], object]  # (text, decimal mark) → value; ValueError when it does not parse
    expected: str  # what a text that does not parse should have been
    required: bool = True  # a missing value is a problem (else it is None); free text is never missing
    missing: str | None = None  # what a missing value should have been (default: ``expected``)
    name: str | None = None  # the column in the result (default: ``column``)
    optional_column: bool = False  # the file may leave the whole column out

    @property
    def out(self) -> str:
        return self.name or self.column


@dataclass(frozen=True)
class Table:
    """A kind of file: its fields and the shape of the frame it is read into."""

    fields: tuple[Field, ...]
    numbered: bool = True  # a ``rad`` column with each row's number in the file
    dtypes: dict[str, str] = field(default_factory=dict)
    dates: tuple[str, ...] = ()  # result columns converted to ``datetime64``

    @property
    def columns(self) -> list[str]:
        return (["rad"] if self.numbered else []) + [f.out for f in self.fields]


def text(value: str, decimal: str) -> str:
    """Free text, stripped."""
    return value.strip()


def integer_in(valid: tuple[int, ...]) -> Callable[[str, str], int]:
    """A parser of a whole number among ``valid``."""

    def parse(value: str, decimal: str) -> int:
        try:
            number = int(float(value.strip()))
        except OverflowError:  # "inf"
            raise ValueError(value) from None
        if number not in valid:
            raise ValueError(value)
        return number

    return parse


def code_of(kind: str) -> Callable[[str, str], str]:
    """A parser of a code (by its code or a label) of the code list ``kind``."""

    def parse(value: str, decimal: str) -> str:
        code = ALIASES[kind].get(fold(value))
        if code is None:
            raise ValueError(value)
        return code

    return parse


def codes_of(kind: str) -> Callable[[str, str], tuple[str, ...]]:
    """A parser of a list of codes of ``kind`` (``;`` or ``,`` between them), each once, in order."""
    one = code_of(kind)

    def parse(value: str, decimal: str) -> tuple[str, ...]:
        found = tuple(dict.fromkeys(one(part, decimal) for part in split_list(value)))
        if not found:
            raise ValueError(value)
        return found

    return parse


def _value(spec: Field, value: str, decimal: str) -> object:
    """The parsed value, ``None`` when missing and allowed; raises ``ValueError`` otherwise."""
    if spec.parse is not text and is_missing(value):
        if spec.required:
            raise ValueError(value)
        return None
    return spec.parse(value, decimal)


def read_rows(raw: RawTable, table: Table) -> tuple[list[dict], list[Problem]]:
    """The rows of ``raw`` as records of ``table``'s fields, and every problem found."""
    parsed: dict[tuple[str, str], object] = {}  # each distinct text of a column parsed once
    problems, records = [], []
    frame = raw.frame
    for i in frame.index:
        row = int(i)
        rec: dict[str, object] = {"rad": row} if table.numbered else {}
        # An identity number in any cell is a problem, reported without its value, and nothing
        # else about its row is (another problem could show the number).
        secret = [c for c in frame.columns if contains(frame.at[i, c])]
        for column in secret:
            problems.append(Problem(raw.file, row, column, None, identity_expected(column)))
        for spec in table.fields:
            value = str(frame.at[i, spec.column]).strip() if spec.column in frame.columns else ""
            if secret:
                rec[spec.out] = value if spec.parse is text else None
                continue
            key = (spec.column, value)
            if key not in parsed:
                try:
                    parsed[key] = _value(spec, value, raw.decimal)
                except ValueError:
                    parsed[key] = ValueError
            rec[spec.out] = None if parsed[key] is ValueError else parsed[key]
            if parsed[key] is ValueError:
                expected = spec.missing if spec.missing and is_missing(value) else spec.expected
                problems.append(Problem(raw.file, row, spec.column, value, expected))
        records.append(rec)
    return records, problems


def frame_of(records: list[dict], table: Table) -> pd.DataFrame:
    """The records as a frame with ``table``'s columns and types."""
    frame = pd.DataFrame.from_records(records, columns=table.columns)
    for column in table.dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame.astype(table.dtypes) if table.dtypes else frame


def open_table(path: str | Path, table: Table, sheet: str | int | None = None, header_row: int = 1) -> RawTable:
    """A file's text cells, after checking that it has every column ``table`` requires."""
    raw = read_raw(path, sheet, header_row)
    raw.require([f.column for f in table.fields if not f.optional_column])
    return raw


def read_fields(path: str | Path, table: Table, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read a file described by ``table``; raise :class:`InputError` listing every problem."""
    records, problems = read_rows(open_table(path, table, sheet, header_row), table)
    if problems:
        raise InputError(problems)
    return frame_of(records, table)


SURVEY = Table(
    (
        Field("omgang", integer_in((1, 2)), "ett heltal bland 1–2"),
        Field("fraga", integer_in(tuple(range(1, 11))), "ett heltal bland 1–10"),
        Field("svar", code_of("svar"), "ett steg på skalan (Inte alls … Helt och hållet, 1–6) eller ja/nej"),
    )
)

FOLLOWUPS = Table(
    (
        Field("deltagar_id", text, ""),
        Field("uppfoljning_manad", integer_in(FOLLOWUP_MONTHS), "6, 12, 18 eller 24", name="manad"),
        Field("uppfoljningsdatum", lambda v, d: parse_date(v), DATE_EXPECTED, name="datum"),
        Field(
            "status",
            code_of("status"),
            "arbete, studier, aktivt_arbetssokande, fortsatt_rehabilitering, sjukdom, annat eller ej_nadd",
        ),
    ),
    dates=("datum",),
)


APPLICATIONS = Table(
    (
        Field("ansokningsdatum", lambda v, d: parse_date(v), DATE_EXPECTED, name="datum"),
        Field("aktorer", codes_of("aktor"), "en eller flera av af, fk, kommun, region (med ; emellan)"),
        Field("remittent", code_of("remittent"), "af, fk, kommun, region eller annan"),
        Field("delinsats", text, "", optional_column=True),
        Field("beslut", code_of("beslut"), "beviljad, avslag eller ej_beslutad", required=False, optional_column=True),
    ),
    dates=("datum",),
)

HEALTH = Table(
    (
        Field("omgang", code_of("halsoomgang"), "start eller avslut (1 eller 2)"),
        Field("svar", code_of("halsa"), "ett steg på skalan Mycket dålig … Mycket bra (1–5)"),
    )
)


def read_applications(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read applications (*ansökningar*) to the intervention: one row per application with
    ``ansokningsdatum``, ``aktorer`` (the parties involved in it: af, fk, kommun, region, several
    separated by ``;``), ``remittent`` (who sent it), optional ``delinsats`` (the sub-unit applied
    for) and optional ``beslut`` (beviljad, avslag, ej_beslutad). No participant id: an applicant
    who never enrolled is in no register."""
    frame = read_fields(path, APPLICATIONS, sheet, header_row)
    frame["delinsats"] = frame["delinsats"].map(lambda v: v or None)
    return frame


def read_health(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read self-rated health (*egenskattad hälsa*): one row per answer with ``omgang`` (start or
    avslut) and ``svar`` (Mycket dålig, Dålig, Varken bra eller dålig, Bra, Mycket bra, or 1–5).
    Anonymous, like the survey: no participant id."""
    return read_fields(path, HEALTH, sheet, header_row)


def read_survey(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read NNS survey answers: one row per answer with ``omgang`` (1 = during, about 3 months in;
    2 = at exit), ``fraga`` (question number 1–10) and ``svar`` (a step of the six-step scale, by
    label or 1–6, or ja/nej). Answers are anonymous: no participant id."""
    return read_fields(path, SURVEY, sheet, header_row)


def read_followups(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read follow-ups after exit: one row per person and follow-up with ``deltagar_id``,
    ``uppfoljning_manad`` (6, 12, 18 or 24 months after exit), ``uppfoljningsdatum`` and
    ``status`` (arbete, studier, aktivt_arbetssokande, fortsatt_rehabilitering, sjukdom, annat,
    or ej_nadd when the person was not reached)."""
    return read_fields(path, FOLLOWUPS, sheet, header_row)

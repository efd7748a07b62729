"""One reader for every input file: CSV or XLSX bytes → a table of text cells.

CSV is decoded as UTF-8 (with or without BOM), else Windows-1252; the delimiter is ``;`` or ``,``
(whichever the header row has more of) and a ``;`` file has a decimal comma. XLSX is read from the
first or a named sheet; Excel dates become ISO text. Headers are folded (:func:`rapportlib.codes.fold`)
and each row keeps its number as the spreadsheet shows it: blank rows are skipped but counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..codes import fold
from ..errors import InputError, Problem
from ..identity import contains
from ..limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_BYTES, MAX_ROWS, TooLarge, read_bytes, size


@dataclass(frozen=True)
class RawTable:
    """A file as text: ``frame`` has folded headers and the file's row numbers as index."""

    frame: pd.DataFrame
    decimal: str  # "," or ".": the decimal mark numbers in this file use
    file: str  # the file's name, as problems show it
    header_row: int  # the row holding the header (1 unless title rows are above it)

    def require(self, columns: tuple[str, ...] | list[str]) -> None:
        """Raise one :class:`InputError` naming every missing column on the header row."""
        missing = [c for c in columns if c not in self.frame.columns]
        if missing:
            raise InputError(
                [Problem(self.file, self.header_row, c, None, "kolumnen saknas (obligatorisk)") for c in missing]
            )


def decode(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (a BOM is dropped), else Windows-1252, else Latin-1."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _excel_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Unreadable(Exception):
    """A record that cannot be read; ``expected`` says what it should have been."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


def _xlsx_records(path: Path, sheet: str | int | None) -> Iterator[list[str]]:
    """The rows of a worksheet as text cells, streamed (the workbook is closed at the end)."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise InputError(
            [Problem(path.name, None, None, None, f"en Excel-fil (xlsx) som går att öppna ({type(exc).__name__})")]
        ) from None
    try:
        try:
            ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet or 0]
        except (KeyError, IndexError):
            raise InputError(
                [Problem(path.name, None, None, str(sheet), f"ett blad bland {book.sheetnames}")]
            ) from None
        if not hasattr(ws, "reset_dimensions"):
            raise InputError([Problem(path.name, None, None, str(sheet), "ett blad med celler, inte ett diagram")])
        ws.reset_dimensions()  # rows as long as their cells, not as the (editable) stated size
        for values in ws.iter_rows(values_only=True):
            if len(values) > MAX_COLUMNS and any(v is not None for v in values[MAX_COLUMNS:]):
                raise _Unreadable(f"högst {MAX_COLUMNS} celler på en rad")
            yield [_excel_cell(v) for v in values[:MAX_COLUMNS]]
    finally:
        book.close()


def _csv_records(text: str, header_row: int) -> tuple[Iterator[list[str]], str]:
    """The records of a CSV text, read strictly, and the file's decimal mark."""
    lines = io.StringIO(text, newline="")  # \r\n, \n and a Mac's lone \r, in cells too
    first = next((line for n, line in enumerate(lines, 1) if n == header_row), "")
    lines.seek(0)
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","

    def bounded() -> Iterator[str]:
        for line in lines:
            if line.count(delimiter) >= MAX_COLUMNS:  # before the csv module builds the record
                raise _Unreadable(f"högst {MAX_COLUMNS} celler på en rad")
            yield line

    def records() -> Iterator[list[str]]:
        reader = csv.reader(bounded(), delimiter=delimiter, strict=True)
        # Long cells are read whole (the file is bounded) so that the problem can name the column;
        # the csv module's own limit (128 KiB) is restored after the file.
        limit = csv.field_size_limit(MAX_DATA_BYTES)
        try:
            yield from reader
        except csv.Error as exc:
            raise _Unreadable(_csv_problem(str(exc), delimiter)) from None
        finally:
            csv.field_size_limit(limit)

    return records(), "," if delimiter == ";" else "."


def _csv_problem(error: str, delimiter: str) -> str:
    """What a record the csv module cannot read should have been."""
    if "field limit" in error:
        return f"en cell på högst {_grouped(MAX_CELL_CHARS)} tecken"
    if "unexpected end of data" in error:
        return 'ett citattecken (") som stängs: fältet som börjar på raden tar slut först vid filens slut'
    if "expected after" in error:
        return f'"{delimiter}" direkt efter ett stängande citattecken (") – ett citattecken för mycket på raden?'
    return f"en rad som går att läsa som CSV ({error})"


def _collect(records: Iterator[list[str]], file: str) -> tuple[list[tuple[int, list[str]]], list[Problem]]:
    """Every non-blank record with its row number (blank rows are skipped but counted), and the
    problem that stopped the reading, if any (too many rows, a record that cannot be read)."""
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, record in enumerate(records, 1):
            if number > MAX_ROWS:
                return rows, [Problem(file, None, None, None, f"en fil med högst {_grouped(MAX_ROWS)} rader")]
            if any(str(c).strip() for c in record):
                rows.append((number, record))
    except _Unreadable as exc:
        return rows, [Problem(file, number + 1, None, None, exc.expected)]
    return rows, []


#: What a header, a row and a cell that break the file's shape should have been.
HEADER_IDENTITY = "en rubrik utan personnummer eller samordningsnummer (kolumn nr {k}; rubriken visas inte)"
WIDTH = (
    "lika många celler som rubrikraden ({width}); raden har {cells} "
    "(ett citattecken eller en avgränsare för mycket eller för lite?)"
)
CELL = "en cell på högst {limit} tecken (cellen har {n})"


def _shape_problems(rows: list[tuple[int, list[str]]], header_row: int, file: str, strict_width: bool) -> list[Problem]:
    """Rows with filled cells beyond the header (in a CSV, also rows with fewer cells), cells
    over :data:`MAX_CELL_CHARS` characters, and headers holding an identity number."""
    header = next((r for n, r in rows if n == header_row), [])
    width = len(_trimmed(header))
    problems = [
        Problem(file, header_row, None, None, HEADER_IDENTITY.format(k=k))
        for k, name in enumerate(header, 1)
        if contains(name)
    ]
    limit = _grouped(MAX_CELL_CHARS)
    for number, record in rows:
        if number < header_row:
            continue  # title rows above the header are not read
        if width and (_trimmed(record[width:]) or (strict_width and len(record) < width)):  # no header: no columns
            cells = len(record) if strict_width else len(_trimmed(record))
            problems.append(Problem(file, number, None, None, WIDTH.format(width=width, cells=cells)))
        for k, cell in enumerate(record):
            if len(cell) > MAX_CELL_CHARS:
                column = fold(header[k]) if k < len(header) and not contains(header[k]) else f"nr {k + 1}"
                problems.append(Problem(file, number, column, None, CELL.format(limit=limit, n=_grouped(len(cell)))))
    return problems


def _grouped(n: int) -> str:
    """A whole number with its thousands grouped by spaces, as Swedish writes them: ``10 000``."""
    return f"{n:,}".replace(",", " ")


def _trimmed(record: list[str]) -> list[str]:
    """A record without its trailing empty cells."""
    end = len(record)
    while end and not str(record[end - 1]).strip():
        end -= 1
    return record[:end]


def _open(path: Path, sheet: str | int | None, header_row: int) -> tuple[Iterator[list[str]], str, bool]:
    """The records of a file, its decimal mark, and whether every row must be as wide as the header."""
    too_large = InputError([Problem(path.name, None, None, None, f"en fil på högst {size(MAX_DATA_BYTES)}")])
    if not path.is_file():  # a folder, a device or a pipe is never read
        raise InputError([Problem(path.name, None, None, None, "en fil som finns (en vanlig fil)")])
    if path.stat().st_size > MAX_DATA_BYTES:
        raise too_large
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_records(path, sheet), ".", False
    try:
        raw = read_bytes(path, MAX_DATA_BYTES)
    except TooLarge:
        raise too_large from None
    records, decimal = _csv_records(decode(raw), header_row)
    return records, decimal, True


def read_raw(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> RawTable:
    """Read a CSV or XLSX file as text cells (see the module's docstring).

    ``header_row`` skips title or merged rows above the header; ``sheet`` picks a worksheet by
    name or number (default: the first). Raises :class:`InputError` for a file that cannot be read
    whole: too large, a CSV quote that does not close, a row wider (or, in a CSV, narrower) than
    the header, a cell over :data:`MAX_CELL_CHARS` characters, a header holding an identity number.
    """
    path = Path(path)
    records, decimal, strict_width = _open(path, sheet, header_row)
    rows, problems = _collect(records, path.name)
    problems = _shape_problems(rows, header_row, path.name, strict_width) + problems
    if problems:
        raise InputError(problems)
    header = next((r for n, r in rows if n == header_row), [])
    width = len(_trimmed(header))
    body = [(n, (r + [""] * width)[:width]) for n, r in rows if n > header_row]
    frame = pd.DataFrame([r for _, r in body], columns=header[:width], dtype=object, index=[n for n, _ in body])
    frame.columns = [fold(c) for c in frame.columns]
    return RawTable(frame, decimal, path.name, header_row)


def read_table(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> tuple[pd.DataFrame, str]:
    """The text cells of a file and its decimal mark (:func:`read_raw` without the file's name)."""
    raw = read_raw(path, sheet, header_row)
    return raw.frame, raw.decimal

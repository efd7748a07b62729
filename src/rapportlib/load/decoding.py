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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..codes import fold
from ..errors import InputError, Problem


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


def _xlsx_rows(path: Path, sheet: str | int | None) -> list[tuple[int, list[str]]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError) as exc:
        raise InputError(
            [Problem(path.name, None, None, None, f"en Excel-fil (xlsx) som går att öppna ({type(exc).__name__})")]
        ) from None
    try:
        ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet or 0]
    except (KeyError, IndexError):
        raise InputError([Problem(path.name, None, None, str(sheet), f"ett blad bland {book.sheetnames}")]) from None
    rows = [(n, [_excel_cell(v) for v in values]) for n, values in enumerate(ws.iter_rows(values_only=True), 1)]
    book.close()
    return rows


def _csv_rows(text: str, header_row: int) -> tuple[list[tuple[int, list[str]]], str]:
    lines = text.splitlines()
    first = lines[header_row - 1] if len(lines) >= header_row else ""
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    # newline="" lets the csv module handle \r\n, \n and a Mac's lone \r, in cells too.
    rows = list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1))
    return rows, "," if delimiter == ";" else "."


def read_raw(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> RawTable:
    """Read a CSV or XLSX file as text cells (see the module's docstring).

    ``header_row`` skips title or merged rows above the header; ``sheet`` picks a worksheet by
    name or number (default: the first).
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        rows, decimal = _xlsx_rows(path, sheet), "."
    else:
        rows, decimal = _csv_rows(decode(path.read_bytes()), header_row)
    header = next((r for n, r in rows if n == header_row), [])
    width = len(header)
    body = [(n, (r + [""] * width)[:width]) for n, r in rows if n > header_row and any(str(c).strip() for c in r)]
    frame = pd.DataFrame([r for _, r in body], columns=header, dtype=object, index=[n for n, _ in body])
    frame.columns = [fold(c) for c in frame.columns]
    return RawTable(frame, decimal, path.name, header_row)


def read_table(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> tuple[pd.DataFrame, str]:
    """The text cells of a file and its decimal mark (:func:`read_raw` without the file's name)."""
    raw = read_raw(path, sheet, header_row)
    return raw.frame, raw.decimal

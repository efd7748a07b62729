"""``rapport scan FIL…``: say where files hold something shaped like a personnummer or
samordningsnummer, never what (the workspace's pre-commit check runs it over every staged file).

Text files are read whole (UTF-8, else Windows-1252, as registers are written; UTF-16 with a byte
order mark too) and each line is given to :func:`rapportlib.identity.contains`. Excel workbooks
(xlsx and xlsm are zip files) are read cell by cell with openpyxl. Other binary files (images,
PDF, old .xls) are skipped with a note. A path that holds a number is reported too, and
every message shows file names with such numbers hidden.

The status is 1 when something was found, 2 when a file could not be read at all (missing, a
folder, too large, a broken workbook: a check that cannot read a file cannot say it is clean),
else 0.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from .identity import contains, redact
from .limits import MAX_DATA_BYTES, TooLarge, read_bytes, size

MESSAGE = "ser ut som ett personnummer eller samordningsnummer"
#: How much of a file decides whether it is text: a NUL byte there means binary (as git decides).
_SNIFF = 8192


class _Unreadable(Exception):
    """A file that cannot be gone through; the message says why, in Swedish."""


def _decode(raw: bytes) -> str:
    """Text as :func:`rapportlib.load.decoding.decode` reads a CSV file, plus UTF-16 with a BOM."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    from .load.decoding import decode

    return decode(raw)


def _is_workbook(path: Path) -> bool:
    if not zipfile.is_zipfile(path):
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 8112189876.0 as Excel stores a typed number
    return str(value)


def _workbook_hits(path: Path) -> Iterator[str]:
    """Where (``blad!cell``) a workbook's sheet names and cell values hold a number."""
    import openpyxl
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise _Unreadable(f"en Excel-fil som inte går att öppna ({type(exc).__name__})") from None
    try:
        for ws in book.worksheets:
            sheet = redact(ws.title)
            if contains(ws.title):
                yield f"bladnamnet {sheet!r}"
            if not hasattr(ws, "iter_rows"):
                continue  # a chart sheet has no cells
            for row in ws.iter_rows():
                for cell in row:
                    value = getattr(cell, "value", None)
                    if value is not None and contains(_cell_text(value)):
                        yield f"{sheet}!{get_column_letter(cell.column)}{cell.row}"
    finally:
        book.close()


def _text_hits(raw: bytes) -> Iterator[str]:
    for number, line in enumerate(_decode(raw).split("\n"), 1):
        if contains(line):
            yield str(number)


def _hits(path: Path) -> Iterator[str]:
    """Where in ``path`` something shaped like an identity number is: line numbers or cells.
    Raises :class:`_Unreadable`; yields nothing for a binary file it skips (with a note)."""
    if not path.exists():
        raise _Unreadable("filen finns inte")
    if path.is_dir():
        raise _Unreadable("en mapp, inte en fil")
    if _is_workbook(path):
        yield from _workbook_hits(path)
        return
    try:
        raw = read_bytes(path, MAX_DATA_BYTES)
    except TooLarge:
        raise _Unreadable(f"större än {size(MAX_DATA_BYTES)}") from None
    except OSError as exc:
        raise _Unreadable(f"går inte att läsa ({type(exc).__name__})") from None
    if b"\0" in raw[:_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        _note(path, "hoppas över: en binär fil, inte text eller Excel (xlsx)")
        return
    yield from _text_hits(raw)


def _note(path: Path, text: str) -> None:
    print(f"{redact(str(path))}: {text}", file=sys.stderr)


def scan(files: list[Path]) -> int:
    """Report on stderr, as ``fil:rad: …``, every line (or Excel cell) of ``files`` holding
    something shaped like a personnummer or samordningsnummer. 1 if anything was found, 2 if a
    file could not be read, else 0."""
    found = unreadable = False
    for path in map(Path, files):
        shown = redact(str(path))
        if contains(str(path)):
            print(f"{shown}: sökvägen {MESSAGE}", file=sys.stderr)
            found = True
        try:
            for where in _hits(path):
                print(f"{shown}:{where}: {MESSAGE}", file=sys.stderr)
                found = True
        except _Unreadable as exc:
            _note(path, f"kunde inte gås igenom: {exc}")
            unreadable = True
    return 1 if found else 2 if unreadable else 0

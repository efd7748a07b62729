"""The register's cells parsed once: each text becomes its typed value, ``None`` when missing, or
a :class:`Bad` marker naming the rule it breaks, so that validation (:mod:`.schema`) and typing
(:mod:`.register`) both work from this one parse.

Each distinct text of a column is parsed once (registers repeat codes and dates a lot).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..identity import contains
from .aliases import Aliases
from .columns import CODED, LISTS
from .values import is_missing, parse_date, parse_number, split_list


@dataclass(frozen=True)
class Bad:
    """A cell that breaks the rule ``check``; ``shown`` is the text a problem shows (``None``: the
    value is never shown, e.g. a personnummer)."""

    check: str
    shown: str | None


#: Check names: what a cell of each kind that does not parse breaks.
YEAR, DATE, NUMBER, PNR_CHECK = "year", "date", "number", "pnr"


class _Unparsed(ValueError):
    """A text that does not parse; ``shown`` is the part of it to show (a list's unknown code)."""

    def __init__(self, shown: str):
        super().__init__(shown)
        self.shown = shown


def _parsers(aliases: Aliases, decimal: str) -> dict[str, tuple[str, Callable[[str], object]]]:
    """Contract column → (the check a bad text breaks, its parser of a text that is not missing)."""

    def code(kind: str) -> Callable[[str], object]:
        def parse(text: str) -> object:
            value = aliases.code(kind, text)
            if value is None:
                raise _Unparsed(text)
            return value

        return parse

    def codes(kind: str) -> Callable[[str], tuple]:
        def parse(text: str) -> tuple:
            found: list[object] = []
            for part in split_list(text):
                value = aliases.code(kind, part)
                if value is None:
                    raise _Unparsed(part)
                if value not in found:
                    found.append(value)
            return tuple(found)

        return parse

    def years(text: str) -> float:
        binned = aliases.code("ar_i_offentlig_forsorjning", text)  # "Upp till 3 år"
        return float(binned) if binned is not None else parse_number(text, decimal)

    yes_no = code("ja_nej")

    def flag(text: str) -> bool:
        return yes_no(text) == "ja"

    parsers: dict[str, tuple[str, Callable[[str], object]]] = {
        "deltagar_id": ("", str.strip),
        "avslut_detalj": ("", _free_text),
        "delinsats": ("", _free_text),
        "kommun": ("", _free_text),
        "fodelsear": (YEAR, _year),
        "inskrivningsdatum": (DATE, parse_date),
        "avslutsdatum": (DATE, parse_date),
        "ar_i_offentlig_forsorjning": (NUMBER, years),
        "tidigt_avhopp": ("code:ja_nej", flag),
    }
    parsers.update({col: (f"code:{kind}", code(kind)) for col, kind in CODED.items() if col not in parsers})
    parsers.update({col: (f"list:{kind}", codes(kind)) for col, kind in LISTS.items()})
    return parsers


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}(\.0+)?", text.strip()):
        raise _Unparsed(text)
    return int(float(text))


def _free_text(text: str) -> str | None:
    return text.strip() or None


#: Parsers that also read a missing text: a birth year is never missing; free text keeps "-" as written.
_READ_MISSING = (_year, _free_text)


def _cell(text: str, check: str, parse: Callable[[str], object]) -> object:
    """One text parsed: its value, ``None`` when missing, or :class:`Bad`."""
    if contains(text):
        return Bad(PNR_CHECK, None)
    if parse not in _READ_MISSING and is_missing(text):
        return None
    try:
        return parse(text)
    except _Unparsed as exc:
        return Bad(check, exc.shown)
    except ValueError:
        return Bad(check, text)


def parse_cells(raw: pd.DataFrame, aliases: Aliases, decimal: str) -> pd.DataFrame:
    """The register's cells parsed (see the module's docstring): same index and columns as ``raw``.

    Contract columns hold typed values (codes, ``datetime.date``, ``int`` birth years, ``float``
    years, ``bool`` flags, tuples of codes); other columns keep their text. An identity number
    (:mod:`rapportlib.identity`) in any cell is ``Bad("pnr", None)``.
    """
    parsers = _parsers(aliases, decimal)
    cells = {}
    for column in raw.columns:
        check, parse = parsers.get(column, ("", None))
        texts = [str(t) for t in raw[column]]
        if parse is None:
            parsed = {t: Bad(PNR_CHECK, None) if contains(t) else t for t in set(texts)}
        else:
            parsed = {t: _cell(t, check, parse) for t in set(texts)}
        cells[column] = pd.Series([parsed[t] for t in texts], index=raw.index, dtype=object)
    return pd.DataFrame(cells, index=raw.index, columns=raw.columns)

"""Cell values as text → Python values: missing markers, dates, Swedish numbers, code lists.

No cell of any input file may hold an identity number: :func:`rapportlib.identity.contains` is
the one detector, and a cell it finds is reported without its value."""

from __future__ import annotations

import datetime as dt
import math
import re

from ..codes import fold
from ..errors import IDENTITY_EXPECTED

#: Folded cell texts that mean "no value".
MISSING = frozenset({"", "-", "na", "nan", "none", "null", "nat"})
#: What a date cell should look like (shown in problems).
DATE_EXPECTED = "ett datum ÅÅÅÅ-MM-DD (eller ett Excel-datum)"
#: Shown instead of an id shaped like a personnummer, which is never echoed (other cells:
#: :data:`rapportlib.errors.IDENTITY_EXPECTED`).
PNR_EXPECTED = "ett pseudonymt id, inte ett personnummer (värdet visas inte)"


def identity_expected(column: str | None) -> str:
    """What a cell of ``column`` holding an identity number should have been."""
    return PNR_EXPECTED if column == "deltagar_id" else IDENTITY_EXPECTED


def is_missing(text: object) -> bool:
    """Whether a cell means "no value" (empty, ``-``, ``NA``, ``null``, …)."""
    return fold(str(text)) in MISSING


def parse_date(text: str) -> dt.date:
    """An ISO date (a time after it is ignored) or an Excel date serial; ``ValueError`` otherwise."""
    text = str(text).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", text):
        return dt.date.fromisoformat(text[:10])
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel date serial
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))
    raise ValueError(text)


def parse_number(text: str, decimal: str) -> float:
    """A number written the Swedish way or not: ``2 150 000``, ``2,5``, ``2.5``, ``−20 000``.

    With ``decimal=","`` (a ``;`` file) a comma is the decimal mark and dots group thousands; a
    number with a dot and no comma is still read with the dot as decimal mark. Infinity and
    not-a-number are no numbers (``ValueError``).
    """
    text = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("\u2212", "-").replace("kr", "")
    if "," in text and (decimal == "," or "." not in text):
        text = text.replace(".", "").replace(",", ".")
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def split_list(text: str) -> list[str]:
    """The parts of a list cell (``;`` or ``,`` between codes), missing parts left out."""
    return [p for p in re.split(r"[;,]", str(text)) if not is_missing(p)]

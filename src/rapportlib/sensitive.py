"""What must never appear in a published file, collected from a report's inputs by ``prepare``.

The publish gate (:mod:`rapportlib.render.gate`) scans every published file for these values:

- **participant ids** of the register and the follow-ups (those a scan can tell from a count: an
  id with a digit and a letter or other mark, or of six digits or more);
- **birth year + date pairs**: a participant's birth year together with one of their enrolment,
  exit or follow-up dates;
- **free text** from the inputs: every ``avslut_detalj`` that is not one of the known kinds the
  report counts under their own label, at least two words and ten characters long (shorter texts
  would match ordinary words).

The values stay in the rendering process: :meth:`rapportlib.prepare.Prepared.save` leaves them
out of the file the notebook kernel reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .codes import ALIASES, EXIT_DETAILS, fold


@dataclass(frozen=True)
class Sensitive:
    """Participant ids, (birth year, ISO date) pairs and free texts, normalised for scanning."""

    ids: frozenset[str] = frozenset()  # casefolded
    pairs: frozenset[tuple[int, str]] = frozenset()  # (birth year, "YYYY-MM-DD")
    details: tuple[str, ...] = ()  # casefolded, whitespace collapsed

    def __bool__(self) -> bool:
        return bool(self.ids or self.pairs or self.details)


def normalise(text: str) -> str:
    """``text`` as the gate compares it: NFC, casefolded, every run of white space one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def scannable_id(value: str) -> bool:
    """Whether an id can be told apart from the figures of a report: it holds a digit and some
    other character (``AV0007``, ``K-12``), or it is six digits or more. Ids of letters only or of
    a few digits are indistinguishable from words and counts, and are not scanned."""
    value = value.strip()
    if not any(ch.isdigit() for ch in value):
        return False
    return len(value) >= 6 if value.isdigit() else len(value) >= 2


def _known_labels() -> set[str]:
    """Texts that are labels the report prints anyway (exit-detail kinds, code labels and aliases)."""
    known = set(EXIT_DETAILS) | {fold(label) for label in EXIT_DETAILS.values()}
    for aliases in ALIASES.values():
        known |= set(aliases)
    return known


def is_detail(text: str, known: set[str] | None = None) -> bool:
    """Whether a free text is detail the gate looks for (see the module docstring)."""
    flat = normalise(text)
    if len(flat) < 10 or len(flat.split()) < 2:
        return False
    return fold(text) not in (known if known is not None else _known_labels())


def collect(register, followups=None) -> Sensitive:
    """The sensitive values of a report's typed register and follow-ups (pandas frames)."""
    ids, pairs, details = set(), set(), set()
    known = _known_labels()
    birth: dict[str, int] = {}
    for row in register.itertuples(index=False):
        pid = str(row.deltagar_id).strip()
        if scannable_id(pid):
            ids.add(pid.casefold())
        year = _year(row.fodelsear)
        if year is not None:
            birth[pid] = year
            for day in (row.inskrivningsdatum, getattr(row, "avslutsdatum", None)):
                if _iso(day):
                    pairs.add((year, _iso(day)))
        detail = getattr(row, "avslut_detalj", None)
        if isinstance(detail, str) and is_detail(detail, known):
            details.add(normalise(detail))
    if followups is not None and len(followups):
        for row in followups.itertuples(index=False):
            pid = str(row.deltagar_id).strip()
            if scannable_id(pid):
                ids.add(pid.casefold())
            day = _iso(getattr(row, "uppfoljningsdatum", None))
            if day and pid in birth:
                pairs.add((birth[pid], day))
    return Sensitive(frozenset(ids), frozenset(pairs), tuple(sorted(details, key=lambda d: (-len(d), d))))


def _year(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return year if 1000 <= year <= 9999 else None


def _iso(value) -> str | None:
    """A date (or ``Timestamp``) as ``YYYY-MM-DD``; ``None`` for missing values."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        text = value.date().isoformat() if hasattr(value, "date") and callable(value.date) else value.isoformat()
    except (AttributeError, ValueError):
        return None
    return text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None

"""The one detector of Swedish personal identity numbers (personnummer and samordningsnummer).

A match is a date of birth, a serial and a check digit, in any of the shapes people write them:
10 or 12 digits (``YYMMDDNNNC`` or ``YYYYMMDDNNNC``), with no separator or one of ``-``, ``+``,
a space, an en dash, a no-break space or a narrow no-break space before the last four digits. The
day may be a samordningsnummer's day + 60. The date must be a possible one (month 01–12, day
01–31 or 61–91); the Luhn check digit is extra evidence (:attr:`Match.luhn`), not a requirement,
because a mistyped number is personal data too.

Callers never echo a matched value: :func:`find` returns positions and a description of the kind,
so messages can say where without saying what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Separators people put before the last four digits.
SEPARATORS = "-+ \u2013\u00a0\u202f"
_SHAPE = re.compile(
    r"(?<![\d\w])"  # not inside a longer number or word
    r"(?P<century>(?:18|19|20))?"
    r"(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    rf"(?P<sep>[{re.escape(SEPARATORS)}]?)"
    r"(?P<serial>\d{3})(?P<check>\d)"
    r"(?![\d])"
)


@dataclass(frozen=True)
class Match:
    """Where an identity number was found (never the number itself) and how sure the detector is."""

    start: int
    end: int
    coordination: bool  # a samordningsnummer (day + 60)
    luhn: bool  # the check digit agrees

    @property
    def kind(self) -> str:
        """The Swedish name of what was found, for messages."""
        return "ett samordningsnummer" if self.coordination else "ett personnummer"


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def find(text: object) -> list[Match]:
    """Every identity number in ``text``, as positions (overlapping shapes counted once)."""
    found = []
    for m in _SHAPE.finditer(str(text)):
        month, day = int(m["mm"]), int(m["dd"])
        coordination = day > 60
        if coordination:
            day -= 60
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if m["sep"] == "" and m["century"] is None and m.start() > 0 and str(text)[m.start() - 1] in "-/.":
            continue  # the tail of an ISO date or a longer code, e.g. 2021-0612345678 is not a birth date
        ten = m["yy"] + m["mm"] + m["dd"] + m["serial"] + m["check"]
        found.append(Match(m.start(), m.end(), coordination, _luhn(ten)))
    return found


def contains(text: object) -> bool:
    """Whether ``text`` holds something shaped like a personnummer or samordningsnummer."""
    return bool(find(text))


def redact(text: str, mark: str = "[dolt nummer]") -> str:
    """``text`` with every identity number replaced by ``mark`` (for logs)."""
    out, last = [], 0
    for m in find(text):
        out.append(text[last : m.start])
        out.append(mark)
        last = m.end
    out.append(text[last:])
    return "".join(out)

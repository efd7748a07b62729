"""Numbers, periods and words as Swedes write them: 62,5 %, 2 150 000 kr, 16,8 mån, −20 000,
juli 2021 – juni 2022, 1 deltagare.

Thousands are separated by a no-break space, the decimal mark is a comma, negative numbers
take a true minus sign (U+2212) and units follow after a no-break space.

One rounding per kind of figure, the same on the cover, in tables and in text:

- counts (*antal*), and averages of counts: whole numbers;
- shares (*andelar*): per cent with one decimal (62,5 %); a relative change (*förändring*) and a
  share the team sets (a goal, a share of the cost) in whole per cent;
- months (throughput and payback time) and years on public support: one decimal;
- ages: whole years; kronor: whole kronor (a plan's budget in whole thousands, *tkr*); full-time
  equivalents: two decimals.

The symbols of a table cell, as Swedish official statistics use them (one legend per table
explains those it uses, see :mod:`rapportlib.tables.legend`):

- ``–`` (:data:`DASH`): hidden by small-count protection (:data:`HIDDEN`, in the published
  indicators a ``None`` listed under ``privacy.suppressed``);
- ``..`` (:data:`MISSING`): no figure (``None``: no population to compute it on, or not given);
- ``0``: a true zero.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"
DASH = "–"  # a hidden figure
MISSING = ".."  # no figure


class _Hidden:
    """The value of a figure hidden by small-count protection, as table builders see it."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "HIDDEN"

    def __reduce__(self):
        return (_Hidden, ())


#: A figure hidden by small-count protection (see :func:`rapportlib.hidden.mark`).
HIDDEN = _Hidden()


def blank(value) -> str | None:
    """The symbol of a figure that is not shown: ``–`` hidden, ``..`` missing; ``None`` otherwise."""
    if value is HIDDEN:
        return DASH
    return MISSING if value is None else None


def number(value: float | int | None, decimals: int = 0) -> str:
    """``2150000`` → ``'2 150 000'``; ``16.83, 1`` → ``'16,8'``; ``None`` → ``'..'``."""
    if (symbol := blank(value)) is not None:
        return symbol
    # Halves round up, as people (and Excel) expect: 62,5 % → 63 %, 2,675 → 2,68.
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(exact):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if exact < 0 else "") + text


def _unit(text: str, unit: str) -> str:
    return f"{text}{NBSP}{unit}"


def percent(share: float | None, decimals: int = 1) -> str:
    """A share 0–1 as per cent: ``0.625`` → ``'62,5 %'``."""
    return blank(share) or _unit(number(share * 100, decimals), "%")


def change(share: float | None) -> str:
    """A relative change in whole per cent: ``-0.78`` → ``'−78 %'``."""
    return percent(share, 0)


def signed(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign, as a difference between two periods is written: ``13`` → ``'+13'``,
    ``-3.5, 1, 'mån'`` → ``'−3,5 mån'``; a change that rounds to zero has none (``'0'``)."""
    if (symbol := blank(value)) is not None:
        return symbol
    text = number(value, decimals)
    if text.strip("0,") and not text.startswith(MINUS):
        text = "+" + text
    return _unit(text, unit) if unit else text


def points(change: float | None) -> str:
    """A change of a share (0–1) in *procentenheter*, one decimal: ``0.065`` →
    ``'+6,5 procentenheter'``, ``-0.01`` → ``'−1,0 procentenhet'``."""
    if (symbol := blank(change)) is not None:
        return symbol
    text = signed(change * 100, 1)
    return _unit(text, "procentenhet" if text.lstrip("+" + MINUS) == "1,0" else "procentenheter")


def set_share(share: float | None) -> str:
    """A share the team sets (a goal, a part of the cost), with the decimals it has: ``0.25`` →
    ``'25 %'``, ``0.225`` → ``'22,5 %'``."""
    if blank(share) is not None:
        return blank(share)
    return percent(share, 0 if round(share * 100, 6).is_integer() else 1)


def kronor(value: float | None) -> str:
    """Whole kronor: ``2150000`` → ``'2 150 000 kr'``."""
    return blank(value) or _unit(number(value), "kr")


def tkr(value: float | None) -> str:
    """Kronor in thousands (*tkr*), as plans write budgets: ``620000`` → ``'620 tkr'``; a sum that
    is not whole thousands keeps one decimal (``12500`` → ``'12,5 tkr'``)."""
    return blank(value) or _unit(thousands(value), "tkr")


def thousands(value: float | None) -> str:
    """Kronor as a number of thousands for a table headed "tkr": ``620000`` → ``'620'``."""
    if (symbol := blank(value)) is not None:
        return symbol
    return number(value / 1000, 0 if round(value / 1000, 6).is_integer() else 1)


def months(value: float | None, decimals: int = 1) -> str:
    """Months with one decimal: ``16.8`` → ``'16,8 mån'``."""
    return blank(value) or _unit(number(value, decimals), "mån")


def set_months(value: float | None) -> str:
    """Months the team sets (a trial period, a goal): ``12`` → ``'12 mån'``, ``2.5`` → ``'2,5 mån'``."""
    return months(value, 0 if blank(value) is None and round(float(value), 6).is_integer() else 1)


def duration(value: float) -> str:
    """A number of months the team sets, in words for a sentence: ``1`` → ``'1 månad'``, ``12`` →
    ``'12 månader'``, ``2.5`` → ``'2,5 månader'``."""
    text = number(value, 0 if float(value).is_integer() else 1)
    return f"{text}{NBSP}{'månad' if value == 1 else 'månader'}"


def years(value: float | None, decimals: int = 1) -> str:
    """Years with one decimal: ``7.94`` → ``'7,9 år'``."""
    return blank(value) or _unit(number(value, decimals), "år")


def age(value: float | None) -> str:
    """An age, or a mean age, in whole years: ``38.04`` → ``'38 år'``."""
    return years(value, 0)


def fte(value: float | None) -> str:
    """Full-time equivalents (*årsarbetare*) with two decimals: ``3.61`` → ``'3,61'``."""
    return number(value, 2)


def ratio(value: float | None) -> str:
    """A ratio with two decimals: ``0.53`` → ``'0,53'``."""
    return number(value, 2)


def date(value) -> str:
    """A date as ISO ``2022-06-30`` (the Swedish standard form)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def long_date(value) -> str:
    """A date in running text: ``2022-06-30`` → ``'30 juni 2022'``."""
    d = _as_date(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")  # fmt: skip
#: Short month names for table headings and chart axes (*jan*, *feb*, …; *maj*, *juni*, *juli* in full).
SHORT_MONTHS = ("jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec")


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _whole_months(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def months_between(start, end) -> int | None:
    """How many whole months ``start``–``end`` (both days included) spans, or ``None`` when it
    does not start on the first of a month and end on the last of one."""
    start, end = _as_date(start), _as_date(end)
    if not _whole_months(start, end):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def period(start, end, short: bool = False) -> str:
    """A period as a reader says it: ``'januari–december 2018'``, ``'juli 2021 – juni 2022'``,
    ``'mars 2022'``; days only when it does not follow whole months (``'15 mars – 30 juni 2022'``).
    ``short`` uses the short month names (``'jan–dec 2019'``), for table headings and chart axes.
    A dash between parts of several words has spaces around it, as Svenska skrivregler ask."""
    start, end = _as_date(start), _as_date(end)
    names = SHORT_MONTHS if short else MONTHS

    def month(d: dt.date, year: bool = True) -> str:
        return names[d.month - 1] + (f" {d.year}" if year else "")

    if not _whole_months(start, end):
        first = f"{start.day} {month(start, start.year != end.year)}"
        return f"{first} – {end.day} {month(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return month(end)
    if start.year == end.year:
        return f"{month(start, False)}–{month(end)}"
    return f"{month(start)} – {month(end)}"


def month(value: str) -> str:
    """A month ``YYYY-MM`` as words: ``'2017-10'`` → ``'oktober 2017'``."""
    year, number = str(value)[:7].split("-")
    return f"{MONTHS[int(number) - 1]} {int(year)}"


def window(start: str, end: str) -> str:
    """A 12-month window of the throughput history: ``2021-07-01``–``2022-06-30`` →
    ``'juli 2021 – juni 2022'``, ``2019-01-01``–``2019-12-31`` → ``'jan–dec 2019'``."""
    return period(start, end, short=True)


def report_kind(start, end) -> str:
    """What the report is called: *Helårsrapport* for twelve whole months, *Delårsrapport* for a
    shorter period, *Verksamhetsrapport* for a longer one."""
    n = months_between(start, end)
    days = (_as_date(end) - _as_date(start)).days + 1
    if n == 12:
        return "Helårsrapport"
    return "Delårsrapport" if (n or days / 30.4375) < 12 else "Verksamhetsrapport"


def count(n, singular: str, plural: str | None = None) -> str:
    """A count with its noun in the right number: ``1, 'deltagare'`` → ``'1 deltagare'``,
    ``2, 'avslut'`` → ``'2 avslut'``, ``3, 'person', 'personer'`` → ``'3 personer'``."""
    noun = singular if n == 1 else (plural or singular)
    return f"{number(n)} {noun}"


def enumeration(items: list[str], conjunction: str = "eller") -> str:
    """Join words as Swedish prose does: ``['a', 'b', 'c']`` → ``'a, b eller c'``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

"""Numbers as Swedes write them: 62,5 %, 2 150 000 kr, 16,8 mån, −20 000.

Thousands are separated by a no-break space, the decimal mark is a comma, negative numbers
take a true minus sign (U+2212) and units follow after a no-break space. A missing figure
(``None``: no population to compute it on) is shown as an en dash.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "–"


def number(value: float | int | None, decimals: int = 0) -> str:
    """``2150000`` → ``'2 150 000'``; ``16.83, 1`` → ``'16,8'``; ``None`` → ``'–'``."""
    if value is None:
        return MISSING
    # Halves round up, as people (and Excel) expect: 62,5 % → 63 %, 2,675 → 2,68.
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(exact):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if exact < 0 else "") + text


def percent(share: float | None, decimals: int = 1) -> str:
    """A share 0–1 as per cent: ``0.625`` → ``'62,5 %'``."""
    return MISSING if share is None else f"{number(share * 100, decimals)}{NBSP}%"


def kronor(value: float | None) -> str:
    """Whole kronor: ``2150000`` → ``'2 150 000 kr'``."""
    return MISSING if value is None else f"{number(value)}{NBSP}kr"


def months(value: float | None) -> str:
    """Months with one decimal: ``16.8`` → ``'16,8 mån'``."""
    return MISSING if value is None else f"{number(value, 1)}{NBSP}mån"


def years(value: float | None, decimals: int = 1) -> str:
    """Years with one decimal: ``7.94`` → ``'7,9 år'``."""
    return MISSING if value is None else f"{number(value, decimals)}{NBSP}år"


def date(value) -> str:
    """A date as ISO ``2022-06-30`` (the Swedish standard form)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def window(start: str, end: str) -> str:
    """A 12-month window as the seeds label it: ``2021-07-01``–``2022-06-30`` → ``'2107–2206'``."""
    return f"{start[2:4]}{start[5:7]}–{end[2:4]}{end[5:7]}"


def enumeration(items: list[str]) -> str:
    """Join words as Swedish prose does: ``['a', 'b', 'c']`` → ``'a, b eller c'``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} eller {items[-1]}"

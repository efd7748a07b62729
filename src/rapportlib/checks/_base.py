"""What every check shares: the :class:`Check` outcome, the error of a final render, the inputs."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from .. import fmt
from ..errors import ConsistencyError  # noqa: F401 - re-exported: rapportlib.checks.ConsistencyError

#: Swedish names of the period's populations, as the report's tables name them.
POPULATION_NAMES = {
    "active_start": "inskrivna vid start",
    "new": "nyinskrivna",
    "exits": "avslutade",
    "active_end": "inskrivna vid slut",
    "served": "totalt arbetat med",
}


@dataclass(frozen=True)
class Check:
    """The outcome of one check: its ``name``, whether it holds, and the figures behind it."""

    name: str
    ok: bool
    detail: str


def failed(checks: list[Check]) -> list[Check]:
    """The checks that do not hold."""
    return [c for c in checks if not c.ok]


@dataclass(frozen=True)
class Inputs:
    """What the checks look at: the computed ``ind`` (indicators) and, when given, the sources to
    compare them with: the ``register`` with the period ``start``–``end``, and the published
    ``tables`` as ``(name, Table)`` pairs."""

    ind: dict
    register: Any = None
    start: dt.date | None = None
    end: dt.date | None = None
    tables: tuple = ()


def close(a: float, b: float, tol: float = 1e-6) -> bool:
    """``a`` and ``b`` equal up to float rounding (``tol`` absolute)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=tol)


def n(value) -> str:
    """A count as the report writes it (``2 150``; ``–`` for none)."""
    return fmt.number(value)


def kr(value) -> str:
    """An amount as the report writes it (``2 150 000 kr``)."""
    return fmt.kronor(value)


def compare(name: str, indicators_value, other_value, other: str) -> Check:
    """A check that a figure of the indicators equals the same figure computed another way
    (``other`` names that way: "registret dag för dag", "filens summarad", …)."""
    return Check(
        name, indicators_value == other_value, f"indikatorerna {n(indicators_value)}, {other} {n(other_value)}"
    )

"""The generator's model: planned exits, spells, a scenario, and the calendar they are cut into."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

DAY = dt.timedelta(days=1)
DPM = 30.4375  # days per month

Span = tuple[dt.date, dt.date]  # first and last day, both included


@dataclass
class Exit:
    """A planned exit: its half-year block, sex and reason; ``in_pop`` once the solver has decided
    whether it counts in the throughput population."""

    block: int
    sex: str
    reason: str | None
    dropout: bool = False
    detail: str | None = None
    in_pop: bool = False


@dataclass
class Spell:
    """One enrolment: its interval, its exit (``None`` while still enrolled) and, once built, dates."""

    sex: str
    interval: int
    exit: Exit | None = None
    duration: int | None = None  # days
    enrol: dt.date | None = None
    exit_date: dt.date | None = None
    attrs: dict = field(default_factory=dict)


@dataclass
class Scenario:
    """What a seed team's register must hold: enrolments per interval, exits per block, and the
    throughput windows (blocks, sex or ``None``, target mean in months) to meet exactly."""

    team: str
    first: dt.date
    last: dt.date
    cuts: list[dt.date]  # interval boundaries (first day of each later interval)
    new: list[dict[str, int]]  # per interval: enrolments per sex
    exits: list[Exit]
    trial_months: int
    pop_rule: dict[int, str]  # block → "in_goal" / "all_exits"
    in_goal: tuple[str, ...]
    windows: list[tuple[tuple[int, ...], str | None, float]]  # blocks, sex or None, target mean months
    default_mean: float = 14.0
    seed: int = 1


class Calendar(NamedTuple):
    """A scenario's time cut into half-year blocks and into intervals at the seed periods' bounds."""

    blocks: list[Span]
    intervals: list[Span]


def half_years(first: dt.date, last: dt.date) -> list[Span]:
    """Half-year blocks from ``first`` to ``last``; the last one may be cut short."""
    blocks, start = [], first
    while start <= last:
        month = start.month + 6
        nxt = dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        blocks.append((start, min(nxt - DAY, last)))
        start = nxt
    return blocks


def calendar(sc: Scenario) -> Calendar:
    starts = [sc.first, *sc.cuts]
    ends = [c - DAY for c in sc.cuts] + [sc.last]
    return Calendar(half_years(sc.first, sc.last), list(zip(starts, ends, strict=True)))


def interval_of(day: dt.date, intervals: list[Span]) -> int:
    return next(i for i, (a, b) in enumerate(intervals) if a <= day <= b)


def duration_range(sc: Scenario, spell: Spell, cal: Calendar) -> tuple[int, int]:
    """Feasible duration in days of a spell, given its interval and exit block."""
    b0, b1 = cal.blocks[spell.exit.block]
    i0, i1 = cal.intervals[spell.interval]
    lo, hi = max(0, (b0 - i1).days), (b1 - i0).days
    safe_trial = 31 * sc.trial_months + 2  # always past the trial, whatever the months
    if spell.exit.dropout:
        return max(lo, 7), min(hi, 28 * sc.trial_months - 1)
    return max(lo, safe_trial), hi


# ------------------------------------------------------- shared by the seed scenarios


def planned(block, sex, reason, n=1, detail=None, dropout=False) -> list[Exit]:
    """``n`` alike planned exits."""
    return [Exit(block, sex, reason, dropout, detail) for _ in range(n)]


MED = "behov av medicinsk rehabilitering"
#: Free text as analysts type it (outside the seed periods): never to be published verbatim.
#: Keyed by (block, sex, the exit's number among its kind in that block).
FREE_TEXT = {
    (2, "kvinna", 0): "Flyttar till Borlänge efter sommaren",
    (3, "man", 1): "Har fått ett vikariat på förskolan via en kontakt",
    (4, "kvinna", 0): "Vill vänta till efter operationen i höst",
    (1, "kvinna", 7): "Flyttade till sin syster i Gävle",
    (3, "man", 7): "Börjar hos Samhall i januari",
}

"""Attributes of the spells (age, referrer, support sources, …) so that each seed population gets the
published counts, persons shared by two populations being fixed first; plausible noise elsewhere."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from ..codes import EDUCATION, REFERRERS
from .model import Spell

REFERRER_MIX = dict(zip(REFERRERS, (0.12, 0.10, 0.38, 0.36, 0.04), strict=True))
SOURCE_MIX = {
    "forsorjningsstod": 0.5,
    "sjukpenning": 0.15,
    "aktivitetsersattning": 0.12,
    "aktivitetsstod": 0.1,
    "a_kassa": 0.03,
    "ingen_offentlig": 0.06,
    "sjukersattning": 0.04,
}
EXTRA_SOURCE_MIX = {"sjukpenning": 1, "aktivitetsstod": 1, "forsorjningsstod": 1}
EDUCATION_MIX = dict(zip(EDUCATION, (0.34, 0.45, 0.05, 0.05, 0.03, 0.08), strict=True))


def members(spells: list[Spell], start: dt.date, end: dt.date, population: str) -> list[Spell]:
    """The spells of a period's population: ``new``, ``exits``, ``active_end`` or ``active_start``."""
    if population == "new":
        return [s for s in spells if start <= s.enrol <= end]
    if population == "exits":
        return [s for s in spells if s.exit_date and start <= s.exit_date <= end]
    if population == "active_end":
        return [s for s in spells if s.enrol <= end and (s.exit_date is None or s.exit_date > end)]
    if population == "active_start":
        return [s for s in spells if s.enrol < start and (s.exit_date is None or s.exit_date >= start)]
    raise ValueError(population)


# ------------------------------------------------------------------------ categories


def assign_categories(rng, key: str, targets: list[tuple[list[Spell], dict[str, int]]]) -> None:
    """Give each population exactly its target counts of ``key``; persons already set are kept,
    and persons in a later population get a value that population still needs."""
    for k, (population, target) in enumerate(targets):
        later = targets[k + 1 :]
        need = Counter(target)
        need.subtract(Counter(s.attrs[key] for s in population if key in s.attrs))
        if any(v < 0 for v in need.values()):
            raise RuntimeError(f"{key}: fixed values exceed target {target}")
        free = [s for s in population if key not in s.attrs]
        if sum(need.values()) != len(free):
            raise RuntimeError(f"{key}: target {target} does not fit {len(population)} persons")
        free.sort(key=lambda s: -sum(s in m for m, _ in later))
        for s in free:
            value = _roomiest(rng, key, s, need, later)
            s.attrs[key] = value
            need[value] -= 1


def _roomiest(rng, key: str, s: Spell, need: Counter, later) -> str:
    """A value still needed whose later populations that hold ``s`` have the most room left for it;
    ties drawn at random."""
    room = {}
    for v, c in need.items():
        if c <= 0:
            continue
        slack = [t.get(v, 0) - sum(1 for x in m if x.attrs.get(key) == v) for m, t in later if s in m]
        room[v] = min(slack) if slack else c
    best = max(room.values())
    choices = sorted(v for v, r in room.items() if r == best)
    return choices[int(rng.integers(0, len(choices)))]


# -------------------------------------------------------------------------- integers


def assign_ints(rng, key, population, total, lo, hi, bands=(), exact_extremes=True) -> None:
    """Integer values (e.g. ages) for ``population``: sum ``total``, all in ``[lo, hi]``, ``lo`` and
    ``hi`` both taken (when ``exact_extremes``), and ``(a, b, k)`` bands holding exactly ``k`` values."""
    fixed = [s.attrs[key] for s in population if key in s.attrs]
    free = [s for s in population if key not in s.attrs]
    if any(not lo <= v <= hi for v in fixed):
        raise RuntimeError(f"{key}: fixed value outside [{lo}, {hi}]")
    plan = _plan_ranges(key, fixed, len(free), lo, hi, bands)
    values = [int(rng.integers(a, b + 1)) for a, b in plan]
    pinned = _pin_extremes(values, plan, fixed, lo, hi) if exact_extremes else set()
    order = [j for j in range(len(values)) if j not in pinned]
    diff = _step_to_total(values, plan, order, total - sum(fixed) - sum(values), (lo, hi) if exact_extremes else None)
    if diff:
        raise RuntimeError(f"{key}: cannot reach total {total}")
    order = rng.permutation(len(free))
    for j, s in zip(order, free, strict=True):
        s.attrs[key] = values[j]


def _plan_ranges(key, fixed, n_free: int, lo: int, hi: int, bands) -> list[tuple[int, int]]:
    """A range for each free person: first what each band still lacks, then the widest stretch of
    ``[lo, hi]`` outside every band."""
    plan: list[tuple[int, int]] = []
    for a, b, k in bands:
        left = k - sum(a <= v <= b for v in fixed)
        plan += [(a, b)] * left
    rest = [(lo, hi)]
    for a, b, _ in bands:  # the rest avoids the bands
        rest = [(x, y) for x0, y0 in rest for x, y in ((x0, min(y0, a - 1)), (max(x0, b + 1), y0)) if x <= y]
    rest_range = max(rest, key=lambda r: r[1] - r[0]) if rest else (lo, hi)
    plan += [rest_range] * (n_free - len(plan))
    if len(plan) != n_free:
        raise RuntimeError(f"{key}: bands do not fit")
    return plan


def _pin_extremes(values: list[int], plan, fixed, lo: int, hi: int) -> set[int]:
    """Set ``lo`` and ``hi`` on a free person each, unless a fixed value has it; return who is pinned."""
    pinned: set[int] = set()
    for extreme in (lo, hi):
        if extreme in fixed:
            continue
        k = next(j for j, (a, b) in enumerate(plan) if a <= extreme <= b and j not in pinned)
        values[k] = extreme
        pinned.add(k)
    return pinned


def _step_to_total(values: list[int], plan, order: list[int], diff: int, open_bounds) -> int:
    """Step the values in ``order``, round and round, within their ranges (and strictly inside
    ``open_bounds`` unless a range is a single value) to make up ``diff``; return what is left."""
    guard = 0
    while diff and guard < 100000:
        j = order[guard % len(order)]
        step = 1 if diff > 0 else -1
        a, b = plan[j]
        inside = open_bounds is None or open_bounds[0] < values[j] + step < open_bounds[1] or a == b
        if a <= values[j] + step <= b and inside:
            values[j] += step
            diff -= step
        guard += 1
    return diff


# -------------------------------------------------------------------------- defaults


def fill_defaults(rng, spells: list[Spell], units=()) -> None:
    """Plausible values for every attribute not set by a seed's targets. Some values are drawn even
    where one is already set, so that the random stream (and with it the data) stays as it is."""
    for s in spells:
        a = s.attrs
        if "age_at_enrol" not in a and "birth_year" not in a:
            a["age_at_enrol"] = int(rng.integers(19, 59))
        if "birth_year" not in a:
            a["birth_year"] = s.enrol.year - a.pop("age_at_enrol")
        a.setdefault("remittent", _pick(rng, REFERRER_MIX))  # drawn even if set
        if "fore" not in a:
            a["fore"] = _support_before(rng, a.pop("main_source", None))
        a.setdefault("utbildning", _pick(rng, EDUCATION_MIX))  # drawn even if set
        if "years" not in a:
            a["years"] = round(float(min(25.0, rng.lognormal(1.3, 0.8))), 1)
        if units:
            a.setdefault("delinsats", units[int(rng.integers(0, len(units)))])  # drawn even if set
        if s.exit and "efter" not in a:
            a["efter"] = _support_after(s)


def _pick(rng, mix: dict[str, float]) -> str:
    keys = list(mix)
    p = np.array([mix[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _support_before(rng, main: str | None) -> list[str]:
    """The main source of support before (drawn unless given), sometimes with a second one."""
    main = main or _pick(rng, SOURCE_MIX)
    extra = []
    if main != "ingen_offentlig" and rng.random() < 0.15:
        extra = [_pick(rng, EXTRA_SOURCE_MIX)]
    return [main] + [x for x in extra if x != main]


def _support_after(s: Spell) -> list[str]:
    """Support after an exit, by its reason: none recorded for a dropout, else as before."""
    if s.exit.dropout:
        return []
    if s.exit.reason == "arbete":
        return ["lon"]
    if s.exit.reason == "studier":
        return ["studiestod"]
    return list(s.attrs["fore"][:1])

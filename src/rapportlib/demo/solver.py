"""From a scenario to dated spells, in two layers.

1. **Counts.** Each planned exit, block by block, is matched to an interval that still has someone
   of that sex enrolled; whoever is left in an interval stays enrolled.
2. **Durations.** The throughput windows of the seeds are sums of durations over pairs of blocks.
   A least-squares projection finds block sums that meet every window exactly while staying close
   to a plausible mean; each sum is then spread over the block's persons within what their
   interval and block allow, and dates are drawn to match.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from .model import DAY, DPM, Calendar, Exit, Scenario, Spell, calendar, duration_range, interval_of

Cell = tuple[int, str]  # a block and a sex


def build(sc: Scenario) -> list[Spell]:
    """The scenario's spells, each with its interval, duration and dates."""
    rng = np.random.default_rng(sc.seed)
    cal = calendar(sc)
    _mark_population(sc)
    sums = solve_sums(sc)
    spells, stock = _match_exits(sc, cal, sums)
    spells += _stayers(sc, stock)
    windowed = _durations_outside_windows(sc, cal, rng, spells, sums)
    _durations_in_windows(sc, cal, rng, windowed, sums)
    _draw_dates(cal, rng, spells)
    return spells


def _mark_population(sc: Scenario) -> None:
    """Which exits count in the throughput population: never a dropout; by its block's rule."""
    for e in sc.exits:
        e.in_pop = not e.dropout and (sc.pop_rule[e.block] == "all_exits" or e.reason in sc.in_goal)


# --------------------------------------------------------------------- layer 1: counts


def _match_exits(sc: Scenario, cal: Calendar, sums: dict[Cell, float]):
    """The exiting spells, each matched to an enrolment interval; and what is left enrolled, per
    interval and sex."""
    n_cell = Counter((e.block, e.sex) for e in sc.exits if e.in_pop)
    stock = [dict(counts) for counts in sc.new]
    spells: list[Spell] = []
    for b, (start, _) in enumerate(cal.blocks):
        current = interval_of(start, cal.intervals)
        for e in sorted((e for e in sc.exits if e.block == b), key=lambda e: (not e.dropout, not e.in_pop)):
            cell = (b, e.sex)
            wish = sums[cell] / n_cell[cell] * DPM if cell in sums and e.in_pop else None
            interval = _choose_interval(sc, cal, e, current, stock, wish)
            stock[interval][e.sex] -= 1
            spells.append(Spell(e.sex, interval, e))
    return spells, stock


def _choose_interval(sc: Scenario, cal: Calendar, e: Exit, current: int, stock, wish: float | None) -> int:
    """The interval, up to ``current``, whose feasible durations come nearest ``wish`` (days), or a
    plain default; a dropout enrols in the current interval where it can."""
    options = [i for i in range(current + 1) if stock[i].get(e.sex, 0) > 0]
    if not options:
        raise RuntimeError(f"{sc.team}: no one of sex {e.sex} left to exit in block {e.block}")
    if e.dropout:
        options = [i for i in options if i == current] or options[-1:]
    scored = []
    for i in options:
        lo, hi = duration_range(sc, Spell(e.sex, i, e), cal)
        target = wish if wish is not None else lo + 0.3 * max(0, min(hi, lo + 600) - lo)
        miss = 0 if lo <= target <= hi else min(abs(target - lo), abs(target - hi))
        scored.append((miss, i))
    return min(scored)[1]


def _stayers(sc: Scenario, stock) -> list[Spell]:
    """A spell without an exit for each person left enrolled in an interval."""
    spells = []
    for i, counts in enumerate(stock):
        for sex, k in counts.items():
            if k < 0:
                raise RuntimeError(f"{sc.team}: interval {i} over-drawn for {sex}")
            spells += [Spell(sex, i) for _ in range(k)]
    return spells


# ------------------------------------------------------------------ layer 2: durations


def _cells(sc: Scenario) -> list[Cell]:
    """Block-and-sex cells of the throughput population that some window measures."""
    windowed = {b for blocks, _, _ in sc.windows for b in blocks}
    return sorted({(e.block, e.sex) for e in sc.exits if e.in_pop and e.block in windowed})


def solve_sums(sc: Scenario) -> dict[Cell, float]:
    """Block-and-sex sums of months that meet every window exactly, nearest a plausible mean."""
    cells = _cells(sc)
    n = Counter((e.block, e.sex) for e in sc.exits if e.in_pop)
    near = {c: np.mean([t for blocks, _, t in sc.windows if c[0] in blocks]) for c in cells}
    x0 = np.array([n[c] * near[c] for c in cells])
    rows, rhs = _window_equations(sc, cells, n)
    if rows:
        a, b = np.array(rows), np.array(rhs)
        x = x0 + a.T @ np.linalg.pinv(a @ a.T) @ (b - a @ x0)
    else:
        x = x0
    return {c: float(x[k]) for k, c in enumerate(cells)}


def _window_equations(sc: Scenario, cells: list[Cell], n: Counter):
    """One linear equation per window: the sum over its cells equals target mean × persons."""
    rows, rhs = [], []
    for blocks, sex, target in sc.windows:
        row = np.zeros(len(cells))
        count = 0
        for k, c in enumerate(cells):
            if c[0] in blocks and (sex is None or c[1] == sex):
                row[k] = 1
                count += n[c]
        rows.append(row)
        rhs.append(target * count)
    return rows, rhs


def spread(total: int, ranges: list[tuple[int, int]], wish: list[float]) -> list[int]:
    """Integers within ``ranges``, near ``wish`` shifted by a common amount, summing to ``total``."""
    lo_sum, hi_sum = sum(r[0] for r in ranges), sum(r[1] for r in ranges)
    if not lo_sum <= total <= hi_sum:
        raise RuntimeError(f"infeasible duration sum {total} not in [{lo_sum}, {hi_sum}]")
    lo_l, hi_l = -1e6, 1e6
    for _ in range(200):
        lam = (lo_l + hi_l) / 2
        s = sum(min(max(w + lam, r[0]), r[1]) for w, r in zip(wish, ranges, strict=True))
        lo_l, hi_l = (lam, hi_l) if s < total else (lo_l, lam)
    values = [int(min(max(round(w + lam), r[0]), r[1])) for w, r in zip(wish, ranges, strict=True)]
    _settle(values, ranges, total - sum(values))
    return values


def _settle(values: list[int], ranges: list[tuple[int, int]], diff: int) -> None:
    """Step the values one by one, round and round, within their ranges until ``diff`` is made up."""
    k = 0
    while diff:
        i = k % len(values)
        step = 1 if diff > 0 else -1
        if ranges[i][0] <= values[i] + step <= ranges[i][1]:
            values[i] += step
            diff -= step
        k += 1


def _durations_outside_windows(sc: Scenario, cal: Calendar, rng, spells: list[Spell], sums):
    """A random plausible duration for each exit that no window measures; returns the others,
    grouped by cell."""
    by_cell: dict[Cell, list[Spell]] = {}
    for s in spells:
        if s.exit is None:
            continue
        lo, hi = duration_range(sc, s, cal)
        if lo > hi:
            raise RuntimeError(f"{sc.team}: empty duration range for block {s.exit.block}")
        if s.exit.in_pop and (s.exit.block, s.sex) in sums:
            by_cell.setdefault((s.exit.block, s.sex), []).append(s)
        else:
            top = min(hi, 1.6 * sc.default_mean * DPM)
            bottom = max(lo, min(0.4 * sc.default_mean * DPM, top))
            s.duration = int(rng.uniform(bottom, top))  # spread: no pile-up at an interval's edge
    return by_cell


def _durations_in_windows(sc: Scenario, cal: Calendar, rng, by_cell: dict[Cell, list[Spell]], sums) -> None:
    """Each windowed cell's sum spread over its persons, around randomly scattered wishes."""
    for cell, members in sorted(by_cell.items()):
        total = round(sums[cell] * DPM)
        ranges = [duration_range(sc, s, cal) for s in members]
        mean = total / len(members)
        wish = [mean * f for f in rng.uniform(0.6, 1.4, len(members))]
        for s, d in zip(members, spread(total, ranges, wish), strict=True):
            s.duration = d


def _draw_dates(cal: Calendar, rng, spells: list[Spell]) -> None:
    """Enrolment dates in each spell's interval; exit dates in its block, ``duration`` days later."""
    for s in spells:
        i0, i1 = cal.intervals[s.interval]
        if s.exit is None:
            s.enrol = i0 + DAY * int(rng.integers(0, (i1 - i0).days + 1))
            continue
        b0, b1 = cal.blocks[s.exit.block]
        d = DAY * s.duration
        first, last = max(b0, i0 + d), min(b1, i1 + d)
        s.exit_date = first + DAY * int(rng.integers(0, (last - first).days + 1))
        s.enrol = s.exit_date - d

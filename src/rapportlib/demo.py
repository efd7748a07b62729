"""Deterministic generator of synthetic, pseudonymous example data.

Run ``python -m rapportlib.demo [OUTDIR]`` to (re)write ``data/example/``. The registers are made
so that the example teams reproduce the published figures of the seed reports wherever those are
self-consistent (Avesta 2018 and 2021/22, Västerås 2020); everything else is plausible noise.

How it works, in two layers:

1. **Counts.** The register's time is cut at the seed periods' boundaries into *intervals*, and
   into half-year *blocks*. Each planned exit belongs to a block; each enrolment to an interval.
   Flows at every period boundary depend only on how many enrol per interval and exit per block,
   so these are written down from the seeds. Each exit is then matched to an interval that still
   has someone of that sex enrolled.
2. **Durations.** The throughput windows of the seeds are sums of durations over pairs of blocks.
   A least-squares projection finds block sums that meet every window exactly while staying close
   to a plausible mean; each sum is then spread over the block's persons within what their
   interval and block allow, and dates are drawn to match.

Attributes (age, referrer, support sources, …) are then assigned so that each seed population gets
the published counts, persons shared by two populations being fixed first.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .codes import EDUCATION, REFERRERS

DAY = dt.timedelta(days=1)
DPM = 30.4375


# --------------------------------------------------------------------------- model


@dataclass
class _Exit:
    block: int
    sex: str
    reason: str | None
    dropout: bool = False
    detail: str | None = None
    in_pop: bool = False


@dataclass
class _Spell:
    sex: str
    interval: int
    exit: _Exit | None = None
    duration: int | None = None  # days
    enrol: dt.date | None = None
    exit_date: dt.date | None = None
    attrs: dict = field(default_factory=dict)


@dataclass
class _Scenario:
    team: str
    first: dt.date
    last: dt.date
    cuts: list[dt.date]  # interval boundaries (first day of each later interval)
    new: list[dict[str, int]]  # per interval: enrolments per sex
    exits: list[_Exit]
    trial_months: int
    pop_rule: dict[int, str]  # block → "in_goal" / "all_exits"
    in_goal: tuple[str, ...]
    windows: list[tuple[tuple[int, ...], str | None, float]]  # blocks, sex or None, target mean months
    default_mean: float = 14.0
    seed: int = 1


def _blocks(first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    blocks, start = [], first
    while start <= last:
        month = start.month + 6
        nxt = dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        blocks.append((start, min(nxt - DAY, last)))
        start = nxt
    return blocks


def _intervals(sc: _Scenario) -> list[tuple[dt.date, dt.date]]:
    starts = [sc.first, *sc.cuts]
    ends = [c - DAY for c in sc.cuts] + [sc.last]
    return list(zip(starts, ends, strict=True))


def _interval_of(day: dt.date, intervals) -> int:
    return next(i for i, (a, b) in enumerate(intervals) if a <= day <= b)


def _range(sc: _Scenario, spell: _Spell, blocks, intervals) -> tuple[int, int]:
    """Feasible duration in days of a spell, given its interval and exit block."""
    b0, b1 = blocks[spell.exit.block]
    i0, i1 = intervals[spell.interval]
    lo, hi = max(0, (b0 - i1).days), (b1 - i0).days
    safe_trial = 31 * sc.trial_months + 2  # always past the trial, whatever the months
    if spell.exit.dropout:
        return max(lo, 7), min(hi, 28 * sc.trial_months - 1)
    return max(lo, safe_trial), hi


# ----------------------------------------------------------------- layer 2: durations


def _cells(sc: _Scenario) -> list[tuple[int, str]]:
    """Block-and-sex cells of the throughput population that some window measures."""
    windowed = {b for blocks, _, _ in sc.windows for b in blocks}
    return sorted({(e.block, e.sex) for e in sc.exits if e.in_pop and e.block in windowed})


def _solve_sums(sc: _Scenario) -> dict[tuple[int, str], float]:
    """Block-and-sex sums of months that meet every window exactly, nearest a plausible mean."""
    cells = _cells(sc)
    n = Counter((e.block, e.sex) for e in sc.exits if e.in_pop)
    index = {c: k for k, c in enumerate(cells)}
    near = {}
    for c in cells:
        near[c] = np.mean([t for blocks, _, t in sc.windows if c[0] in blocks])
    x0 = np.array([n[c] * near[c] for c in cells])
    rows, rhs = [], []
    for blocks, sex, target in sc.windows:
        row = np.zeros(len(cells))
        count = 0
        for c in cells:
            if c[0] in blocks and (sex is None or c[1] == sex):
                row[index[c]] = 1
                count += n[c]
        rows.append(row)
        rhs.append(target * count)
    if rows:
        a, b = np.array(rows), np.array(rhs)
        x = x0 + a.T @ np.linalg.pinv(a @ a.T) @ (b - a @ x0)
    else:
        x = x0
    return {c: float(x[index[c]]) for c in cells}


def _spread(total: int, ranges: list[tuple[int, int]], wish: list[float]) -> list[int]:
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
    diff = total - sum(values)
    k = 0
    while diff:
        i = k % len(values)
        step = 1 if diff > 0 else -1
        if ranges[i][0] <= values[i] + step <= ranges[i][1]:
            values[i] += step
            diff -= step
        k += 1
    return values


# ------------------------------------------------------------------------- build


def _build(sc: _Scenario) -> list[_Spell]:
    rng = np.random.default_rng(sc.seed)
    blocks, intervals = _blocks(sc.first, sc.last), _intervals(sc)
    for e in sc.exits:
        e.in_pop = not e.dropout and (sc.pop_rule[e.block] == "all_exits" or e.reason in sc.in_goal)
    sums = _solve_sums(sc)
    n_cell = Counter((e.block, e.sex) for e in sc.exits if e.in_pop)
    stock = [dict(counts) for counts in sc.new]
    spells: list[_Spell] = []
    for b in range(len(blocks)):
        current = _interval_of(blocks[b][0], intervals)
        for e in sorted((e for e in sc.exits if e.block == b), key=lambda e: (not e.dropout, not e.in_pop)):
            cell = (b, e.sex)
            wish = sums[cell] / n_cell[cell] * DPM if cell in sums and e.in_pop else None
            options = [i for i in range(current + 1) if stock[i].get(e.sex, 0) > 0]
            if not options:
                raise RuntimeError(f"{sc.team}: no one of sex {e.sex} left to exit in block {b}")
            if e.dropout:
                options = [i for i in options if i == current] or options[-1:]
            scored = []
            for i in options:
                lo, hi = _range(sc, _Spell(e.sex, i, e), blocks, intervals)
                target = wish if wish is not None else lo + 0.3 * max(0, min(hi, lo + 600) - lo)
                miss = 0 if lo <= target <= hi else min(abs(target - lo), abs(target - hi))
                scored.append((miss, i))
            interval = min(scored)[1]
            stock[interval][e.sex] -= 1
            spells.append(_Spell(e.sex, interval, e))
    for i, counts in enumerate(stock):
        for sex, k in counts.items():
            if k < 0:
                raise RuntimeError(f"{sc.team}: interval {i} over-drawn for {sex}")
            spells += [_Spell(sex, i) for _ in range(k)]
    # durations
    by_cell: dict[tuple[int, str], list[_Spell]] = {}
    for s in spells:
        if s.exit is None:
            continue
        lo, hi = _range(sc, s, blocks, intervals)
        if lo > hi:
            raise RuntimeError(f"{sc.team}: empty duration range for block {s.exit.block}")
        if s.exit.in_pop and (s.exit.block, s.sex) in sums:
            by_cell.setdefault((s.exit.block, s.sex), []).append(s)
        else:
            top = min(hi, 1.6 * sc.default_mean * DPM)
            bottom = max(lo, min(0.4 * sc.default_mean * DPM, top))
            s.duration = int(rng.uniform(bottom, top))  # spread: no pile-up at an interval's edge
    for cell, members in sorted(by_cell.items()):
        total = round(sums[cell] * DPM)
        ranges = [_range(sc, s, blocks, intervals) for s in members]
        mean = total / len(members)
        wish = [mean * f for f in rng.uniform(0.6, 1.4, len(members))]
        for s, d in zip(members, _spread(total, ranges, wish), strict=True):
            s.duration = d
    # dates
    for s in spells:
        i0, i1 = intervals[s.interval]
        if s.exit is None:
            s.enrol = i0 + DAY * int(rng.integers(0, (i1 - i0).days + 1))
            continue
        b0, b1 = blocks[s.exit.block]
        d = dt.timedelta(days=s.duration)
        first, last = max(b0, i0 + d), min(b1, i1 + d)
        s.exit_date = first + DAY * int(rng.integers(0, (last - first).days + 1))
        s.enrol = s.exit_date - d
    return spells


# -------------------------------------------------------------- attribute assignment


def _members(spells, start: dt.date, end: dt.date, population: str) -> list[_Spell]:
    def active(s, day, strict):
        return s.enrol <= day and (s.exit_date is None or (s.exit_date > day if strict else s.exit_date >= day))

    if population == "new":
        return [s for s in spells if start <= s.enrol <= end]
    if population == "exits":
        return [s for s in spells if s.exit_date and start <= s.exit_date <= end]
    if population == "active_end":
        return [s for s in spells if active(s, end, True)]
    if population == "active_start":
        return [s for s in spells if s.enrol < start and (s.exit_date is None or s.exit_date >= start)]
    raise ValueError(population)


def _assign_categories(rng, key: str, targets: list[tuple[list[_Spell], dict[str, int]]]) -> None:
    """Give each population exactly its target counts of ``key``; persons already set are kept,
    and persons in a later population get a value that population still needs."""
    for k, (members, target) in enumerate(targets):
        later = targets[k + 1 :]
        need = Counter(target)
        need.subtract(Counter(s.attrs[key] for s in members if key in s.attrs))
        if any(v < 0 for v in need.values()):
            raise RuntimeError(f"{key}: fixed values exceed target {target}")
        free = [s for s in members if key not in s.attrs]
        if sum(need.values()) != len(free):
            raise RuntimeError(f"{key}: target {target} does not fit {len(members)} persons")
        free.sort(key=lambda s: -sum(s in m for m, _ in later))
        for s in free:
            room = {}
            for v, c in need.items():
                if c <= 0:
                    continue
                slack = [t.get(v, 0) - sum(1 for x in m if x.attrs.get(key) == v) for m, t in later if s in m]
                room[v] = min(slack) if slack else c
            best = max(room.values())
            choices = sorted(v for v, r in room.items() if r == best)
            value = choices[int(rng.integers(0, len(choices)))]
            s.attrs[key] = value
            need[value] -= 1


def _assign_ints(rng, key, members, total, lo, hi, bands=(), exact_extremes=True) -> None:
    """Integer values (e.g. ages) for ``members``: sum ``total``, all in ``[lo, hi]``, ``lo`` and
    ``hi`` both taken (when ``exact_extremes``), and ``(a, b, k)`` bands holding exactly ``k`` values."""
    fixed = [s.attrs[key] for s in members if key in s.attrs]
    free = [s for s in members if key not in s.attrs]
    if any(not lo <= v <= hi for v in fixed):
        raise RuntimeError(f"{key}: fixed value outside [{lo}, {hi}]")
    plan: list[tuple[int, int]] = []
    band_of = []
    for a, b, k in bands:
        left = k - sum(a <= v <= b for v in fixed)
        plan += [(a, b)] * left
    rest = [(lo, hi)]
    for a, b, _ in bands:  # the rest avoids the bands
        rest = [(x, y) for x0, y0 in rest for x, y in ((x0, min(y0, a - 1)), (max(x0, b + 1), y0)) if x <= y]
    rest_range = max(rest, key=lambda r: r[1] - r[0]) if rest else (lo, hi)
    plan += [rest_range] * (len(free) - len(plan))
    if len(plan) != len(free):
        raise RuntimeError(f"{key}: bands do not fit")
    values = [int(rng.integers(a, b + 1)) for a, b in plan]
    pinned = set()
    if exact_extremes:
        for extreme in (lo, hi):
            if extreme in fixed:
                continue
            k = next(j for j, (a, b) in enumerate(plan) if a <= extreme <= b and j not in pinned)
            values[k] = extreme
            pinned.add(k)
    diff = total - sum(fixed) - sum(values)
    order = [j for j in range(len(values)) if j not in pinned]
    guard = 0
    while diff and guard < 100000:
        j = order[guard % len(order)]
        step = 1 if diff > 0 else -1
        a, b = plan[j]
        if a <= values[j] + step <= b and (not exact_extremes or lo < values[j] + step < hi or a == b):
            values[j] += step
            diff -= step
        guard += 1
    if diff:
        raise RuntimeError(f"{key}: cannot reach total {total}")
    band_of.clear()
    order = rng.permutation(len(free))
    for j, s in zip(order, free, strict=True):
        s.attrs[key] = values[j]


def _fill_defaults(rng, spells, sc: _Scenario, units=()) -> None:
    referrer_mix = dict(zip(REFERRERS, (0.12, 0.10, 0.38, 0.36, 0.04), strict=True))
    source_mix = {
        "forsorjningsstod": 0.5,
        "sjukpenning": 0.15,
        "aktivitetsersattning": 0.12,
        "aktivitetsstod": 0.1,
        "a_kassa": 0.03,
        "ingen_offentlig": 0.06,
        "sjukersattning": 0.04,
    }
    edu_mix = dict(zip(EDUCATION, (0.34, 0.45, 0.05, 0.05, 0.03, 0.08), strict=True))

    def pick(mix):
        keys = list(mix)
        p = np.array([mix[k] for k in keys])
        return keys[int(rng.choice(len(keys), p=p / p.sum()))]

    for s in spells:
        a = s.attrs
        if "age_at_enrol" not in a and "birth_year" not in a:
            a["age_at_enrol"] = int(rng.integers(19, 59))
        if "birth_year" not in a:
            a["birth_year"] = s.enrol.year - a.pop("age_at_enrol")
        a.setdefault("remittent", pick(referrer_mix))
        if "fore" not in a:
            main = a.pop("main_source", None) or pick(source_mix)
            extra = []
            if main != "ingen_offentlig" and rng.random() < 0.15:
                extra = [pick({"sjukpenning": 1, "aktivitetsstod": 1, "forsorjningsstod": 1})]
            a["fore"] = [main] + [x for x in extra if x != main]
        a.setdefault("utbildning", pick(edu_mix))
        if "years" not in a:
            a["years"] = round(float(min(25.0, rng.lognormal(1.3, 0.8))), 1)
        if units:
            a.setdefault("delinsats", units[int(rng.integers(0, len(units)))])
        if s.exit and "efter" not in a:
            if s.exit.dropout:
                a["efter"] = []
            elif s.exit.reason == "arbete":
                a["efter"] = ["lon"]
            elif s.exit.reason == "studier":
                a["efter"] = ["studiestod"]
            else:
                a["efter"] = list(a["fore"][:1])


# ----------------------------------------------------------------------- writing


COLUMNS = [
    "deltagar_id",
    "kon",
    "fodelsear",
    "inskrivningsdatum",
    "avslutsdatum",
    "avslutsanledning",
    "avslut_detalj",
    "remittent",
    "forsorjning_fore",
    "forsorjning_efter",
    "utbildning",
    "ar_i_offentlig_forsorjning",
    "delinsats",
]


def _rows(spells, prefix: str, reenrol: list[tuple[int, int]], decimal: str, employment: bool = False):
    ordered = sorted(spells, key=lambda s: (s.enrol, s.exit_date or dt.date.max, s.sex, s.attrs["birth_year"]))
    ids = {id(s): f"{prefix}{k + 1:04d}" for k, s in enumerate(ordered)}
    for first, second in reenrol:  # the same person enrolled twice
        a, b = ordered[first], ordered[second]
        ids[id(b)] = ids[id(a)]
        b.attrs["birth_year"] = a.attrs["birth_year"]
        b.sex = a.sex
    rows = []
    for s in ordered:
        a = s.attrs
        a["id"] = ids[id(s)]
        years = f"{a['years']:.1f}".replace(".", decimal)
        rows.append(
            [
                ids[id(s)],
                s.sex,
                str(a["birth_year"]),
                s.enrol.isoformat(),
                s.exit_date.isoformat() if s.exit_date else "",
                (s.exit.reason or "") if s.exit else "",
                (s.exit.detail or "") if s.exit else "",
                a["remittent"],
                ";".join(a["fore"]),
                ";".join(a.get("efter", [])) if s.exit else "",
                a["utbildning"],
                years,
                a.get("delinsats", ""),
            ]
            + ([";".join(a.get("syss_fore", [])), ";".join(a.get("syss_efter", []))] if employment else [])
        )
    return rows


def _write_csv(path: Path, header, rows, delimiter=",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


# ------------------------------------------------------------------------ Avesta


_MED = "behov av medicinsk rehabilitering"
#: Free text as analysts type it (outside the seed periods): never to be published verbatim.
_FREE_TEXT = {
    (2, "kvinna", 0): "Flyttar till Borlänge efter sommaren",
    (3, "man", 1): "Har fått ett vikariat på förskolan via en kontakt",
    (4, "kvinna", 0): "Vill vänta till efter operationen i höst",
    (1, "kvinna", 7): "Flyttade till sin syster i Gävle",
    (3, "man", 7): "Börjar hos Samhall i januari",
}


def _ex(block, sex, reason, n=1, detail=None, dropout=False):
    return [_Exit(block, sex, reason, dropout, detail) for _ in range(n)]


def _avesta_scenario() -> _Scenario:
    # blocks: 0=2015H1 … 6=2018H1, 7=2018H2, 8=2019H1 … 12=2021H1, 13=2021H2, 14=2022H1
    ex: list[_Exit] = []
    # 2015–2017: in-goal exits drive the 2018 report's throughput history.
    pre = {0: (0, 1, 0, 0), 1: (1, 1, 1, 1), 2: (2, 2, 2, 2), 3: (2, 2, 3, 2), 4: (2, 2, 2, 3), 5: (3, 2, 2, 3)}
    goal_cycle = ["arbete", "studier", "fortsatt_rehabilitering", "arbete"]
    for b, (gk, gm, ok, om) in pre.items():
        for k in range(gk):
            ex += _ex(b, "kvinna", goal_cycle[k % 4])
        for k in range(gm):
            ex += _ex(b, "man", goal_cycle[(k + 1) % 4])
        for k in range(ok):
            ex += _ex(b, "kvinna", ["annat", "sjukdom"][k % 2], detail=_FREE_TEXT.get((b, "kvinna", k), _MED))
        for k in range(om):
            ex += _ex(b, "man", ["sjukdom", "annat"][k % 2], detail=_FREE_TEXT.get((b, "man", k), _MED))
    # 2018 (seed 001): 21 exits, 3 early dropouts; 5 arbete, 3 studier, 3 annan rehab, 7 annat.
    med = "behov av medicinsk rehabilitering"
    ex += _ex(6, "kvinna", "arbete", 2) + _ex(6, "man", "arbete") + _ex(6, "man", "studier", 2)
    ex += _ex(6, "kvinna", "annat", 2, med) + _ex(6, "man", "annat", 1, med) + _ex(6, "man", "annat", 1, med)
    ex += _ex(6, "kvinna", None, dropout=True)
    ex += _ex(7, "kvinna", "arbete") + _ex(7, "man", "arbete") + _ex(7, "kvinna", "studier")
    ex += _ex(7, "kvinna", "fortsatt_rehabilitering") + _ex(7, "man", "fortsatt_rehabilitering", 2)
    ex += _ex(7, "kvinna", "annat", 1, med) + _ex(7, "kvinna", "annat", 1, "föräldraledig")
    ex += _ex(7, "man", "annat", 1, "upplever inte behov av insatsen")
    ex += _ex(7, "kvinna", None, dropout=True) + _ex(7, "man", None, dropout=True)
    # 2019 – 2021H1: 64 exits (40 women, 24 men), one early dropout. The counts per half-year are
    # chosen so that the seed's throughput windows need no implausible means.
    mix = ["arbete", "fortsatt_rehabilitering", "annat", "arbete", "studier", "sjukdom", "annat", "arbete"]
    per_block = {8: (5, 3), 9: (9, 6), 10: (10, 7), 11: (9, 5), 12: (6, 3)}
    k = 0
    for b, (nk, nm) in per_block.items():
        for sex, n in (("kvinna", nk), ("man", nm)):
            for _ in range(n):
                reason = mix[k % len(mix)]
                detail = med if reason in ("annat", "sjukdom") else None
                ex += _ex(b, sex, reason, detail=detail)
                k += 1
    ex += _ex(9, "kvinna", None, dropout=True)
    # 2021-07-01 – 2022-06-30 (seed 000): 24 exits, no dropouts; arbete 12 (7 women, 5 men),
    # studier 2, annan rehab 1, sjukersättning 1, annat 8.
    ex += _ex(13, "kvinna", "arbete", 2) + _ex(13, "kvinna", "annat", 1, med)
    ex += _ex(13, "man", "arbete") + _ex(13, "man", "annat", 1, med)
    ex += _ex(14, "kvinna", "arbete", 5) + _ex(14, "kvinna", "studier", 2)
    ex += _ex(14, "kvinna", "sjukersattning", 1, "söker hel sjukersättning")
    ex += _ex(14, "kvinna", "annat", 2, med) + _ex(14, "kvinna", "annat", 1, "vill inte delta")
    ex += _ex(14, "man", "arbete", 4) + _ex(14, "man", "fortsatt_rehabilitering")
    ex += _ex(14, "man", "annat", 2, med) + _ex(14, "man", "annat", 1, "föräldraledig")
    windows = [
        ((2, 3), None, 13.2),
        ((3, 4), None, 13.0),
        ((4, 5), None, 14.0),
        ((5, 6), None, 15.6),
        ((6, 7), "kvinna", 16.28),
        ((6, 7), "man", 18.39),
        ((8, 9), None, 17.8),
        ((9, 10), None, 17.8),
        ((10, 11), None, 20.5),
        ((11, 12), None, 21.3),
        ((12, 13), None, 25.2),
        ((13, 14), "kvinna", 16.8),
        ((13, 14), "man", 16.8),
    ]
    return _Scenario(
        team="avesta",
        first=dt.date(2015, 1, 1),
        last=dt.date(2022, 6, 30),
        cuts=[dt.date(2018, 1, 1), dt.date(2019, 1, 1), dt.date(2021, 7, 1)],
        new=[
            {"kvinna": 38, "man": 41},
            {"kvinna": 32, "man": 12},
            {"kvinna": 18, "man": 18},
            {"kvinna": 20, "man": 14},
        ],
        exits=ex,
        trial_months=2,
        pop_rule={b: ("in_goal" if b <= 7 else "all_exits") for b in range(15)},
        in_goal=("arbete", "studier", "fortsatt_rehabilitering"),
        windows=windows,
        default_mean=13.0,
        seed=2015,
    )


def _avesta(rng) -> tuple[list[_Spell], _Scenario]:
    sc = _avesta_scenario()
    spells = _build(sc)
    d = dt.date
    p18 = (d(2018, 1, 1), d(2018, 12, 31))
    p22 = (d(2021, 7, 1), d(2022, 6, 30))
    new22, end22 = _members(spells, *p22, "new"), _members(spells, *p22, "active_end")
    exits22, end18 = _members(spells, *p22, "exits"), _members(spells, *p18, "active_end")
    exits18, new18 = _members(spells, *p18, "exits"), _members(spells, *p18, "new")
    # referrer and payer (main source) of the 2021/22 report's tables
    _assign_categories(
        rng,
        "remittent",
        [
            (new22, {"kommun": 14, "fk": 2, "region": 16, "af": 2}),
            (end22, {"kommun": 18, "fk": 2, "region": 19, "af": 4}),
        ],
    )
    main_for = {
        "kommun": "forsorjningsstod",
        "fk": "sjukpenning",
        "af": "aktivitetsstod",
        "ingen_offentlig": "ingen_offentlig",
    }
    _assign_categories(
        rng,
        "payer",
        [
            (new18, {"kommun": 25, "fk": 16, "af": 2, "ingen_offentlig": 1}),
            (new22, {"kommun": 16, "fk": 14, "ingen_offentlig": 4}),
            (end22, {"kommun": 23, "fk": 16, "ingen_offentlig": 4}),
        ],
    )
    fk_sources = ["sjukpenning", "aktivitetsersattning", "sjukersattning"]
    for s in spells:
        payer = s.attrs.pop("payer", None)
        if payer:
            main = main_for[payer]
            if payer == "fk":
                main = fk_sources[int(rng.integers(0, 3))]
            s.attrs["main_source"] = main
    # ages: 2018 active at end (mean 42, 21–60, 17 born in the 1990s), then 2021/22
    later = {id(s) for s in end22 + exits22}
    for s in end18:  # persons also counted in 2021/22 get middle ages, clear of every band's edge
        if id(s) in later:
            s.attrs["age18"] = int(rng.integers(29, 46))
    _assign_ints(rng, "age18", end18, total=42 * 61, lo=21, hi=60, bands=[(21, 28, 17)])
    for s in end18:
        s.attrs["birth_year"] = 2018 - s.attrs.pop("age18")
    for sex, total in (("kvinna", 491), ("man", 365)):
        members = [s for s in exits22 if s.sex == sex]
        for s in members:
            if "birth_year" in s.attrs:
                s.attrs["age_x"] = s.exit_date.year - s.attrs["birth_year"]
        _assign_ints(rng, "age_x", members, total=total, lo=19, hi=62, exact_extremes=False)
        for s in members:
            s.attrs["birth_year"] = s.exit_date.year - s.attrs.pop("age_x")
    for s in end22:
        if "birth_year" in s.attrs:
            s.attrs["age22"] = 2022 - s.attrs["birth_year"]
    _assign_ints(rng, "age22", end22, total=38 * 43, lo=20, hi=58, bands=[(20, 30, 12)])
    for s in end22:
        s.attrs["birth_year"] = 2022 - s.attrs.pop("age22")
    # years on public support: 2018 exits 4.2 (in goal and all), 2021/22 exits 7.9 (k) / 5.6 (m)
    goal18 = [s for s in exits18 if s.exit.reason in sc.in_goal]
    other18 = [s for s in exits18 if s not in goal18]
    _assign_ints(rng, "years10", goal18, total=42 * 11, lo=5, hi=120, exact_extremes=False)
    _assign_ints(rng, "years10", other18, total=42 * 10, lo=5, hi=120, exact_extremes=False)
    _assign_ints(
        rng, "years10", [s for s in exits22 if s.sex == "kvinna"], total=1112, lo=10, hi=180, exact_extremes=False
    )
    _assign_ints(rng, "years10", [s for s in exits22 if s.sex == "man"], total=564, lo=10, hi=150, exact_extremes=False)
    for s in spells:
        if "years10" in s.attrs:
            s.attrs["years"] = s.attrs.pop("years10") / 10
    _fill_defaults(rng, spells, sc)
    return spells, sc


# ---------------------------------------------------------------------- Västerås


def _vasteras_scenario() -> _Scenario:
    # blocks: 0=2017H1 … 5=2019H2, 6=2020H1, 7=2020H2
    ex: list[_Exit] = []
    mix = [
        "fortsatt_rehabilitering",
        "sjukdom",
        "arbete",
        "aktivt_arbetssokande",
        "studier",
        "fortsatt_rehabilitering",
        "sjukdom",
        "annat",
        "aktivt_arbetssokande",
    ]
    k = 0
    for b in range(6):
        for sex in ("kvinna", "man"):
            for j in range(9):
                if j == 0 and b % 2 == 1:
                    ex += _ex(b, sex, None, dropout=True)
                    continue
                reason = mix[k % len(mix)]
                detail = "behov av vård" if reason == "sjukdom" else None
                ex += _ex(b, sex, reason, detail=_FREE_TEXT.get((b, sex, j), detail) if reason == "annat" else detail)
                k += 1
    # 2020 (seed 002): 49 exits (24 women, 25 men), 5 in the 3-month trial (3 women, 2 men).
    plan = {
        "kvinna": {"arbete": 2, "studier": 2, "aktivt_arbetssokande": 3, "sjukdom": 5, "fortsatt_rehabilitering": 9},
        "man": {
            "arbete": 2,
            "studier": 2,
            "aktivt_arbetssokande": 6,
            "sjukdom": 6,
            "fortsatt_rehabilitering": 6,
            "annat": 1,
        },
    }
    for sex, reasons in plan.items():
        j = 0
        for reason, n in reasons.items():
            for _ in range(n):
                detail = {"sjukdom": "behov av vård", "annat": "pension"}.get(reason)
                ex += _ex(6 + j % 2, sex, reason, detail=detail)
                j += 1
    ex += _ex(6, "kvinna", None, 2, dropout=True) + _ex(7, "kvinna", None, dropout=True)
    ex += _ex(6, "man", None, dropout=True) + _ex(7, "man", None, dropout=True)
    return _Scenario(
        team="vasteras",
        first=dt.date(2017, 1, 1),
        last=dt.date(2020, 12, 31),
        cuts=[dt.date(2020, 1, 1)],
        new=[{"kvinna": 76, "man": 70}, {"kvinna": 26, "man": 21}],
        exits=ex,
        trial_months=3,
        pop_rule={b: "all_exits" for b in range(8)},
        in_goal=("arbete", "studier"),
        windows=[],
        default_mean=11.5,
        seed=2020,
    )


def _vasteras(rng) -> tuple[list[_Spell], _Scenario]:
    sc = _vasteras_scenario()
    spells = _build(sc)
    p20 = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    new20, exits20 = _members(spells, *p20, "new"), _members(spells, *p20, "exits")
    # age bands at enrolment of the new (seed 002 §2.3)
    _assign_categories(rng, "band", [(new20, {"15-29": 8, "30-44": 21, "45-59": 17, "60-74": 1})])
    bounds = {"15-29": (19, 29), "30-44": (30, 44), "45-59": (45, 59), "60-74": (60, 64)}
    for s in new20:
        lo, hi = bounds[s.attrs.pop("band")]
        s.attrs["birth_year"] = s.enrol.year - int(rng.integers(lo, hi + 1))
    _assign_categories(
        rng,
        "utbildning",
        [
            (
                new20,
                {
                    "grundskola": 17,
                    "gymnasium": 21,
                    "hogskola_over_3": 1,
                    "hogskola_upp_till_3": 2,
                    "hogskola_upp_till_1": 2,
                    "okand": 4,
                },
            )
        ],
    )
    bins = {f"upp_{k}": 0 for k in range(1, 10)}
    bins.update(
        {"upp_1": 8, "upp_2": 4, "upp_3": 4, "upp_4": 4, "upp_5": 4, "upp_6": 3, "upp_8": 2, "upp_9": 1, "nio_plus": 17}
    )
    _assign_categories(rng, "years_bin", [(new20, {k: v for k, v in bins.items() if v})])
    for s in new20:
        b = s.attrs.pop("years_bin")
        if b == "nio_plus":
            s.attrs["years"] = round(float(rng.uniform(9.0, 18.0)), 1)
        else:
            k = int(b.split("_")[1])
            s.attrs["years"] = round(k - 1 + float(rng.integers(1, 10)) / 10, 1)
    # support before and after for the 2020 exits (seed 002 §4.1.2)
    before = (
        [["forsorjningsstod", "sjukpenning"]] * 2
        + [["forsorjningsstod", "aktivitetsstod"], ["forsorjningsstod", "a_kassa"]]
        + [["forsorjningsstod"]] * 29
        + [["sjukpenning"]] * 5
        + [["aktivitetsstod"]] * 5
        + [["a_kassa"]] * 2
        + [["sjukersattning"]] * 2
        + [["aktivitetsersattning"]]
        + [["ingen_offentlig"]]
    )
    order = rng.permutation(len(exits20))
    for j, s in zip(order, exits20, strict=True):
        s.attrs["fore"] = list(before[j])
    after_work = [["ingen_offentlig"]] * 4 + [["studiestod"]] * 3 + [["ingen_offentlig"]]
    after_rest = (
        [["forsorjningsstod", "aktivitetsstod"]] * 3
        + [["forsorjningsstod", "sjukpenning"]]
        + [["forsorjningsstod"]] * 15
        + [["aktivitetsstod"]] * 12
        + [["sjukpenning"]] * 3
        + [["aktivitetsersattning"]] * 2
    )
    counted = [s for s in exits20 if not s.exit.dropout]
    work = sorted((s for s in counted if s.exit.reason in ("arbete", "studier")), key=lambda s: s.exit.reason)
    rest = [s for s in counted if s not in work]
    for s, lst in zip(work, after_work, strict=True):
        s.attrs["efter"] = list(lst)
    order = rng.permutation(len(rest))
    for j, s in zip(order, rest, strict=True):
        s.attrs["efter"] = list(after_rest[j])
    # employment before and after (seed 002 §4.1.1): 20 active job seekers before; after, 2 in
    # unsubsidised and 2 in subsidised work, 4 studying, 16 active job seekers outside work/studies.
    seekers_before = set(rng.permutation(len(counted))[:20].tolist())
    for j, s in enumerate(counted):
        s.attrs["syss_fore"] = ["aktivt_arbetssokande"] if j in seekers_before else ["ingen_sysselsattning"]
    workers = [s for s in counted if s.exit.reason == "arbete"]
    for j, s in enumerate(workers):
        s.attrs["syss_efter"] = ["arbete_osubventionerat" if j < 2 else "arbete_subventionerat"]
    also_seeking = [s for s in counted if s.exit.reason == "fortsatt_rehabilitering"][:5] + [
        s for s in counted if s.exit.reason == "sjukdom"
    ][:2]
    for s in counted:
        if s.exit.reason == "studier":
            s.attrs["syss_efter"] = ["studier"]
        elif s.exit.reason == "aktivt_arbetssokande" or s in also_seeking:
            s.attrs["syss_efter"] = ["aktivt_arbetssokande"]
        elif s.exit.reason != "arbete":
            s.attrs["syss_efter"] = ["ingen_sysselsattning"]
    _fill_defaults(rng, spells, sc, units=("MAC", "Odling/Trädgård", "Salix", "Upplevelse"))
    return spells, sc


def _survey_rows(rng) -> list[list[str]]:
    """NNS answers for Västerås 2020 (seed 002 §2.5.3): round 1 (50 answers per question) with 98 %
    answering question 4 above "inte alls"; round 2 (20 answers) with 100 % on question 4, 70 % in
    the top two steps on question 5 and 55 % on question 6."""
    from .codes import SURVEY_SCALE
    from .indicators.survey import QUESTIONS, YES_NO_QUESTIONS

    # counts per step, lowest first: inte alls … helt och hållet
    fixed = {
        (1, 4): [1, 1, 4, 12, 16, 16],
        (2, 4): [0, 0, 2, 4, 6, 8],
        (2, 5): [0, 1, 2, 3, 6, 8],
        (2, 6): [1, 1, 3, 4, 5, 6],
    }
    rows = []
    for rnd, questions in QUESTIONS.items():
        n = 50 if rnd == 1 else 20
        for q in questions:
            if (rnd, q) in YES_NO_QUESTIONS:
                yes = int(rng.integers(n - 4, n + 1))
                answers = ["ja"] * yes + ["nej"] * (n - yes)
            else:
                dist = fixed.get((rnd, q))
                if dist is None:
                    p = np.array([0.02, 0.04, 0.10, 0.22, 0.30, 0.32])
                    dist = list(rng.multinomial(n, p))
                answers = [step for step, k in zip(SURVEY_SCALE, dist, strict=True) for _ in range(k)]
            order = rng.permutation(len(answers))
            rows += [[str(rnd), str(q), answers[j]] for j in order]
    return rows


def _followup_rows(rng, spells) -> list[list[str]]:
    """Follow-ups dated in 2020 (seed 002 §4.1.2): at 6 months 17 reached (5 in work, studies or
    job seeking, 7 in continued rehabilitation, 5 ill) and 6 not reached; at 18 months 32 reached
    (12 work, 4 studies, 8 job seeking, 6 ill, 2 other) and 2 not reached."""
    plans = {
        6: (
            ["arbete", "studier"]
            + ["aktivt_arbetssokande"] * 3
            + ["fortsatt_rehabilitering"] * 7
            + ["sjukdom"] * 5
            + ["ej_nadd"] * 6
        ),
        18: (
            ["arbete"] * 12
            + ["studier"] * 4
            + ["aktivt_arbetssokande"] * 8
            + ["sjukdom"] * 6
            + ["annat"] * 2
            + ["ej_nadd"] * 2
        ),
    }
    rows = []
    for months, statuses in plans.items():
        lo, hi = dt.date(2020, 1, 1), dt.date(2020, 12, 31)
        due = []
        for s in spells:
            if s.exit is None or s.exit.dropout:
                continue
            total = s.exit_date.month - 1 + months
            y, m = s.exit_date.year + total // 12, total % 12 + 1
            day = dt.date(y, m, min(s.exit_date.day, 28))
            if lo <= day <= hi:
                due.append((day, s))
        due.sort(key=lambda t: (t[0], t[1].attrs["id"]))
        if len(due) < len(statuses):
            raise RuntimeError(f"only {len(due)} exits due for a {months}-month follow-up")
        picked = [due[j] for j in sorted(rng.permutation(len(due))[: len(statuses)].tolist())]
        order = rng.permutation(len(statuses))
        rows += [
            [s.attrs["id"], str(months), day.isoformat(), statuses[j]]
            for (day, s), j in zip(picked, order, strict=True)
        ]
    return rows


# ------------------------------------------------------------------------ budgets

AVESTA_BUDGETS = {
    "ekonomi-2018.csv": [
        ("Egen personal", "1 940 000", "1 531 595", ""),
        ("Externa tjänster i teamet", "460 000", "309 315", ""),
        ("Lokaler", "35 000", "33 455", ""),
        ("Övriga kostnader", "265 000", "338 233", ""),
    ],
    "ekonomi-2022.csv": [
        ("Personal", "2 150 000", "1 130 513", "0"),
        ("Lokaler", "40 000", "4 230", "30 000"),
        ("Övriga kostnader", "110 000", "54 907", "-20 000"),
    ],
}


def write_examples(outdir: str | Path) -> list[Path]:
    """Write the example registers and budgets under ``outdir``; return the files written."""
    outdir = Path(outdir)
    written = []
    spells, _ = _avesta(np.random.default_rng(1))
    # The same person enrolled twice: an early exit (2015) who came back in 2019.
    first = next(
        k
        for k, s in enumerate(
            sorted(spells, key=lambda s: (s.enrol, s.exit_date or dt.date.max, s.sex, s.attrs["birth_year"]))
        )
        if s.exit_date
    )
    rows_sorted = sorted(spells, key=lambda s: (s.enrol, s.exit_date or dt.date.max, s.sex, s.attrs["birth_year"]))
    second = next(
        k
        for k, s in enumerate(rows_sorted)
        if s.enrol >= dt.date(2019, 1, 1)
        and s.exit_date
        and s.exit_date < dt.date(2021, 7, 1)
        and s.sex == rows_sorted[first].sex
    )
    path = outdir / "avesta" / "deltagare.csv"
    _write_csv(path, COLUMNS, _rows(spells, "AV", [(first, second)], "."))
    written.append(path)
    for name, lines in AVESTA_BUDGETS.items():
        path = outdir / "avesta" / name
        _write_csv(path, ["post", "budget", "utfall", "prognos"], [list(line) for line in lines], delimiter=";")
        written.append(path)
    rng = np.random.default_rng(2)
    spells, _ = _vasteras(rng)
    path = outdir / "vasteras" / "deltagare.csv"
    columns = COLUMNS + ["sysselsattning_fore", "sysselsattning_efter"]
    _write_csv(path, columns, _rows(spells, "VS", [], ",", employment=True), delimiter=";")
    written.append(path)
    path = outdir / "vasteras" / "enkat-2020.csv"
    _write_csv(path, ["omgang", "fraga", "svar"], _survey_rows(rng))
    written.append(path)
    path = outdir / "vasteras" / "uppfoljning.csv"
    _write_csv(path, ["deltagar_id", "uppfoljning_manad", "uppfoljningsdatum", "status"], _followup_rows(rng, spells))
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0]) if argv else Path("data/example")
    for path in write_examples(outdir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# -------------------------------------------------------------------- a federation

_FEDERATION_TEXT = {
    "sammanfattning": "Teamet arbetade under året med {{ flows.served }} deltagare, och {{ outcomes.in_goal_share }} "
    "av dem som avslutades efter prövotiden gick vidare till arbete eller studier.\n",
    "deltagare": "## Förutsättningar och genomförandeprocess\nDeltagarna har ofta varit utan arbete länge.\n\n"
    "## Jämställdhetsintegrering\nTeamet följer fördelningen mellan kvinnor och män i varje steg.\n\n"
    "## Förutsättningar vid start\n{{ flows.new }} deltagare skrevs in under perioden.\n\n"
    "## Genomförandeprocessen\nVarje deltagare har en kontaktperson genom hela insatsen.\n\n"
    "## Mål och indikatorer på individnivå\nMålen följs upp tillsammans med deltagaren.\n\n"
    "## Processtrappan\nMätningen införs under året.\n\n## Egenupplevd hälsa\nMätningen införs under året.\n\n"
    "## Deltagarenkät\nEnkäten har inte använts under perioden.\n",
    "personal": "Teamet har haft en stabil bemanning.\n",
    "organisation": "## Mål och indikatorer på insatsnivå\nStyrgruppen följer resultaten varje kvartal.\n\n"
    "## Resultat\n{{ outcomes.in_goal }} av {{ outcomes.denominator }} gick i mål.\n\n"
    "## Effekt på längre sikt\nUppföljning efter avslut planeras.\n\n## Sammanfattning\nResultatet är stabilt.\n\n"
    "## Återbetalning och strategisk samverkan\nSamverkan sker i styrgruppen.\n",
    "framtiden": "Teamet fortsätter utveckla arbetet med arbetsgivare.\n",
}


def write_federation(outdir: str | Path, teams: int, seed: int = 7, enrolments: int = 240) -> list[Path]:
    """A synthetic federation of ``teams`` teams for benchmarks: for each a register with several
    years of history, a params file for 2022 (template ``vasteras``) and its narrative files.
    Returns the params files written."""
    outdir = Path(outdir)
    rng = np.random.default_rng(seed)
    written = []
    for t in range(1, teams + 1):
        slug = f"team-{t:03d}"
        rows = []
        first = dt.date(2018, 1, 1)
        for k in range(enrolments):
            enrol = first + dt.timedelta(days=int(rng.integers(0, 365 * 5)))
            stay = int(rng.integers(20, 700))
            exit_ = enrol + dt.timedelta(days=stay)
            done = exit_ <= dt.date(2022, 12, 31)
            reason = (
                str(
                    rng.choice(
                        ["arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande", "sjukdom", "annat"]
                    )
                )
                if done
                else ""
            )
            sources = ["forsorjningsstod", "sjukpenning", "aktivitetsersattning", "aktivitetsstod", "ingen_offentlig"]
            rows.append(
                [
                    f"T{t:03d}-{k + 1:04d}",
                    str(rng.choice(["kvinna", "man"])),
                    str(int(rng.integers(1965, 2003))),
                    enrol.isoformat(),
                    exit_.isoformat() if done else "",
                    reason,
                    str(rng.choice(REFERRERS[:4])),
                    str(rng.choice(sources)),
                    str(rng.choice(sources)) if done else "",
                    str(rng.choice(EDUCATION)),
                    f"{rng.gamma(2.0, 2.0):.1f}",
                ]
            )
        rows.sort(key=lambda r: (r[3], r[0]))
        data = outdir / "data" / slug / "deltagare.csv"
        _write_csv(
            data,
            [
                "deltagar_id",
                "kon",
                "fodelsear",
                "inskrivningsdatum",
                "avslutsdatum",
                "avslutsanledning",
                "remittent",
                "forsorjning_fore",
                "forsorjning_efter",
                "utbildning",
                "ar_i_offentlig_forsorjning",
            ],
            rows,
        )
        params = outdir / "params" / slug / "2022.yml"
        params.parent.mkdir(parents=True, exist_ok=True)
        params.write_text(
            f"team: {slug}\nname: Samverkansteam {t}\nfederation: Exempelförbundet\ntemplate: vasteras\n"
            "period: {start: 2022-01-01, end: 2022-12-31}\n"
            f"data: {{participants: ../../data/{slug}/deltagare.csv}}\n"
            "rules: {trial_months: 2, in_goal: [arbete, studier], throughput_population: all_exits}\n",
            encoding="utf-8",
        )
        folder = params.with_suffix("")
        folder.mkdir(exist_ok=True)
        for name, text in _FEDERATION_TEXT.items():
            (folder / f"{name}.md").write_text(text, encoding="utf-8")
        written.append(params)
    return written

"""The Västerås 2018 scenario (seed 004): a register extracted early in 2019, from mid-2015 to the
end of 2018, with its applications, participant survey, self-rated health, follow-ups and budget.

Seed 004 gives 127 participants in 2018, 52 who completed and 22 who broke off; its 64 "enrolled at
the turn of the year" cannot hold together with those (127 − 52 − 22 = 53), so the register keeps
the three figures that the seed's own tables break down (the results per sub-unit add up to 52, the
reasons for breaking off to 22) and gives 53 at the year's end.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from .attributes import assign_categories, fill_defaults, members
from .model import Exit, Scenario, Spell, planned
from .solver import build
from .vasteras import UNITS

YEAR = (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
REASON_MIX = ("fortsatt_rehabilitering", "arbete", "fortsatt_rehabilitering", "studier", "sjukdom")

#: Seed 004, "Sammanställning per insats": counted exits per reason and sub-unit (52 in all).
BY_UNIT = {
    "arbete": {"MAC": 5, "Odling/Trädgård": 5, "Salix": 2, "Upplevelse": 1},
    "studier": {"MAC": 3, "Odling/Trädgård": 1, "Salix": 1, "Upplevelse": 0},
    "fortsatt_rehabilitering": {"MAC": 12, "Odling/Trädgård": 7, "Salix": 3, "Upplevelse": 12},
}
SEXES_2018 = {"kvinna": {"arbete": 7, "studier": 3, "fortsatt_rehabilitering": 18}, "man": {"arbete": 6, "studier": 2}}
SEXES_2018["man"]["fortsatt_rehabilitering"] = 16

#: Continued rehabilitation (34): (destination, referrer, support before, support after), how many.
#: 16 (47 %) to the reinforced cooperation of AF and FK, 15 (44 %) back to the referrer, 3 elsewhere.
CONTINUED = [
    (("forstarkt_samarbete", "fk", "sjukpenning", "aktivitetsstod"), 3),
    (("forstarkt_samarbete", "fk", "sjukpenning", "sjukpenning"), 5),
    (("forstarkt_samarbete", "fk", "sjukpenning", "forsorjningsstod"), 1),
    (("forstarkt_samarbete", "kommun", "forsorjningsstod", "aktivitetsstod"), 4),
    (("forstarkt_samarbete", "kommun", "forsorjningsstod", "forsorjningsstod"), 3),
    (("fk", "fk", "sjukpenning", "sjukpenning"), 11),
    (("af", "af", "aktivitetsstod", "aktivitetsstod"), 4),
    (("af", "kommun", "forsorjningsstod", "forsorjningsstod"), 3),
]
#: Support before of those who went to work (13; after: lön) and to studies (5; after: studiestöd).
WORK_BEFORE = ["forsorjningsstod"] * 2 + ["sjukpenning"] * 5 + ["aktivitetsstod"] * 5 + ["ingen_offentlig"]
STUDY_BEFORE = ["forsorjningsstod"] * 5
#: Seed 004, "Andel som avbrutit": 22 broke off; (reason, referrer), how many. The seed names the
#: referrers of 20 of the 21 who went back to their referrer; the 21st is taken to be the region's.
BREAKOFFS = [
    (("ohalsa", "fk"), 12),
    (("ohalsa", "af"), 6),
    (("ohalsa", "kommun"), 2),
    (("startade_inte", "region"), 1),
    (("ej_nabar", "annan"), 1),
]


def scenario() -> Scenario:
    """Enrolments since July 2015: 110 before 2018 (60 of them still enrolled at its start) and 67
    in 2018; 2018 ends 52 enrolments after the trial period and 22 in it."""
    return Scenario(
        team="vasteras",
        first=dt.date(2015, 7, 1),
        last=dt.date(2018, 12, 31),
        cuts=[dt.date(2018, 1, 1)],
        new=[{"kvinna": 58, "man": 52}, {"kvinna": 37, "man": 30}],
        exits=_history() + _exits_2018(),
        trial_months=3,
        pop_rule={b: "all_exits" for b in range(7)},
        in_goal=("arbete", "studier"),
        windows=[],
        default_mean=10.0,
        seed=2018,
    )


def _history() -> list[Exit]:
    """Five exits per sex and half-year from 2015H2 to 2017H2, one of them a dropout in odd blocks."""
    ex: list[Exit] = []
    k = 0
    for b in range(5):
        for sex in ("kvinna", "man"):
            for j in range(5):
                if j == 0 and b % 2 == 1:
                    ex += planned(b, sex, None, dropout=True)
                    continue
                reason = REASON_MIX[k % len(REASON_MIX)]
                ex += planned(b, sex, reason, detail="behov av vård" if reason == "sjukdom" else None)
                k += 1
    return ex


def _exits_2018() -> list[Exit]:
    """52 counted exits (28 women, 24 men) spread over both half-years, and 22 dropouts (12, 10)."""
    ex: list[Exit] = []
    for sex, reasons in SEXES_2018.items():
        j = 0
        for reason, n in reasons.items():
            for _ in range(n):
                ex += planned(5 + j % 2, sex, reason)
                j += 1
    for sex, n in (("kvinna", 12), ("man", 10)):
        ex += planned(5, sex, None, n // 2, dropout=True) + planned(6, sex, None, n - n // 2, dropout=True)
    return ex


def vasteras_2018(rng) -> tuple[list[Spell], Scenario]:
    """The spells, with the 2018 exits given seed 004's sub-units, destinations, reasons for breaking
    off and referrers, and support before and after that the payback model prices."""
    sc = scenario()
    spells = build(sc)
    exits = members(spells, *YEAR, "exits")
    counted = [s for s in exits if not s.exit.dropout]
    for reason, units in BY_UNIT.items():
        group = [s for s in counted if s.exit.reason == reason]
        assign_categories(rng, "delinsats", [(group, units)])
    _continued(rng, [s for s in counted if s.exit.reason == "fortsatt_rehabilitering"])
    _work_and_studies(rng, counted)
    _breakoffs(rng, [s for s in exits if s.exit.dropout])
    fill_defaults(rng, spells, units=UNITS)
    return spells, sc


def _spread(rng, population: list[Spell], plan: list[tuple[tuple, int]]) -> list[tuple[Spell, tuple]]:
    """Each person of ``population`` paired with one entry of ``plan`` (entries repeated as many
    times as it says), in a random order."""
    entries = [entry for entry, n in plan for _ in range(n)]
    if len(entries) != len(population):
        raise RuntimeError(f"plan of {len(entries)} for {len(population)} persons")
    order = rng.permutation(len(entries))
    return [(s, entries[j]) for s, j in zip(population, order, strict=True)]


def _continued(rng, population: list[Spell]) -> None:
    for s, (destination, referrer, before, after) in _spread(rng, population, CONTINUED):
        s.attrs.update(fortsatt_till=destination, remittent=referrer, fore=[before], efter=[after])


def _work_and_studies(rng, counted: list[Spell]) -> None:
    for reason, before, after in (("arbete", WORK_BEFORE, "lon"), ("studier", STUDY_BEFORE, "studiestod")):
        group = [s for s in counted if s.exit.reason == reason]
        for s, (source,) in _spread(rng, group, [((b,), 1) for b in before]):
            s.attrs.update(fore=[source], efter=[after])


def _breakoffs(rng, dropouts: list[Spell]) -> None:
    for s, (reason, referrer) in _spread(rng, dropouts, BREAKOFFS):
        s.attrs.update(avbrott_anledning=reason, remittent=referrer)


# ----------------------------------------------------------------- the files beside the register

#: Seed 004's NNS annex, at exit: answers per step (inte alls … helt och hållet), or (ja, nej).
#: Questions 1–7 count the top two steps, 9 and 10 the top three (the seed names them).
SURVEY_AT_EXIT = {
    1: [1, 2, 3, 3, 9, 8],  # 17 of 26 = 65 %
    2: [0, 1, 1, 3, 12, 12],  # 24 of 29 = 83 %
    3: [1, 1, 2, 4, 9, 8],  # 17 of 25 = 68 %
    4: [0, 0, 0, 1, 10, 18],  # 28 of 29 = 97 %
    5: [1, 1, 2, 4, 11, 10],  # 21 of 29 = 72 %
    6: [1, 2, 3, 4, 9, 9],  # 18 of 28 = 64 %
    7: [0, 1, 1, 2, 12, 13],  # 25 of 29 = 86 %
    8: (21, 7),  # 21 of 28 = 75 % yes
    9: [1, 1, 3, 5, 6, 5],  # 16 of 21 = 76 % in the top three
    10: [1, 1, 2, 5, 6, 5],  # 16 of 20 = 80 % in the top three
}


def survey_rows(rng) -> list[list[str]]:
    """NNS answers: round 1 (after about eight weeks) drawn plausibly, 34 per question; round 2 (at
    exit) as seed 004's annex gives them."""
    from ..codes import SURVEY_SCALE

    rows = []
    for q in range(1, 8):
        dist = rng.multinomial(34, np.array([0.03, 0.05, 0.12, 0.25, 0.30, 0.25]))
        rows += [["1", str(q), step] for step, k in zip(SURVEY_SCALE, dist, strict=True) for _ in range(k)]
    for q, dist in SURVEY_AT_EXIT.items():
        if q == 8:
            rows += [["2", "8", "ja"]] * dist[0] + [["2", "8", "nej"]] * dist[1]
        else:
            rows += [["2", str(q), step] for step, k in zip(SURVEY_SCALE, dist, strict=True) for _ in range(k)]
    order = rng.permutation(len(rows))
    return [rows[j] for j in order]


#: Self-rated health at start (41 answers) and at exit (30), lowest step first.
HEALTH = {"start": [4, 11, 14, 10, 2], "avslut": [2, 6, 9, 11, 2]}


def health_rows(rng) -> list[list[str]]:
    """Self-rated health (no seed figures: the seed only says the forms were collected)."""
    from ..codes import HEALTH_SCALE

    rows = [
        [rnd, step]
        for rnd, dist in HEALTH.items()
        for step, k in zip(HEALTH_SCALE, dist, strict=True)
        for _ in range(k)
    ]
    order = rng.permutation(len(rows))
    return [rows[j] for j in order]


#: Seed 004: 30 six-month follow-ups tried in 2018, 11 not reached; of the 19 reached, 9 in some
#: kind of work, 1 in studies, the rest in continued rehabilitation.
FOLLOWUPS_6 = ["arbete"] * 9 + ["studier"] + ["fortsatt_rehabilitering"] * 9 + ["ej_nadd"] * 11


def followup_rows(rng, spells: list[Spell]) -> list[list[str]]:
    """Six-month follow-ups dated in 2018, of exits after the trial period."""
    due = []
    for s in spells:
        if s.exit is None or s.exit.dropout:
            continue
        total = s.exit_date.month - 1 + 6
        day = dt.date(s.exit_date.year + total // 12, total % 12 + 1, min(s.exit_date.day, 28))
        if YEAR[0] <= day <= YEAR[1]:
            due.append((day, s))
    due.sort(key=lambda t: (t[0], t[1].attrs["id"]))
    picked = [due[j] for j in sorted(rng.permutation(len(due))[: len(FOLLOWUPS_6)].tolist())]
    order = rng.permutation(len(FOLLOWUPS_6))
    return [[s.attrs["id"], "6", day.isoformat(), FOLLOWUPS_6[j]] for (day, s), j in zip(picked, order, strict=True)]


#: Applications in 2018 per referrer, and the decisions (no seed figures: its charts lost them).
APPLICATION_REFERRERS = {"fk": 38, "af": 22, "kommun": 25, "region": 10}
APPLICATION_DECISIONS = {"beviljad": 72, "avslag": 15, "ej_beslutad": 8}
APPLICATION_UNITS = {"MAC": 0.35, "Odling/Trädgård": 0.3, "Upplevelse": 0.25, "Salix": 0.1}


def application_rows(rng) -> list[list[str]]:
    """Applications dated in 2018: the referrer and one or two other parties (the criterion is a
    need of support from at least two), a sub-unit (Salix, closed in May, only before June) and a
    decision (those still undecided from December)."""
    referrers = [r for r, n in APPLICATION_REFERRERS.items() for _ in range(n)]
    days = sorted(YEAR[0] + dt.timedelta(days=int(d)) for d in rng.integers(0, 365, len(referrers)))
    decisions = [d for d, n in APPLICATION_DECISIONS.items() if d != "ej_beslutad" for _ in range(n)]
    order = rng.permutation(len(decisions))
    rows = []
    for k, (day, j) in enumerate(zip(days, rng.permutation(len(referrers)), strict=True)):
        referrer = referrers[j]
        others = [a for a in ("af", "fk", "kommun", "region") if a != referrer]
        parties = [referrer, *sorted(rng.choice(others, int(rng.integers(1, 3)), replace=False).tolist())]
        units = [u for u in APPLICATION_UNITS if u != "Salix" or day.month < 6]
        p = np.array([APPLICATION_UNITS[u] for u in units])
        unit = units[int(rng.choice(len(units), p=p / p.sum()))]
        late = k >= len(days) - APPLICATION_DECISIONS["ej_beslutad"]
        decision = "ej_beslutad" if late else decisions[order[k]]
        rows.append([day.isoformat(), ";".join(parties), referrer, unit, decision])
    return rows


#: The budget for 2018 (kronor): the outcome stays under the budget ("budget i balans"), lower
#: mainly on staff (a vacancy) and premises, as seed 004 explains.
BUDGET_2018 = [
    ("Personal", "8 200 000", "7 790 000", ""),
    ("Lokaler", "1 300 000", "1 215 000", ""),
    ("Övriga kostnader", "900 000", "820 000", ""),
    ("Summa", "10 400 000", "9 825 000", ""),
]

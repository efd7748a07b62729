"""The Västerås seed scenario: 2017 to 2020, reproducing the 2020 report (seed 002); plus its
participant survey and follow-ups."""

from __future__ import annotations

import datetime as dt

import numpy as np

from .attributes import assign_categories, fill_defaults, members
from .model import FREE_TEXT, Exit, Scenario, Spell, planned
from .solver import build

UNITS = ("MAC", "Odling/Trädgård", "Salix", "Upplevelse")
YEAR = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def vasteras_scenario() -> Scenario:
    return Scenario(
        team="vasteras",
        first=dt.date(2017, 1, 1),
        last=dt.date(2020, 12, 31),
        cuts=[dt.date(2020, 1, 1)],
        new=[{"kvinna": 76, "man": 70}, {"kvinna": 26, "man": 21}],
        exits=_exits_2017_2019() + _exits_2020(),
        trial_months=3,
        pop_rule={b: "all_exits" for b in range(8)},
        in_goal=("arbete", "studier"),
        windows=[],
        default_mean=11.5,
        seed=2020,
    )


def _exits_2017_2019() -> list[Exit]:
    """Nine exits per half-year and sex, one of them a dropout every second half-year."""
    # blocks: 0=2017H1 … 5=2019H2, 6=2020H1, 7=2020H2
    ex: list[Exit] = []
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
                    ex += planned(b, sex, None, dropout=True)
                    continue
                reason = mix[k % len(mix)]
                detail = "behov av vård" if reason == "sjukdom" else None
                if reason == "annat":
                    detail = FREE_TEXT.get((b, sex, j))
                ex += planned(b, sex, reason, detail=detail)
                k += 1
    return ex


def _exits_2020() -> list[Exit]:
    """Seed 002: 49 exits (24 women, 25 men), 5 in the 3-month trial (3 women, 2 men)."""
    ex: list[Exit] = []
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
                ex += planned(6 + j % 2, sex, reason, detail=detail)
                j += 1
    ex += planned(6, "kvinna", None, 2, dropout=True) + planned(7, "kvinna", None, dropout=True)
    ex += planned(6, "man", None, dropout=True) + planned(7, "man", None, dropout=True)
    return ex


# ------------------------------------------------------------------------ attributes


def vasteras(rng) -> tuple[list[Spell], Scenario]:
    """Västerås's spells, with attributes that give the 2020 populations their published counts."""
    sc = vasteras_scenario()
    spells = build(sc)
    new20, exits20 = members(spells, *YEAR, "new"), members(spells, *YEAR, "exits")
    _assign_ages(rng, new20)
    _assign_education(rng, new20)
    _assign_years_on_support(rng, new20)
    counted = [s for s in exits20 if not s.exit.dropout]
    _assign_support(rng, exits20, counted)
    _assign_employment(rng, counted)
    fill_defaults(rng, spells, units=UNITS)
    return spells, sc


def _assign_ages(rng, new20: list[Spell]) -> None:
    """Age bands at enrolment of the new (seed 002 §2.3)."""
    _assign_categories_by(rng, "band", new20, {"15-29": 8, "30-44": 21, "45-59": 17, "60-74": 1})
    bounds = {"15-29": (19, 29), "30-44": (30, 44), "45-59": (45, 59), "60-74": (60, 64)}
    for s in new20:
        lo, hi = bounds[s.attrs.pop("band")]
        s.attrs["birth_year"] = s.enrol.year - int(rng.integers(lo, hi + 1))


def _assign_education(rng, new20: list[Spell]) -> None:
    education = {
        "grundskola": 17,
        "gymnasium": 21,
        "hogskola_over_3": 1,
        "hogskola_upp_till_3": 2,
        "hogskola_upp_till_1": 2,
        "okand": 4,
    }
    _assign_categories_by(rng, "utbildning", new20, education)


def _assign_years_on_support(rng, new20: list[Spell]) -> None:
    """Years on public support of the new, by whole years up to nine and beyond."""
    bins = {"upp_1": 8, "upp_2": 4, "upp_3": 4, "upp_4": 4, "upp_5": 4, "upp_6": 3, "upp_8": 2, "upp_9": 1}
    _assign_categories_by(rng, "years_bin", new20, {**bins, "nio_plus": 17})
    for s in new20:
        b = s.attrs.pop("years_bin")
        if b == "nio_plus":
            s.attrs["years"] = round(float(rng.uniform(9.0, 18.0)), 1)
        else:
            k = int(b.split("_")[1])
            s.attrs["years"] = round(k - 1 + float(rng.integers(1, 10)) / 10, 1)


def _assign_categories_by(rng, key: str, population: list[Spell], target: dict[str, int]) -> None:
    assign_categories(rng, key, [(population, target)])


SUPPORT_BEFORE = (
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
SUPPORT_AFTER_WORK = [["ingen_offentlig"]] * 4 + [["studiestod"]] * 3 + [["ingen_offentlig"]]
SUPPORT_AFTER_REST = (
    [["forsorjningsstod", "aktivitetsstod"]] * 3
    + [["forsorjningsstod", "sjukpenning"]]
    + [["forsorjningsstod"]] * 15
    + [["aktivitetsstod"]] * 12
    + [["sjukpenning"]] * 3
    + [["aktivitetsersattning"]] * 2
)


def _assign_support(rng, exits20: list[Spell], counted: list[Spell]) -> None:
    """Support before and after for the 2020 exits (seed 002 §4.1.2)."""
    order = rng.permutation(len(exits20))
    for j, s in zip(order, exits20, strict=True):
        s.attrs["fore"] = list(SUPPORT_BEFORE[j])
    work = sorted((s for s in counted if s.exit.reason in ("arbete", "studier")), key=lambda s: s.exit.reason)
    rest = [s for s in counted if s not in work]
    for s, lst in zip(work, SUPPORT_AFTER_WORK, strict=True):
        s.attrs["efter"] = list(lst)
    order = rng.permutation(len(rest))
    for j, s in zip(order, rest, strict=True):
        s.attrs["efter"] = list(SUPPORT_AFTER_REST[j])


def _assign_employment(rng, counted: list[Spell]) -> None:
    """Employment before and after (seed 002 §4.1.1): 20 active job seekers before; after, 2 in
    unsubsidised and 2 in subsidised work, 4 studying, 16 active job seekers outside work/studies."""
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


# ------------------------------------------------------------------- survey, follow-ups

#: Answers per step, lowest first (inte alls … helt och hållet), where the seed fixes them.
SURVEY_FIXED = {
    (1, 4): [1, 1, 4, 12, 16, 16],
    (2, 4): [0, 0, 2, 4, 6, 8],
    (2, 5): [0, 1, 2, 3, 6, 8],
    (2, 6): [1, 1, 3, 4, 5, 6],
}


def survey_rows(rng) -> list[list[str]]:
    """NNS answers for Västerås 2020 (seed 002 §2.5.3): round 1 (50 answers per question) with 98 %
    answering question 4 above "inte alls"; round 2 (20 answers) with 100 % on question 4, 70 % in
    the top two steps on question 5 and 55 % on question 6."""
    from ..indicators.survey import QUESTIONS

    rows = []
    for rnd, questions in QUESTIONS.items():
        n = 50 if rnd == 1 else 20
        for q in questions:
            answers = _answers(rng, rnd, q, n)
            order = rng.permutation(len(answers))
            rows += [[str(rnd), str(q), answers[j]] for j in order]
    return rows


def _answers(rng, rnd: int, q: int, n: int) -> list[str]:
    from ..codes import SURVEY_SCALE
    from ..indicators.survey import YES_NO_QUESTIONS

    if (rnd, q) in YES_NO_QUESTIONS:
        yes = int(rng.integers(n - 4, n + 1))
        return ["ja"] * yes + ["nej"] * (n - yes)
    dist = SURVEY_FIXED.get((rnd, q))
    if dist is None:
        p = np.array([0.02, 0.04, 0.10, 0.22, 0.30, 0.32])
        dist = list(rng.multinomial(n, p))
    return [step for step, k in zip(SURVEY_SCALE, dist, strict=True) for _ in range(k)]


#: Follow-up statuses dated in 2020, per months after the exit.
FOLLOWUPS = {
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


def followup_rows(rng, spells: list[Spell]) -> list[list[str]]:
    """Follow-ups dated in 2020 (seed 002 §4.1.2): at 6 months 17 reached (5 in work, studies or
    job seeking, 7 in continued rehabilitation, 5 ill) and 6 not reached; at 18 months 32 reached
    (12 work, 4 studies, 8 job seeking, 6 ill, 2 other) and 2 not reached."""
    rows = []
    for months, statuses in FOLLOWUPS.items():
        due = _due(spells, months)
        if len(due) < len(statuses):
            raise RuntimeError(f"only {len(due)} exits due for a {months}-month follow-up")
        picked = [due[j] for j in sorted(rng.permutation(len(due))[: len(statuses)].tolist())]
        order = rng.permutation(len(statuses))
        rows += [
            [s.attrs["id"], str(months), day.isoformat(), statuses[j]]
            for (day, s), j in zip(picked, order, strict=True)
        ]
    return rows


def _due(spells: list[Spell], months: int) -> list[tuple[dt.date, Spell]]:
    """The exits (after the trial) whose follow-up ``months`` later falls in 2020, by date and id."""
    due = []
    for s in spells:
        if s.exit is None or s.exit.dropout:
            continue
        total = s.exit_date.month - 1 + months
        y, m = s.exit_date.year + total // 12, total % 12 + 1
        day = dt.date(y, m, min(s.exit_date.day, 28))
        if YEAR[0] <= day <= YEAR[1]:
            due.append((day, s))
    due.sort(key=lambda t: (t[0], t[1].attrs["id"]))
    return due

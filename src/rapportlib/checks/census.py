"""The register counted day by day, against the indicators counted from events.

The indicators count populations from enrolment and exit dates (``indicators.periods``). Here the
same figures come from a daily census of the register, computed without the indicator code: each
enrolment (one register row; one person may have several) is present on every day from its
enrolment day through its exit day, both included (open enrolments to the end of time). Over the
days from the day before the period through the day after it:

- *inskrivna vid start*: present the day before the period and on its first day (carried in);
- *inskrivna vid slut*: present on the last day and the day after (carried out);
- *nyinskrivna*: present on a day of the period but not on the day before (entered);
- *avslutade*: present on a day of the period but not on the day after (left);
- *totalt arbetat med*: present on some day of the period;
- the number enrolled at the end of each day (present that day and the next) gives the
  capacity's mean and peak.

Early dropouts and exit reasons are read straight from the register's columns for the enrolments
that left: the ``tidigt_avhopp`` flag, or where it is empty an exit before the same day
``trial_months`` calendar months after enrolment (clamped to the month's last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter

import numpy as np
import pandas as pd

from .. import fmt
from ..codes import label
from ._base import POPULATION_NAMES, Check, Inputs, close, compare, n

_BY_DAYS = "registret dag för dag"
_BY_ROWS = "registrets rader"


def _day(value) -> dt.date:
    return pd.Timestamp(value).date()


def _offsets(dates: pd.Series, start: dt.date) -> np.ndarray:
    """Whole days from ``start`` to each date; a missing date is +∞ (still enrolled)."""
    days = dates.to_numpy(dtype="datetime64[D]")
    missing = np.isnat(days)
    since = (days - np.datetime64(start, "D")).astype("int64")
    return np.where(missing, np.inf, since.astype(float))


def presence(register: pd.DataFrame, start: dt.date, end: dt.date) -> np.ndarray:
    """Enrolments × days: whether each enrolment is present on each day from ``start − 1`` to
    ``end + 1`` (column 0 is the day before the period, the last column the day after)."""
    first = _offsets(register["inskrivningsdatum"], start)
    last = _offsets(register["avslutsdatum"], start)
    days = np.arange(-1, (end - start).days + 2)
    return (first[:, None] <= days) & (days <= last[:, None])


def census(register: pd.DataFrame, start: dt.date, end: dt.date) -> dict:
    """The period's populations (boolean masks over the register's rows) and the number enrolled
    at the end of each day, from :func:`presence`."""
    p = presence(register, start, end)
    before, inside, after = p[:, :-2], p[:, 1:-1], p[:, 2:]
    return {
        "active_start": p[:, 0] & p[:, 1],
        "new": (inside & ~before).any(axis=1),
        "exits": (inside & ~after).any(axis=1),
        "active_end": p[:, -2] & p[:, -1],
        "served": inside.any(axis=1),
        "daily": (inside & after).sum(axis=0),
    }


def _trial_end(enrolled: dt.date, months: int) -> dt.date:
    years, month0 = divmod(enrolled.month - 1 + months, 12)
    year, month = enrolled.year + years, month0 + 1
    return dt.date(year, month, min(enrolled.day, calendar.monthrange(year, month)[1]))


def dropouts(register: pd.DataFrame, left: np.ndarray, trial_months: int) -> np.ndarray:
    """Which of the enrolments that ``left`` are early dropouts (see the module docstring)."""
    flags = register["tidigt_avhopp"] if "tidigt_avhopp" in register else pd.Series(pd.NA, index=register.index)
    result = np.zeros(len(register), dtype=bool)
    for i in np.flatnonzero(left):
        flag = flags.iloc[i]
        if pd.isna(flag):
            enrolled, exited = _day(register["inskrivningsdatum"].iloc[i]), _day(register["avslutsdatum"].iloc[i])
            result[i] = exited < _trial_end(enrolled, trial_months)
        else:
            result[i] = bool(flag)
    return result


def _period(inp: Inputs) -> tuple[dt.date, dt.date]:
    period = inp.ind.get("period", {})
    start = inp.start if inp.start is not None else period["start"]
    end = inp.end if inp.end is not None else period["end"]
    return _day(start), _day(end)


def _text(counts: dict, kind: str) -> str:
    """``(kvinnor 2; män 1)``: the non-zero counts with their Swedish labels."""
    parts = [f"{label(kind, k).lower()} {n(v)}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])) if v]
    return f"({'; '.join(parts) or 'inga'})"


def _split(values: pd.Series, mask: np.ndarray, missing: str) -> dict:
    return dict(Counter(missing if pd.isna(v) else v for v in values.to_numpy()[mask]))


def period_matches(inp: Inputs) -> list[Check]:
    """The indicators were computed for the report's period."""
    if inp.start is None or inp.end is None or "period" not in inp.ind:
        return []
    theirs = (inp.ind["period"]["start"], inp.ind["period"]["end"])
    ours = (_day(inp.start).isoformat(), _day(inp.end).isoformat())
    return [
        Check(
            "Indikatorerna gäller rapportens period",
            theirs == ours,
            f"indikatorerna {theirs[0]} – {theirs[1]}, rapporten {ours[0]} – {ours[1]}",
        )
    ]


def census_flows(inp: Inputs) -> list[Check]:
    """Flows, persons served and early dropouts from events against the daily census."""
    if inp.register is None:
        return []
    reg, (start, end), f = inp.register, _period(inp), inp.ind["flows"]
    c = census(reg, start, end)
    checks = [
        compare(f"Dagräkning: {POPULATION_NAMES[pop]}", f[pop], int(c[pop].sum()), _BY_DAYS)
        for pop in ("active_start", "new", "exits", "active_end", "served")
    ]
    if "persons_served" in f:
        persons = len(set(reg["deltagar_id"].to_numpy()[c["served"]]))
        checks.append(compare("Dagräkning: personer totalt arbetat med", f["persons_served"], persons, _BY_DAYS))
    early = int(dropouts(reg, c["exits"], inp.ind["rules"]["trial_months"]).sum())
    checks.append(compare("Registret: tidiga avhopp", f["early_dropouts"], early, _BY_ROWS))
    return checks


def census_sex(inp: Inputs) -> list[Check]:
    """Each population's split by sex against the census's, sex read from the register."""
    if inp.register is None:
        return []
    c, checks = census(inp.register, *_period(inp)), []
    for pop, name in POPULATION_NAMES.items():
        theirs = {k: v for k, v in inp.ind["sex"][pop].items() if v != 0}
        ours = _split(inp.register["kon"], c[pop], "uppgift saknas")
        checks.append(
            Check(
                f"Dagräkning: {name} per kön",
                theirs == ours,
                f"indikatorerna {_text(theirs, 'sex')}, {_BY_DAYS} {_text(ours, 'sex')}",
            )
        )
    return checks


def census_outcomes(inp: Inputs) -> list[Check]:
    """Exits by reason and in goal (early dropouts left out) straight from the register."""
    if inp.register is None:
        return []
    reg, o = inp.register, inp.ind["outcomes"]
    left = census(reg, *_period(inp))["exits"]
    counted = left & ~dropouts(reg, left, inp.ind["rules"]["trial_months"])
    ours = _split(reg["avslutsanledning"], counted, "utan anledning")
    theirs = {k: v for k, v in o["counts"].items() if v != 0}
    if o["without_reason"]:
        theirs["utan anledning"] = o["without_reason"]
    in_goal = sum(v for k, v in ours.items() if k in o["in_goal_codes"])
    return [
        Check(
            "Registret: avslut per anledning",
            theirs == ours,
            f"indikatorerna {_text(theirs, 'exit_reason')}, {_BY_ROWS} {_text(ours, 'exit_reason')}",
        ),
        compare("Registret: i mål", o["in_goal"], in_goal, _BY_ROWS),
    ]


def census_capacity(inp: Inputs) -> list[Check]:
    """Mean and peak number enrolled per day against the census; the register's size."""
    if inp.register is None:
        return []
    reg, ind, checks = inp.register, inp.ind, []
    if "capacity" in ind and ind["capacity"].get("mean_enrolled") is not None:
        daily = census(reg, *_period(inp))["daily"]
        mean, theirs = float(daily.mean()), ind["capacity"]["mean_enrolled"]
        checks.append(
            Check(
                "Dagräkning: inskrivna i genomsnitt per dag",
                close(mean, theirs),
                f"indikatorerna {fmt.number(theirs, 3)}, {_BY_DAYS} {fmt.number(mean, 3)}",
            )
        )
        checks.append(
            compare("Dagräkning: flest inskrivna samtidigt", ind["capacity"]["peak"], int(daily.max()), _BY_DAYS)
        )
    if "register" in ind:
        checks.append(compare("Registret: inskrivningar", ind["register"]["enrolments"], len(reg), _BY_ROWS))
        checks.append(
            compare("Registret: personer", ind["register"]["persons"], int(reg["deltagar_id"].nunique()), _BY_ROWS)
        )
    return checks

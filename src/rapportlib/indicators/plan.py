"""A plan's figures (*insatsplan*): context statistics, capacity targets, the budget with its
sub-lines, the staff plan, the timeline, and the predecessor team's register by kommun.

Every function is pure: params values or a frame in, a new value out. Amounts are kept in kronor
whatever unit the plan is written in (``unit: tkr`` multiplies by 1000).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..codes import fold
from ._util import share_or_none

SERIES_KEYS = ("kalla", "omrade", "matt", "manad")


def context_statistics(frame: pd.DataFrame) -> list[dict]:
    """*Kontextstatistik*: one series per source, area, measure and month, in file order, each with
    its ``classes`` (class, count per sex, ``totalt`` = the sum over the sexes), its ``total``
    (each sex summed over the classes, and ``totalt``) and the ``declared_total`` per sex that the
    file's total row gives (``None`` without one), for a check to compare with ``total``."""
    declared = frame.attrs.get("declared_totals") or []
    series = []
    for key, rows in frame.groupby(list(SERIES_KEYS), sort=False):
        sexes = list(dict.fromkeys(rows["kon"]))
        classes = []
        for name, part in rows.groupby("klass", sort=False):
            counts = {s: int(part.loc[part["kon"] == s, "antal"].sum()) for s in sexes}
            classes.append({"klass": str(name), **counts, "totalt": sum(counts.values())})
        total = {s: sum(c[s] for c in classes) for s in sexes}
        given = {d["kon"]: d["antal"] for d in declared if tuple(d[k] for k in SERIES_KEYS) == key}
        series.append(
            {
                **dict(zip(SERIES_KEYS, key, strict=True)),
                "sexes": sexes,
                "classes": classes,
                "total": {**total, "totalt": sum(total.values())},
                "declared_total": given or None,
            }
        )
    return series


def capacity_targets(capacity: dict) -> dict:
    """*Kapacitet enligt plan*: ``concurrent`` (enrolled at a time), ``per_year`` (new participants
    a year) and ``max_months`` (the longest time enrolled) as the plan sets them (``None`` where it
    does not), and ``implied_months``: the mean time enrolled they imply, concurrent ÷ per year × 12
    months (a stock that turns over ``per_year`` times its size a year; Little's law)."""
    concurrent, per_year = capacity.get("concurrent"), capacity.get("per_year")
    implied = None if not concurrent or not per_year else concurrent / per_year * 12
    return {
        "concurrent": concurrent,
        "per_year": per_year,
        "max_months": capacity.get("max_months"),
        "implied_months": implied,
    }


def _lines(entries: dict, factor: float) -> list[dict]:
    """Budget lines in kronor: a number is a line; a mapping is a line made of sub-lines (*varav*)."""
    lines = []
    for name, value in (entries or {}).items():
        if isinstance(value, dict):
            subs = [{"post": str(k), "amount": float(v) * factor} for k, v in value.items()]
            lines.append({"post": str(name), "amount": sum(s["amount"] for s in subs), "lines": subs})
        else:
            lines.append({"post": str(name), "amount": float(value) * factor, "lines": []})
    return lines


def plan_budget(plan: dict) -> dict:
    """*Budget i planen*: the ``income`` (*intäkter*) and ``costs`` (*kostnader*) lines in kronor,
    a line's amount being the sum of its sub-lines (*varav*) where it has any, each side's
    ``total``, and ``balance`` = income − costs. ``unit`` is how the plan shows amounts
    (``kr`` or ``tkr``, thousands of kronor)."""
    unit = plan.get("unit", "kr")
    factor = 1000.0 if unit == "tkr" else 1.0
    result: dict = {"unit": unit}
    for side in ("income", "costs"):
        lines = _lines(plan.get(side) or {}, factor)
        result[side] = {"lines": lines, "total": sum(line["amount"] for line in lines)}
    result["balance"] = result["income"]["total"] - result["costs"]["total"]
    return result


def timeline(entries: list) -> list[dict]:
    """*Tidplan*: the plan's steps ``{when, what}`` in the order given; ``when`` as ``YYYY-MM`` when
    it is a month or a date, else as written (``"hösten 2018"``)."""
    steps = []
    for entry in entries or []:
        when = entry.get("when")
        if isinstance(when, dt.date):
            when = f"{when.year}-{when.month:02d}"
        steps.append({"when": str(when), "what": str(entry.get("what", ""))})
    return steps


def by_kommun(population: pd.DataFrame) -> dict[str, int]:
    """*Deltagare per kommun*: persons per ``kommun`` (the register's home municipality), most
    first; enrolments without one are counted under ``"(uppgift saknas)"``."""
    if "kommun" not in population:
        return {}
    counts = population.drop_duplicates("deltagar_id")["kommun"].fillna("(uppgift saknas)").value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def kommun_share(counts: dict[str, int], kommun: str) -> dict:
    """*Andel från kommunen*: the persons registered in ``kommun`` (matched without case and
    Swedish letters), of all persons in ``counts``."""
    n = sum(v for k, v in counts.items() if fold(k) == fold(kommun))
    total = sum(counts.values())
    return {"kommun": kommun, "count": n, "of": total, "share": share_or_none(n, total)}


def staff_roles(staff: list[dict]) -> list[dict]:
    """*Bemanningsplan*: each post of the params file's ``staff`` list as ``{roll, organisation,
    fte}`` (the owner, *huvudman*, lending or employing it; ``fte`` 0.2 is a 20 % post), in the
    order listed. Sums per owner are :func:`~rapportlib.indicators.capacity.staff_by_owner`."""
    return [
        {
            "roll": str(p.get("roll", "")),
            "organisation": str(p.get("organisation", "okänd")),
            "fte": float(p.get("fte", 0)),
        }
        for p in staff
    ]

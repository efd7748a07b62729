"""Cheap identities inside the indicators: parts of one figure that must add up to it.

These compare figures of the same computation with each other, so on correct code they hold
whatever the data; they catch a figure changed or mis-wired after it was computed. The checks
that compare independent computations are in :mod:`.census`, :mod:`.table_sums` and
:func:`budget_declared_total`.
"""

from __future__ import annotations

from .. import fmt
from ._base import POPULATION_NAMES, Check, Inputs, close, kr, n

_SIDES = {"before": "före", "after": "efter"}
_BUDGET_COLUMNS = {"budget": "budget", "outcome": "utfall", "remaining": "återstår"}


def flows_balance(inp: Inputs) -> list[Check]:
    """Inskrivna vid start + nyinskrivna − avslut = inskrivna vid slut; served = start + new."""
    f = inp.ind["flows"]
    return [
        Check(
            "Flödena går ihop",
            f["active_start"] + f["new"] - f["exits"] == f["active_end"],
            f"{n(f['active_start'])} + {n(f['new'])} − {n(f['exits'])} = {n(f['active_end'])}",
        ),
        Check(
            "Totalt arbetat med = inskrivna vid start + nyinskrivna",
            f["served"] == f["active_start"] + f["new"],
            f"{n(f['served'])} = {n(f['active_start'])} + {n(f['new'])}",
        ),
        Check(
            "Tidiga avhopp ryms i avsluten",
            0 <= f["early_dropouts"] <= f["exits"],
            f"{n(f['early_dropouts'])} tidiga avhopp av {n(f['exits'])} avslut",
        ),
    ]


def outcome_sums(inp: Inputs) -> list[Check]:
    """Exit reasons add up to the counted exits, which are the exits less the early dropouts."""
    f, o = inp.ind["flows"], inp.ind["outcomes"]
    by_reason = sum(o["counts"].values())
    goal_by_reason = sum(o["counts"][c] for c in o["in_goal_codes"])
    goal_by_sex = sum(o["in_goal_by_sex"].values())
    return [
        Check(
            "Varje avslut har exakt en anledning",
            by_reason == o["denominator"] and o["without_reason"] == 0,
            f"summa per anledning {n(by_reason)}, avslut utan tidiga avhopp {n(o['denominator'])}, "
            f"utan anledning {n(o['without_reason'])}",
        ),
        Check(
            "Avslut utan tidiga avhopp = avslut − tidiga avhopp",
            o["denominator"] == f["exits"] - f["early_dropouts"],
            f"{n(o['denominator'])} = {n(f['exits'])} − {n(f['early_dropouts'])}",
        ),
        Check(
            "I mål = summan av målanledningarna",
            o["in_goal"] == goal_by_reason == goal_by_sex,
            f"i mål {n(o['in_goal'])}, per anledning {n(goal_by_reason)}, per kön {n(goal_by_sex)}",
        ),
    ]


def group_sums(inp: Inputs) -> list[Check]:
    """Splits of a population (sex, referrer, education, years on support) add up to it;
    splits that may leave some out (payer, age band) do not exceed it."""
    ind, f = inp.ind, inp.ind["flows"]
    equal = [("Könsfördelningen summerar", "sex", pop) for pop in POPULATION_NAMES]
    equal += [("Remittenterna summerar", "referrer", pop) for pop in ("new", "active_end")]
    equal += [
        ("Utbildningsnivåerna summerar", "education", "new"),
        ("Tid i försörjning summerar", "benefit_year_bins", "new"),
    ]
    at_most = [("Försörjningsgrunden ryms i gruppen", "payer", pop) for pop in ("new", "active_end")]
    at_most += [("Åldersgrupperna ryms i gruppen", "age_bands", pop) for pop in POPULATION_NAMES]
    checks = []
    for relation, rows in (("=", equal), ("≤", at_most)):
        for name, key, pop in rows:
            if pop not in ind.get(key, {}):
                continue
            total = sum(ind[key][pop].values())
            ok = total == f[pop] if relation == "=" else total <= f[pop]
            checks.append(Check(f"{name} ({POPULATION_NAMES[pop]})", ok, f"{n(total)} {relation} {n(f[pop])}"))
    return checks


def support_shares(inp: Inputs) -> list[Check]:
    """The shares of support sources before and after, with the share missing, add up to 100 %."""
    support = inp.ind.get("support", {})
    if "exits_totals" not in support:
        return []
    tot, checks = support["exits_totals"], []
    for side, name in _SIDES.items():
        denominator = tot[f"denominator_{side}"]
        shares = sum(v[f"share_{side}"] or 0 for v in support["exits"].values())
        shares += tot[f"missing_{side}"] / denominator if denominator else 0
        ok = not denominator or close(shares, 1.0)
        checks.append(Check(f"Försörjningsandelarna summerar ({name})", ok, fmt.percent(shares, 2)))
    return checks


def budget_sums(inp: Inputs) -> list[Check]:
    """The budget's computed total is the sum of its lines, and remaining = budget − outcome."""
    if "budget" not in inp.ind:
        return []
    b = inp.ind["budget"]
    t, checks = b["total"], []
    for col, name in _BUDGET_COLUMNS.items():
        s = sum(line[col] for line in b["lines"])
        checks.append(Check(f"Budgetraderna summerar ({name})", close(s, t[col]), f"{kr(s)} = {kr(t[col])}"))
    checks.append(
        Check(
            "Återstår = budget − utfall",
            close(t["remaining"], t["budget"] - t["outcome"]),
            f"{kr(t['remaining'])} = {kr(t['budget'])} − {kr(t['outcome'])}",
        )
    )
    return checks


def budget_declared_total(inp: Inputs) -> list[Check]:
    """The budget file's own total row ("Summa") against the sum of its lines, per column: a total
    row read as a line, or a line left out, shows here. Only when the file has such a row."""
    declared = (inp.ind.get("budget") or {}).get("declared_total")
    if not declared:
        return []
    lines = inp.ind["budget"]["lines"]
    checks = []
    for col, value in declared.items():
        s = sum(line[col] for line in lines)
        checks.append(
            Check(
                f"Budgetraderna = filens summarad ({_BUDGET_COLUMNS.get(col, col)})",
                close(s, value, tol=0.005),
                f"raderna {kr(s)}, filens summarad {kr(value)}",
            )
        )
    return checks


def register_dates(inp: Inputs) -> list[Check]:
    """No enrolment in the register exits before it starts."""
    if "register" not in inp.ind:
        return []
    bad = inp.ind["register"]["exit_before_enrolment"]
    return [Check("Inget avslut före inskrivning", bad == 0, f"{n(bad)} inskrivningar")]

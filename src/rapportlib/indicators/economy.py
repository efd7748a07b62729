"""Economy: budget against outcome (*budget och utfall*)."""

from __future__ import annotations

import pandas as pd


def budget_summary(budget: pd.DataFrame) -> dict:
    """*Budgetutfall*: per cost line (*post*) the ``budget``, the ``outcome`` to date (utfall),
    ``remaining`` = budget − outcome (*differens, återstår*) and the optional year-end ``forecast``
    (*prognos*); ``total`` sums each column over the lines (forecast ``None`` when no line has one).

    ``declared_total`` is the total the file itself states on a total row (*Summa*, *Totalt*; see
    :mod:`rapportlib.load.budget`), which is never counted as a line: ``{"budget": …, "outcome": …,
    "forecast": …}`` with only the amounts that row gives, or ``None`` when the file has no total
    row. It is published as it is, for a check to compare with ``total``.
    """
    lines = [
        {
            "post": str(row.post),
            "budget": float(row.budget),
            "outcome": float(row.utfall),
            "remaining": float(row.budget - row.utfall),
            "forecast": None if pd.isna(row.prognos) else float(row.prognos),
        }
        for row in budget.itertuples()
    ]
    forecasts = [line["forecast"] for line in lines if line["forecast"] is not None]
    total = {
        "budget": float(budget["budget"].sum()),
        "outcome": float(budget["utfall"].sum()),
        "remaining": float((budget["budget"] - budget["utfall"]).sum()),
        "forecast": float(sum(forecasts)) if forecasts else None,
    }
    declared = budget.attrs.get("declared_total")
    declared = {key: float(value) for key, value in declared.items()} if declared else None
    return {"lines": lines, "total": total, "declared_total": declared}


def plan_vs_outcome(plan: dict, budget: pd.DataFrame | None) -> dict:
    """*Plan mot utfall*: the plan's income and cost lines (in ``plan["unit"]``: ``kr`` or ``tkr``,
    thousands of kronor as in the Säter plan) in kronor, each cost line beside the outcome
    (*utfall*) of the budget line with the same name (matched without case and Swedish letters; a
    plan's line with sub-lines counts as their sum),
    the difference plan − outcome, and totals. Outcome is ``None`` where no budget line matches.
    """
    from ..codes import fold

    factor = 1000.0 if plan.get("unit", "kr") == "tkr" else 1.0
    outcome_of = {}
    if budget is not None:
        for post, utfall in zip(budget["post"], budget["utfall"], strict=True):
            outcome_of[fold(post)] = outcome_of.get(fold(post), 0.0) + float(utfall)  # same post twice: summed
    result: dict = {"unit": plan.get("unit", "kr")}
    for side in ("income", "costs"):
        lines = []
        for name, value in (plan.get(side) or {}).items():
            # a line with sub-lines (*varav*, as a plan writes them) is their sum
            amount = float(sum(value.values()) if isinstance(value, dict) else value) * factor
            outcome = outcome_of.get(fold(name)) if side == "costs" else None
            lines.append(
                {
                    "post": str(name),
                    "plan": amount,
                    "outcome": outcome,
                    "difference": None if outcome is None else amount - outcome,
                }
            )
        total_plan = sum(line["plan"] for line in lines)
        outcomes = [line["outcome"] for line in lines]
        total_outcome = None if not lines or any(o is None for o in outcomes) else sum(outcomes)
        result[side] = {
            "lines": lines,
            "total": {
                "plan": total_plan,
                "outcome": total_outcome,
                "difference": None if total_outcome is None else total_plan - total_outcome,
            },
        }
    return result

"""Tables of the economy: budget against outcome, and plan against outcome."""

from __future__ import annotations

from .. import fmt
from ..hidden import marks_hidden
from .base import Table


@marks_hidden
def budget_table(ind: dict) -> Table | None:
    """*Budgetutfall*: budget, outcome, remaining and forecast per cost line, with the sum."""
    if "budget" not in ind:
        return None
    b = ind["budget"]
    has_forecast = b["total"]["forecast"] is not None
    columns = ["Post", "Budget", "Utfall", "Återstår"] + (["Prognos"] if has_forecast else [])

    def row(name, d):
        r = [name, fmt.kronor(d["budget"]), fmt.kronor(d["outcome"]), fmt.kronor(d["remaining"])]
        return r + ([fmt.kronor(d["forecast"])] if has_forecast else [])

    rows = [row(line["post"], line) for line in b["lines"]] + [row("Summa", b["total"])]
    return Table(
        "budget",
        "Budget och utfall",
        columns,
        rows,
        ["l"] + ["r"] * (len(columns) - 1),
        total_rows=frozenset({len(rows) - 1}),
    )


@marks_hidden
def plan_table(ind: dict) -> Table | None:
    """Plan against outcome for costs and income."""
    if "economy_plan" not in ind:
        return None
    p = ind["economy_plan"]
    rows = []
    for side, name in (("income", "Intäkter"), ("costs", "Kostnader")):
        for line in p[side]["lines"]:
            rows.append(
                [
                    f"{name}: {line['post']}",
                    fmt.kronor(line["plan"]),
                    fmt.kronor(line["outcome"]),
                    fmt.kronor(line["difference"]),
                ]
            )
        t = p[side]["total"]
        if p[side]["lines"]:
            rows.append(
                [f"{name} totalt", fmt.kronor(t["plan"]), fmt.kronor(t["outcome"]), fmt.kronor(t["difference"])]
            )
    return Table("plan", "Plan och utfall", ["Post", "Plan", "Utfall", "Skillnad"], rows, ["l", "r", "r", "r"])

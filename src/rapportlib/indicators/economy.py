"""Economy: budget against outcome (*budget och utfall*)."""

from __future__ import annotations

import pandas as pd


def budget_summary(budget: pd.DataFrame) -> dict:
    """*Budgetutfall*: per cost line (*post*) the ``budget``, the ``outcome`` to date (utfall),
    ``remaining`` = budget − outcome (*differens, återstår*) and the optional year-end ``forecast``
    (*prognos*); ``total`` sums each column over the lines (forecast ``None`` when no line has one).
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
    return {"lines": lines, "total": total}

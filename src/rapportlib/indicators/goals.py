"""Goals (*målbild*) from the params file against the outcome, and goal areas (*målområden*)."""

from __future__ import annotations

#: Goals that are not a share of the exits: what each is compared with.
OTHER_GOALS = ("payback_months", "budget_balance", "health_change")


def goals_vs_outcome(
    goals: dict,
    outcomes: dict,
    payback_months: float | None,
    budget_total: dict | None = None,
    health_change: float | None = None,
) -> dict:
    """*Målbild mot utfall*. ``goals`` maps a goal to its target:

    - an exit reason (share of counted exits, e.g. ``arbete: 0.25``) or ``in_goal`` (the i-mål
      share): met when the outcome is at least the target;
    - ``payback_months``: met when the payback time (*återbetalningstid*) is at most the target;
    - ``budget_balance`` (*budget i balans*): the target is how many kronor the outcome may exceed
      the budget by (0: not at all); the outcome is what remains of the budget (budget − utfall),
      met when it is at least −target;
    - ``health_change`` (*bättre egenskattad hälsa*): the share rating their health good at exit
      minus at start, met when at least the target (0: no worse).

    ``met`` is ``None`` when there is no outcome to compare (no exits, no budget, no health answers).
    """
    result = {}
    denom = outcomes["denominator"]
    for key, target in goals.items():
        if key == "payback_months":
            value, met = payback_months, (None if payback_months is None else payback_months <= target)
        elif key == "budget_balance":
            value = None if budget_total is None else budget_total["remaining"]
            met = None if value is None else value >= -target
        elif key == "health_change":
            value, met = health_change, (None if health_change is None else health_change >= target)
        else:
            count = outcomes["in_goal"] if key == "in_goal" else outcomes["counts"].get(key)
            if count is None:
                raise ValueError(f"unknown goal {key!r}")
            value = count / denom if denom else None
            met = None if value is None else value >= target
        result[key] = {"target": float(target), "outcome": value, "met": met}
    return result


def goal_areas(areas: list[dict], goals: dict) -> list[dict]:
    """*Målområden*: each area of the params file (``title``, the ``goal`` it pursues, the ``goals``
    that measure it) with ``assessed``, the number of its goals that could be judged, and ``met``,
    how many of them were met. Goals not set in ``goals`` are left out of the counts."""
    result = []
    for number, area in enumerate(areas, start=1):
        judged = [goals[k]["met"] for k in area.get("goals", ()) if k in goals and goals[k]["met"] is not None]
        result.append(
            {
                "number": number,
                "title": area["title"],
                "goal": area.get("goal", ""),
                "goals": list(area.get("goals", ())),
                "tables": list(area.get("tables", ())),
                "assessed": len(judged),
                "met": sum(1 for m in judged if m),
            }
        )
    return result

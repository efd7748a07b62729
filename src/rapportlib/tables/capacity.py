"""Tables of capacity against plan (*kapacitet*) and staff (*bemanning*)."""

from __future__ import annotations

from .. import fmt
from .base import Table


def capacity_table(ind: dict) -> Table:
    """*Kapacitet* against the plan."""
    c = ind["capacity"]
    plan = c.get("plan", {})
    rows = [
        ["Inskrivna i genomsnitt per dag", fmt.number(c["mean_enrolled"], 1), fmt.number(plan.get("concurrent"))],
        # The peak's month ("mars 2021"): its day would be the day someone enrolled or left.
        ["Flest inskrivna samtidigt", fmt.number(c["peak"]) + (f" ({c['peak_date']})" if c["peak_date"] else ""), ""],
        ["Nyinskrivna per år", fmt.number(c["new_per_year"], 1), fmt.number(plan.get("per_year"))],
        ["Avslutade per år", fmt.number(c["exits_per_year"], 1), ""],
        ["Omsättning (avslut per år / genomsnitt inskrivna)", fmt.number(c["turnover"], 2), ""],
    ]
    if c.get("max_months") is not None:
        rows.append(
            [
                f"Inskrivna vid slut längre än {fmt.number(c['max_months'])} mån",
                f"{fmt.number(c['active_end_over_max'])} ({fmt.percent(c['active_end_over_max_share'], 0)})",
                "",
            ]
        )
        rows.append(
            [
                f"Avslutade efter mer än {fmt.number(c['max_months'])} mån",
                f"{fmt.number(c['exits_over_max'])} ({fmt.percent(c['exits_over_max_share'], 0)})",
                "",
            ]
        )
    return Table("capacity", "Kapacitet och plan", ["Mått", "Utfall", "Plan"], rows, ["l", "r", "r"])


def staff_table(ind: dict) -> Table | None:
    """Staff FTE per owner organisation."""
    if "staff" not in ind:
        return None
    s = ind["staff"]
    rows = [[owner, fmt.number(fte, 2)] for owner, fte in s["by_owner"].items()]
    rows.append(["Summa", fmt.number(s["total"], 2)])
    return Table(
        "staff",
        "Bemanning per organisation (årsarbetare)",
        ["Organisation", "Årsarbetare"],
        rows,
        ["l", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )

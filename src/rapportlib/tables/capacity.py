"""Tables of capacity against plan (*kapacitet*) and staff (*bemanning*)."""

from __future__ import annotations

from .. import fmt
from ..hidden import marks_hidden
from .base import Table, count_share, period_text


def _planned(value) -> str:
    """A figure of the team's plan, or nothing where the plan says nothing."""
    return "" if value is None else fmt.number(value)


def _per_year(ind: dict, c: dict) -> list[tuple[str, str, str]]:
    """New enrolments and exits: the period's counts for twelve months, else counts per year."""
    plan = c.get("plan", {})
    if fmt.months_between(ind["period"]["start"], ind["period"]["end"]) == 12:
        return [
            ("Nyinskrivna under perioden", fmt.number(ind["flows"]["new"]), _planned(plan.get("per_year"))),
            ("Avslutade under perioden", fmt.number(ind["flows"]["exits"]), ""),
        ]
    return [
        ("Nyinskrivna per år, i genomsnitt", fmt.number(c["new_per_year"]), _planned(plan.get("per_year"))),
        ("Avslutade per år, i genomsnitt", fmt.number(c["exits_per_year"]), ""),
    ]


@marks_hidden
def capacity_table(ind: dict) -> Table:
    """*Kapacitet* against the plan; the plan's column only when the team has a plan."""
    c = ind["capacity"]
    plan = c.get("plan", {})
    peak = fmt.number(c["peak"]) + (f" (i {c['peak_date']})" if c["peak_date"] else "")
    rows = [
        ("Inskrivna samtidigt, i genomsnitt", fmt.number(c["mean_enrolled"]), _planned(plan.get("concurrent"))),
        # The peak's month ("mars 2021"): its day would be the day someone enrolled or left.
        ("Flest inskrivna samtidigt", peak, ""),
        *_per_year(ind, c),
        ("Omsättning: avslutade per år delat med inskrivna i genomsnitt", fmt.ratio(c["turnover"]), ""),
    ]
    if c.get("max_months") is not None:
        limit = fmt.duration(c["max_months"])
        rows.append(
            (
                f"Inskrivna vid periodens slut som varit inskrivna mer än {limit}",
                count_share(c["active_end_over_max"], c["active_end_over_max_share"]),
                "",
            )
        )
        rows.append(
            (
                f"Avslutade som varit inskrivna mer än {limit}",
                count_share(c["exits_over_max"], c["exits_over_max_share"]),
                "",
            )
        )
    has_plan = any(r[2] for r in rows)
    columns = ["Mått", "Utfall", "Plan"] if has_plan else ["Mått", "Utfall"]
    return Table(
        "capacity",
        f"Kapacitet{' mot plan' if has_plan else ''}, {period_text(ind)}",
        columns,
        [list(r[: len(columns)]) for r in rows],
        ["l", "r", "r"][: len(columns)],
        note="Inskrivna samtidigt räknas dag för dag.",
    )


@marks_hidden
def staff_table(ind: dict) -> Table | None:
    """Staff FTE per owner organisation."""
    if "staff" not in ind:
        return None
    s = ind["staff"]
    rows = [[owner, fmt.fte(fte)] for owner, fte in s["by_owner"].items()]
    rows.append(["Summa", fmt.fte(s["total"])])
    return Table(
        "staff",
        "Bemanning per organisation",
        ["Organisation", "Årsarbetare"],
        rows,
        ["l", "r"],
        total_rows=frozenset({len(rows) - 1}),
        note="Årsarbetare: tjänstgöringsgrad omräknad till heltider.",
    )

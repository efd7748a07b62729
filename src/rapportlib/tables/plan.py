"""Tables of a plan (*insatsplan*): target group, capacity, staff, budget, timeline, and the
comparison with the team it replaces. Amounts are shown in thousands of kronor (tkr)."""

from __future__ import annotations

from .. import fmt
from ..codes import label
from ..hidden import marks_hidden
from .base import Table, count_share


def _plan_period(ind: dict) -> str:
    return fmt.period(ind["period"]["start"], ind["period"]["end"])


def context_table(ind: dict, number: int = 0) -> Table | None:
    """*Kontextstatistik*: one series of the context statistics by class and sex, with the totals
    computed (never the file's own total row, which a check compares with them)."""
    series = ind.get("context") or []
    if number >= len(series):
        return None
    s = series[number]
    sexes = s["sexes"]
    ages = all(c["klass"].strip().endswith("år") for c in s["classes"])
    columns = ["Ålder" if ages else "Grupp", *(label("sex", x) for x in sexes), "Totalt"]
    rows = [[c["klass"], *(fmt.number(c[x]) for x in sexes), fmt.number(c["totalt"])] for c in s["classes"]]
    rows.append(["Summa", *(fmt.number(s["total"][x]) for x in sexes), fmt.number(s["total"]["totalt"])])
    month = fmt.month(s["manad"])
    where = f" i {s['omrade']}" if s["omrade"] else ""
    return Table(
        "context",
        f"{s['matt']}{where}, {month}",
        columns,
        rows,
        ["l"] + ["r"] * (len(columns) - 1),
        note=f"Källa: {s['kalla']} (officiell statistik, återgiven som den är publicerad).",
        total_rows=frozenset({len(rows) - 1}),
    )


def capacity_plan_table(ind: dict) -> Table | None:
    """*Kapacitet enligt plan*: the targets, and the mean time enrolled they imply."""
    c = ind.get("capacity_plan")
    if not c:
        return None
    rows = []
    if c["concurrent"] is not None:
        rows.append(["Inskrivna samtidigt", fmt.number(c["concurrent"])])
    if c["per_year"] is not None:
        rows.append(["Nya deltagare per år", fmt.number(c["per_year"])])
    if c["max_months"] is not None:
        rows.append(["Längsta tid i insatsen", fmt.set_months(c["max_months"])])
    if c["implied_months"] is not None:
        rows.append(["Genomsnittlig tid i insatsen som målen förutsätter", fmt.months(c["implied_months"])])
    if not rows:
        return None
    return Table(
        "capacity_plan",
        "Kapacitet enligt planen",
        ["Mått", "Plan"],
        rows,
        ["l", "r"],
        note="Genomsnittlig tid: inskrivna samtidigt delat med nya deltagare per år, gånger 12 månader.",
    )


def staff_plan_table(ind: dict) -> Table | None:
    """*Bemanningsplan*: each post with its owner (*huvudman*), its share of a full time, and the
    full-time equivalents (*årsarbetare*) summed."""
    roles = ind.get("staff_roles")
    if not roles:
        return None
    rows = [[r["roll"], r["organisation"], fmt.set_share(r["fte"]), fmt.fte(r["fte"])] for r in roles]
    rows.append(["Summa", "", "", fmt.fte(ind["staff"]["total"])])
    return Table(
        "staff_plan",
        "Bemanning enligt planen",
        ["Roll", "Huvudman", "Tjänstgöringsgrad", "Årsarbetare"],
        rows,
        ["l", "l", "r", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def _budget_side(ind: dict, side: str, title: str) -> Table | None:
    b = ind.get("budget_plan")
    if not b or not b[side]["lines"]:
        return None
    rows = [[line["post"], fmt.thousands(line["amount"])] for line in b[side]["lines"]]
    rows.append(["Summa", fmt.thousands(b[side]["total"])])
    return Table(
        f"{side}_plan",
        f"{title} {_plan_period(ind)}",
        ["Post", "tkr"],
        rows,
        ["l", "r"],
        total_rows=frozenset({len(rows) - 1}),
    )


def income_plan_table(ind: dict) -> Table | None:
    """*Intäktsbudget*: the plan's income lines in tkr, with their sum."""
    return _budget_side(ind, "income", "Intäkter")


def costs_plan_table(ind: dict) -> Table | None:
    """*Kostnadsbudget*: the plan's cost lines in tkr (each the sum of its sub-lines), with their sum."""
    return _budget_side(ind, "costs", "Kostnader")


def cost_details_table(ind: dict) -> Table | None:
    """*Varav*: the sub-lines of each cost line that has any, each line closed by its total."""
    b = ind.get("budget_plan")
    groups = [line for line in (b or {}).get("costs", {}).get("lines", []) if line["lines"]]
    if not groups:
        return None
    rows, totals = [], set()
    for group in groups:
        rows += [[sub["post"], fmt.thousands(sub["amount"])] for sub in group["lines"]]
        rows.append([f"{group['post']} totalt", fmt.thousands(group["amount"])])
        totals.add(len(rows) - 1)
    return Table(
        "cost_details",
        f"Kostnader i detalj {_plan_period(ind)}",
        ["Post", "tkr"],
        rows,
        ["l", "r"],
        total_rows=frozenset(totals),
    )


def timeline_table(ind: dict) -> Table | None:
    """*Tidplan*: when and what, in the plan's order; a month reads as words (*april 2018*)."""
    steps = ind.get("timeline")
    if not steps:
        return None

    def when(text: str) -> str:
        if len(text) == 7 and text[4] == "-" and text.replace("-", "").isdigit():
            return fmt.month(text)
        return text

    return Table("timeline", "Tidplan", ["När", "Vad"], [[when(s["when"]), s["what"]] for s in steps], ["l", "l"])


@marks_hidden
def predecessor_table(ind: dict) -> Table | None:
    """The team the plan replaces, from its own register: participants, their kommun, exits, the
    share in goal and the throughput time."""
    pred = ind.get("predecessor")
    if not pred:
        return None
    f, o, k = pred["flows"], pred["outcomes"], pred["kommun"]
    goals = fmt.enumeration([label("exit_reason", c).lower() for c in pred["rules"]["in_goal"]], "eller")
    rows = [["Deltagare under perioden", fmt.number(f["persons_served"])]]
    for name, n in k["counts"].items():
        rows.append([f"Folkbokförda i {name}", count_share(n, k["shares"][name])])
    rows += [
        ["Avslutade efter prövotiden", fmt.number(o["denominator"])],
        [f"Avslutade till {goals}", count_share(o["in_goal"], o["in_goal_share"])],
        ["Genomströmningstid i genomsnitt", fmt.months(pred["throughput"]["months"]["all"])],
    ]
    period = fmt.period(pred["period"]["start"], pred["period"]["end"])
    return Table("predecessor", f"{pred['name']}, {period}", ["Mått", "Utfall"], rows, ["l", "r"])

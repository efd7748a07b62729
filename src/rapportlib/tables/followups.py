"""The table of follow-ups after exit (*uppföljning*) beside the result at exit."""

from __future__ import annotations

from .. import fmt
from ..codes import LABELS
from .base import Table


def followup_table(ind: dict) -> Table | None:
    """*Effekter på längre sikt*: the result at exit beside the follow-ups, with the same groups."""
    if "followups" not in ind:
        return None
    f = ind["followups"]
    months = list(f["months"])
    names = LABELS["followup_group"]
    columns = ["Status", "Vid avslut (perioden)", *[f"Efter {m} mån" for m in months]]
    rows = []
    for g, name in names.items():
        row = [
            name,
            f"{fmt.number(f['result_at_exit'][g]['count'])} ({fmt.percent(f['result_at_exit'][g]['share'], 0)})",
        ]
        for m in months:
            cell = f["months"][m]["groups"][g]
            row.append(f"{fmt.number(cell['count'])} ({fmt.percent(cell['share'], 0)})")
        rows.append(row)
    rows.append(
        [
            "Nådda / uppföljda",
            fmt.number(ind["outcomes"]["denominator"]),
            *[f"{fmt.number(f['months'][m]['reached'])} / {fmt.number(f['months'][m]['n'])}" for m in months],
        ]
    )
    return Table(
        "followups",
        "Resultat vid avslut och vid uppföljning",
        columns,
        rows,
        ["l"] + ["r"] * (len(months) + 1),
        total_rows=frozenset({len(rows) - 1}),
        note="Samma indelning på båda sidor: aktivt arbetssökande räknas för sig, inte som arbete eller studier. "
        "Andelar av de nådda.",
    )

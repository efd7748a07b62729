"""The table of follow-ups after exit (*uppföljning*) beside the result at exit."""

from __future__ import annotations

from .. import fmt
from ..codes import LABELS
from ..hidden import marks_hidden
from .base import Table, count_share


@marks_hidden
def followup_table(ind: dict) -> Table | None:
    """*Effekter på längre sikt*: the result at exit beside the follow-ups, with the same groups."""
    if "followups" not in ind:
        return None
    f = ind["followups"]
    months = list(f["months"])
    names = LABELS["followup_group"]
    columns = ["Status", "Vid avslut under perioden", *[f"{m} månader efter avslut" for m in months]]
    rows = []
    for g, name in names.items():
        row = [
            name,
            count_share(f["result_at_exit"][g]["count"], f["result_at_exit"][g]["share"]),
        ]
        for m in months:
            cell = f["months"][m]["groups"][g]
            row.append(count_share(cell["count"], cell["share"]))
        rows.append(row)
    rows.append(
        [
            "Nådda av uppföljda",
            fmt.number(ind["outcomes"]["denominator"]),
            *[f"{fmt.number(f['months'][m]['reached'])} av {fmt.number(f['months'][m]['n'])}" for m in months],
        ]
    )
    return Table(
        "followups",
        "Resultat vid avslut och vid uppföljning",
        columns,
        rows,
        ["l"] + ["r"] * (len(months) + 1),
        total_rows=frozenset({len(rows) - 1}),
        note="Vid avslut: de som avslutades efter prövotiden under perioden, efter avslutsanledning. "
        "Uppföljningarna gäller dem som avslutades tidigare och nåddes. Aktivt arbetssökande räknas för sig, inte "
        "som arbete eller studier. Andelar av de nådda.",
    )

"""Follow-up after exit (*uppföljning efter avslut*) set beside the result at exit."""

from __future__ import annotations

import pandas as pd

from ..codes import FOLLOWUP_MONTHS, FOLLOWUP_STATUS
from ._util import counts, share_or_none

#: Groups used on both sides of the comparison, so that "at exit" and "at follow-up" mean the same.
GROUPS = {
    "arbete_studier": ("arbete", "studier"),
    "aktivt_arbetssokande": ("aktivt_arbetssokande",),
    "fortsatt_rehabilitering": ("fortsatt_rehabilitering",),
    "sjukdom": ("sjukdom", "sjukersattning"),
    "annat": ("annat",),
}


def _grouped(values: pd.Series) -> dict[str, int]:
    """Antal per *uppföljningsgrupp*: how many of the statuses or exit reasons fall in each group of
    :data:`GROUPS` (codes outside every group are not counted)."""
    return {g: int(values.isin(codes).sum()) for g, codes in GROUPS.items()}


def followup_summary(followups: pd.DataFrame, register: pd.DataFrame, start, end) -> dict:
    """*Uppföljning*: for each follow-up month (6, 12, 18, 24) with a follow-up dated in the period:

    - ``n`` followed up, ``reached`` and ``not_reached`` (status ``ej_nadd``);
    - ``counts`` and ``shares`` per status among the reached;
    - ``groups``: the reached grouped (arbete + studier, aktivt arbetssökande, fortsatt rehabilitering,
      sjukdom incl. sjukersättning, annat) with shares of the reached, and ``at_exit``: the same
      persons' exit reasons in the same groups, with shares of those persons. Both sides use one
      definition, so "arbete + studier" at exit is compared only with "arbete + studier" later.
    Each follow-up is matched to the person's latest exit on or before the follow-up date.
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    in_period = followups.loc[(followups["datum"] >= start) & (followups["datum"] <= end)]
    exits = register.loc[register["avslutsdatum"].notna(), ["deltagar_id", "avslutsdatum", "avslutsanledning"]]
    result = {}
    for month in FOLLOWUP_MONTHS:
        rows = in_period.loc[in_period["manad"] == month]
        if rows.empty:
            continue
        reached = rows.loc[rows["status"] != "ej_nadd"]
        matched = pd.merge_asof(
            reached.sort_values("datum"),
            exits.sort_values("avslutsdatum"),
            left_on="datum",
            right_on="avslutsdatum",
            by="deltagar_id",
            direction="backward",
        )
        status_counts = counts(reached["status"], [s for s in FOLLOWUP_STATUS if s != "ej_nadd"])
        n_reached = len(reached)
        groups = _grouped(reached["status"])
        at_exit = _grouped(matched["avslutsanledning"])
        n_matched = int(matched["avslutsanledning"].notna().sum())
        result[str(month)] = {
            "n": len(rows),
            "reached": n_reached,
            "not_reached": len(rows) - n_reached,
            "counts": status_counts,
            "shares": {k: share_or_none(v, n_reached) for k, v in status_counts.items()},
            "groups": {g: {"count": v, "share": share_or_none(v, n_reached)} for g, v in groups.items()},
            "at_exit": {
                "matched": n_matched,
                "groups": {g: {"count": v, "share": share_or_none(v, n_matched)} for g, v in at_exit.items()},
            },
        }
    return result


def result_groups(outcome_counts: dict[str, int], denominator: int) -> dict:
    """*Resultat vid avslut* per uppföljningsgrupp: the period's exits (early dropouts left out) per
    group of :data:`GROUPS`, with shares of those exits, for comparison with the follow-ups."""
    return {
        g: {
            "count": sum(outcome_counts.get(c, 0) for c in codes),
            "share": share_or_none(sum(outcome_counts.get(c, 0) for c in codes), denominator),
        }
        for g, codes in GROUPS.items()
    }

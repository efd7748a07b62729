"""Flows of a period (*flöden*) and sex splits (*könsfördelning*)."""

from __future__ import annotations

import pandas as pd

from ._util import counts


def flows(pops: dict[str, pd.DataFrame]) -> dict[str, int]:
    """*Flöden*: counts of enrolments in the period's populations.

    ``active_start`` (inskrivna vid start) + ``new`` (nyinskrivna) − ``exits`` (avslutade, early
    dropouts included) = ``active_end`` (inskrivna vid slut); ``served`` (totalt arbetat med) is
    ``active_start + new``; ``early_dropouts`` (tidiga avhopp) counts exits flagged ``dropout``.
    ``persons_served`` counts distinct participant ids among the served: one person enrolled
    twice in the period counts twice in ``new`` but once here.
    """
    return {
        "active_start": len(pops["active_start"]),
        "new": len(pops["new"]),
        "exits": len(pops["exits"]),
        "early_dropouts": int(pops["exits"]["dropout"].sum()),
        "active_end": len(pops["active_end"]),
        "served": len(pops["served"]),
        "persons_served": int(pops["served"]["deltagar_id"].nunique()),
    }


def sex_split(population: pd.DataFrame, keys: tuple[str, ...]) -> dict[str, int]:
    """*Könsfördelning*: enrolments per sex (``kvinna``, ``man``, and ``annat`` when present)."""
    return counts(population["kon"], keys)

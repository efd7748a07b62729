"""Applications to the intervention (*ansökningar*) and self-rated health (*egenskattad hälsa*):
indicators of the optional files beside the register."""

from __future__ import annotations

import pandas as pd

from ..codes import APPLICATION_ACTORS, APPLICATION_DECISIONS, HEALTH_ROUNDS, HEALTH_SCALE, REFERRERS
from ._util import counts, share_or_none
from .pathways import MISSING

#: The steps of the health scale that count as good health: "bra" and "mycket bra".
GOOD_HEALTH = ("bra", "mycket_bra")


def applications(rows: pd.DataFrame, start, end) -> dict:
    """*Ansökningar under perioden*: applications dated from ``start`` to ``end`` (both included).

    - ``total``: how many;
    - ``by_actor``: per party (af, fk, kommun, region), the applications it took part in. An
      application involves at least two parties (the criterion of *samordnade insatser*), so these
      add up to more than ``total``; ``actor_shares`` are of ``total``;
    - ``by_referrer``: per referring party (one each, adding up to ``total``);
    - ``by_unit`` and ``by_referrer_unit``: per sub-unit applied for (``delinsats``; missing as
      ``uppgift_saknas``), and per referrer × sub-unit;
    - ``by_decision``: beviljad, avslag, ej_beslutad (missing as ``uppgift_saknas``), when the file
      records decisions.
    """
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    rows = rows.loc[(rows["datum"] >= start) & (rows["datum"] <= end)]
    total = len(rows)
    by_actor = {a: int(rows["aktorer"].map(lambda parties, a=a: a in parties).sum()) for a in APPLICATION_ACTORS}
    units = rows["delinsats"].fillna(MISSING)
    names = sorted(u for u in units.unique() if u != MISSING) + ([MISSING] if (units == MISSING).any() else [])
    result = {
        "total": total,
        "by_actor": by_actor,
        "actor_shares": {a: share_or_none(n, total) for a, n in by_actor.items()},
        "by_referrer": counts(rows["remittent"], REFERRERS),
        "by_unit": counts(units, names),
        "by_referrer_unit": {r: counts(units.loc[rows["remittent"] == r], names) for r in REFERRERS},
    }
    if rows["beslut"].notna().any():
        decisions = counts(rows["beslut"], APPLICATION_DECISIONS)
        result["by_decision"] = {**decisions, MISSING: int(rows["beslut"].isna().sum())}
    return result


def health(answers: pd.DataFrame) -> dict:
    """*Egenskattad hälsa vid start och vid avslut*: per round, ``n`` answers, the ``distribution``
    over the five steps (mycket dålig … mycket bra) and ``good_share``, the share answering "bra" or
    "mycket bra" (``None`` without answers). ``change`` is the good share at exit minus at start, in
    share points (``None`` unless both rounds have answers). The answers are anonymous, so the
    rounds are two groups, not the same persons measured twice."""
    rounds = {}
    for rnd in HEALTH_ROUNDS:
        given = answers.loc[answers["omgang"] == rnd, "svar"]
        dist = counts(given, HEALTH_SCALE)
        n = sum(dist.values())
        rounds[rnd] = {
            "n": n,
            "distribution": dist,
            "good": sum(dist[s] for s in GOOD_HEALTH),
            "good_share": share_or_none(sum(dist[s] for s in GOOD_HEALTH), n),
        }
    start, end = rounds["start"]["good_share"], rounds["avslut"]["good_share"]
    return {"rounds": rounds, "change": None if start is None or end is None else end - start}

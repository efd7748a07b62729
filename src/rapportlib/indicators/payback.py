"""Payback time (*återbetalningstid*): a transparent, configurable model (see docs/payback.md)."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import yaml

from ..codes import PAYBACK_PAYERS
from ._util import share_or_none

#: How a samordningsförbund is financed under FINSAM: the state (through FK) half, region and
#: kommun a quarter each. AF and FK are both the state.
DEFAULT_FINANCING = {"staten": 0.5, "region": 0.25, "kommun": 0.25}
STATE_PAYERS = ("fk", "af", "staten_ovrigt")


def default_costs() -> dict:
    """*Kostnadstabell*: the packaged default public cost of each support source, as source →
    ``{payer, kr_per_year}`` (who pays it and kronor per year; illustrative figures)."""
    text = resources.files("rapportlib").joinpath("payback_costs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _monthly(sources, costs: dict) -> dict[str, float]:
    """*Offentlig kostnad per månad* for one person, per payer: each listed source's yearly cost / 12,
    divided by the number of sources listed (several sources share the time equally)."""
    out = dict.fromkeys(PAYBACK_PAYERS, 0.0)
    for code in sources:
        entry = costs[code]
        out[entry["payer"]] += entry["kr_per_year"] / 12 / len(sources)
    return out


def _total_monthly(sources: pd.Series, costs: dict) -> dict[str, float]:
    """*Offentlig kostnad per månad* for a group: the monthly cost per payer summed over persons
    (see :func:`_monthly`); each distinct combination of sources is priced once."""
    total = dict.fromkeys(PAYBACK_PAYERS, 0.0)
    for combo, n in sources.value_counts().items():
        for payer, value in _monthly(combo, costs).items():
            total[payer] += value * n
    return total


def months(cost, saved):
    """*Återbetalningstid* in months: the cost ÷ the monthly saving (``None`` without either)."""
    return None if cost is None or saved <= 0 else cost / saved


def payback(
    exits: pd.DataFrame,
    period_cost: float | None,
    costs: dict,
    financing: dict | None = None,
    state_split: dict | None = None,
) -> dict:
    """*Återbetalningstid* in months = the intervention's cost ÷ the monthly reduction in public
    support costs of its exits.

    Persons: exits that are not early dropouts and have support sources recorded both before and
    after. A person's monthly public cost is the yearly cost of each listed source (from ``costs``)
    divided by 12, and by the number of sources listed (several sources are taken to share the
    time). The reduction is cost before − cost after, summed over persons, for society and per payer.
    Society's payback is ``period_cost`` / total reduction; a payer's is its share of the cost
    (``financing``: staten 50 %, region 25 %, kommun 25 % by default) ÷ its own reduction (the state's
    payers FK, AF and others together). ``None`` where the reduction is not positive or no cost is known.

    ``state_split`` (e.g. ``{fk: 0.5, af: 0.5}``) divides the state's share of the cost between FK
    and AF, for a payback of each against its own reduction (``by_state_payer``; *staten, varav*).
    """
    financing = financing or DEFAULT_FINANCING
    unknown = set(financing) - set(DEFAULT_FINANCING)
    if unknown:
        raise ValueError(f"unknown financier(s) {sorted(unknown)}: use {sorted(DEFAULT_FINANCING)}")
    counted = exits.loc[~exits["dropout"]]
    measured = counted.loc[(counted["forsorjning_fore"].map(len) > 0) & (counted["forsorjning_efter"].map(len) > 0)]
    before = _total_monthly(measured["forsorjning_fore"], costs)
    after = _total_monthly(measured["forsorjning_efter"], costs)
    reduction = {p: before[p] - after[p] for p in PAYBACK_PAYERS}
    total = sum(reduction.values())

    state_saved = sum(reduction[p] for p in STATE_PAYERS)
    per_financier = {
        "staten": state_saved,
        "region": reduction["region"],
        "kommun": reduction["kommun"],
    }
    return {
        "persons": len(measured),
        "period_cost": period_cost,
        "monthly_cost_before": before,
        "monthly_cost_after": after,
        "monthly_reduction": {**reduction, "total": total},
        "months": months(period_cost, total),
        "by_financier": {
            name: {
                "share_of_cost": share,
                "cost": None if period_cost is None else period_cost * share,
                "monthly_reduction": per_financier[name],
                "months": months(None if period_cost is None else period_cost * share, per_financier[name]),
            }
            for name, share in financing.items()
        },
        "reduction_share_of_before": share_or_none(total, sum(before.values())),
        **({"by_state_payer": _state_payers(period_cost, financing, state_split, reduction)} if state_split else {}),
    }


def _state_payers(period_cost, financing: dict, split: dict, reduction: dict) -> dict:
    """*Staten, varav AF och FK*: each state payer's part of the state's cost share ÷ its own
    monthly reduction."""
    result = {}
    for payer, part in split.items():
        share = financing.get("staten", 0.0) * part
        cost = None if period_cost is None else period_cost * share
        result[payer] = {
            "share_of_cost": share,
            "cost": cost,
            "monthly_reduction": reduction[payer],
            "months": months(cost, reduction[payer]),
        }
    return result

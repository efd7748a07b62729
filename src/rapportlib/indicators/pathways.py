"""Where exits went in more detail: continued rehabilitation (*fortsatt arbetslivsinriktad
rehabilitering*) by destination, and those who broke off (*avbrott*) by reason and referrer."""

from __future__ import annotations

import pandas as pd

from ..codes import BREAKOFF_REASONS, CONTINUED_DESTINATIONS, REFERRERS
from ._util import counts, share_or_none

#: A recorded value is missing: counted under this key so that the parts add up to the whole.
MISSING = "uppgift_saknas"
#: Destinations that are a party, so that "back to the referrer" means destination = referrer.
_PARTIES = ("af", "fk", "kommun", "region")


def recorded(register: pd.DataFrame, column: str) -> bool:
    """Whether the register records ``column`` at all (some row has a value): an optional column
    that is absent, or empty throughout, gives no indicator rather than a table of zeros."""
    return column in register and bool(register[column].notna().any())


def _with_missing(values: pd.Series, codes: tuple[str, ...]) -> dict[str, int]:
    """Counts per code, and under :data:`MISSING` the values not recorded; every key present."""
    found = counts(values, codes)
    found[MISSING] = int(values.isna().sum())
    return found


def continued_destinations(exits: pd.DataFrame) -> dict:
    """*Fortsatt arbetslivsinriktad rehabilitering efter avslut, vart*: the counted exits (early
    dropouts left out) whose exit reason is ``fortsatt_rehabilitering``, by destination
    (``fortsatt_till``: the reinforced cooperation of AF and FK, FK, AF, the kommun, the region,
    another; ``uppgift_saknas`` where not recorded).

    ``total`` is the number of such exits; ``shares`` are of ``total`` (``None`` when it is 0).
    ``back_to_referrer`` counts those whose destination is the party that referred them
    (``remittent``), e.g. from FK back to FK for continued case handling; its share is of ``total``.
    """
    rows = exits.loc[~exits["dropout"] & (exits["avslutsanledning"] == "fortsatt_rehabilitering")]
    total = len(rows)
    by_destination = _with_missing(rows["fortsatt_till"], CONTINUED_DESTINATIONS)
    back = int((rows["fortsatt_till"].isin(_PARTIES) & (rows["fortsatt_till"] == rows["remittent"])).sum())
    return {
        "total": total,
        "counts": by_destination,
        "shares": {k: share_or_none(v, total) for k, v in by_destination.items()},
        "back_to_referrer": back,
        "back_to_referrer_share": share_or_none(back, total),
    }


def breakoffs(exits: pd.DataFrame) -> dict:
    """*Avbrott*: the exits in the period that are early dropouts (they broke off in the trial
    period, or the register says ``tidigt_avhopp: ja``), by reason (``avbrott_anledning``:
    ill health, never started, could not be reached, does not want to take part, moved, other;
    ``uppgift_saknas`` where not recorded), by referrer (``remittent``), and by reason × referrer.
    ``total`` equals ``flows.early_dropouts``."""
    rows = exits.loc[exits["dropout"]]
    reasons = rows["avbrott_anledning"]
    return {
        "total": len(rows),
        "by_reason": _with_missing(reasons, BREAKOFF_REASONS),
        "by_referrer": counts(rows["remittent"], REFERRERS),
        "by_reason_referrer": {
            reason: counts(
                rows.loc[(reasons.isna() if reason == MISSING else reasons == reason), "remittent"], REFERRERS
            )
            for reason in (*BREAKOFF_REASONS, MISSING)
        },
    }

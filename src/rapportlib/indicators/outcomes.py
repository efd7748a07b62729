"""Results at exit (*resultat vid avslut*) and the share "i mål"."""

from __future__ import annotations

import pandas as pd

from ..codes import EXIT_REASONS
from ._util import counts, share_or_none


def outcomes(exits: pd.DataFrame, in_goal: tuple[str, ...], sexes: tuple[str, ...]) -> dict:
    """*Resultat / i mål*: exits by reason, leaving early dropouts out.

    ``counts`` holds the exits that are not early dropouts per exit reason (*avslutsanledning*);
    ``denominator`` is exits minus early dropouts; ``in_goal`` counts those whose reason is one of
    the team's goal reasons, and ``in_goal_share`` is ``in_goal / denominator`` (``None`` when no
    one counts). ``in_goal_by_sex`` splits ``in_goal`` by sex; ``without_reason`` counts counted
    exits with no reason recorded (it should be 0).
    """
    counted = exits.loc[~exits["dropout"]]
    goal = counted.loc[counted["avslutsanledning"].isin(in_goal)]
    n_goal = len(goal)
    return {
        "counts": counts(counted["avslutsanledning"], EXIT_REASONS),
        "without_reason": int(counted["avslutsanledning"].isna().sum()),
        "denominator": len(counted),
        "in_goal": n_goal,
        "in_goal_share": share_or_none(n_goal, len(counted)),
        "in_goal_by_sex": counts(goal["kon"], sexes),
        "in_goal_codes": list(in_goal),
    }

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


def _counted(exits: pd.DataFrame) -> pd.DataFrame:
    """*Avslut utan tidiga avhopp*: the exits that count towards the result (early dropouts left out)."""
    return exits.loc[~exits["dropout"]]


def _summary(group: pd.DataFrame, in_goal: tuple[str, ...]) -> dict:
    """*Resultat / i mål* of one group of counted exits: ``counts`` per exit reason
    (*avslutsanledning*), ``denominator`` (the group's size), ``in_goal`` (exits to a goal reason)
    and ``in_goal_share`` = in_goal / denominator (``None`` for an empty group)."""
    n_goal = int(group["avslutsanledning"].isin(in_goal).sum())
    return {
        "counts": counts(group["avslutsanledning"], EXIT_REASONS),
        "denominator": len(group),
        "in_goal": n_goal,
        "in_goal_share": share_or_none(n_goal, len(group)),
    }


def outcomes_by_sex(exits: pd.DataFrame, in_goal: tuple[str, ...], sexes: tuple[str, ...]) -> dict:
    """*Resultat per kön*: the outcome summary (counts per reason, denominator, in goal) for each sex,
    early dropouts left out."""
    counted = _counted(exits)
    return {sex: _summary(counted.loc[counted["kon"] == sex], in_goal) for sex in sexes}


def outcomes_by_sex_age_band(exits: pd.DataFrame, in_goal: tuple[str, ...], sexes: tuple[str, ...]) -> dict:
    """*Resultat per kön och åldersspann* (the Avesta appendix): the outcome summary per sex and age
    band, age taken in the exit year; early dropouts left out."""
    from ..codes import AGE_BANDS
    from .participants import age_band, ages_at

    counted = _counted(exits)
    bands = age_band(ages_at(counted, counted["avslutsdatum"].dt.year))
    return {
        sex: {band: _summary(counted.loc[(counted["kon"] == sex) & (bands == band)], in_goal) for band in AGE_BANDS}
        for sex in sexes
    }


def outcomes_by_unit(exits: pd.DataFrame, in_goal: tuple[str, ...]) -> dict:
    """*Resultat per delinsats*: the outcome summary per sub-unit (``delinsats``), early dropouts left
    out; exits without a sub-unit are grouped as ``"(ingen delinsats)"``. Empty when no exit has one."""
    counted = _counted(exits)
    if "delinsats" not in counted or counted["delinsats"].isna().all():
        return {}
    units = counted["delinsats"].fillna("(ingen delinsats)")
    return {unit: _summary(counted.loc[units == unit], in_goal) for unit in sorted(units.unique())}


def exit_details(exits: pd.DataFrame, reasons: tuple[str, ...] = ("annat", "sjukdom", "sjukersattning")) -> dict:
    """*Avslut till annat/sjukdom, uppdelat*: per exit reason, counts per kind of detail.

    ``avslut_detalj`` is free text; it is matched (after folding) to the known kinds in
    :data:`rapportlib.codes.EXIT_DETAILS`. Anything else counts as ``annan_uppgift`` and an empty
    detail as ``uppgift_saknas``: free text is never published verbatim.
    """
    from ..codes import EXIT_DETAILS, fold

    counted = _counted(exits)
    result = {}
    for reason in reasons:
        details = counted.loc[counted["avslutsanledning"] == reason, "avslut_detalj"]
        kinds = details.map(
            lambda t: (
                "uppgift_saknas"
                if t is None or pd.isna(t) or not str(t).strip()
                else (fold(t) if fold(t) in EXIT_DETAILS else "annan_uppgift")
            )
        )
        found = kinds.value_counts()
        result[reason] = {k: int(v) for k, v in sorted(found.items())}
    return result


def active_jobseekers(exits: pd.DataFrame, in_goal: tuple[str, ...]) -> dict:
    """*Aktivt arbetssökande* beside the result (seed 002 §4.1.1): counted exits that are not in
    goal and are active job seekers after exit, either by exit reason or by ``sysselsattning_efter``.
    The category overlaps the others (one may be both a job seeker and in continued rehabilitation),
    so it is reported beside the outcome counts, never added to them. ``share`` is of the counted exits.
    """
    counted = _counted(exits)
    after = (
        counted["sysselsattning_efter"]
        if "sysselsattning_efter" in counted
        else pd.Series([()] * len(counted), index=counted.index, dtype=object)
    )
    seeking = (counted["avslutsanledning"] == "aktivt_arbetssokande") | after.map(
        lambda codes: "aktivt_arbetssokande" in (codes or ())
    )
    outside_goal = ~counted["avslutsanledning"].isin(in_goal)
    n = int((seeking & outside_goal).sum())
    by_reason = counts(counted.loc[seeking & outside_goal, "avslutsanledning"], EXIT_REASONS)
    return {"count": n, "share": share_or_none(n, len(counted)), "by_reason": by_reason}

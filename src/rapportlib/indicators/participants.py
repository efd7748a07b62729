"""Who the participants are: age, age bands, referrer, payer, years on support, support sources."""

from __future__ import annotations

import pandas as pd

from ..codes import AGE_BANDS, PAYER_OF_SOURCE, PAYERS, REFERRERS, SUPPORT_SOURCES
from ._util import counts, mean_or_none, share_or_none


def ages_at(population: pd.DataFrame, years: pd.Series | int) -> pd.Series:
    """Age of each person as a given year minus birth year (the register has birth years only)."""
    return years - population["fodelsear"]


def age_summary(population: pd.DataFrame, year: int) -> dict:
    """*Ålder* at a date in ``year``: ``mean``, youngest (``min``), oldest (``max``) and the share
    aged 30 or younger (``share_30_or_younger``); all ``None`` for an empty population."""
    ages = ages_at(population, year)
    if ages.empty:
        return {"mean": None, "min": None, "max": None, "share_30_or_younger": None, "n_30_or_younger": 0}
    young = int((ages <= 30).sum())
    return {
        "mean": float(ages.mean()),
        "min": int(ages.min()),
        "max": int(ages.max()),
        "share_30_or_younger": share_or_none(young, len(ages)),
        "n_30_or_younger": young,
    }


def age_at_exit(exits: pd.DataFrame, sexes: tuple[str, ...]) -> dict:
    """*Snittålder vid avslut*: mean age in the exit year, in all and per sex (early dropouts included)."""
    ages = ages_at(exits, exits["avslutsdatum"].dt.year)
    result = {"mean": mean_or_none(ages)}
    for sex in sexes:
        result[sex] = mean_or_none(ages[exits["kon"] == sex])
    return result


def age_band(ages: pd.Series) -> pd.Series:
    """The band 15–29, 30–44, 45–59 or 60–74 of each age; other ages get no band (``NA``)."""
    bins = [14, 29, 44, 59, 74]
    return pd.cut(ages, bins=bins, labels=list(AGE_BANDS)).astype("string")


def age_bands_at_enrolment(new: pd.DataFrame) -> dict[str, int]:
    """*Åldersfördelning vid start*: new enrolments per age band, age taken in the enrolment year."""
    ages = ages_at(new, new["inskrivningsdatum"].dt.year)
    return counts(age_band(ages), AGE_BANDS)


def referrers(population: pd.DataFrame) -> dict[str, int]:
    """*Remittent*: enrolments per referring agency."""
    return counts(population["remittent"], REFERRERS)


def main_source(population: pd.DataFrame) -> pd.Series:
    """The main (first listed) support source before enrolment, ``NA`` where none is listed."""
    return population["forsorjning_fore"].map(lambda codes: codes[0] if codes else pd.NA)


def payers(population: pd.DataFrame) -> dict[str, int]:
    """*Försörjningsgrund*: persons per payer of their main source before enrolment
    (försörjningsstöd → kommun; sjukpenning, aktivitets- and sjukersättning → FK; aktivitetsstöd
    and a-kassa → AF; lön, studiestöd, ingen offentlig → ingen offentlig). Persons with no
    source listed are left out."""
    return counts(main_source(population).map(PAYER_OF_SOURCE), PAYERS)


def benefit_years(population: pd.DataFrame, sexes: tuple[str, ...]) -> dict:
    """*Tid i offentlig försörjning*: mean years on public support before enrolment, in all and
    per sex, over those with a value."""
    years = population["ar_i_offentlig_forsorjning"]
    result = {"mean": mean_or_none(years)}
    for sex in sexes:
        result[sex] = mean_or_none(years[population["kon"] == sex])
    return result


def support_before_after(exits: pd.DataFrame) -> dict[str, dict[str, int]]:
    """*Försörjning före och efter*: for each support source, how many of the exits listed it
    before enrolment and after exit. A person may list several sources, so the counts add up to
    more than the number of persons."""
    before = exits["forsorjning_fore"].explode().dropna()
    after = exits["forsorjning_efter"].explode().dropna()
    n_before, n_after = counts(before, SUPPORT_SOURCES), counts(after, SUPPORT_SOURCES)
    return {code: {"before": n_before[code], "after": n_after[code]} for code in SUPPORT_SOURCES}

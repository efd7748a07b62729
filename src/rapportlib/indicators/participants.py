"""Who the participants are: age, age bands, referrer, payer, years on support, support sources."""

from __future__ import annotations

import pandas as pd

from ..codes import AGE_BANDS, EDUCATION, PAYER_OF_SOURCE, PAYERS, REFERRERS, SUPPORT_SOURCES
from ._util import counts, mean_or_none, share_or_none


def ages_at(population: pd.DataFrame, years: pd.Series | int) -> pd.Series:
    """*Ålder*: each person's age as a given year minus the birth year (*födelseår*); the register
    has birth years only, so this is the age the person reaches during that year."""
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
    """*Åldersgrupp*: the band 15–29, 30–44, 45–59 or 60–74 that each age falls in; ages outside
    every band get none (``NA``)."""
    bins = [14, 29, 44, 59, 74]
    return pd.cut(ages, bins=bins, labels=list(AGE_BANDS)).astype("string")


def age_bands_at_enrolment(new: pd.DataFrame) -> dict[str, int]:
    """*Åldersfördelning vid start*: new enrolments per age band, age taken in the enrolment year."""
    ages = ages_at(new, new["inskrivningsdatum"].dt.year)
    return counts(age_band(ages), AGE_BANDS)


def referrers(population: pd.DataFrame) -> dict[str, int]:
    """*Remittent*: enrolments per referring agency, i.e. who sent the person to the team (AF, FK,
    kommun, region or annan)."""
    return counts(population["remittent"], REFERRERS)


def main_source(population: pd.DataFrame) -> pd.Series:
    """*Huvudsaklig försörjning före*: each person's main support source before enrolment, taken as
    the first one listed; ``NA`` where none is listed."""
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


def support_before_after(exits: pd.DataFrame) -> dict[str, dict]:
    """*Försörjning före och efter*: for each support source, how many of the exits listed it
    before enrolment (``before``) and after exit (``after``); ``change`` = after − before and
    ``change_pct`` = change / before (``None`` when before is 0).

    A person may list several sources, so shares are of sources, not of persons (seed 002 §4.1.2):
    ``share_before`` / ``share_after`` divide by the number of sources listed plus the persons with
    none listed ("uppgift saknas"), so the shares of a column, with the missing, add up to 1.
    """
    before = exits["forsorjning_fore"].explode().dropna()
    after = exits["forsorjning_efter"].explode().dropna()
    n_before, n_after = counts(before, SUPPORT_SOURCES), counts(after, SUPPORT_SOURCES)
    tot = support_totals(exits)
    result = {}
    for code in SUPPORT_SOURCES:
        b, a = n_before[code], n_after[code]
        result[code] = {
            "before": b,
            "after": a,
            "share_before": share_or_none(b, tot["denominator_before"]),
            "share_after": share_or_none(a, tot["denominator_after"]),
            "change": a - b,
            "change_pct": share_or_none(a - b, b),
        }
    return result


def support_totals(exits: pd.DataFrame) -> dict[str, int]:
    """*Försörjning före och efter, summor*: the totals behind :func:`support_before_after`, before
    and after: the number of sources listed (``sources_*``), persons with none listed (``missing_*``,
    "uppgift saknas") and the share denominators (sources + missing); ``persons`` = the exits."""
    out = {}
    for side, col in (("before", "forsorjning_fore"), ("after", "forsorjning_efter")):
        lengths = exits[col].map(len)
        out[f"sources_{side}"] = int(lengths.sum())
        out[f"missing_{side}"] = int((lengths == 0).sum())
        out[f"denominator_{side}"] = out[f"sources_{side}"] + out[f"missing_{side}"]
    out["persons"] = len(exits)
    return out


def education(population: pd.DataFrame) -> dict[str, int]:
    """*Utbildningsnivå*: enrolments per education level; those with none recorded count as ``okand``."""
    return counts(population["utbildning"].fillna("okand"), EDUCATION)


#: Bins of years on public support: "Upp till k år" holds k−1 ≤ years < k; the last holds 9 or more.
BENEFIT_BINS = tuple(f"upp_till_{k}" for k in range(1, 10)) + ("9_eller_mer",)


def benefit_year_bins(population: pd.DataFrame) -> dict[str, int]:
    """*Tid i offentlig försörjning vid start* in bins: ``upp_till_1`` (under 1 year) … ``upp_till_9``
    (8 to under 9 years) and ``9_eller_mer``; ``uppgift_saknas`` counts those with no value."""
    years = population["ar_i_offentlig_forsorjning"]
    known = years.dropna()
    index = known.clip(lower=0).floordiv(1).clip(upper=9).astype(int)
    binned = index.map(lambda k: BENEFIT_BINS[k])
    result = counts(binned, BENEFIT_BINS)
    result["uppgift_saknas"] = int(years.isna().sum())
    return result


def age_bands(population: pd.DataFrame, years: pd.Series | int) -> dict[str, int]:
    """*Åldersfördelning*: persons per age band (15–29, 30–44, 45–59, 60–74) with age taken in
    ``years`` (a year, or one year per row); ages outside every band are not counted."""
    return counts(age_band(ages_at(population, years)), AGE_BANDS)

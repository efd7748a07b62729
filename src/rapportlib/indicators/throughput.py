"""Throughput time (*genomströmningstid*) and its rolling history."""

from __future__ import annotations

import pandas as pd

from ._util import mean_or_none
from .periods import as_timestamp, months_between, shift_month_end


def throughput_population(exits: pd.DataFrame, population: str, in_goal: tuple[str, ...]) -> pd.DataFrame:
    """*Mätta avslut* (genomströmningstidens population): the exits whose time is measured. Early
    dropouts are always left out; with ``population="in_goal"`` only exits to a goal reason count,
    with ``"all_exits"`` every other exit.
    """
    counted = exits.loc[~exits["dropout"]]
    if population == "in_goal":
        counted = counted.loc[counted["avslutsanledning"].isin(in_goal)]
    return counted


def throughput(exits: pd.DataFrame, population: str, in_goal: tuple[str, ...], sexes: tuple[str, ...]) -> dict:
    """*Genomströmningstid*: mean months from enrolment to exit (days / 30.4375) over the
    team's throughput population (see :func:`throughput_population`), in all and per sex;
    ``None`` where no one is measured.
    """
    measured = throughput_population(exits, population, in_goal)
    months = months_between(measured["inskrivningsdatum"], measured["avslutsdatum"])
    result = {"all": mean_or_none(months), "n": len(measured)}
    for sex in sexes:
        result[sex] = mean_or_none(months[measured["kon"] == sex])
    return result


def throughput_history(
    register: pd.DataFrame, end, population: str, in_goal: tuple[str, ...], windows: int = 6
) -> list[dict]:
    """*Genomströmningstid över tid*: the throughput time in rolling 12-month windows, the newest
    ending at the period end and each earlier one ending 6 months before the next
    (e.g. 2107–2206, 2101–2112, 2007–2106, …), oldest first. Each item holds the window's
    ``start``, ``end``, the number measured ``n`` and the mean ``months`` (``None`` when ``n`` is 0).
    """
    end = as_timestamp(end)
    exited = register.loc[
        register["avslutsdatum"].notna(), ["inskrivningsdatum", "avslutsdatum", "avslutsanledning", "dropout"]
    ]
    measured_all = throughput_population(exited, population, in_goal)
    months_all = months_between(measured_all["inskrivningsdatum"], measured_all["avslutsdatum"])
    exit_dates = measured_all["avslutsdatum"]
    history = []
    for k in range(windows - 1, -1, -1):
        w_end = shift_month_end(end, -6 * k)
        w_start = shift_month_end(w_end, -12) + pd.Timedelta(days=1)
        months = months_all[(exit_dates >= w_start) & (exit_dates <= w_end)]
        history.append(
            {
                "start": w_start.date().isoformat(),
                "end": w_end.date().isoformat(),
                "n": len(months),
                "months": mean_or_none(months),
            }
        )
    return history

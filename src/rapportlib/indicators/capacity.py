"""Capacity against plan (*kapacitet*): how many are enrolled, how fast they turn over, staff."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._util import share_or_none
from .periods import DAYS_PER_MONTH, as_timestamp


def daily_enrolled(register: pd.DataFrame, start, end) -> np.ndarray:
    """*Inskrivna per dag*: the number enrolled at the end of each day of the period (enrolled on or
    before the day, not exited on or before it)."""
    start, end = as_timestamp(start), as_timestamp(end)
    n = (end - start).days + 1
    first = (register["inskrivningsdatum"] - start).dt.days.to_numpy()
    last = (register["avslutsdatum"] - start).dt.days.to_numpy(dtype=float, na_value=np.inf)
    lo = np.clip(first, 0, n)
    hi = np.clip(last, 0, n).astype(np.int64)
    keep = lo < hi
    diff = np.bincount(lo[keep], minlength=n + 1) - np.bincount(hi[keep], minlength=n + 1)
    return np.cumsum(diff)[:n]


def capacity(register: pd.DataFrame, pops: dict, start, end, max_months: float | None) -> dict:
    """*Kapacitet*: ``mean_enrolled`` (mean of the daily number enrolled), ``peak`` and its date,
    ``new_per_year`` and ``exits_per_year`` (counts scaled to 365.25 days), ``turnover`` (exits per
    year ÷ mean enrolled), and with a maximum time (``max_months``) the number and share of those
    enrolled at the end who have been enrolled longer, and of the exits who stayed longer.
    """
    start, end = as_timestamp(start), as_timestamp(end)
    daily = daily_enrolled(register, start, end)
    years = ((end - start).days + 1) / 365.25
    mean = float(daily.mean()) if daily.size else None
    peak_day = int(daily.argmax()) if daily.size else None
    result = {
        "mean_enrolled": mean,
        "peak": int(daily.max()) if daily.size else None,
        "peak_date": (start + pd.Timedelta(days=peak_day)).date().isoformat() if daily.size and daily.max() else None,
        "new_per_year": len(pops["new"]) / years,
        "exits_per_year": len(pops["exits"]) / years,
        "turnover": share_or_none(len(pops["exits"]) / years, mean or 0),
        "max_months": max_months,
    }
    if max_months is not None:
        end_months = (end - pops["active_end"]["inskrivningsdatum"]).dt.days / DAYS_PER_MONTH
        exit_months = (pops["exits"]["avslutsdatum"] - pops["exits"]["inskrivningsdatum"]).dt.days / DAYS_PER_MONTH
        over_end, over_exit = int((end_months > max_months).sum()), int((exit_months > max_months).sum())
        result["active_end_over_max"] = over_end
        result["active_end_over_max_share"] = share_or_none(over_end, len(pops["active_end"]))
        result["exits_over_max"] = over_exit
        result["exits_over_max_share"] = share_or_none(over_exit, len(pops["exits"]))
    return result


def staff_by_owner(staff: list[dict]) -> dict:
    """*Bemanning*: full-time equivalents (FTE) per owner organisation from the params file's
    ``staff`` list (``{roll, organisation, fte}``), and the total."""
    by_owner: dict[str, float] = {}
    for person in staff:
        owner = str(person.get("organisation", "okänd"))
        by_owner[owner] = by_owner.get(owner, 0.0) + float(person.get("fte", 0))
    return {"by_owner": by_owner, "total": float(sum(by_owner.values()))}

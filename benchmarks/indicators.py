"""Benchmark: every indicator for one period on a synthetic register of N enrolments.

    .venv/bin/python benchmarks/indicators.py [--rows 1000000]

Prints the time and peak memory of ``indicators.compute``, and its ratio to a baseline measured in
the same run on the same register (one deep copy of the DataFrame), so that results compare across
machines. Aim on the project's 2-core machine: under 3 s and under 1 GB for 1 000 000 enrolments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time

import numpy as np
import pandas as pd

from rapportlib.codes import EDUCATION, EXIT_REASONS, REFERRERS, SUPPORT_SOURCES
from rapportlib.indicators import compute
from rapportlib.params import Rules


def synthetic_register(rows: int, seed: int = 1) -> pd.DataFrame:
    """A register shaped like ``read_register``'s result, spread over 2010–2022."""
    rng = np.random.default_rng(seed)
    first = np.datetime64("2010-01-01")
    enrol = first + rng.integers(0, 365 * 13, rows).astype("timedelta64[D]")
    stay = rng.exponential(400, rows).astype(np.int64) + 1
    exit_ = enrol + stay.astype("timedelta64[D]")
    open_ = exit_ > np.datetime64("2022-12-31")
    exit_ = exit_.astype("datetime64[ns]")
    exit_[open_] = np.datetime64("NaT")
    combos = np.empty(6, dtype=object)
    combos[:] = [
        (),
        ("forsorjningsstod",),
        ("sjukpenning",),
        ("forsorjningsstod", "sjukpenning"),
        ("aktivitetsstod",),
        ("ingen_offentlig",),
    ]
    reasons = np.array(EXIT_REASONS, dtype=object)[rng.integers(0, len(EXIT_REASONS), rows)]
    reasons[open_] = None
    return pd.DataFrame(
        {
            "rad": np.arange(2, rows + 2),
            "deltagar_id": pd.Series(np.char.add("P", rng.integers(0, rows, rows).astype(str))),
            "kon": np.where(rng.random(rows) < 0.55, "kvinna", "man"),
            "fodelsear": rng.integers(1955, 2005, rows),
            "inskrivningsdatum": enrol.astype("datetime64[ns]"),
            "avslutsdatum": exit_,
            "avslutsanledning": reasons,
            "avslut_detalj": None,
            "tidigt_avhopp": pd.array([pd.NA] * rows, dtype="boolean"),
            "remittent": np.array(REFERRERS, dtype=object)[rng.integers(0, len(REFERRERS), rows)],
            "forsorjning_fore": combos[rng.integers(0, 6, rows)],
            "forsorjning_efter": combos[rng.integers(0, 6, rows)],
            "utbildning": np.array(EDUCATION, dtype=object)[rng.integers(0, len(EDUCATION), rows)],
            "ar_i_offentlig_forsorjning": rng.gamma(2.0, 2.5, rows).round(1),
            "delinsats": np.array(["A", "B", "C"], dtype=object)[rng.integers(0, 3, rows)],
        }
    )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    register = synthetic_register(args.rows)
    assert set(SUPPORT_SOURCES) >= {"forsorjningsstod", "sjukpenning"}
    t0 = time.perf_counter()
    register.copy(deep=True)
    baseline = time.perf_counter() - t0
    before = _peak_mb()
    t0 = time.perf_counter()
    result = compute(
        register,
        team="bench",
        start=dt.date(2021, 7, 1),
        end=dt.date(2022, 6, 30),
        rules=Rules(trial_months=2, throughput_population="all_exits"),
    )
    elapsed = time.perf_counter() - t0
    after = _peak_mb()
    print(f"enrolments:            {args.rows:>12,}")
    print(f"served in the period:  {result['flows']['served']:>12,}")
    print(f"baseline (deep copy):  {baseline:>12.3f} s")
    print(f"compute (all):         {elapsed:>12.3f} s   ratio to baseline {elapsed / baseline:6.1f}×   aim < 3 s")
    print(f"peak memory (process): {after:>12.0f} MB  (register built: {before:.0f} MB)   aim < 1024 MB")


if __name__ == "__main__":
    main()

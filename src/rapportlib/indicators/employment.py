"""Employment (*sysselsättning*) before enrolment and after exit (optional register columns)."""

from __future__ import annotations

import pandas as pd

from ..codes import EMPLOYMENT
from ._util import counts, share_or_none

WORK_OR_STUDIES = ("arbete_osubventionerat", "arbete_subventionerat", "studier")


def employment_before_after(exits: pd.DataFrame) -> dict:
    """*Sysselsättning före och efter* for the exits that are not early dropouts (seed 002 §4.1.1).

    Per status, persons with it before enrolment (``sysselsattning_fore``) and after exit
    (``sysselsattning_efter``), ``change`` = after − before and ``change_pct`` = change / before.
    ``work_or_studies`` counts persons with any work (subsidised or not) or studies, each once.
    ``without_measurement`` is the number of early dropouts (exits "utan mätning"), left out above.
    ``recorded`` is ``False`` when the register has no employment columns (then all counts are 0).
    """
    counted = exits.loc[~exits["dropout"]]
    recorded = "sysselsattning_fore" in exits and "sysselsattning_efter" in exits
    empty = pd.Series([()] * len(counted), index=counted.index, dtype=object)
    before = counted["sysselsattning_fore"] if recorded else empty
    after = counted["sysselsattning_efter"] if recorded else empty
    n_before, n_after = counts(before.explode().dropna(), EMPLOYMENT), counts(after.explode().dropna(), EMPLOYMENT)
    result = {
        code: {
            "before": n_before[code],
            "after": n_after[code],
            "change": n_after[code] - n_before[code],
            "change_pct": share_or_none(n_after[code] - n_before[code], n_before[code]),
        }
        for code in EMPLOYMENT
    }
    ws_before = int(before.map(lambda c: any(x in WORK_OR_STUDIES for x in c)).sum())
    ws_after = int(after.map(lambda c: any(x in WORK_OR_STUDIES for x in c)).sum())
    return {
        "recorded": recorded,
        "persons": len(counted),
        "status": result,
        "work_or_studies": {
            "before": ws_before,
            "after": ws_after,
            "change": ws_after - ws_before,
            "change_pct": share_or_none(ws_after - ws_before, ws_before),
        },
        "without_measurement": int(exits["dropout"].sum()),
    }

"""Tiny participant registers built inline, shaped like :func:`rapportlib.load.read_register` returns them.

One dict per enrolment (:func:`enrolment`), collected into a typed DataFrame (:func:`register`):
dates as ``datetime64`` (``NaT`` while open), ``tidigt_avhopp`` as pandas ``boolean`` with ``NA``,
support sources as tuples of codes, ``rad`` numbered as in the file (header is row 1).
"""

from __future__ import annotations

import pandas as pd

from rapportlib.indicators.periods import populations, with_dropouts
from rapportlib.load import EMPLOYMENT, OPTIONAL, REQUIRED

#: Optional employment columns: present only when some enrolment gives ``syss_fore``/``syss_efter``.
EMPLOYMENT_COLUMNS = list(EMPLOYMENT)
COLUMNS = ["rad", *REQUIRED, *(c for c in OPTIONAL if c not in EMPLOYMENT_COLUMNS)]


def enrolment(
    deltagar_id: str,
    inskrivning: str,
    avslut: str | None = None,
    *,
    kon: str = "kvinna",
    fodelsear: int = 1990,
    anledning: str | None = None,
    avhopp: bool | None = None,
    remittent: str = "af",
    fore: tuple[str, ...] = (),
    efter: tuple[str, ...] = (),
    utbildning: str | None = None,
    ar: float | None = None,
    delinsats: str | None = None,
    detalj: str | None = None,
    syss_fore: tuple[str, ...] | None = None,
    syss_efter: tuple[str, ...] | None = None,
    fortsatt_till: str | None = None,
    avbrott: str | None = None,
) -> dict:
    """One enrolment (one register row); dates as ISO strings, ``avslut=None`` while enrolled.

    ``syss_fore``/``syss_efter`` (employment status codes) add the optional ``sysselsattning_*``
    columns to the register; without them in any enrolment the register has no such columns.
    """
    row = {
        "deltagar_id": deltagar_id,
        "kon": kon,
        "fodelsear": fodelsear,
        "inskrivningsdatum": inskrivning,
        "remittent": remittent,
        "avslutsdatum": avslut,
        "avslutsanledning": anledning,
        "avslut_detalj": detalj,
        "tidigt_avhopp": avhopp,
        "forsorjning_fore": tuple(fore),
        "forsorjning_efter": tuple(efter),
        "utbildning": utbildning,
        "ar_i_offentlig_forsorjning": ar,
        "delinsats": delinsats,
        "fortsatt_till": fortsatt_till,
        "avbrott_anledning": avbrott,
    }
    if syss_fore is not None or syss_efter is not None:
        row["sysselsattning_fore"] = tuple(syss_fore or ())
        row["sysselsattning_efter"] = tuple(syss_efter or ())
    return row


def register(*enrolments: dict) -> pd.DataFrame:
    """A typed register of the given enrolments, rows numbered from 2 as in the file."""
    employment = any(col in e for e in enrolments for col in EMPLOYMENT_COLUMNS)
    columns = COLUMNS + EMPLOYMENT_COLUMNS if employment else COLUMNS
    defaults = dict.fromkeys(EMPLOYMENT_COLUMNS, ()) if employment else {}
    records = [{**defaults, **e, "rad": i + 2} for i, e in enumerate(enrolments)]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame["rad"] = frame["rad"].astype("int64")
    frame["fodelsear"] = frame["fodelsear"].astype("int64")
    frame["inskrivningsdatum"] = pd.to_datetime(frame["inskrivningsdatum"])
    frame["avslutsdatum"] = pd.to_datetime(frame["avslutsdatum"])
    frame["tidigt_avhopp"] = pd.array(list(frame["tidigt_avhopp"]), dtype="boolean")
    frame["ar_i_offentlig_forsorjning"] = frame["ar_i_offentlig_forsorjning"].astype("float64")
    for col in ("forsorjning_fore", "forsorjning_efter", *(EMPLOYMENT_COLUMNS if employment else ())):
        frame[col] = pd.Series([tuple(v) for v in frame[col]], index=frame.index, dtype=object)
    return frame


def period_populations(reg: pd.DataFrame, start: str, end: str, trial_months: int = 2) -> dict[str, pd.DataFrame]:
    """The period's populations of ``reg``, with the ``dropout`` column added first."""
    return populations(with_dropouts(reg, trial_months), start, end)


def ids(frame: pd.DataFrame) -> list[str]:
    """Sorted participant ids of a population (one entry per enrolment)."""
    return sorted(frame["deltagar_id"])

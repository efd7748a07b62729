"""The files the generator writes: the register's columns, its rows, and CSV writing."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from ..load.columns import COLUMNS as REGISTER_COLUMNS
from ..load.columns import EMPLOYMENT
from .model import Spell

#: The participant register's columns, in the order the example files have them: the loader's list.
COLUMNS = list(REGISTER_COLUMNS)
EMPLOYMENT_COLUMNS = list(EMPLOYMENT)
BUDGET_COLUMNS = ["post", "budget", "utfall", "prognos"]
SURVEY_COLUMNS = ["omgang", "fraga", "svar"]
FOLLOWUP_COLUMNS = ["deltagar_id", "uppfoljning_manad", "uppfoljningsdatum", "status"]
APPLICATION_COLUMNS = ["ansokningsdatum", "aktorer", "remittent", "delinsats", "beslut"]
HEALTH_COLUMNS = ["omgang", "svar"]


def register_order(spells: list[Spell]) -> list[Spell]:
    """The spells in the register's row order, which also numbers the participants."""
    return sorted(spells, key=lambda s: (s.enrol, s.exit_date or dt.date.max, s.sex, s.attrs["birth_year"]))


def register_table(
    spells, prefix: str, reenrol: list[tuple[int, int]], decimal: str, employment: bool = False, extra=()
):
    """The register's header and rows: ``COLUMNS``, then ``EMPLOYMENT_COLUMNS`` if ``employment``,
    then the ``extra`` columns (``fortsatt_till``, ``avbrott_anledning``, ``kommun``);
    ids made of ``prefix`` and the row number. Each ``(first, second)`` pair of row numbers in
    ``reenrol`` is made one person enrolled twice. Sets each spell's ``id`` attribute."""
    ordered = register_order(spells)
    ids = {id(s): f"{prefix}{k + 1:04d}" for k, s in enumerate(ordered)}
    for first, second in reenrol:  # the same person enrolled twice
        a, b = ordered[first], ordered[second]
        ids[id(b)] = ids[id(a)]
        b.attrs["birth_year"] = a.attrs["birth_year"]
        b.sex = a.sex
    for s in ordered:
        s.attrs["id"] = ids[id(s)]
    header = COLUMNS + (EMPLOYMENT_COLUMNS if employment else []) + list(extra)
    return header, [in_order(_row(s, decimal), header) for s in ordered]


def in_order(row: dict[str, str], header: list[str]) -> list[str]:
    return [row[c] for c in header]


def _row(s: Spell, decimal: str) -> dict[str, str]:
    a = s.attrs
    return {
        "deltagar_id": a["id"],
        "kon": s.sex,
        "fodelsear": str(a["birth_year"]),
        "inskrivningsdatum": s.enrol.isoformat(),
        "avslutsdatum": s.exit_date.isoformat() if s.exit_date else "",
        "avslutsanledning": (s.exit.reason or "") if s.exit else "",
        "avslut_detalj": (s.exit.detail or "") if s.exit else "",
        "remittent": a["remittent"],
        "forsorjning_fore": ";".join(a["fore"]),
        "forsorjning_efter": ";".join(a.get("efter", [])) if s.exit else "",
        "utbildning": a["utbildning"],
        "ar_i_offentlig_forsorjning": f"{a['years']:.1f}".replace(".", decimal),
        "delinsats": a.get("delinsats", ""),
        "sysselsattning_fore": ";".join(a.get("syss_fore", [])),
        "sysselsattning_efter": ";".join(a.get("syss_efter", [])),
        "fortsatt_till": a.get("fortsatt_till", ""),
        "avbrott_anledning": a.get("avbrott_anledning", ""),
        "kommun": a.get("kommun", ""),
    }


def write_csv(path: Path, header, rows, delimiter=",") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)

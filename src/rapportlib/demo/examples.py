"""The example data in ``data/example/``: Avesta's and Västerås's registers and files."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np

from ..load.columns import HOME
from . import vasteras2018 as v18
from .avesta import AVESTA_BUDGETS, avesta
from .model import Spell
from .sater import CONTEXT_COLUMNS, context_rows, sater
from .vasteras import followup_rows, survey_rows, vasteras
from .writers import (
    APPLICATION_COLUMNS,
    BUDGET_COLUMNS,
    FOLLOWUP_COLUMNS,
    HEALTH_COLUMNS,
    SURVEY_COLUMNS,
    register_order,
    register_table,
    write_csv,
)


def write_examples(outdir: str | Path) -> list[Path]:
    """Write the example registers and budgets under ``outdir``; return the files written."""
    outdir = Path(outdir)
    folder = outdir / "vasteras"
    return (
        _write_avesta(outdir / "avesta")
        + _write_vasteras(folder)
        + _write_vasteras_2018(folder)
        + _write_sater(outdir / "sater")
    )


def _write_avesta(folder: Path) -> list[Path]:
    spells, _ = avesta(np.random.default_rng(1))
    path = folder / "deltagare.csv"
    write_csv(path, *register_table(spells, "AV", [_returning(spells)], "."))
    written = [path]
    for name, lines in AVESTA_BUDGETS.items():
        path = folder / name
        write_csv(path, BUDGET_COLUMNS, [list(line) for line in lines], delimiter=";")
        written.append(path)
    return written


def _returning(spells: list[Spell]) -> tuple[int, int]:
    """The same person enrolled twice: an early exit (2015) who came back in 2019; as row numbers."""
    ordered = register_order(spells)
    first = next(k for k, s in enumerate(ordered) if s.exit_date)
    second = next(
        k
        for k, s in enumerate(ordered)
        if s.enrol >= dt.date(2019, 1, 1)
        and s.exit_date
        and s.exit_date < dt.date(2021, 7, 1)
        and s.sex == ordered[first].sex
    )
    return first, second


def _write_vasteras(folder: Path) -> list[Path]:
    rng = np.random.default_rng(2)  # one stream for the register, the survey and the follow-ups
    spells, _ = vasteras(rng)
    files = [  # in this order: the register gives the ids the follow-ups name
        ("deltagare.csv", register_table(spells, "VS", [], ",", employment=True), ";"),
        ("enkat-2020.csv", (SURVEY_COLUMNS, survey_rows(rng)), ","),
        ("uppfoljning.csv", (FOLLOWUP_COLUMNS, followup_rows(rng, spells)), ","),
    ]
    for name, (header, rows), delimiter in files:
        write_csv(folder / name, header, rows, delimiter=delimiter)
    return [folder / name for name, _, _ in files]


def _write_vasteras_2018(folder: Path) -> list[Path]:
    """Västerås 2018 (seed 004): its own register, extracted early in 2019, and the files beside it."""
    rng = np.random.default_rng(18)
    spells, _ = v18.vasteras_2018(rng)
    extra = ("fortsatt_till", "avbrott_anledning")
    files = [  # in this order: the register gives the ids the follow-ups name
        ("deltagare-2018.csv", register_table(spells, "VT", [], ",", extra=extra), ";"),
        ("enkat-2018.csv", (SURVEY_COLUMNS, v18.survey_rows(rng)), ","),
        ("halsa-2018.csv", (HEALTH_COLUMNS, v18.health_rows(rng)), ","),
        ("uppfoljning-2018.csv", (FOLLOWUP_COLUMNS, v18.followup_rows(rng, spells)), ","),
        ("ansokningar-2018.csv", (APPLICATION_COLUMNS, v18.application_rows(rng)), ","),
        ("ekonomi-2018.csv", (BUDGET_COLUMNS, [list(line) for line in v18.BUDGET_2018]), ";"),
    ]
    for name, (header, rows), delimiter in files:
        write_csv(folder / name, header, rows, delimiter=delimiter)
    return [folder / name for name, _, _ in files]
def _write_sater(folder: Path) -> list[Path]:
    """Säter's plan: the register of the team it replaces (with each participant's home kommun) and
    the context statistics it cites."""
    spells, _ = sater(np.random.default_rng(3))
    files = [
        ("kraften-deltagare.csv", register_table(spells, "KR", [], ".", extra=HOME)),
        ("aktivitetsersattning-2017-10.csv", (CONTEXT_COLUMNS, context_rows())),
    ]
    for name, (header, rows) in files:
        write_csv(folder / name, header, rows)
    return [folder / name for name, _ in files]


def main(argv: list[str] | None = None) -> int:
    """``python -m rapportlib.demo [OUTDIR]``: (re)write the example data, by default in data/example."""
    argv = sys.argv[1:] if argv is None else argv
    outdir = Path(argv[0]) if argv else Path("data/example")
    for path in write_examples(outdir):
        print(path)
    return 0

"""What the command line accepts, checked before anything is read or rendered: counts and
seconds (as argparse types), a params file named on the command line, the ``--output`` folder.
A refusal is an :class:`~rapportlib.errors.InputError` (exit status 2) or an argparse error (2)."""

from __future__ import annotations

import argparse
import math
import os
import stat
import sys
from pathlib import Path

from .errors import InputError, Problem

MAX_TEAMS = 1000  # rapport demo --teams


def count(text: str) -> int:
    """An argument that counts something: a whole number, at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ett heltal, inte {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"minst 1, inte {value}")
    return value


def teams(text: str) -> int:
    value = count(text)
    if value > MAX_TEAMS:
        raise argparse.ArgumentTypeError(f"högst {MAX_TEAMS}, inte {value}")
    return value


def port(text: str) -> int:
    """A TCP port on this computer: 0 (any free port) to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ett portnummer, inte {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"ett portnummer 0–65535, inte {value}")
    return value


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ett antal sekunder, inte {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"ett ändligt antal sekunder, 0 eller fler, inte {text!r}")
    return value


def check_params(text: str) -> None:
    """A params file named on the command line must be a readable regular file: a folder, a FIFO
    (which would block the read) or a device such as /dev/zero (which never ends) is refused."""
    expected = None
    try:
        fd = os.open(text, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        expected = "filen finns inte"
    except PermissionError:
        expected = "filen kan inte läsas (behörighet saknas)"
    except (OSError, ValueError) as exc:
        expected = f"filen kan inte öppnas ({getattr(exc, 'strerror', None) or type(exc).__name__})"
    else:
        try:
            mode = os.fstat(fd).st_mode
        finally:
            os.close(fd)
        if stat.S_ISDIR(mode):
            expected = "en params-fil, inte en mapp"
        elif not stat.S_ISREG(mode):
            expected = "en vanlig fil (inte en FIFO, en enhet eller en socket)"
    if expected:
        raise InputError([Problem(text, None, None, None, expected)])


def check_output(output: Path, root: Path, targets: list[Path]) -> None:
    """``--output`` must be a folder (or not exist yet) outside the project's own folders: publishing
    swaps whole ``<team>/<period>/`` folders, which in params/ would replace the team's texts."""
    where = output.resolve()
    expected = None
    if where.exists() and not where.is_dir():
        expected = "--output: en mapp att publicera i, inte en fil"
    elif where == root or where in root.parents:
        expected = "--output: en egen mapp för rapporterna, inte projektets mapp eller en mapp ovanför den"
    else:
        own = [root / name for name in ("params", "data", "notebooks", "templates", "build", "src", ".git")]
        inside = [folder for folder in own if where == folder or folder in where.parents]
        # <output>/<team>/<period>/ must never be a team's narrative folder (<params dir>/<team>/<period>/)
        teams = {t.resolve().parent for t in targets} | {t.resolve().parent.parent for t in targets}
        inside += [folder for folder in teams if where == folder]
        if inside:
            expected = f"--output: en mapp utanför {inside[0]} (publicering där kan skriva över projektets filer)"
    if expected:
        raise InputError([Problem(str(output), None, None, None, expected)])


def jobs(jobs: int | None) -> int | None:
    """``--jobs``, at most four workers per core (each holds two kernels): more only thrashes."""
    limit = 4 * (os.cpu_count() or 1)
    if jobs is not None and jobs > limit:
        print(f"Varning: --jobs {jobs} är fler än {limit} (4 per kärna); renderar {limit} åt gången.", file=sys.stderr)
        return limit
    return jobs

"""Provenance: the line at the end of every report (HTML footer, last line of the PDF) saying where
it comes from. Never the clock, so renders of the same inputs stay byte-identical."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .. import __version__, fmt
from ..params import Params

PACKAGE = Path(__file__).resolve().parents[1]  # the rapportlib package: its repository is the project's


@dataclass(frozen=True)
class GitState:
    """The commit of the repository holding rapportlib, and whether its working tree had changes."""

    commit: str | None = None
    dirty: bool = False


def _git(folder: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def git_state(folder: Path = PACKAGE) -> GitState:
    """The commit and ``git status --porcelain`` of the repository holding ``folder``; an empty
    state outside a git checkout (an installed package)."""
    commit = (_git(folder, "rev-parse", "--short=12", "HEAD") or "").strip() or None
    if commit is None:
        return GitState()
    status = _git(folder, "status", "--porcelain")
    return GitState(commit, bool(status and status.strip()))


def provenance(params: Params, state: GitState | None = None) -> str:
    """Where the report comes from, as plain text: rapport's version and commit (and whether the
    working tree had uncommitted changes), the period and a hash of every data file."""
    state = git_state() if state is None else state
    hashes = "; ".join(
        f"{path.name} sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
        for _, path in sorted(params.data.items())
    )
    version = f"rapport {__version__}"
    if state.commit:
        note = ", med ändringar som inte checkats in" if state.dirty else ""
        version += f" (commit {state.commit}{note})"
    return (
        f"Rapporten är framtagen med {version} för {params.name}, "
        f"period {fmt.date(params.start)} – {fmt.date(params.end)}. "
        f"Underlag: {hashes}. Alla siffror är beräknade ur data; underlaget finns i indicators.json."
    )

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
    """The commit of the repository holding rapportlib."""

    commit: str | None = None


def _git(folder: Path, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout if out.returncode == 0 else None


def git_state(folder: Path = PACKAGE) -> GitState:
    """The commit of the repository holding ``folder``; an empty state outside a git checkout."""
    commit = (_git(folder, "rev-parse", "--short=12", "HEAD") or "").strip() or None
    return GitState(commit)


def provenance(params: Params, state: GitState | None = None) -> str:
    """Where the report comes from, as plain text: rapport's version and commit, the period and a
    hash of every data file."""
    state = git_state() if state is None else state
    hashes = "; ".join(
        f"{path.name} sha256 {hashlib.sha256(path.read_bytes()).hexdigest()[:12]}"
        for _, path in sorted(params.data.items())
    )
    version = f"rapport {__version__}"
    if state.commit:
        version += f" (commit {state.commit})"
    return (
        f"Rapporten är framtagen med {version} för {params.name}, "
        f"period {fmt.date(params.start)} – {fmt.date(params.end)}. "
        f"Underlag: {hashes}. Alla siffror är beräknade ur data; underlaget finns i indicators.json."
    )

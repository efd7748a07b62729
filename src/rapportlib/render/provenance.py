"""Provenance: the line at the end of every report (HTML footer, last line of the PDF) saying where
it comes from in a reader's words, and its technical details (version, commit, file hashes) for
``indicators.json``. Never the clock, so renders of the same inputs stay byte-identical."""

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


#: Each data file as a reader knows it.
SOURCES = {
    "participants": "deltagarregister",
    "budget": "budgetuppföljning",
    "survey": "deltagarenkät",
    "followups": "uppföljningar efter avslut",
    "context": "statistik om målgruppen",
}


def provenance_data(params: Params, state: GitState | None = None) -> dict:
    """The technical details of where a report comes from, for ``indicators.json`` only: rapport's
    version and commit, whether the working tree had uncommitted changes, and each data file's name
    and SHA-256."""
    state = git_state() if state is None else state
    return {
        "rapport_version": __version__,
        "commit": state.commit,
        "uncommitted_changes": state.dirty,
        "files": {
            key: {"name": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
            for key, path in sorted(params.data.items())
        },
    }


def provenance(params: Params, state: GitState | None = None) -> str:
    """Where the report comes from, in a reader's words: the program and its version, the team's
    sources and the period. Never the clock; the technical details (commit, file hashes) are in
    ``indicators.json`` (:func:`provenance_data`)."""
    sources = [SOURCES.get(key, key) for key in params.data]
    files = "1 fil" if len(sources) == 1 else f"{len(sources)} filer"
    if params.kind == "plan":  # a plan's register is its predecessor's
        sources = [f"deltagarregistret för {params.predecessor.get('name', 'den tidigare insatsen')}", *sources[1:]]
        return (
            f"Planen för {params.name} för {fmt.period(params.start, params.end)} är framställd med programmet "
            f"rapport, version {__version__}, ur {fmt.enumeration(sources, 'och')} ({files}). "
            "Tekniska uppgifter om underlaget och programmet finns i den maskinläsbara filen med planens siffror."
        )
    return (
        f"Rapporten om {params.name} för {fmt.period(params.start, params.end)} är framställd med programmet "
        f"rapport, version {__version__}, ur teamets {fmt.enumeration(sources, 'och')} ({files}). "
        "Tekniska uppgifter om underlaget och programmet finns i den maskinläsbara filen med rapportens siffror."
    )

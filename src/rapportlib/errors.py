"""Errors that carry a user-facing message; the command line turns them into exit status 2."""

from __future__ import annotations

from dataclasses import dataclass, field

from .identity import redact

#: What a text holding an identity number should have been (the value is never shown).
IDENTITY_EXPECTED = "text utan personnummer eller samordningsnummer (värdet visas inte)"
#: What a file's name holding an identity number should have been (the name is never shown).
NAME_EXPECTED = "ett filnamn utan personnummer eller samordningsnummer (namnet visas inte)"


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as the user sees it (row 1 is the header)."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolumn {self.column!r}")
        value = "" if self.value is None else f": värdet {self.value!r}"
        # Callers never pass an identity number; should one slip through (a file's name, a
        # value), it is still never shown.
        return redact(f"{', '.join(where)}{value}: {self.expected}")


@dataclass
class InputError(Exception):
    """Raised when input files are invalid; holds every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{len(self.problems)} problem i indata:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class ConsistencyError(Exception):
    """Raised by a final render when a consistency check fails (exit status 3). ``failed`` holds
    the failed checks (:class:`rapportlib.checks.Check`). Defined here, where the command line can
    name it without importing the checks (and pandas with them)."""

    def __init__(self, failed: list):
        self.failed = failed
        super().__init__("\n".join(f"Kontroll misslyckades: {c.name}: {c.detail}" for c in failed))

"""Errors that carry a user-facing message; the command line turns them into exit status 2."""

from __future__ import annotations

from dataclasses import dataclass, field


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
        return f"{', '.join(where)}{value}: {self.expected}"


@dataclass
class InputError(Exception):
    """Raised when input files are invalid; holds every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{len(self.problems)} problem i indata:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

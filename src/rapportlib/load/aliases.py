"""The alias table: the headers and code labels real exports use, mapped to the contract's names.

The packaged table (``aliases.yml``) can be extended per report by a params file's ``aliases:``
(same shape). Matching is done after folding (:func:`rapportlib.codes.fold`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd
import yaml

from ..codes import ALIASES, fold
from ..errors import Problem
from .columns import DROPOUT_CODE, KIND_OF_COLUMN, OPTIONAL, REQUIRED


@dataclass(frozen=True)
class Aliases:
    """Folded header → contract column, and per code list folded label → code."""

    columns: dict[str, str]
    codes: dict[str, dict[str, object]] = field(default_factory=dict)

    def code(self, kind: str, text: str):
        """The code of a value, or ``None`` when unknown."""
        return self.codes.get(kind, {}).get(fold(text))

    def known(self, kind: str) -> list[str]:
        """The codes of a code list, sorted."""
        return sorted({str(v) for v in self.codes.get(kind, {}).values()})

    def expected(self, kind: str, text: str) -> str:
        """What an unknown ``text`` should have been: the codes, and the closest one if any is close."""
        known = self.known(kind)
        close = difflib.get_close_matches(
            fold(text), [fold(k) for k in known] + list(self.codes.get(kind, {})), n=1, cutoff=0.6
        )
        hint = ""
        if close:
            hint = f"; menade du {self.codes.get(kind, {}).get(close[0], close[0])}?"
        shown = [k for k in known if k != DROPOUT_CODE]
        return f"en av {', '.join(shown)}{hint}"


def load_aliases(extra: dict | None = None) -> Aliases:
    """The packaged alias table, extended by a params file's ``aliases:`` (same shape)."""
    text = resources.files("rapportlib").joinpath("aliases.yml").read_text(encoding="utf-8")
    tables = [yaml.safe_load(text), extra if isinstance(extra, dict) else {}]
    columns: dict[str, str] = {}
    codes: dict[str, dict[str, object]] = {kind: dict(table) for kind, table in ALIASES.items()}
    for table in tables:
        for column, names in (table.get("columns") or {}).items():
            for name in [column, *(names if isinstance(names, list) else [names])]:
                columns[fold(name)] = column
        for kind, mapping in (table.get("codes") or {}).items():
            kind = KIND_OF_COLUMN.get(kind, kind)  # a column's name is accepted for its code list
            if isinstance(mapping, dict):
                codes.setdefault(kind, {}).update({fold(k): v for k, v in mapping.items()})
    return Aliases(columns, codes)


def rename_columns(
    frame: pd.DataFrame, aliases: Aliases, file: str, header_row: int
) -> tuple[pd.DataFrame, list[Problem]]:
    """Headers to contract names through the alias table; two headers for one contract column is a
    problem (the first is kept). Other repeated headers keep their first column."""
    names, problems, seen = [], [], {}
    for col in frame.columns:
        name = aliases.columns.get(col, col)
        if name in seen and name in REQUIRED + OPTIONAL:
            problems.append(Problem(file, header_row, col, None, f"bara en kolumn för {name} (även {seen[name]!r})"))
        seen.setdefault(name, col)
        names.append(name)
    frame = frame.copy()
    frame.columns = names
    return frame.loc[:, ~frame.columns.duplicated()], problems

"""The bounds on everything rapport reads, in one place (documented in docs/inputs.md).

Each bound is far above what a real report needs and low enough that a hostile or broken file
(an alias bomb, a cell of a million characters, a file of 10 GB, a device instead of a file) is
refused with a message instead of exhausting memory or time.
"""

from __future__ import annotations

from pathlib import Path

#: A params file (the examples are about 1 KB).
MAX_PARAMS_BYTES = 1_000_000
#: Nesting of mappings and lists in a params file (the examples nest 3 levels).
MAX_YAML_DEPTH = 20
#: Numbers in a params file, in absolute value (kronor, months, shares).
MAX_PARAMS_NUMBER = 1e15
#: A data file: register, budget, survey or follow-ups (CSV or XLSX).
MAX_DATA_BYTES = 200_000_000
#: Rows of a data file, blank rows included (Excel's own limit).
MAX_ROWS = 1_048_576
#: Cells in a row of a data file.
MAX_COLUMNS = 1_000
#: Characters in one cell of a data file.
MAX_CELL_CHARS = 10_000
#: One narrative (section) file.
MAX_NARRATIVE_BYTES = 1_000_000


class TooLarge(Exception):
    """A file larger than its bound."""


def size(limit: int) -> str:
    """A bound in bytes as people write it: ``200 MB``, ``1 MB``."""
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. Reads no more than ``limit + 1``
    bytes, so a file that grows, or a device, never exhausts memory; raises :class:`TooLarge`."""
    with Path(path).open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path)
    return data

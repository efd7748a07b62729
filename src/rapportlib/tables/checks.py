"""The table of consistency checks (*Datakvalitet*) shown in a draft."""

from __future__ import annotations

from .base import Table


def checks_table(ind: dict) -> Table:
    """*Datakvalitet*: every consistency check and its figures."""
    rows = [[c["name"], "ja" if c["ok"] else "NEJ", c["detail"]] for c in ind["checks"]]
    return Table("checks", "Kontroller av datakvalitet", ["Kontroll", "Stämmer", "Siffror"], rows, ["l", "l", "l"])

"""The :class:`Table` value every builder returns, its renderers, and helpers the builders share.

One :class:`Table` definition gives three outputs: HTML for the web page, a pipe table with a
pandoc caption for the PDF (pandoc turns it into a Typst table, as Quarto does), and plain text.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import fmt
from ..markup import md_literal


@dataclass(frozen=True)
class Table:
    """A captioned table of formatted cells; ``align`` holds ``'l'`` or ``'r'`` per column."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    align: list[str]
    note: str | None = None
    total_rows: frozenset[int] = field(default_factory=frozenset)

    def to_html(self, number: int) -> str:
        """An accessible HTML table with a numbered caption."""
        cls = lambda j: ' class="num"' if self.align[j] == "r" else ""  # noqa: E731
        head = "".join(f'<th scope="col"{cls(j)}>{html.escape(c)}</th>' for j, c in enumerate(self.columns))
        body = []
        for i, row in enumerate(self.rows):
            cells = [
                f'<th scope="row">{html.escape(v)}</th>'
                if j == 0 and self.align[0] == "l"
                else f"<td{cls(j)}>{html.escape(v)}</td>"
                for j, v in enumerate(row)
            ]
            tr = ' class="total"' if i in self.total_rows else ""
            body.append(f"<tr{tr}>{''.join(cells)}</tr>")
        note = f'<p class="table-note">{html.escape(self.note)}</p>' if self.note else ""
        return (
            f'<div class="table-wrap" id="tbl-{self.key}"><table class="rapport-table">'
            f"<caption>Tabell {number}: {html.escape(self.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}</div>"
        )

    def to_markdown(self, number: int) -> str:
        """A pipe table followed by its pandoc caption (``: Tabell N: …``). Every cell, the caption
        and the note are literal text (budget lines and sub-units are the team's own words)."""
        lines = ["| " + " | ".join(md_literal(c) for c in self.columns) + " |"]
        lines.append("|" + "|".join("---:" if a == "r" else ":---" for a in self.align) + "|")
        for i, row in enumerate(self.rows):
            cells = [f"**{md_literal(v)}**" if i in self.total_rows and v else md_literal(v) for v in row]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f": Tabell {number}: {md_literal(self.caption)} {{#tbl-{self.key}}}"]
        if self.note:
            lines += ["", f"*{md_literal(self.note)}*"]
        return "\n".join(lines)

    def to_text(self, number: int) -> str:
        """Plain text, for consoles and as the last fallback."""
        rows = [self.columns, *self.rows]
        widths = [max(len(r[j]) for r in rows) for j in range(len(self.columns))]
        out = [f"Tabell {number}: {self.caption}"]
        out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
        return "\n".join(out)


#: What the registry holds: ``builder(indicators, *args)`` gives a table, or ``None`` when its data are absent.
TableBuilder = Callable[..., "Table | None"]


def sum_or_none(values):
    """A total; hidden (:data:`~rapportlib.fmt.HIDDEN`) when a part is hidden (summing the rest
    would reveal it), ``None`` when a part is missing."""
    values = list(values)
    if any(v is fmt.HIDDEN for v in values):
        return fmt.HIDDEN
    return None if any(v is None for v in values) else sum(values)


def ratio_or_none(part, whole):
    """``part / whole``: hidden when either is hidden; ``None`` when the part is missing or the
    whole is zero or missing."""
    if part is fmt.HIDDEN or whole is fmt.HIDDEN:
        return fmt.HIDDEN
    return None if part is None or not whole else part / whole


def share_text(n, total, decimals=1) -> str:
    """``n`` as a formatted per cent of ``total``."""
    return fmt.percent(ratio_or_none(n, total), decimals)


def count_share(n, share) -> str:
    """A count with its share in brackets, ``'12 (27,9 %)'``; a hidden count (or share) is one
    ``–``, never ``– (–)``; a count without a share is the count alone."""
    if n is fmt.HIDDEN or share is fmt.HIDDEN:
        return fmt.DASH
    if share is None:
        return fmt.number(n)
    return f"{fmt.number(n)} ({fmt.percent(share)})"


def period_text(ind: dict) -> str:
    """The period as it stands in a caption: ``juli 2021 – juni 2022``."""
    return fmt.period(ind["period"]["start"], ind["period"]["end"])

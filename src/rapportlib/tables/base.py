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
        caption = html.escape(f"Tabell {number}: {self.caption}")
        # The caption stands above the scroll region, which is focusable (a keyboard scrolls it) and
        # named by it; the table keeps its own <caption> for screen readers (hidden on screen).
        return (
            f'<div class="table-block" id="tbl-{self.key}"><p class="table-caption" aria-hidden="true">{caption}</p>'
            f'<div class="table-wrap" tabindex="0" role="region" aria-label="{caption}"><table class="rapport-table">'
            f"<caption>{caption}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{note}</div>"
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


def sum_or_none(values) -> int | None:
    """A total, or ``None`` when a part is suppressed (summing the rest would reveal it)."""
    values = list(values)
    return None if any(v is None for v in values) else sum(values)


def ratio_or_none(part, whole) -> float | None:
    """``part / whole``, or ``None`` when the part is missing or the whole is zero or missing."""
    return None if part is None or not whole else part / whole


def share_text(n, total, decimals=1) -> str:
    """``n`` as a formatted per cent of ``total``."""
    return fmt.percent(ratio_or_none(n, total), decimals)


def period_text(ind: dict) -> str:
    """The period as it stands in a caption: ``start – end``."""
    return f"{ind['period']['start']} – {ind['period']['end']}"

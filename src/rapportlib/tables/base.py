"""The :class:`Table` value every builder returns, its renderers, and helpers the builders share.

One :class:`Table` definition gives three outputs: HTML for the web page, a pipe table with a
pandoc caption for the PDF (pandoc turns it into a Typst table, as Quarto does), and plain text.
All three show the table as :meth:`Table.laid_out` lays it out: a one-row table wider than
:data:`TURN_ABOVE` columns stands on end (its columns become rows), so its headings need not break
into syllables. That is a matter of showing only: the table's data stay as the builder made them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .. import fmt
from ..markup import md_literal

#: A table of one row and more columns than this is shown turned: each column a row.
TURN_ABOVE = 4
#: A figure other than zero somewhere in a cell.
_NONZERO = re.compile(r"[1-9]")


@dataclass(frozen=True)
class Table:
    """A captioned table of formatted cells; ``align`` holds ``'l'`` or ``'r'`` per column.

    ``turned_columns`` heads the two columns of the table turned (:meth:`laid_out`) when its one
    row has no label of its own: the labels' column and the values'.
    """

    key: str
    caption: str
    columns: list[str]
    rows: list[list[str]]
    align: list[str]
    note: str | None = None
    total_rows: frozenset[int] = field(default_factory=frozenset)
    turned_columns: tuple[str, str] = ("", "Antal")

    def laid_out(self) -> Table:
        """The table as it is shown: a one-row table with more than :data:`TURN_ABOVE` columns
        turned, its column headings becoming a column of labels; any other table as it is."""
        if len(self.rows) != 1 or len(self.columns) <= TURN_ABOVE:
            return self
        row = self.rows[0]
        labelled = self.align[0] == "l"
        head = [self.columns[0], row[0]] if labelled else list(self.turned_columns)
        start = 1 if labelled else 0
        values = "r" if all(a == "r" for a in self.align[start:]) else "l"
        return replace(
            self,
            columns=head,
            rows=[[c, v] for c, v in zip(self.columns[start:], row[start:], strict=True)],
            align=["l", values],
            total_rows=frozenset(),
        )

    def is_empty(self) -> bool:
        """No rows, or nothing but zeros and hidden cells ("–") in its number columns: a table
        with nothing to read, which a report replaces by a sentence."""
        numbers = [v for row in self.rows for v, a in zip(row, self.align, strict=True) if a == "r"]
        if self.rows and "r" not in self.align:
            return False
        return not any(_NONZERO.search(v) for v in numbers)

    def to_html(self, number: int) -> str:
        """An accessible HTML table with a numbered caption, as :meth:`laid_out` lays it out."""
        t = self.laid_out()
        cls = lambda j: ' class="num"' if t.align[j] == "r" else ""  # noqa: E731
        head = "".join(
            f'<th scope="col"{cls(j)}>{html.escape(c)}</th>' if c else "<td></td>" for j, c in enumerate(t.columns)
        )
        body = []
        for i, row in enumerate(t.rows):
            cells = [
                f'<th scope="row">{html.escape(v)}</th>'
                if j == 0 and t.align[0] == "l"
                else f"<td{cls(j)}>{html.escape(v)}</td>"
                for j, v in enumerate(row)
            ]
            tr = ' class="total"' if i in t.total_rows else ""
            body.append(f"<tr{tr}>{''.join(cells)}</tr>")
        note = f'<p class="table-note">{html.escape(t.note)}</p>' if t.note else ""
        caption = html.escape(f"Tabell {number}: {t.caption}")
        # The caption stands above the scroll region, which is focusable (a keyboard scrolls it) and
        # named by it; the table keeps its own <caption> for screen readers (hidden on screen).
        return (
            f'<div class="table-block" id="tbl-{t.key}"><p class="table-caption" aria-hidden="true">{caption}</p>'
            f'<div class="table-wrap" tabindex="0" role="region" aria-label="{caption}"><table class="rapport-table">'
            f"<caption>{caption}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{note}</div>"
        )

    def to_markdown(self, number: int) -> str:
        """A pipe table followed by its pandoc caption (``: Tabell N: …``) and note, in a div the
        page template keeps together (``#rapport-table``). Every cell, the caption and the note are
        literal text (budget lines and sub-units are the team's own words)."""
        t = self.laid_out()
        lines = ["::: {#rapport-table}", "| " + " | ".join(md_literal(c) for c in t.columns) + " |"]
        lines.append("|" + "|".join("---:" if a == "r" else ":---" for a in t.align) + "|")
        for i, row in enumerate(t.rows):
            cells = [f"**{md_literal(v)}**" if i in t.total_rows and v else md_literal(v) for v in row]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f": Tabell {number}: {md_literal(t.caption)} {{#tbl-{t.key}}}"]
        if t.note:
            lines += ["", f"*{md_literal(t.note)}*"]
        return "\n".join([*lines, ":::"])

    def to_text(self, number: int) -> str:
        """Plain text, for consoles and as the last fallback."""
        t = self.laid_out()
        rows = [t.columns, *t.rows]
        widths = [max(len(r[j]) for r in rows) for j in range(len(t.columns))]
        out = [f"Tabell {number}: {t.caption}"]
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

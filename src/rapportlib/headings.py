"""Section headings: their numbers and ids, as the published HTML page and the PDF give them.

Headings h2–h4 are numbered 1, 1.1, 1.1.1 in the order they come, as Typst numbers the PDF from
the Markdown (``number-sections``); an unnumbered heading gets no number and does not advance the
count. Every heading gets an id made from its text, unique in the report (``beskrivning``,
``beskrivning-2`` …).

:class:`~rapportlib.report.Report` numbers its headings as the notebook runs, so that JupyterLab
shows them as the report will; the HTML page (:func:`number_html` over the whole page) keeps a
number and id already given and numbers any other heading the same way.
"""

from __future__ import annotations

import html
import re

from .codes import fold

_HEADING = re.compile(r"<h([2-4])([^>]*)>(.*?)</h\1>", re.S)
_UNNUMBERED = re.compile(r"\s*\{(?:\.unnumbered|-)\}\s*")
_SECNO = re.compile(r'\s*<span class="secno">(\d+(?:\.\d+)*)</span>\s*')
_ID = re.compile(r'\bid="([^"]*)"')
_ANCHOR_LINK = re.compile(r'<a class="anchor-link".*?</a>', re.S)


class Numbering:
    """The section counters and the ids taken so far in one report."""

    def __init__(self) -> None:
        self.counters = [0, 0, 0]
        self.taken: set[str] = set()

    def number(self, level: int) -> str:
        """The next number at ``level`` (2–4): ``2``, ``2.1`` or ``2.1.3``."""
        depth = level - 2
        self.counters[depth] += 1
        self.counters[depth + 1 :] = [0] * (2 - depth)
        return ".".join(str(c) for c in self.counters[: depth + 1])

    def keep_number(self, number: str) -> None:
        """Go on counting after a number already given (``2.1`` sets the counters to 2, 1, 0)."""
        parts = [int(p) for p in number.split(".")][:3]
        self.counters = parts + [0] * (3 - len(parts))

    def slug(self, text: str) -> str:
        """An id for a heading's text, not taken before in this report."""
        base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "avsnitt"
        slug, k = base, 2
        while slug in self.taken:
            slug, k = f"{base}-{k}", k + 1
        self.taken.add(slug)
        return slug


def heading_html(level: int, number: str, anchor: str, inner: str) -> str:
    """A heading as the HTML page shows it: its number in a ``secno`` span, or the class
    ``unnumbered``. ``inner`` is HTML."""
    secno = f'<span class="secno">{number}</span> ' if number else ""
    cls = "" if number else ' class="unnumbered"'
    return f"<h{level} id=\"{anchor}\"{cls}>{secno}{inner}</h{level}>"


def _plain(inner: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()


def number_html(body: str, numbering: Numbering) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Give every h2–h4 in ``body`` an id and a section number (headings marked ``{.unnumbered}``
    or ``{-}`` get none). A heading already numbered (with an id and a ``secno`` span or the class
    ``unnumbered``, as :func:`heading_html` writes it) keeps its number and id. Returns the new
    HTML and the headings as (level, number, id, text)."""
    found = []

    def replace(match: re.Match) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), _ANCHOR_LINK.sub("", match.group(3))
        secno, given = _SECNO.match(inner), _ID.search(attrs)
        if given and (secno or 'class="unnumbered"' in attrs):
            number, anchor = (secno.group(1) if secno else ""), given.group(1)
            inner = inner[secno.end() :] if secno else inner
            if number:
                numbering.keep_number(number)
            numbering.taken.add(anchor)
        else:
            unnumbered = bool(_UNNUMBERED.search(inner))
            inner = _UNNUMBERED.sub("", inner).strip()
            number = "" if unnumbered else numbering.number(level)
            anchor = numbering.slug(_plain(inner))
        found.append((level, number, anchor, _plain(inner)))
        return heading_html(level, number, anchor, inner)

    return _HEADING.sub(replace, body), found

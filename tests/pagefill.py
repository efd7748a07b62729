"""How full a rendered PDF's pages are, and where its main parts begin (test helper, pypdf only).

A page's *fill* is how far down its body (the A4 page less the template's margins, so without the
running header and the page number) its lowest line of text stands, from 0 (empty) to 1 (full).
Tables and chart labels are text, and a chart's caption stands under it, so the lowest line is
the lowest content. A *main part* is what follows a new page the notebook asks for
(``rep.new_page()``): its title is the first heading after the marker in the HTML page, and in
the PDF it begins on the page of that heading's outline entry. The cover and what precedes the
first main part form a part of their own.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

#: The page template's body (report.typ: A4, top margin 2.6 cm, bottom 2.4 cm), in PDF points.
PAGE_HEIGHT = 841.89
BODY_TOP = PAGE_HEIGHT - 2.6 / 2.54 * 72
BODY_BOTTOM = 2.4 / 2.54 * 72
#: Body text size (report.typ); a bold line at least this size, or any line larger, is a heading.
BODY_SIZE = 10.5


@dataclass(frozen=True)
class Line:
    """A line of text: its baseline (points from the bottom), largest size, boldness and text."""

    y: float
    size: float
    bold: bool
    text: str

    @property
    def heading(self) -> bool:
        return self.size > BODY_SIZE + 1 or (self.bold and self.size >= BODY_SIZE - 0.1)


@dataclass(frozen=True)
class Page:
    """A page's number (from 1), its lines in the body from top to bottom, and its fill."""

    number: int
    lines: list[Line]

    @property
    def fill(self) -> float:
        if not self.lines:
            return 0.0
        return (BODY_TOP - self.lines[-1].y) / (BODY_TOP - BODY_BOTTOM)

    @property
    def ends_with_heading(self) -> bool:
        """The page's last line is a heading: a heading cut off from what follows it."""
        return bool(self.lines) and self.lines[-1].heading


def _lines(page) -> list[Line]:
    found: dict[float, list[tuple[float, bool, str]]] = {}

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        bold = "bold" in str((font or {}).get("/BaseFont", "")).lower()
        found.setdefault(round(y, 0), []).append((size * scale, bold, text))

    page.extract_text(visitor_text=visit)
    lines = [
        Line(y, max(s for s, _, _ in items), all(b for _, b, _ in items), "".join(t for _, _, t in items).strip())
        for y, items in found.items()
        if BODY_BOTTOM < y < BODY_TOP
    ]
    return sorted(lines, key=lambda line: -line.y)


def pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its lines of body text."""
    return [Page(i + 1, _lines(p)) for i, p in enumerate(PdfReader(pdf).pages)]


def part_titles(page: str) -> list[str]:
    """The titles of the main parts of a report's HTML: each first heading after a new-page marker."""
    titles = []
    for after in page.split('<div class="new-page"></div>')[1:]:
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", after, re.S)
        if heading:
            text = re.sub(r'<span class="secno">.*?</span>|<[^>]+>|\{[^}]*\}', "", heading.group(1))
            titles.append(html.unescape(text).strip())
    return titles


def part_starts(pdf: Path, titles: list[str]) -> list[int]:
    """The numbers of the pages on which the main parts named ``titles`` begin (their outline entries,
    section numbers left out)."""
    reader = PdfReader(pdf)
    found = {}
    for entry in reader.outline:
        if isinstance(entry, list):  # the entries under the one before
            continue
        title = re.sub(r"^[\d.]+\s+", "", str(entry.title)).strip()
        found.setdefault(title, reader.get_destination_page_number(entry) + 1)
    missing = [t for t in titles if t not in found]
    assert not missing, f"main parts not in the PDF's outline: {missing}"
    return sorted(found[t] for t in titles)


def main_parts(pdf: Path, titles: list[str]) -> list[list[Page]]:
    """The pages grouped by main part, in order (the first group holds the cover)."""
    all_pages = pages(pdf)
    bounds = sorted({1, *part_starts(pdf, titles)}) + [len(all_pages) + 1]
    return [all_pages[a - 1 : b - 1] for a, b in zip(bounds, bounds[1:], strict=False)]

"""HTML: one self-contained page per report, from the executed notebook (nbconvert's ``basic``
template, inputs excluded), with numbered headings, a table of contents and the provenance footer."""

from __future__ import annotations

import functools
import html
import re
from typing import TYPE_CHECKING

from .assets import page_template

if TYPE_CHECKING:
    import nbformat


def _title_meta(nb: nbformat.NotebookNode) -> dict:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("rapport", {})
            if meta.get("role") == "title":
                return meta
    return {}


_HEADING = re.compile(r"<h([2-4])([^>]*)>(.*?)</h\1>", re.S)
_UNNUMBERED = re.compile(r"\s*\{(?:\.unnumbered|-)\}\s*")


def _slug(text: str, taken: set[str]) -> str:
    from ..codes import fold

    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "avsnitt"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


def number_headings(body: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Give every h2–h4 a stable id and the same section number Typst gives it in the PDF
    (headings marked ``{.unnumbered}`` get none and do not advance the count). Returns the new
    HTML and the headings as (level, number, id, text) for the table of contents."""
    counters = [0, 0, 0]
    taken: set[str] = set()
    found = []

    def replace(match):
        level, inner = int(match.group(1)), match.group(3)
        inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner, flags=re.S)
        unnumbered = bool(_UNNUMBERED.search(inner))
        inner = _UNNUMBERED.sub("", inner).strip()
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        number = ""
        if not unnumbered:
            depth = level - 2
            counters[depth] += 1
            counters[depth + 1 :] = [0] * (2 - depth)
            number = ".".join(str(c) for c in counters[: depth + 1])
        anchor = _slug(text, taken)
        found.append((level, number, anchor, text))
        secno = f'<span class="secno">{number}</span> ' if number else ""
        cls = "" if number else ' class="unnumbered"'
        return f'<h{level} id="{anchor}"{cls}>{secno}{inner}</h{level}>'

    return _HEADING.sub(replace, body), found


def toc(headings: list[tuple[int, str, str, str]]) -> str:
    """A nested table of contents of the h2 and h3 headings."""
    items, open_sub = [], False
    for level, number, anchor, text in headings:
        if level > 3 or (level == 3 and not number):  # unnumbered subheadings (Beskrivning …) stay out
            continue
        entry = f'<a href="#{anchor}">{(number + " ") if number else ""}{html.escape(text)}</a>'
        if level == 2:
            if open_sub:
                items.append("</ol></li>")
                open_sub = False
            items.append(f"<li>{entry}")
            items.append("<ol>")
            open_sub = True
        else:
            items.append(f"<li>{entry}</li>")
    if open_sub:
        items.append("</ol></li>")
    listing = "".join(items).replace("<ol></ol>", "")
    return f'<nav class="toc" aria-label="Innehåll"><p class="toc-title">Innehåll</p><ol>{listing}</ol></nav>'


@functools.cache
def _html_exporter():
    """One exporter per process: building one compiles its templates (a tenth of a report's HTML time)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )


def to_html(nb: nbformat.NotebookNode, provenance: str) -> str:
    """One self-contained HTML page in Swedish: no code, no external requests."""
    import nbformat

    nb = nbformat.from_dict(nb)
    # Only what a reader sees; cells get stable ids (Papermill's injected cell has a random one).
    nb.cells = [c for c in nb.cells if c.cell_type == "markdown" or (c.cell_type == "code" and c.get("outputs"))]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:03d}"
    body, _ = _html_exporter().from_notebook_node(nb)
    body, headings = number_headings(body)
    body = body.replace("</header>", f"</header>\n{toc(headings)}", 1)
    meta = _title_meta(nb)
    title = meta.get("title") or f"Verksamhetsrapport {meta.get('team', '')} {meta.get('period', '')}".strip()
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{page_template('report.css')}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        f'<footer class="provenance">{html.escape(provenance)}</footer>\n</body>\n</html>\n'
    )

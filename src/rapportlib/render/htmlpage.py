"""HTML: one self-contained page per report, from the executed notebook's outputs (each output's
``text/html``, as nbconvert would choose it; code never), with numbered headings, a table of
contents and the provenance footer."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..headings import Numbering, number_html
from ..markup import narrative
from .assets import document_title, page_template

if TYPE_CHECKING:
    import nbformat


def _title_meta(nb: nbformat.NotebookNode) -> dict:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("rapport", {})
            if meta.get("role") == "title":
                return meta
    return {}


def number_headings(body: str) -> tuple[str, list[tuple[int, str, str, str]]]:
    """Give every h2–h4 a stable id and the same section number Typst gives it in the PDF
    (headings marked ``{.unnumbered}`` get none and do not advance the count); a heading the
    notebook numbered already (``rep.heading``) keeps its number and id. Returns the new HTML and
    the headings as (level, number, id, text) for the table of contents."""
    return number_html(body, Numbering())


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


#: At the top of every report page: the site index (two folders up, ``output/index.html``) and the
#: report's PDF beside the page.
PAGE_LINKS = (
    '<nav class="page-links" aria-label="Rapporter">'
    '<a href="../../index.html"><span aria-hidden="true">← </span>Alla rapporter</a>'
    '<a href="report.pdf" type="application/pdf">Rapporten som PDF</a></nav>'
)


#: The MIME type a page shows of an output holding several, first found first (nbconvert's order).
SHOWN = ("text/html", "image/svg+xml", "text/markdown", "text/plain")


def output_html(output: dict) -> str:
    """One output as the page shows it: its HTML, its SVG, its Markdown (through the narrative's
    safe renderer) or its text (escaped). Printed text is shown as text; an error is not shown."""
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(''.join(output.get('text', '')))}</pre>"
    data = output.get("data", {})
    kind = next((k for k in SHOWN if k in data), None)
    if kind is None:
        return ""
    value = "".join(data[kind]) if isinstance(data[kind], list) else data[kind]
    if kind in ("text/html", "image/svg+xml"):
        return value  # made by rapportlib, every user string in it escaped (rapportlib.markup)
    if kind == "text/markdown":
        return narrative(value)[0]
    return f"<pre>{html.escape(value)}</pre>"


def body_html(nb: nbformat.NotebookNode) -> str:
    """The page's body: each cell's outputs in order, a Markdown cell through the narrative's safe
    renderer, code never."""
    parts = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            inner = narrative(cell.source)[0]
        elif cell.cell_type == "code":
            inner = "".join(output_html(o) for o in cell.get("outputs", []))
        else:
            continue
        if inner:
            parts.append(f'<div class="cell" id="c{i:03d}">{inner}</div>')
    return "\n".join(parts)


def to_html(nb: nbformat.NotebookNode, provenance: str) -> str:
    """One self-contained HTML page in Swedish: no code, no external requests."""
    body, headings = number_headings(body_html(nb))
    body = body.replace("</header>", f"</header>\n{toc(headings)}", 1)
    meta = _title_meta(nb)
    title = document_title(meta)
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{page_template('report.css')}</style>\n</head>\n<body>\n{PAGE_LINKS}\n<main>\n{body}\n</main>\n"
        f'<footer class="provenance">{html.escape(provenance)}</footer>\n</body>\n</html>\n'
    )

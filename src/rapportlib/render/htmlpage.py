"""HTML: one self-contained page per report, from the executed notebook (nbconvert's ``basic``
template, inputs excluded), with numbered headings, a table of contents and the provenance footer."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING

from ..headings import Numbering, number_html
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
    title = document_title(meta)
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{page_template('report.css')}</style>\n</head>\n<body>\n{PAGE_LINKS}\n<main>\n{body}\n</main>\n"
        f'<footer class="provenance">{html.escape(provenance)}</footer>\n</body>\n</html>\n'
    )

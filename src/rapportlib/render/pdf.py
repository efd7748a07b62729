"""PDF: what Quarto does for ``format: typst``. The outputs' ``text/markdown`` and
``image/svg+xml`` are joined into Markdown, converted to Typst by pandoc and compiled by Typst
into the page template ``templates/report.typ``.

Text is data here too: pandoc reads the Markdown without raw Typst, HTML or TeX, math, citations
or metadata blocks (:data:`PANDOC_FORMAT`); the narrative and table Markdown escape every user
character (:mod:`rapportlib.markup`); and the names in the page template are Typst string
literals, never markup or code.
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..markup import md_literal, typst_string
from .assets import page_template

if TYPE_CHECKING:
    import nbformat


def to_markdown(nb: nbformat.NotebookNode, asset_dir: Path) -> tuple[str, dict]:
    """The report as Markdown, as Quarto would see it: markdown cells, ``text/markdown`` outputs
    and SVG images (written to ``asset_dir``). Returns the Markdown and the title metadata."""
    parts, title = [], {}
    n_img = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data, meta = out.get("data", {}), out.get("metadata", {}).get("rapport", {})
            if meta.get("role") == "title":
                title = dict(meta, cover=data.get("text/markdown", ""))
            elif "text/markdown" in data:
                parts.append(data["text/markdown"])
            elif "image/svg+xml" in data:
                n_img += 1
                path = asset_dir / f"figur-{n_img}.svg"
                path.write_text(data["image/svg+xml"], encoding="utf-8")
                caption = md_literal(meta.get("caption", ""))
                parts.append(f"![{caption}]({path.name}){{width=85%}}")
    return "\n\n".join(parts), title


#: pandoc's Markdown without the extensions through which text could become Typst code or
#: metadata: raw blocks and inlines (```` ```{=typst} ````), raw HTML and TeX, TeX macros and
#: math, citations (``@key`` would become a Typst reference), YAML and title blocks.
PANDOC_FORMAT = (
    "markdown-raw_attribute-raw_html-raw_tex-latex_macros-tex_math_dollars-citations"
    "-yaml_metadata_block-pandoc_title_block"
)


def page(title: dict, cover: str, body: str, provenance: str) -> str:
    """The Typst source of the whole report: the page template filled in, its names as Typst
    string literals."""
    return string.Template(page_template("report.typ")).substitute(
        title=typst_string(title.get("title") or f"Verksamhetsrapport {title.get('team', '')}"),
        kind=typst_string(title.get("kind", "Verksamhetsrapport")),
        federation=typst_string(title.get("federation", "")),
        team_name=typst_string(title.get("team", "")),
        period=typst_string(title.get("period", "")),
        cover=cover,
        body=body,
        provenance=typst_string(provenance),
    )


def to_pdf(nb: nbformat.NotebookNode, target: Path, provenance: str = "") -> None:
    """Render the PDF: Markdown → Typst (pandoc) → PDF (typst), A4, cover, contents, page numbers,
    and the ``provenance`` line at the end."""
    import pypandoc
    import typst

    with tempfile.TemporaryDirectory(prefix="rapport-typst-") as tmp:
        tmp = Path(tmp)
        markdown, title = to_markdown(nb, tmp)

        def convert(md: str) -> str:
            return pypandoc.convert_text(
                md, "typst", format=PANDOC_FORMAT, extra_args=["--shift-heading-level-by=-1", "--wrap=none"]
            )

        # One pandoc run for cover and body: they are split at a marker paragraph.
        marker = "RAPPORTCOVERENDMARKER"
        cover, _, body = convert(f"{title.get('cover', '')}\n\n{marker}\n\n{markdown}").partition(marker)
        source = page(title, cover, body, provenance)
        (tmp / "report.typ").write_text(source, encoding="utf-8")
        typst.compile(str(tmp / "report.typ"), output=str(target), root=str(tmp))

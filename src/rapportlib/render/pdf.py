"""PDF: what Quarto does for ``format: typst``. The outputs' ``text/markdown`` and
``image/svg+xml`` are joined into Markdown, converted to Typst by pandoc and compiled by Typst
into the page template ``templates/report.typ``.

Text is data here too: pandoc reads the Markdown without raw Typst, HTML or TeX, math, citations
or metadata blocks (:data:`PANDOC_FORMAT`); the narrative and table Markdown escape every user
character (:mod:`rapportlib.markup`); and the names in the page template are Typst string
literals, never markup or code.

Charts do not pass through pandoc (it drops an image's alternative text on the way to Typst):
each stands in pandoc's input as a marker paragraph, replaced afterwards by Typst code of ours
whose alternative text and caption are Typst string literals. The PDF is exported as PDF/UA-1.
"""

from __future__ import annotations

import functools
import re
import string
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .. import service
from ..markup import typst_string
from .assets import document_title, page_template

if TYPE_CHECKING:
    import nbformat


def to_markdown(nb: nbformat.NotebookNode, asset_dir: Path) -> tuple[str, dict, dict[str, str]]:
    """The report as Markdown, as Quarto would see it: markdown cells, ``text/markdown`` outputs
    and SVG images (written to ``asset_dir``). Returns the Markdown, the title metadata and the
    charts: each chart stands in the Markdown as a marker paragraph, and the dict maps each marker
    to the chart's Typst code (:func:`figure_code`), put in after pandoc (:func:`put_figures`)."""
    parts: list[str | None] = []
    title, figures = {}, []
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
                name = f"figur-{len(figures) + 1}.svg"
                (asset_dir / name).write_text(data["image/svg+xml"], encoding="utf-8")
                figures.append(figure_code(name, meta.get("alt", ""), meta.get("caption", "")))
                parts.append(None)
    stem = free_marker("RAPPORTFIGUR", "\n".join(p for p in parts if p) + title.get("cover", ""))
    markers = iter(f"{stem}{k:04d}" for k in range(1, len(figures) + 1))
    parts = [p if p is not None else next(markers) for p in parts]
    return "\n\n".join(parts), title, {f"{stem}{k:04d}": code for k, code in enumerate(figures, 1)}


def free_marker(stem: str, text: str) -> str:
    """``stem``, lengthened until no word of ``text`` starts with it: a marker the report's own text
    cannot hold (deterministic, unlike a random one)."""
    while stem in text:
        stem += "X"
    return stem


def figure_code(image: str, alt: str, caption: str) -> str:
    """A chart as Typst: the image with its alternative text (the HTML's ``aria-label``; pandoc
    would drop it) and its caption, both as Typst string literals."""
    return (
        f"#figure(image({typst_string(image)}, alt: {typst_string(alt or caption)}, width: 100%),\n"
        f"  caption: [#{typst_string(caption)}])"
    )


def put_figures(typst_source: str, figures: dict[str, str]) -> str:
    """The Typst that pandoc wrote, each chart's marker paragraph replaced by its code."""
    for marker, code in figures.items():
        parts = re.split(rf"^{marker}$", typst_source, flags=re.M)
        if len(parts) != 2:
            raise RuntimeError(f"a chart's place in pandoc's Typst is not one paragraph ({marker})")
        typst_source = parts[0] + code + parts[1]
    return typst_source


#: pandoc's Markdown without the extensions through which text could become Typst code or
#: metadata: raw blocks and inlines (```` ```{=typst} ````), raw HTML and TeX, TeX macros and
#: math, citations (``@key`` would become a Typst reference), YAML and title blocks.
PANDOC_FORMAT = (
    "markdown-raw_attribute-raw_html-raw_tex-latex_macros-tex_math_dollars-citations"
    "-yaml_metadata_block-pandoc_title_block"
)


#: The PDF standard the reports are exported as: PDF/UA-1 (tagged, every figure with alternative
#: text, a title and a language), what Lag 2018:1937 asks of a public body's documents.
PDF_STANDARDS = ["ua-1"]

#: pandoc's options: headings one level up (``##`` is a main part), no line wrapping, and a line
#: length no table row reaches, so that every table keeps columns as wide as their content (Typst's
#: ``auto``) instead of equal shares of the page that pandoc gives a table with a long row.
PANDOC_ARGS = ["--shift-heading-level-by=-1", "--wrap=none", "--columns=100000"]


def page(title: dict, cover: str, body: str, provenance: str) -> str:
    """The Typst source of the whole report: the page template filled in, its names as Typst
    string literals."""
    return string.Template(page_template("report.typ")).substitute(
        title=typst_string(document_title(title)),
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
    with tempfile.TemporaryDirectory(prefix="rapport-typst-") as tmp:
        tmp = Path(tmp)
        markdown, title, figures = to_markdown(nb, tmp)

        # One pandoc run for cover and body: they are split at a marker paragraph.
        marker = "RAPPORTCOVERENDMARKER"
        cover, _, body = convert(f"{title.get('cover', '')}\n\n{marker}\n\n{markdown}").partition(marker)
        source = page(title, cover, put_figures(body, figures), provenance)
        (tmp / "report.typ").write_text(source, encoding="utf-8")
        try:
            service.call(typeset, str(tmp / "report.typ"), str(target), str(tmp))
        except service.JobFailed as exc:
            raise RuntimeError(f"Typst could not typeset the report: {exc}") from None


def convert(markdown: str) -> str:
    """pandoc: the report's Markdown as Typst (the pandoc that pypandoc ships, run directly)."""
    import subprocess

    command = [*_pandoc(), "--from", PANDOC_FORMAT, "--to", "typst", *PANDOC_ARGS]
    done = subprocess.run(command, input=markdown.encode("utf-8"), capture_output=True, check=False)
    if done.returncode:
        raise RuntimeError(f"pandoc could not convert the report: {done.stderr.decode('utf-8', 'replace')[-500:]}")
    return done.stdout.decode("utf-8")


#: pandoc's runtime (GHC's) starts with a heap of 4 MB: the 64 MB it is built to start with is
#: touched page by page at every run, about 20 000 page faults and a third of its time for a
#: report's few dozen kilobytes of Markdown (the output is the same).
RTS_OPTIONS = ("+RTS", "-H4m", "-RTS")


@functools.cache
def _pandoc() -> tuple[str, ...]:
    """The command that runs pandoc: its path, with :data:`RTS_OPTIONS` where that pandoc takes
    them (a pandoc built without runtime options refuses them, and runs without)."""
    import subprocess

    import pypandoc

    path = pypandoc.get_pandoc_path()
    tried = subprocess.run([path, *RTS_OPTIONS, "--version"], capture_output=True, check=False)
    return (path, *RTS_OPTIONS) if tried.returncode == 0 else (path,)


def typeset(source: str, target: str, root: str) -> None:
    """Typst: the PDF/UA-1 of ``source`` (files under ``root``) written to ``target``, with the
    fonts this process found once."""
    import typst

    typst.Compiler(root=root, font_paths=_fonts()).compile(source, output=target, pdf_standards=PDF_STANDARDS)


@functools.cache
def _fonts():
    import typst

    return typst.Fonts()

"""Every example PDF is exported as PDF/UA-1, and its structure tree says so: each Figure has the
chart's alternative text (the same as the HTML's ``aria-label``), the document title names the
period, the language is Swedish, the XMP declares ``pdfuaid:part`` 1, the page header and footer
are artifacts, and table header cells are tagged as such."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from rapportlib.render.pdf import figure_code, free_marker, put_figures


def _structure(reader: PdfReader) -> tuple[Counter, list]:
    """The structure types in the tree and the Figure elements, walked from StructTreeRoot."""
    types, figures = Counter(), []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not hasattr(node, "get"):
            continue
        kind = node.get("/S")
        if kind is not None:
            types[kind] += 1
            if kind == "/Figure":
                figures.append(node)
        kids = node.get("/K")
        stack.extend(reversed(kids) if isinstance(kids, list) else [] if kids is None else [kids])  # in order
    return types, figures


class _ChartLabels(HTMLParser):
    """The ``aria-label`` of every chart in an HTML page, in order."""

    def __init__(self):
        super().__init__()
        self.labels = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "chart-svg" in (attrs.get("class") or "").split():
            self.labels.append(attrs.get("aria-label"))


def _html_alts(folder) -> list[str]:
    parser = _ChartLabels()
    parser.feed((folder / "report.html").read_text(encoding="utf-8"))
    return parser.labels


#: Example documents without charts.
PLANS = {"sater/plan-2018"}


@pytest.fixture(scope="module")
def pdfs(site):
    _, folders = site
    return {name: (folder, PdfReader(folder / "report.pdf")) for name, folder in folders.items()}


def test_every_pdf_declares_pdf_ua_1(pdfs):
    for name, (_, reader) in pdfs.items():
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert re.search(r"pdfuaid:part(>|=\")1", xmp), f"{name}: no pdfuaid:part 1 in the XMP"
        assert root["/MarkInfo"]["/Marked"], name
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], name
        assert str(root["/Lang"]).split("-")[0] == "sv", name


def test_every_figure_has_the_charts_alternative_text(pdfs):
    for name, (folder, reader) in pdfs.items():
        types, figures = _structure(reader)
        alts = [str(f.get("/Alt", "")) for f in figures]
        assert all(alt.strip() for alt in alts), f"{name}: a Figure without /Alt"
        assert alts == _html_alts(folder), f"{name}: the PDF's alternative texts differ from the HTML's"
        assert len(alts) >= (0 if name in PLANS else 3), name  # a plan has tables only
        assert types["/TH"] and types["/Table"] == types["/THead"], f"{name}: a table without header cells"


def test_document_title_names_team_and_period(pdfs, site):
    layout, _ = site
    for name, (folder, reader) in pdfs.items():
        title = reader.metadata.title
        page = (folder / "report.html").read_text(encoding="utf-8")
        period = re.search(r'<p class="period">Period:? ([^<,]*)(?:, jämförs med [^<]*)?</p>', page)
        assert period and html.unescape(period.group(1)) in title, f"{name}: title {title!r} names no period"
        assert reader.xmp_metadata.dc_title == {"x-default": title}, name
        assert f"<title>{html.escape(title)}</title>" in page, f"{name}: the HTML title differs from the PDF's"


def test_header_and_footer_are_artifacts_not_text_of_the_document(pdfs):
    """The running header (team, period) and "Sida N av M" are no part of the structure tree."""
    for name, (_, reader) in pdfs.items():
        content = reader.pages[1].get_contents().get_data()
        assert b"/Artifact" in content, f"{name}: page 2 marks no artifact"


def test_figure_code_escapes_alt_and_caption():
    code = figure_code("figur-1.svg", 'Alt "med" \\ #read("/etc/passwd")', "Figur 1: ]) #set x")
    assert code == (
        '#figure(image("figur-1.svg", alt: "Alt \\"med\\" \\\\ #read(\\"/etc/passwd\\")", width: 100%),\n'
        '  caption: [#"Figur 1: ]) #set x"])'
    )
    assert 'alt: "Bara rubrik"' in figure_code("f.svg", "", "Bara rubrik")


def test_a_marker_in_the_text_itself_lengthens_the_marker():
    assert free_marker("RAPPORTFIGUR", "vanlig text") == "RAPPORTFIGUR"
    assert free_marker("RAPPORTFIGUR", "en RAPPORTFIGUR0001 och RAPPORTFIGURX") == "RAPPORTFIGURXX"


def test_a_marker_that_is_not_one_paragraph_stops_the_pdf():
    assert put_figures("a\n\nM0001\n\nb", {"M0001": "#figure()"}) == "a\n\n#figure()\n\nb"
    with pytest.raises(RuntimeError):
        put_figures("a M0001 b", {"M0001": "#figure()"})
    with pytest.raises(RuntimeError):
        put_figures("M0001\n\nM0001", {"M0001": "#figure()"})

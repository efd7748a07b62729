"""The notebook as JupyterLab shows it is the published report.

Each template notebook is run as JupyterLab's "Run all" runs it: from its own folder, with its
default parameters, in the ``python3`` kernel (nbclient, as JupyterLab's kernel would). What its
outputs show is then compared with the published HTML of the same report: no Markdown attributes
or front matter in sight, nothing printed, the same headings with the same numbers and ids, and the
key figures laid out by the page's own class rules.

Each notebook takes 5–10 s to run and its report as long to render; a cell that runs longer than
:data:`CELL_TIMEOUT` fails the test instead of hanging it.
"""

import html
import re
from pathlib import Path

import nbformat
import pytest

from rapportlib.layout import Layout
from rapportlib.lookup import Templates
from rapportlib.notebook_css import class_rules, notebook_style
from rapportlib.render import render
from rapportlib.report import Report

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Templates.of().listing()
CELL_TIMEOUT = 120  # seconds for one cell; a whole notebook runs in about ten
_HEADING = re.compile(r"<h([2-4])([^>]*)>(.*?)</h\1>", re.S)


def _run_all(notebook: Path) -> nbformat.NotebookNode:
    """The notebook with its outputs, run as "Run all" in JupyterLab runs it."""
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        allow_errors=True,  # errors are outputs the test reports, with the rest of what is shown
        resources={"metadata": {"path": str(notebook.parent)}},  # the kernel's working folder
    )
    client.execute()
    return nb


def _default_params(nb: nbformat.NotebookNode, folder: Path) -> Path:
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    values: dict = {}
    exec(cell.source, values)  # the template's own defaults
    return (folder / values["params_path"]).resolve()


@pytest.fixture(scope="module", params=TEMPLATES, ids=lambda t: t.name)
def shown(request, tmp_path_factory):
    """(outputs of the notebook run as in JupyterLab, the published page, the params file)."""
    template = request.param
    nb = _run_all(template.notebook)
    params = _default_params(nb, template.notebook.parent)
    base = tmp_path_factory.mktemp(f"view-{template.name}")
    folder = render(params, Layout(ROOT / "notebooks", base / "output", base / "build"), index=False)
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    return nb, outputs, (folder / "report.html").read_text(encoding="utf-8"), params


def _headings(page: str) -> list[tuple[int, str, str, str]]:
    """The h2–h4 as (level, number, id, text)."""
    found = []
    for match in _HEADING.finditer(page):
        inner = match.group(3)
        number = re.search(r'<span class="secno">([\d.]+)</span>', inner)
        text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<span class="secno">.*?</span>', "", inner))).strip()
        anchor = re.search(r'\bid="([^"]*)"', match.group(2))
        found.append((int(match.group(1)), number.group(1) if number else "", anchor and anchor.group(1), text))
    return found


def test_nothing_shows_markdown_attributes_or_front_matter(shown):
    nb, outputs, _, _ = shown
    assert not [c for c in nb.cells if c.cell_type == "raw"], "a raw cell (front matter) is shown"
    for cell in nb.cells:  # a Markdown cell shows its attributes as text in JupyterLab
        if cell.cell_type == "markdown":
            assert not re.search(r"\{(\.unnumbered|-|#)", cell.source) and not cell.source.lstrip().startswith("---")
    for out in outputs:
        data = out.get("data", {})
        for mime in ("text/html", "text/plain"):
            shown_text = data.get(mime, "")
            assert "{.unnumbered}" not in shown_text and "{-}" not in shown_text, shown_text[:200]
            assert not re.search(r"^\s*(title|lang|format|execute):", shown_text, re.M), shown_text[:200]
        assert "{#" not in data.get("text/html", ""), data["text/html"][:200]


def test_nothing_is_printed_and_nothing_fails(shown):
    _, outputs, _, _ = shown
    streams = [f"{o['name']}: {o['text'][:300]}" for o in outputs if o["output_type"] == "stream"]
    errors = [f"{o['ename']}: {o['evalue']}" for o in outputs if o["output_type"] == "error"]
    assert not streams and not errors, streams + errors


def test_headings_are_those_of_the_published_page(shown):
    _, outputs, page, _ = shown
    in_notebook = _headings("\n".join(o.get("data", {}).get("text/html", "") for o in outputs))
    published = _headings(page[page.index("<main>") :])
    assert in_notebook == published
    assert any(number for _, number, _, _ in published) and any(not number for _, number, _, _ in published)


def test_the_title_block_is_laid_out_with_every_key_figure(shown):
    _, outputs, page, params = shown
    title = next(o for o in outputs if o.get("metadata", {}).get("rapport", {}).get("role") == "title")
    block = title["data"]["text/html"]
    assert block.startswith(notebook_style()) and ".kpis {" in block and ".kpi-value {" in block
    for label, value in Report.load(params).key_figures():
        assert html.escape(label) in block and html.escape(value) in block, label
    # The published page has only its own stylesheet (the notebook's style is for JupyterLab only).
    assert page.count("<style") == 1 and notebook_style() not in page


# --------------------------------------------------------------- the page's class rules


def test_class_rules_keep_only_rules_on_the_reports_own_classes():
    css = """/* a comment { } */
:root { --ink: #111; color: red; }
* { box-sizing: border-box; }
body, main { margin: 0; }
h2 { border-bottom: 2px solid; }
.kpis { display: grid; }
table.rapport-table th, h3 { padding: 0; }
.jp-OutputPrompt, .prompt { display: none; }
.anchor-link { display: none; }
@media (max-width: 40rem) { main { padding: 0; } .side-by-side { display: block; } }
@media (max-width: 30rem) { h1 { font-size: 1rem; } }
@media print { .kpi { border: 0; } }
"""
    assert class_rules(css) == (
        ":root { --ink: #111; }\n"
        ".kpis { display: grid; }\n"
        "table.rapport-table th { padding: 0; }\n"
        "@media (max-width: 40rem) {\n.side-by-side { display: block; }\n}\n"
    )


def test_the_notebook_style_is_the_pages_css_on_its_own_classes():
    from rapportlib.render.assets import page_template

    style = notebook_style()
    assert style.startswith("<style>\n") and style.endswith("</style>")
    for selector in (":root", ".kpis", ".kpi-value", ".kpi-label", "table.rapport-table", ".secno", "figure.chart",
                     ".side-by-side", ".table-caption"):
        assert f"\n{selector} " in style, selector
    for bare in ("body", "main", "h1", "h2", "h3", "h4", "a", "*", "html"):
        assert not re.search(rf"(^|[\n,]\s*){re.escape(bare)}[\s,{{]", style), bare
    assert "print" not in style and ".jp-" not in style and ".new-page" not in style
    # One source: every kept rule is in the page's CSS as it is.
    css = re.sub(r"\s+", " ", page_template("report.css"))
    for line in style.splitlines()[1:-1]:
        if line.startswith((".", "table", "figure", "footer")):
            assert re.sub(r"\s+", " ", line) in css, line

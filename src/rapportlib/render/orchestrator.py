"""One report, start to end: validate, execute the notebook, write the outputs, publish, stamp.

The report is prepared once (:func:`rapportlib.prepare.prepare`). Invalid input raises
``InputError``; a final render refuses (``InputError`` for texts, ``ConsistencyError`` for failed
checks) before anything is executed or written. The written files pass the publish gate
(:mod:`.gate`) before they are published: personal data in them raises ``LeakError`` (exit 2).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import Layout
from ..params import Params
from . import gate, htmlpage, pdf, stamp
from .execution import execute
from .provenance import provenance
from .publish import publish, recover, staging_dir
from .quarto import quarto_outputs
from .site import index_page, write_index

if TYPE_CHECKING:
    import nbformat

    from ..prepare import Prepared


def _builtin(nb: nbformat.NotebookNode, params: Params, layout: Layout, staging: Path) -> None:
    """HTML by nbconvert, PDF by pandoc and Typst; both end with the provenance line."""
    line = provenance(params)
    (staging / "report.html").write_text(htmlpage.to_html(nb, line), encoding="utf-8")
    pdf.to_pdf(nb, staging / "report.pdf", line)


def _quarto(nb: nbformat.NotebookNode, params: Params, layout: Layout, staging: Path) -> None:
    quarto_outputs(layout.build_dir(params) / "report.ipynb", staging)


#: How ``report.html`` and ``report.pdf`` are made from the executed notebook (``--engine``).
ENGINES: dict[str, Callable[[nbformat.NotebookNode, Params, Layout, Path], None]] = {
    "builtin": _builtin,
    "quarto": _quarto,
}


def render(
    params_path: str | Path,
    layout: Layout | None = None,
    final: bool = False,
    km=None,
    index: bool = True,
    engine: str = "builtin",
) -> Path:
    """Render one report; return its published folder. ``km`` is a kernel manager for this report
    (see :mod:`rapportlib.render.execution`); ``index=False`` leaves ``output/index.html`` alone."""
    from ..prepare import prepare

    layout = layout or Layout.default()
    outputs = ENGINES[engine]
    recover(layout.output)
    # Read, validated, computed, checked and protected once, here (InputError before anything runs).
    prepared = prepare(params_path, layout.notebooks)
    if final:
        prepared.require_final()
    params = prepared.params
    wanted = stamp.wanted(params, layout, final, engine)
    nb = execute(prepared, layout, final, km=km)
    published = _publish(prepared, layout, lambda staging: outputs(nb, params, layout, staging), index)
    stamp.record(params, layout, wanted)
    if index:
        write_index(layout.output, prepared.sensitive)
    return published


def _publish(prepared: Prepared, layout: Layout, write_outputs: Callable[[Path], None], index: bool) -> Path:
    """Write HTML, PDF and indicators.json into a staging folder, pass them (and the site index as
    it will be) through the publish gate, and swap the folder in whole."""
    params = prepared.params
    published = layout.published(params)
    staging = staging_dir(layout, params)
    try:
        write_outputs(staging)
        (staging / "indicators.json").write_text(
            json.dumps(prepared.indicators, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
        )
        folder = published.relative_to(layout.output).as_posix()
        pages = {"index.html": index_page(layout.output, (folder, staging / "indicators.json"))} if index else {}
        gate.check(staging, prepared.sensitive, pages)  # LeakError: nothing is published
        publish(staging, published)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return published

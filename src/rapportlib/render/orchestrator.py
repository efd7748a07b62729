"""One report, start to end: validate, execute the notebook, write the outputs, publish, stamp.

The report is prepared once (:func:`rapportlib.prepare.prepare`). Invalid input raises
``InputError``; a final render refuses (``InputError`` for texts, ``ConsistencyError`` for failed
checks) before anything is executed or written. The written files pass the publish gate
(:mod:`.gate`) before they are published: personal data in them raises ``LeakError`` (exit 2).
From the notebook's run to the stamp the render holds the report's lock (:mod:`.lock`), so a
second render of the same report waits instead of sharing its build folder.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import Layout
from ..notebooks import notebook_for
from ..params import Params
from . import gate, htmlpage, pdf, stamp, timing
from .execution import execute
from .lock import DEFAULT_TIMEOUT, report_lock
from .provenance import provenance
from .publish import publish, recover, staging_dir
from .quarto import project_file, quarto_outputs
from .site import index_page, write_index

if TYPE_CHECKING:
    import nbformat

    from ..prepare import Prepared


def _builtin(nb: nbformat.NotebookNode, params: Params, layout: Layout, staging: Path) -> None:
    """HTML from the outputs, PDF by pandoc and Typst; both end with the provenance line."""
    line = provenance(params)
    with timing.stage("html"):
        (staging / "report.html").write_text(htmlpage.to_html(nb, line), encoding="utf-8")
    with timing.stage("pdf"):
        pdf.to_pdf(nb, staging / "report.pdf", line)


def _quarto(nb: nbformat.NotebookNode, params: Params, layout: Layout, staging: Path) -> None:
    """Quarto renders the executed notebook, with the template's ``_quarto.yml`` beside it."""
    options = project_file(notebook_for(layout.templates, params.template, params.path))
    quarto_outputs(layout.build_dir(params) / "report.ipynb", staging, options)


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
    *,
    if_stale: bool = False,
    lock_timeout: float = DEFAULT_TIMEOUT,
    inprocess: bool = False,
) -> Path | None:
    """Render one report; return its published folder. ``km`` is a kernel manager for this report
    (see :mod:`rapportlib.render.execution`); with ``inprocess`` the notebook's cells run in this
    process instead, which must then be this report's own. ``index=False`` leaves
    ``output/index.html`` alone.

    From its first write to ``build/`` to the stamp, the render holds the report's lock; a render
    that had to wait for another render of the same report returns ``None`` without rendering when
    ``if_stale`` and the other left it current. A wait longer than ``lock_timeout`` seconds raises
    :class:`~.lock.LockTimeout`."""
    from ..prepare import prepare

    layout = layout or Layout.default()
    outputs = ENGINES[engine]
    recover(layout.output)
    # Read, validated, computed, checked and protected once, here (InputError before anything runs);
    # prepare only reads, so invalid input and a refused --final write nothing, not even a lock.
    with timing.stage("prepare"):
        prepared = prepare(params_path, layout.templates)
    if final:
        prepared.require_final()
    params = prepared.params
    wanted = stamp.wanted(params, layout, final, engine)
    with report_lock(layout.build_dir(params), f"{params.team}/{params.period_slug}", lock_timeout) as waited:
        if waited and if_stale and stamp.is_current(params_path, layout, engine, final):
            return None
        with timing.stage("execute"):
            if inprocess:
                nb = execute(prepared, layout, final, inprocess=True)
            else:
                nb = _execute(prepared, layout, final, km)
        published = _publish(prepared, layout, lambda staging: outputs(nb, params, layout, staging), index)
        stamp.record(params, layout, wanted)
        if index:
            write_index(layout.output, prepared.sensitive)
    return published


def _execute(prepared, layout: Layout, final: bool, km) -> nbformat.NotebookNode:
    """The notebook's run (:func:`.execution.execute`), interruptible by Ctrl-C (see below); without a
    kernel manager from a pool, one on private sockets is made here, so that an interrupt can stop it."""
    import tempfile

    from .execution import kernel_manager

    owned = None
    if km is None:
        owned = tempfile.mkdtemp(prefix="rapport-kernel-")
        km = kernel_manager(owned, "k")
    try:
        return _interruptible(lambda: execute(prepared, layout, final, km=km), km)
    finally:
        if owned:
            shutil.rmtree(owned, ignore_errors=True)


def _interruptible(run: Callable[[], nbformat.NotebookNode], km) -> nbformat.NotebookNode:
    """``run()`` in a helper thread, so that Ctrl-C stays with this one. On the main thread, nbclient
    takes SIGINT for the whole of the notebook's run and holds it back until the run has ended; here
    the main thread gets its ``KeyboardInterrupt`` at once, stops the kernel and goes on with it; the
    helper, a daemon, ends with the process."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return run()  # nbclient leaves signals alone off the main thread
    result: dict = {}

    def target() -> None:
        try:
            result["nb"] = run()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            result["error"] = exc

    thread = threading.Thread(target=target, name="rapport-execute", daemon=True)
    thread.start()
    try:
        thread.join()
    except KeyboardInterrupt:
        with contextlib.suppress(Exception):
            if km.has_kernel:
                km.shutdown_kernel(now=True)
        raise
    if "error" in result:
        raise result["error"]
    return result["nb"]


def _publish(prepared: Prepared, layout: Layout, write_outputs: Callable[[Path], None], index: bool) -> Path:
    """Write HTML, PDF and indicators.json into a staging folder, pass them (and the site index as
    it will be) through the publish gate, and swap the folder in whole."""
    params = prepared.params
    published = layout.published(params)
    staging = staging_dir(layout, params)
    try:
        write_outputs(staging)
        started = time.perf_counter()
        (staging / "indicators.json").write_text(
            json.dumps(prepared.indicators, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
        )
        folder = published.relative_to(layout.output).as_posix()
        pages = {"index.html": index_page(layout.output, (folder, staging / "indicators.json"))} if index else {}
        gate.check(staging, prepared.sensitive, pages)  # LeakError: nothing is published
        publish(staging, published)
        timing.add("publish", time.perf_counter() - started)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return published

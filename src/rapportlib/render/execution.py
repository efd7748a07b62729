"""Execution: Papermill runs a template notebook for one report, in a kernel of its own.

Pre-started kernels pay a kernel's start and the library's imports while the previous report runs.
Each report still gets a fresh kernel that no other report has used: a :class:`KernelPool` only
starts the *next* kernel (and imports rapportlib in it) in the background while the current one
executes. No state passes between reports.

Kernels talk to rapport over Unix sockets in a private folder (mode 0700), not over localhost TCP:
on a shared analysis server another user could otherwise connect to a kernel that holds register
data.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import os
import shutil
import tempfile
from typing import TYPE_CHECKING

from ..layout import Layout
from ..notebooks import notebook_for

if TYPE_CHECKING:  # nbformat is imported where needed: a no-change rebuild does not need it

    from ..prepare import Prepared

# Imports, and one tiny chart so the SVG renderer's engine is running before the report needs it.
WARM_UP = (
    "import rapportlib.report, rapportlib.charts, rapportlib.tables, vl_convert\n"
    "vl_convert.vegalite_to_svg({'data': {'values': [{'a': 1}]}, 'mark': 'bar', 'encoding': {'x': {'field': 'a', "
    "'type': 'quantitative'}}}, format_locale='sv-SE')\n"
    "del vl_convert"
)


def kernel_manager(folder: str, name: str, kernel_name: str = "python3"):
    """An unstarted kernel manager whose sockets live in ``folder`` (which the caller owns)."""
    from jupyter_client.manager import KernelManager

    return KernelManager(kernel_name=kernel_name, transport="ipc", ip=os.path.join(folder, name))


class KernelPool:
    """Hands out one fresh, warmed-up kernel manager at a time, with the next one starting."""

    def __init__(self, kernel_name: str = "python3", cwd: str | None = None):
        self.kernel_name = kernel_name
        self.cwd = cwd
        self._folder = tempfile.mkdtemp(prefix="rapport-kernels-")
        self._names = (f"k{i}" for i in itertools.count())
        self._starter = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="kernel-start")
        self._next = self._starter.submit(self._start)

    def _start(self):
        km = kernel_manager(self._folder, next(self._names), self.kernel_name)
        km.start_kernel(cwd=self.cwd)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            kc.execute_interactive(WARM_UP, timeout=300, store_history=False)
        finally:
            kc.stop_channels()
        return km

    def take(self):
        """A started kernel whose only history is the warm-up imports; the next one starts now."""
        km = self._next.result()
        self._next = self._starter.submit(self._start)
        return km

    def close(self) -> None:
        try:
            spare = self._next.result(timeout=180)
            spare.shutdown_kernel(now=True)
        except Exception as exc:  # the spare kernel is only a speed-up
            logging.getLogger(__name__).debug("spare kernel: %s", exc)
        self._starter.shutdown(wait=False)
        shutil.rmtree(self._folder, ignore_errors=True)


def execute(prepared: Prepared, layout: Layout, final: bool = False, km=None, inprocess: bool = False):
    """Run the template's notebook for one prepared report; the executed copy is kept under ``build/``.

    With ``inprocess`` the cells run in this process (:mod:`.inprocess`: the process must be this
    report's own, e.g. forked for it). Otherwise ``km`` is a kernel manager, started or not (see
    :class:`KernelPool`), used for this report only and shut down afterwards; without one, a kernel
    on private sockets is made for it. The prepared report is handed to the notebook through a
    private file, so the notebook neither reads an input nor applies a rule again.
    """
    import nbformat
    import papermill

    params = prepared.params
    build_dir = layout.build_dir(params)
    build_dir.mkdir(parents=True, exist_ok=True)
    target = build_dir / "report.ipynb"
    notebook = notebook_for(layout.templates, params.template, params.path)
    private = prepared.save(build_dir / "prepared.private.pickle")
    parameters = {"params_path": str(params.path), "final": final, "prepared_path": str(private)}
    common = {
        "parameters": parameters,
        "kernel_name": "python3",
        "progress_bar": False,
        "log_output": False,
        # Papermill otherwise rewrites the whole notebook before and after every cell (about a
        # third of a report's execution time); it is written once, at the end or on failure.
        "request_save_on_cell_execute": False,
    }
    if inprocess:
        from .inprocess import NAME

        papermill.execute_notebook(str(notebook), str(target), engine_name=NAME, **common)
        return nbformat.read(target, as_version=4)
    owned = None
    if km is None:  # a kernel for this report only, on private sockets
        owned = tempfile.mkdtemp(prefix="rapport-kernel-")
        km = kernel_manager(owned, "k")
    try:
        papermill.execute_notebook(str(notebook), str(target), cwd=str(notebook.parent), km=km, **common)
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        if owned:
            shutil.rmtree(owned, ignore_errors=True)
    return nbformat.read(target, as_version=4)

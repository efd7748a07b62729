"""Forked renders: each report in a child process of its own, forked from a warm worker.

A worker imports once what every report needs (pandas, Altair, rapportlib, Papermill,
Typst) and starts no thread; for each report it forks a child that renders it start to end, cells
run in the child itself (:mod:`.inprocess`), and returns the outcome through a pipe. No state
passes between reports: each child ends with its report. A fork costs milliseconds where a new
kernel costs its start and every import again.

Forking a process that runs threads can deadlock the child, so a worker that finds more than one
thread running does not fork (:func:`can_fork`), and the caller runs the report another way.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """A forked child ended without handing back its result (killed, or crashed)."""


#: Modules a report's render imports on first use (pandera's validation pulls in Hypothesis and
#: pydantic, IPython's shell its history and completer, the publish gate pypdf); imported by
#: :func:`warm` so that no child imports them again.
LAZY_IMPORTS = (
    "altair", "highspy", "IPython.core.interactiveshell", "IPython.core.completer",
    "IPython.core.history", "IPython.core.magics", "IPython.core.application", "IPython.core.completerlib",
    "IPython.core.logger", "IPython.core.oinspect", "IPython.utils.wildcard", "sqlite3", "bdb",
    "nbformat", "pandas", "pandas.core.methods.to_dict", "pandas.io.formats.string", "pandera.pandas",
    "papermill", "pypandoc", "pypdf", "pypdf.filters", "typst", "vl_convert", "xml.dom.minidom", "jinja2.ext",
    "pygments.styles.default", "encodings.utf_8_sig", "ctypes.util",
)


_warm = False


def warm() -> None:
    """Import, in this process, what a report's render needs, and fill the caches that every
    report would otherwise fill again in its child (the page's Markdown parser, nbformat's schema
    validator, pandera's backends); start no thread. Once per process (a worker forked from a
    warm process is warm)."""
    global _warm
    if _warm:
        return
    import importlib
    import pkgutil

    import rapportlib

    for name in LAZY_IMPORTS:
        importlib.import_module(name)
    for module in pkgutil.walk_packages(rapportlib.__path__, "rapportlib."):
        if ".demo" not in module.name:  # the example generator is never part of a render
            importlib.import_module(module.name)
    _fill_caches()
    _warm = True


def _fill_caches() -> None:
    """Run once, on throwaway input, the steps whose first run compiles something."""
    import datetime as dt

    import altair as alt
    import nbformat
    import pandas as pd

    from ..load.columns import REQUIRED
    from ..load.schema import register_schema
    from . import htmlpage, pdf

    pdf._pandoc()  # where pandoc is, and whether it takes runtime options
    # the page's Markdown parser, compiled on a first page
    shown = {"text/html": "<p>x</p>", "text/markdown": "x", "text/plain": "x"}
    cell = nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("display_data", data=shown)])
    htmlpage.to_html(nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("*x*")]), "")
    alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x").to_dict(validate=False)  # narwhals' pandas side
    nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]))  # compiles the schema
    import pandera.pandas as pa

    cells = pd.DataFrame({name: [None] for name in REQUIRED}, dtype=object)
    with contextlib.suppress(pa.errors.SchemaErrors):  # every cell is missing: a failure, as wanted
        register_schema(list(cells.columns), dt.date(2000, 1, 1)).validate(cells, lazy=True)


def can_fork() -> bool:
    """Forking is safe here: a POSIX system, and only this thread running."""
    return hasattr(os, "fork") and threading.active_count() == 1


def run_forked(fn: Callable[..., T], *args) -> T:
    """``fn(*args)`` in a forked child; its return value (pickled) or :class:`ChildFailed`."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, hand the result back, end without running the parent's exit code
        os.close(read)
        status = 0
        try:
            data = pickle.dumps(("ok", fn(*args)))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which decides
            data, status = pickle.dumps(("error", f"{type(exc).__name__}: {exc}")), 1
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        raise ChildFailed(f"the report's process ended without a result (status {status})")
    kind, value = pickle.loads(data)
    if kind != "ok":
        raise ChildFailed(value)
    return value

"""Forked renders: each report in a child process of its own, forked from a warm worker.

A worker imports once what every report needs (pandas, Altair, rapportlib, Papermill, nbconvert,
Typst) and starts no thread; for each report it forks a child that renders it start to end, cells
run in the child itself (:mod:`.inprocess`), and returns the outcome through a pipe. No state
passes between reports: each child ends with its report. A fork costs milliseconds where a new
kernel costs its start and every import again.

Forking a process that runs threads can deadlock the child, so a worker that finds more than one
thread running does not fork (:func:`can_fork`), and the caller runs the report another way.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """A forked child ended without handing back its result (killed, or crashed)."""


def warm() -> None:
    """Import, in this process, what a report's render needs; start no thread."""
    import altair  # noqa: F401
    import highspy  # noqa: F401
    import IPython.core.interactiveshell  # noqa: F401
    import nbconvert  # noqa: F401
    import nbformat  # noqa: F401
    import pandas  # noqa: F401
    import papermill  # noqa: F401
    import pypandoc  # noqa: F401
    import typst  # noqa: F401

    from .. import charts, prepare, report, tables  # noqa: F401
    from . import gate, htmlpage, inprocess, orchestrator, pdf  # noqa: F401

    htmlpage._html_exporter()  # nbconvert's templates, loaded once


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

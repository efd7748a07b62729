"""A batch worker's service process: pure work that is slow the first time in a process, done for
every report the worker forks.

Drawing a chart starts vl-convert's JavaScript engine (about 0.4 s) and Typst's first PDF in a
process loads its fonts and library (about 0.2 s, ten times a later one); both then run threads.
A batch worker forks a child per report and so must run no thread itself: it forks this service
first (:func:`start`), and each report's child, forked later, inherits the connection to it and
hands it that work (:func:`call`). A worker runs one report at a time, so one connection serves
them in turn.

The work is pure: a chart's SVG is a function of its spec and locale, a PDF of its Typst source
and files. Nothing of one report reaches another but speed, and a job marked ``remembered`` (see
:func:`remembered`) is answered from memory when the same arguments come again (the same labels
measured for another report's chart). Without a service (a single ``rapport render``, a kernel)
:func:`call` does the work in the calling process.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_connection = None  # to the worker's service, in a worker and its children
_owner: int | None = None  # the process that started the service _connection leads to
_pid = 0  # that service's process id
_finalizer = None  # the exit handler that ends the service this process started
ANSWER_WITHIN = 120  # seconds; a service that takes longer is given up
#: Answers a service keeps for jobs marked remembered.
REMEMBERED = 512


class JobFailed(ValueError):
    """The job raised in the service; its message is ``"<exception type>: <message>"``."""


def remembered(fn: Callable[..., T]) -> Callable[..., T]:
    """Mark a job whose answer the service may keep: a pure function of JSON-able arguments."""
    fn.remembered = True
    return fn


def call(job: Callable[..., T], *args) -> T:
    """``job(*args)`` in the service when this process has one, else here. ``job`` is a function
    at a module's top level (it is sent by name)."""
    if _connection is not None:
        try:
            _connection.send((job, args))
            if not _connection.poll(ANSWER_WITHIN):
                raise TimeoutError
            kind, value = _connection.recv()
        except (EOFError, OSError):  # the service is gone or stuck: do the work here from now on
            _give_up()
        else:
            if kind == "ok":
                return value
            raise JobFailed(value)
    return job(*args)


def start(*warmups: Callable[[], object]) -> None:
    """Fork this process's service (call it while this process runs no thread). The service first
    runs ``warmups`` (what a first job would pay, such as starting a JavaScript engine) while this
    process goes on; a job sent meanwhile waits for them."""
    global _connection, _owner, _pid, _finalizer
    import multiprocessing
    from multiprocessing.util import Finalize

    if _connection is not None and _owner == os.getpid():  # this process has one already
        return
    if _connection is not None:  # the service of the process this one was forked from: not ours
        _connection.close()
        _connection = None
    ours, theirs = multiprocessing.Pipe()
    pid = os.fork()
    if pid == 0:
        ours.close()
        # One thread for Typst's layout: beside the worker (and the other workers) every core is
        # busy already, and a pool of threads adds work of its own.
        os.environ["RAYON_NUM_THREADS"] = "1"
        try:
            for warmup in warmups:
                with contextlib.suppress(Exception):  # a job that needs it fails with its own message
                    warmup()
            _serve(theirs)
        finally:
            os._exit(0)
    theirs.close()
    _connection, _owner, _pid = ours, os.getpid(), pid
    # When a pool's worker ends: close the connection, and wait for the service to end, so that its
    # CPU time is counted with the worker's (as a kernel's is).
    _finalizer = Finalize(None, _finish, args=(ours, pid), exitpriority=10)


def stop() -> None:
    """End the service this process started, if it has one, and wait for it; jobs are done here
    from then on."""
    if _connection is not None and _owner == os.getpid() and _finalizer is not None:
        _finalizer()  # runs _finish, once: it is no longer an exit handler


def _finish(connection, pid: int) -> None:
    global _connection
    if _connection is connection:
        _connection = None
    connection.close()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _serve(connection) -> None:
    """Do every job sent until the last holder of the other end has closed it."""
    import json
    from collections import OrderedDict

    memory: OrderedDict[str, object] = OrderedDict()
    while True:
        try:
            job, args = connection.recv()
        except (EOFError, OSError):
            return
        key = f"{job.__module__}.{job.__qualname__}:{json.dumps(args)}" if getattr(job, "remembered", False) else None
        try:
            if key is None:
                value = job(*args)
            elif key in memory:
                memory.move_to_end(key)
                value = memory[key]
            else:
                value = memory[key] = job(*args)
                if len(memory) > REMEMBERED:
                    memory.popitem(last=False)
            answer = ("ok", value)
        except Exception as exc:  # noqa: BLE001 - handed back to the report that sent the job
            answer = ("error", f"{type(exc).__name__}: {exc}")
        connection.send(answer)


def _give_up() -> None:
    """The service did not answer: end it (a stuck service would keep the process that started it
    waiting at its exit) and do the work in this process from now on."""
    global _connection
    connection, _connection = _connection, None
    if _pid > 0:
        with contextlib.suppress(OSError):
            os.kill(_pid, signal.SIGKILL)
    if _owner == os.getpid() and _finalizer is not None:
        _finalizer()  # reaps it
    elif connection is not None:
        connection.close()


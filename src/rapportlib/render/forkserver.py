"""A warm helper for a process that runs threads (a Dask worker): it forks a child per report, as
a local pool's worker does.

A process running threads must not fork, and a daemonic one (as a Dask worker is) may not start
multiprocessing children; so the helper is a plain subprocess (``python -m
rapportlib.render.forkserver``) that warms itself, starts its service, runs no thread, and renders
each report sent to it in a forked child. Requests (the :class:`~.batch.RenderTask` and the params
file) and outcomes pass pickled over its standard input and output; anything else the helper or
its children print goes to standard error. It ends when its standard input closes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading

_free: queue.Queue | None = None  # this process's idle helpers
_started = 0
_lock = threading.Lock()


class HelperFailed(RuntimeError):
    """A helper process ended (killed, or crashed) without handing back its answer."""


class Helper:
    """One helper process, used by one thread at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rapportlib.render.forkserver"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def render(self, task, params_path: str):
        pickle.dump((task, params_path), self.process.stdin)
        self.process.stdin.flush()
        return pickle.load(self.process.stdout)


def render(task, params_path: str, most: int = 1):
    """``task(params_path)`` in an idle helper of this process (at most ``most`` are started)."""
    global _free, _started
    with _lock:
        if _free is None:
            _free = queue.Queue()
        if _free.empty() and _started < most:
            _free.put(Helper())
            _started += 1
    helper = _free.get()
    try:
        outcome = helper.render(task, params_path)
    except (EOFError, OSError, pickle.UnpicklingError) as exc:  # the helper is gone: the next report starts another
        with contextlib.suppress(OSError):
            helper.process.kill()
        with _lock:
            _started -= 1
        raise HelperFailed(f"the helper process ended without an answer ({type(exc).__name__})") from None
    _free.put(helper)
    return outcome


def main() -> None:
    from .batch import _worker_start

    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # printed text (the helper's, its children's) goes to standard error
    requests = sys.stdin.buffer
    _worker_start()
    while True:
        try:
            task, params_path = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(task(params_path), answers)
        answers.flush()


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt, BrokenPipeError):
        main()

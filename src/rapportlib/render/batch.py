"""Many reports: skip the current ones, render the rest with an executor, then the site index.

An executor is a small strategy object, chosen by name (``rapport render --executor``) from
:data:`EXECUTORS`: ``local`` runs a process pool sized to the machine whose warm workers fork a
child per report (:mod:`.forking`); ``dask`` sends one task per report to a Dask distributed
cluster, whose workers (running threads, so they cannot fork) each hand their reports to a warm
helper process that forks a child per report. Both run the same :class:`RenderTask` and
give the same outputs.

Each report's render holds that report's lock (:mod:`.lock`): a report being rendered by another
process is waited for, then skipped when that render left it current. An unexpected error in one
report is written to a private log (:mod:`rapportlib.errorlog`) and summarised in one line.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from .. import service
from ..errorlog import unexpected
from ..errors import InputError
from ..layout import Layout
from .lock import DEFAULT_TIMEOUT, LockTimeout
from .orchestrator import render
from .publish import recover
from .site import write_index
from .stamp import is_current


@dataclass(frozen=True)
class Outcome:
    """What became of one report in a batch."""

    params: str
    status: str  # "rendered", "unchanged" (also: left current by another render) or "failed"
    code: int = 0  # the exit status a single render would have had
    message: str = ""  # the published folder, or why it failed
    seconds: float = 0.0


#: How a task runs its report's notebook: in a kernel of its own, in this process (a process
#: that renders one report only), or in a child forked for it from a warm worker.
MODES = ("kernel", "inprocess", "forked")


def _interrupted(signum, frame) -> None:
    """A second Ctrl-C while the reports already running finish: stop at once."""
    os._exit(128 + signum)


def _worker_start() -> None:
    from ..charts import renderer
    from .forking import can_fork, warm

    # Ctrl-C reaches every process of the terminal's group; a worker finishes the report it has
    # (published whole), and the main process starts no other.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm()
    if can_fork():  # one service (charts, PDFs) for all the reports this worker forks
        service.start(renderer.warm)


@dataclass(frozen=True)
class RenderTask:
    """Rendering one report in a worker, with the batch's settings; never raises."""

    layout: Layout
    final: bool = False
    engine: str = "builtin"
    force: bool = False
    lock_timeout: float = DEFAULT_TIMEOUT
    mode: str = "kernel"  # one of MODES

    def __call__(self, params_path: str) -> Outcome:
        if self.mode == "forked":
            from .forking import ChildFailed, can_fork, run_forked

            if can_fork():
                started = time.perf_counter()
                try:
                    return run_forked(self._render, params_path, True, started)
                except ChildFailed as exc:
                    message = unexpected(exc, self.layout.build, f"rapport render, rapporten {params_path}")
                    return Outcome(params_path, "failed", 1, message, time.perf_counter() - started)
            # Threads run here (a Dask worker): a warm helper process of this one forks the child.
            from .forkserver import HelperFailed
            from .forkserver import render as in_helper

            started = time.perf_counter()
            try:
                return in_helper(self, params_path, _threads())
            except HelperFailed as exc:
                message = unexpected(exc, self.layout.build, f"rapport render, rapporten {params_path}")
                return Outcome(params_path, "failed", 1, message, time.perf_counter() - started)
        return self._render(params_path, self.mode == "inprocess")

    def _render(self, params_path: str, inprocess: bool, forked_at: float | None = None) -> Outcome:
        from ..checks import ConsistencyError
        from . import timing

        started = time.perf_counter()
        timing.begin()
        if forked_at is not None:
            timing.add("fork", started - forked_at)

        def outcome(status: str, code: int, message: str) -> Outcome:
            return Outcome(params_path, status, code, message, time.perf_counter() - started)

        try:
            folder = render(
                params_path,
                self.layout,
                self.final,
                index=False,
                engine=self.engine,
                if_stale=not self.force,
                lock_timeout=self.lock_timeout,
                inprocess=inprocess,
            )
            if folder is None:  # another render of the same report, waited for, left it current
                return outcome("unchanged", 0, "")
            return outcome("rendered", 0, str(folder))
        except InputError as exc:
            return outcome("failed", 2, str(exc))
        except ConsistencyError as exc:
            return outcome("failed", 3, str(exc))
        except LockTimeout as exc:
            return outcome("failed", 1, str(exc))
        except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the others
            return outcome("failed", 1, unexpected(exc, self.layout.build, f"rapport render, rapporten {params_path}"))
        finally:
            timing.flush(params_path)


def _threads() -> int:
    """How many reports this process may hand over at once: a Dask worker's threads, else one."""
    with contextlib.suppress(ImportError, ValueError):
        from distributed import get_worker

        return int(getattr(get_worker(), "nthreads", 1))
    return 1


class Executor(Protocol):
    """Runs ``task`` for every params file in ``todo``, calling ``finished`` as each one ends."""

    def run(self, todo: list[str], task: RenderTask, finished: Callable[[Outcome], None]) -> None: ...


@dataclass(frozen=True)
class LocalExecutor:
    """A process pool on this machine (``jobs`` workers, default one per core)."""

    jobs: int | None = None

    @classmethod
    def from_options(cls, jobs: int | None = None, scheduler: str | None = None) -> LocalExecutor:
        return cls(jobs)

    def run(self, todo: list[str], task: RenderTask, finished: Callable[[Outcome], None]) -> None:
        import concurrent.futures
        import multiprocessing

        from ..charts import renderer

        if len(todo) == 1:  # one report: this process is its own
            finished(replace(task, mode="inprocess")(todo[0]))
            return
        from .forking import can_fork, warm

        jobs = max(1, min(self.jobs or os.cpu_count() or 1, len(todo)))
        if can_fork():  # warm here once, and fork the workers warm (the pool starts them all at once)
            warm()
            # This process's own service draws the index page's chart at the end, its engine
            # started meanwhile (a worker closes it: each has its own).
            service.start(renderer.warm)
            context = multiprocessing.get_context("fork")
        else:  # "spawn": workers start clean (this process runs threads) and warm each on its own
            context = multiprocessing.get_context("spawn")
        # Either way each worker then forks a child per report.
        pool = concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start)
        task = replace(task, mode="forked")
        futures = [pool.submit(task, t) for t in todo]
        interrupted = False
        try:
            for future in concurrent.futures.as_completed(futures):
                finished(future.result())
        except KeyboardInterrupt:  # start no other report; the process ends when the running ones have
            interrupted = True
            signal.signal(signal.SIGINT, _interrupted)
            raise
        finally:
            pool.shutdown(wait=not interrupted, cancel_futures=interrupted)


@dataclass(frozen=True)
class DaskExecutor:
    """A Dask distributed cluster: one task per report (``scheduler`` is its address)."""

    scheduler: str

    @classmethod
    def from_options(cls, jobs: int | None = None, scheduler: str | None = None) -> DaskExecutor:
        if not scheduler:
            raise ValueError("the dask executor needs a scheduler address")
        return cls(scheduler)

    def run(self, todo: list[str], task: RenderTask, finished: Callable[[Outcome], None]) -> None:
        from distributed import Client, as_completed

        task = replace(task, mode="forked")  # each worker's warm helper forks a child per report
        with Client(self.scheduler) as client:
            for future in as_completed(client.map(task, todo, pure=False)):
                finished(future.result())


EXECUTORS: dict[str, type[LocalExecutor] | type[DaskExecutor]] = {"local": LocalExecutor, "dask": DaskExecutor}


def render_all(
    targets: list[Path],
    layout: Layout,
    jobs: int | None = None,
    force: bool = False,
    final: bool = False,
    progress: Callable[[Outcome | None, int, int], None] | None = None,
    engine: str = "builtin",
    executor: str = "local",
    scheduler: str | None = None,
    lock_timeout: float = DEFAULT_TIMEOUT,
) -> dict:
    """Render many reports with the named executor, skipping those whose output would not change
    (see :mod:`rapportlib.render.stamp`). ``progress(outcome, done, total)`` is called as each
    report finishes, and once with ``(None, 0, total)`` before the first starts. A report being
    rendered by another process is waited for (at most ``lock_timeout`` seconds).
    Returns a summary: rendered, unchanged, failed (a list of :class:`Outcome` each), seconds."""
    started = time.perf_counter()
    runner = EXECUTORS[executor].from_options(jobs, scheduler)
    summary: dict = {"rendered": [], "unchanged": [], "failed": []}
    todo = []
    for target in targets:
        if not force and is_current(target, layout, engine, final):
            summary["unchanged"].append(Outcome(str(target), "unchanged"))
        else:
            todo.append(str(target))

    done = 0

    def finished(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        summary[outcome.status].append(outcome)
        if progress:
            progress(outcome, done, len(todo))

    try:
        if todo:
            if progress:
                progress(None, 0, len(todo))
            runner.run(todo, RenderTask(layout, final, engine, force, lock_timeout), finished)
        recover(layout.output)
        if summary["rendered"]:  # a run that published nothing leaves the index byte-identical
            write_index(layout.output)
    finally:
        service.stop()  # the one a local pool started in this process for the index page's chart
    summary["seconds"] = time.perf_counter() - started
    return summary

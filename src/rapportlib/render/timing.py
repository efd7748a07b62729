"""Stage timings of each render, for the benchmarks: recorded only when ``RAPPORT_TIMINGS`` names
a file, one JSON line per report (``{"report": …, "stages": {stage: seconds}, "began": …, "ended": …}``,
the last two wall-clock times, seconds since the epoch), appended.

Stages: ``prepare``, ``kernel`` (waiting for a kernel, when the report has one), ``execute`` (the
notebook's cells, charts included), ``charts`` (drawing the charts, part of ``execute`` when the
cells run in the same process), ``html``, ``pdf``, ``publish`` (indicators.json, the publish gate
and the swap) and ``fork`` (from the worker's fork to the child's first step).
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections import defaultdict

ENV = "RAPPORT_TIMINGS"
_stages: defaultdict[str, float] = defaultdict(float)
_began: float | None = None


def enabled() -> bool:
    return bool(os.environ.get(ENV))


@contextlib.contextmanager
def stage(name: str):
    """Add the time spent in the block to the stage ``name`` of the current report."""
    if not enabled():
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        _stages[name] += time.perf_counter() - started


def begin() -> None:
    """The current report starts now (its line's ``began``)."""
    global _began
    if enabled():
        _began = time.time()


def add(name: str, seconds: float) -> None:
    if enabled():
        _stages[name] += seconds


def flush(report: str) -> None:
    """Write the current report's stages as one line and start the next report from zero."""
    if not enabled():
        return
    global _began
    times = {"began": _began, "ended": time.time()}
    line = json.dumps({"report": report, "pid": os.getpid(), "stages": dict(_stages), **times}) + "\n"
    _stages.clear()
    _began = None
    fd = os.open(os.environ[ENV], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)

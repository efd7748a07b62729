"""One render of a report at a time: a lock per report, held from the first write to its build
folder to the stamp.

Two renders of the same report share its build folder (``build/<team>/<period>/``: executed
notebook, prepared value, staging, stamp), so they must not run at once. The lock is taken after
the report is prepared (which only reads), so invalid input and a refused ``--final`` write
nothing, and a render never waits only to fail on its own input. The lock is an
``fcntl.flock`` on ``render.lock`` in that folder: the second render says once on standard error
that it waits, then takes the lock when the first is done (and, in a batch, skips the report when
the first left it current). Reports of other teams or periods have other build folders, so their
renders never wait for each other.

The kernel releases a flock when its process ends, however it ends: a killed render leaves no
stale lock. The lock file stays (removing it would let a third render lock a new file while the
second holds the old one); it holds the pid and host of the last holder, for the waiting message.
A render that waits longer than ``timeout`` seconds (``rapport render --lock-timeout``, default
:data:`DEFAULT_TIMEOUT`) stops with :class:`LockTimeout`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK = "render.lock"
DEFAULT_TIMEOUT = 1800.0  # seconds: generous, a report renders in seconds, a Quarto one in a minute


class LockTimeout(Exception):
    """Another render of the same report held its lock for longer than this one would wait."""

    def __init__(self, what: str, seconds: float, holder: str):
        super().__init__(what, seconds, holder)
        self.what, self.seconds, self.holder = what, seconds, holder

    def __str__(self) -> str:
        return (
            f"{self.what}: en annan rendering av samma rapport ({self.holder}) pågår fortfarande efter "
            f"{self.seconds:g} s väntan; försök igen senare, eller vänta längre med --lock-timeout SEKUNDER."
        )


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(fd: int) -> str:
    """Who holds (or last held) the lock, as the lock file says: ``process PID på HOST``."""
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        text = []
    if len(text) >= 2 and text[0].isdigit():
        return f"process {text[0]} på {text[1]}"
    return "en annan process"


def _say(line: str) -> None:
    with contextlib.suppress(OSError):
        print(line, file=sys.stderr, flush=True)


@contextlib.contextmanager
def report_lock(
    folder: Path,
    what: str,
    timeout: float = DEFAULT_TIMEOUT,
    notify: Callable[[str], None] = _say,
    poll: float = 0.2,
) -> Iterator[bool]:
    """Hold the render lock of the report whose build folder is ``folder`` (``what`` names it in
    messages); yields whether this render had to wait for another one."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        waited = not _try_lock(fd)
        if waited:
            notify(f"rapport: väntar på en annan rendering av {what} ({_holder(fd)}) …")
            deadline = time.monotonic() + timeout
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise LockTimeout(what, timeout, _holder(fd))
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {socket.gethostname()}\n".encode(), 0)
        yield waited
    finally:
        os.close(fd)  # releases the lock

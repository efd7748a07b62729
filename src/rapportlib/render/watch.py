"""Watching a report's files for ``rapport preview``: polling, no dependency and no OS notifications.

A :class:`Watcher` looks at the size, modification time and inode of each file every ``interval``
seconds (an editor that saves by replacing the file changes the inode). A file that appears or
disappears is a change too: the list of files is asked for again at each look, so a new section
file in the narrative folder, or a data file the params file now names, is seen. A change is
reported once the files have stayed as they are for one more look, so that a save in several
steps, or several files saved at once, makes one re-render (debouncing).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

INTERVAL = 0.5  # seconds between looks

Snapshot = dict[Path, "tuple[int, int, int] | None"]


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Each file's (modification time in ns, size, inode), or ``None`` for a file that is missing."""
    found: Snapshot = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            found[path] = None
        else:
            found[path] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return found


def report_files(params_path: Path, templates) -> list[Path]:
    """What a report is made of: its params file, data files, narrative section files and template
    notebook. While the params file cannot be read, only the params file itself."""
    from ..errors import InputError
    from ..narrative import narrative_dir
    from ..notebooks import notebook_for
    from ..params import load_params

    try:
        params = load_params(params_path)
    except Exception:  # noqa: BLE001 - a broken params file is the render's to report; watch it alone
        return [params_path]
    folder = narrative_dir(params.path, params.narrative)
    files = [params_path, *params.data.values()]
    with contextlib.suppress(OSError):
        files += sorted(folder.glob("*.md")) if folder.is_dir() else []
    with contextlib.suppress(InputError):
        files.append(notebook_for(templates, params.template, params.path))
    return files


class Watcher:
    """Calls ``on_change()`` (from its own thread) after the files ``paths()`` names have changed."""

    def __init__(self, paths: Callable[[], Iterable[Path]], on_change: Callable[[], None], interval: float = INTERVAL):
        self.paths = paths
        self.on_change = on_change
        self.interval = interval
        self._last = snapshot(paths())
        self._pending = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rapport-watch", daemon=True)

    def step(self) -> bool:
        """One look; ``True`` when a change is to be reported now: the files changed at an earlier
        look and have not changed since."""
        now = snapshot(self.paths())
        if now != self._last:
            self._last, self._pending = now, True
            return False
        if self._pending:
            self._pending = False
            return True
        return False

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if self.step():
                self.on_change()

    def start(self) -> Watcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

"""Publishing: a report is written to a staging folder and swapped in whole.

A reader, or a run killed at any moment, sees either the whole earlier report or the whole new one:
the staging folder replaces the published folder in one atomic exchange (Linux ``renameat2``), or,
where that is not available, in two renames that :func:`recover` undoes after an interruption.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..layout import Layout
from ..params import Params


def staging_dir(layout: Layout, params: Params) -> Path:
    """A fresh folder to write a report into, outside the published tree when possible (on the
    same file system, so that publishing is a rename); stale ones from killed runs are removed."""
    published = layout.published(params)
    published.parent.mkdir(parents=True, exist_ok=True)
    base = layout.build_dir(params)
    base.mkdir(parents=True, exist_ok=True)
    if os.stat(base).st_dev != os.stat(published.parent).st_dev:
        base = published.parent  # another file system: stage beside the report, hidden
    for stale in base.glob(f".{params.period_slug}.staging.*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{params.period_slug}.staging.", dir=base))
    staging.chmod(0o755)  # a published folder is world-readable, unlike mkdtemp's default
    return staging


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2`` with ``RENAME_EXCHANGE``)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def publish(staging: Path, published: Path) -> None:
    """Replace ``published`` by the complete folder ``staging``. After an exchange the earlier
    report is left in ``staging`` (removed by the caller)."""
    if not published.exists():
        os.replace(staging, published)
        staging.mkdir()  # keep the caller's clean-up uniform
    elif not _exchange(staging, published):
        previous = published.with_name(f".{published.name}.previous")
        os.replace(published, previous)  # the only non-atomic window; recover() undoes it
        os.replace(staging, published)
        os.replace(previous, staging)


def recover(output: Path) -> list[Path]:
    """Put back reports whose publishing was interrupted in the fallback's two-rename window."""
    restored = []
    for previous in output.glob("*/.*.previous"):
        target = previous.parent / previous.name[1 : -len(".previous")]
        if not target.exists():
            os.replace(previous, target)
            restored.append(target)
    return restored


def write_atomic(target: Path, text: str) -> Path:
    """Write a text file so that readers see the old or the new content, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
    return target

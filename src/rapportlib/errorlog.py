"""The private log of an unexpected error: the traceback goes to a file only its owner can read,
the user sees one line that names the file.

Where: ``build/logs/`` of the workspace (the nearest folder upwards holding
``params/``, see :mod:`rapportlib.layout`), or, outside a project or where that folder cannot be
written, the user's cache folder (``$XDG_CACHE_HOME/rapport/logs``, by default
``~/.cache/rapport/logs``). The folder is mode 0700 and each log 0600; a log is named
``rapport-YYYYMMDD-HHMMSS-PID.log`` (``-2``, ``-3`` … when one process writes several in a
second). The whole text of a log passes through :func:`rapportlib.identity.redact`, so no
personal identity number is written even there.

The line the user sees names the kind of error and the log, never the error's text: an error
raised deep inside a library may quote a register cell.
"""

from __future__ import annotations

import os
import platform
import stat
import time
import traceback
from pathlib import Path

from . import __version__
from .identity import redact

LOGS = "logs"


def project_build(*starts: str | Path | None) -> Path | None:
    """The build folder of the first project found upwards from ``starts`` (default: the working
    folder), or ``None`` when none of them is inside a project."""
    from .layout import is_workspace, project_root

    for start in starts or (None,):
        try:
            root = project_root(Path(start) if start is not None else None)
        except (OSError, ValueError):
            continue
        if is_workspace(root):
            return root / "build"
    return None


def cache_logs() -> Path:
    """The user's own log folder, for errors outside a project."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rapport" / LOGS


def _private_folder(folder: Path) -> Path:
    """``folder``, made if missing, a real folder owned by this user, mode 0700."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise PermissionError(f"{folder}: not a private folder of this user")
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(folder, 0o700)
    return folder


def _create(folder: Path, text: str) -> Path:
    stem = time.strftime("rapport-%Y%m%d-%H%M%S") + f"-{os.getpid()}"
    for n in range(1, 1000):
        path = folder / (stem if n == 1 else f"{stem}-{n}")
        path = path.with_name(path.name + ".log")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as file:
            os.fchmod(fd, 0o600)
            file.write(text)
        return path
    raise FileExistsError(f"{folder}: too many logs named {stem}")


def log_text(exc: BaseException, context: str = "") -> str:
    """What a log holds: versions, ``context`` (the command, the report) and the traceback, redacted."""
    lines = [
        f"rapport {__version__}, Python {platform.python_version()}, process {os.getpid()}, "
        f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')}",
    ]
    if context:
        lines.append(context)
    lines += ["", "".join(traceback.format_exception(exc)).rstrip()]
    return redact("\n".join(lines) + "\n")


def write_log(exc: BaseException, build: Path | None = None, context: str = "") -> Path | None:
    """Write the private log of ``exc``; return its path, or ``None`` when no folder could take it."""
    try:
        text = log_text(exc, context)
    except Exception:  # noqa: BLE001 - an error that cannot be formatted still gets its one line
        text = redact(f"{context}\n{type(exc).__name__} (the traceback could not be formatted)\n")
    folders = ([build / LOGS] if build is not None else []) + [cache_logs()]
    for folder in folders:
        try:
            return _create(_private_folder(folder), text)
        except (OSError, ValueError):
            continue
    return None


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def unexpected(exc: BaseException, build: Path | None = None, context: str = "") -> str:
    """Log ``exc`` privately and return the one line to show the user."""
    path = write_log(exc, build, context)
    kind = type(exc).__name__
    if path is None:
        return f"oväntat fel ({kind}); loggen kunde inte skrivas (varken i build/logs/ eller i {cache_logs()})."
    return f"oväntat fel ({kind}); detaljerna finns i den privata loggen {shown(path)}"

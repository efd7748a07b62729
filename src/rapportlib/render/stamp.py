"""Incremental builds: a content hash of everything a report depends on, kept in
``build/<team>/<period>/stamp.sha256``; a report whose hash is unchanged is skipped."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..layout import Layout
from ..notebooks import notebook_for
from ..params import Params, load_params

STAMP = "stamp.sha256"
PACKAGE = Path(__file__).resolve().parents[1]


def input_stamp(params: Params, layout: Layout) -> str:
    """A content hash of everything a report depends on: the params file, its data files and
    narrative files, the template notebook and page templates, and rapportlib's own code."""
    from ..narrative import narrative_dir

    digest = hashlib.sha256(__version__.encode())
    files = [params.path, *params.data.values(), notebook_for(layout.notebooks, params.template, params.path)]
    folder = narrative_dir(params.path, params.extra.get("narrative"))
    files += sorted(folder.glob("*.md")) if folder.is_dir() else []
    files += sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yml", ".css", ".typ") and p.is_file())
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def wanted(params: Params, layout: Layout, final: bool, engine: str) -> str:
    return f"{input_stamp(params, layout)} {engine}"


def record(params: Params, layout: Layout, stamp: str) -> Path:
    target = layout.build_dir(params) / STAMP
    target.write_text(stamp, encoding="utf-8")
    return target


def is_current(params_path: str | Path, layout: Layout, engine: str = "builtin", final: bool = False) -> bool:
    """Whether the published report was made from exactly the present inputs."""
    try:
        params = load_params(params_path)
        published = layout.published(params)
        stamp = layout.build_dir(params) / STAMP
        complete = all((published / n).is_file() for n in ("report.html", "report.pdf", "indicators.json"))
        current = stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted(params, layout, final, engine)
        return complete and current
    except InputError:
        return False

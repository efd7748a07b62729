"""Incremental builds: a report is rendered again unless everything its output depends on is unchanged.

The stamp, ``build/<team>/<period>/stamp.json``, is written after a report is published. It holds:

- ``inputs``: a SHA-256 of the params file, each data file, each narrative file and the template
  notebook (with ``--engine quarto`` also the templates' ``_quarto.yml``);
- ``rapportlib``: its version and a SHA-256 of its code and page templates;
- ``mode`` (``draft`` or ``final``), ``engine`` (``builtin`` or ``quarto``), ``privacy`` (the
  params file's threshold and strict setting, with their defaults) and ``output`` (the published
  folder);
- ``published``: a SHA-256 of each published file, so that a published folder changed or removed
  by hand is rendered again.

A report is current when the stamp recorded now would be the same. Checking needs neither pandas
nor nbformat, so a rebuild where nothing changed takes a fraction of a second.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from .. import __version__
from ..errors import InputError
from ..layout import Layout
from ..notebooks import notebook_for
from ..params import Params, load_params
from .publish import write_atomic
from .quarto import project_file

STAMP = "stamp.json"
PACKAGE = Path(__file__).resolve().parents[1]
CODE_SUFFIXES = (".py", ".yml", ".css", ".typ")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.cache
def code_digest() -> str:
    """A hash of rapportlib's own code and page templates (once per process: the code a process
    runs does not change under it)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in CODE_SUFFIXES and p.is_file()):
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0{_sha256(path)}\n".encode())
    return digest.hexdigest()


def input_hashes(params: Params, layout: Layout) -> dict[str, str]:
    """A hash of every input file, keyed by what it is: params, data, narrative, notebook."""
    from ..narrative import narrative_dir

    files = {"params": params.path}
    files |= {f"data/{key}/{path.name}": path for key, path in sorted(params.data.items())}
    folder = narrative_dir(params.path, params.narrative)
    if folder.is_dir():
        # Regular files only: a folder or a device named like a section file is refused by prepare.
        files |= {f"narrative/{path.name}": path for path in sorted(folder.glob("*.md")) if path.is_file()}
    notebook = notebook_for(layout.templates, params.template, params.path)
    files[f"notebook/{notebook.name}"] = notebook
    return {key: _sha256(path) for key, path in files.items()}


def privacy_settings(params: Params) -> dict:
    """The small-count protection the params file asks for (with its defaults filled in)."""
    return {"threshold": params.privacy.threshold, "strict": params.privacy.strict}


def wanted(params: Params, layout: Layout, final: bool, engine: str) -> dict:
    """The stamp a render with these settings would record, without the published files."""
    inputs = input_hashes(params, layout)
    if engine == "quarto":  # Quarto's options are an input of its pages
        options = project_file(notebook_for(layout.templates, params.template, params.path))
        if options is not None:
            inputs[f"notebook/{options.name}"] = _sha256(options)
    return {
        "inputs": inputs,
        "rapportlib": {"version": __version__, "code": code_digest()},
        "mode": "final" if final else "draft",
        "engine": engine,
        "privacy": privacy_settings(params),
        "output": str(layout.published(params).resolve()),
    }


def published_hashes(folder: Path) -> dict[str, str]:
    """A hash of each file in a published folder (none when the folder is missing)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): _sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def record(params: Params, layout: Layout, stamp: dict) -> Path:
    """Write the stamp of a report just published: ``stamp`` (from :func:`wanted`, taken before the
    notebook ran, so inputs changed during the render make the next run render again) and the
    hashes of the published files."""
    full = dict(stamp, published=published_hashes(layout.published(params)))
    text = json.dumps(full, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    return write_atomic(layout.build_dir(params) / STAMP, text)


def is_current(params_path: str | Path, layout: Layout, engine: str = "builtin", final: bool = False) -> bool:
    """Whether the published report was made from exactly the present inputs and settings, and
    its published files are still the ones that render wrote."""
    try:
        params = load_params(params_path)
        stamp = wanted(params, layout, final, engine)
        recorded = json.loads((layout.build_dir(params) / STAMP).read_text(encoding="utf-8"))
    except (InputError, OSError, ValueError):
        return False
    if not isinstance(recorded, dict) or not recorded.get("published"):
        return False
    now = dict(stamp, published=published_hashes(layout.published(params)))
    return recorded == json.loads(json.dumps(now, default=str))  # as it would be read back

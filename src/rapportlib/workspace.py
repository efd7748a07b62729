"""A förbund's own workspace (``rapport init``, ``rapport demo``, ``rapport templates``).

A workspace is a folder holding ``params/`` (one params file per team and period, with the team's
texts beside it), ``data/`` (the registers: never committed), ``templates/`` (local templates and
the workspace's own versions of built-in ones), ``output/`` (the published site) and ``build/``
(private). The files every new workspace starts with (README, ``.gitignore``, pre-commit and CI
configuration) are those under ``rapportlib/templates/workspace/``; a leading dot is written for
names that cannot carry one as package data (``gitignore`` becomes ``.gitignore``).
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import IDENTITY_EXPECTED, InputError, Problem
from .identity import contains
from .layout import project_root
from .lookup import BUILTIN, Templates, builtin_folder
from .notebooks import TEMPLATE_NAME

#: Package-data names that become dotfiles in a workspace.
DOTTED = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml", "github": ".github"}
#: The folders of a workspace.
FOLDERS = ("params", "data", "templates", "output")
#: The example team of a new workspace.
EXAMPLE = ("exempelteam", "Exempelteamet")


def _skeleton_files() -> list[tuple[Path, bytes]]:
    """The files every workspace starts with, as (path in the workspace, content)."""
    root = resources.files("rapportlib").joinpath("templates", "workspace")
    found: list[tuple[Path, bytes]] = []

    def walk(node, parts: tuple[str, ...]) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = DOTTED.get(child.name, child.name) if not parts else child.name
            if child.is_dir():
                walk(child, (*parts, name))
            elif child.is_file() and child.name != "__init__.py":
                found.append((Path(*parts, name), child.read_bytes()))

    if root.is_dir():
        walk(root, ())
    return found


def _refuse_if_used(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError([Problem(str(folder), None, None, None, "en ny eller tom mapp (inget skrivs över)")])


def skeleton(folder: Path) -> list[Path]:
    """The workspace's folders and starting files; an existing file is left as it is."""
    written = []
    for name in FOLDERS:
        (folder / name).mkdir(parents=True, exist_ok=True)
    for relative, content in _skeleton_files():
        target = folder / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
    return written


def init(folder: Path, federation: str | None = None, example: bool = True) -> list[Path]:
    """``rapport init``: a new workspace in ``folder`` (new or empty), with one synthetic example
    team (template ``vasteras``, 2022) that renders as it is. Returns the files written."""
    from .demo.federation import write_team

    folder = Path(folder)
    federation = federation or "Samordningsförbundet"
    if contains(federation):
        raise InputError([Problem("--federation", None, None, None, IDENTITY_EXPECTED)])
    _refuse_if_used(folder)
    written = skeleton(folder)
    if example:
        slug, name = EXAMPLE
        written.append(write_team(folder, slug, name, federation, np.random.default_rng(7)))
    return written


def demo(folder: Path, teams: int) -> list[Path]:
    """``rapport demo``: a workspace (as ``rapport init`` makes one, without its example team) with
    ``teams`` synthetic teams; the teams' files are written again if they exist. Returns the
    params files."""
    from .demo import write_federation

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError([Problem(str(folder), None, None, None, "en mapp att skriva arbetsytan i")])
    skeleton(folder)
    return write_federation(folder, teams)


def describe_templates(templates: Templates) -> list[str]:
    """``rapport templates``: each template with where it comes from, in Swedish."""
    lines = []
    shadowed = {t.name for t in templates.shadowed()}
    for template in templates.listing():
        if template.origin == BUILTIN:
            where = "följer med rapport"
        else:
            where = "arbetsytans egen" + (" (ersätter den inbyggda)" if template.name in shadowed else "")
        lines.append(f"{template.name:<16} {where}: {template.notebook}")
    return lines or ["Inga mallar hittades."]


def copy_template(templates: Templates, name: str, root: Path | None = None) -> Path:
    """``rapport templates --copy NAME``: a copy of a built-in template in the workspace's
    ``templates/``, which from then on is used instead of the built-in one."""
    root = root or project_root()
    builtin = Templates((builtin_folder().resolve(),))
    if not TEMPLATE_NAME.fullmatch(name) or builtin.find(name) is None:
        expected = f"en av de inbyggda mallarna {', '.join(builtin.names())}"
        raise InputError([Problem("--copy", None, None, None if contains(name) else name, expected)])
    target = root / "templates" / f"{name}.ipynb"
    if target.exists():
        raise InputError([Problem(str(target), None, None, None, "en fil som inte redan finns (skrivs inte över)")])
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(builtin.find(name), target)
    return target

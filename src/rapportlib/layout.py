"""Where a workspace's files live: templates, params files, published output, private build.

A workspace (``rapport init``, or this repository) is the nearest folder upwards holding
``params/``. Its templates are found in its ``templates/`` (and ``notebooks/``) first, then among
rapportlib's own (:mod:`rapportlib.lookup`). Reports are published to
``output/<team>/<period>/``; the executed notebook and the render's stamp stay in
``build/<team>/<period>/``, which is never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .lookup import Templates

if TYPE_CHECKING:
    from .params import Params


@dataclass(frozen=True)
class Layout:
    """Where things live: the templates, the published output and the private build folder.

    ``templates`` may be given as one folder, searched before rapportlib's own templates."""

    templates: Templates
    output: Path
    build: Path

    def __post_init__(self):
        if not isinstance(self.templates, Templates):
            object.__setattr__(self, "templates", Templates.of(Path(self.templates)))

    @classmethod
    def default(cls, root: Path | None = None) -> Layout:
        root = root or project_root()
        return cls(Templates.for_workspace(root), root / "output", root / "build")

    def published(self, params: Params) -> Path:
        """The published folder of one report: ``output/<team>/<period>/``."""
        return self.output / params.team / params.period_slug

    def build_dir(self, params: Params) -> Path:
        """The private folder of one report: executed notebook, stamp, staging."""
        return self.build / params.team / params.period_slug


def project_root(start: Path | None = None) -> Path:
    """The workspace: the nearest folder upwards holding ``params/`` (else the working folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_workspace(folder):
            return folder
    return here


def is_workspace(folder: Path) -> bool:
    """A folder holding ``params/`` is a workspace (``rapport init`` makes one)."""
    return (folder / "params").is_dir()


def params_dir(root: Path | None = None) -> Path:
    """The folder of a project's params files."""
    return (root or project_root()) / "params"


def params_files(folder: Path) -> list[Path]:
    """Every params file (``*.yml``) under ``folder``, in a stable order."""
    return sorted(p for p in folder.rglob("*.yml") if p.is_file())


def all_params(root: Path | None = None) -> list[Path]:
    """Every params file under the project's ``params/``, in a stable order."""
    return params_files(params_dir(root))

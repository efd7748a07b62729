"""Where a project's files live: template notebooks, params files, published output, private build.

A project is the nearest folder upwards holding ``notebooks/`` and ``params/``. Reports are
published to ``output/<team>/<period>/``; the executed notebook and the render's stamp stay in
``build/<team>/<period>/``, which is never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .params import Params


@dataclass(frozen=True)
class Layout:
    """Where things live: the template notebooks, the published output and the private build folder."""

    notebooks: Path
    output: Path
    build: Path

    @classmethod
    def default(cls, root: Path | None = None) -> Layout:
        root = root or project_root()
        return cls(root / "notebooks", root / "output", root / "build")

    def published(self, params: Params) -> Path:
        """The published folder of one report: ``output/<team>/<period>/``."""
        return self.output / params.team / params.period_slug

    def build_dir(self, params: Params) -> Path:
        """The private folder of one report: executed notebook, stamp, staging."""
        return self.build / params.team / params.period_slug


def project_root(start: Path | None = None) -> Path:
    """The nearest folder upwards holding ``notebooks/`` and ``params/`` (else the working folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "params").is_dir():
            return folder
    return here


def params_dir(root: Path | None = None) -> Path:
    """The folder of a project's params files."""
    return (root or project_root()) / "params"


def params_files(folder: Path) -> list[Path]:
    """Every params file (``*.yml``) under ``folder``, in a stable order."""
    return sorted(p for p in folder.rglob("*.yml") if p.is_file())


def all_params(root: Path | None = None) -> list[Path]:
    """Every params file under the project's ``params/``, in a stable order."""
    return params_files(params_dir(root))

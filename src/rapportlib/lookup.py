"""Where template notebooks are found: a workspace's own folders first, then rapportlib's.

A workspace (made by ``rapport init``) keeps its local templates, and its own versions of the
built-in ones, in ``templates/``; a template there with a built-in template's name overrides it.
A source checkout of rapport keeps the built-in templates in ``notebooks/``; an installed package
carries them in ``rapportlib/templates/notebooks/`` (copied there when the package is built).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Where a template comes from, as ``rapport templates`` says it.
WORKSPACE = "arbetsytan"
BUILTIN = "rapport"

#: The folders of a workspace that hold templates, in the order they are searched.
WORKSPACE_FOLDERS = ("templates", "notebooks")


def builtin_folder() -> Path:
    """The template notebooks shipped with rapportlib: inside the installed package, or, when
    rapportlib runs from a source checkout (an editable install), the checkout's ``notebooks/``."""
    packaged = Path(__file__).parent / "templates" / "notebooks"
    if any(packaged.glob("*.ipynb")):
        return packaged
    return Path(__file__).resolve().parents[2] / "notebooks"


def _names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.ipynb") if p.is_file() and not p.stem.startswith(("_", ".")))


@dataclass(frozen=True)
class Template:
    """One template: its name (what a params file's ``template:`` says), notebook and origin."""

    name: str
    notebook: Path
    origin: str  # WORKSPACE or BUILTIN


@dataclass(frozen=True)
class Templates:
    """An ordered list of template folders; a name is looked up in each in turn and the first
    folder holding it wins. rapportlib's own folder is always searched last."""

    folders: tuple[Path, ...]

    @classmethod
    def of(cls, *folders: Path) -> Templates:
        """``folders`` first (in order), then rapportlib's templates; each folder once."""
        ordered: list[Path] = []
        for folder in (*folders, builtin_folder()):
            folder = Path(folder).resolve()
            if folder not in ordered:
                ordered.append(folder)
        return cls(tuple(ordered))

    @classmethod
    def for_workspace(cls, root: Path) -> Templates:
        """A workspace's ``templates/`` and ``notebooks/``, then rapportlib's templates."""
        return cls.of(*(root / name for name in WORKSPACE_FOLDERS))

    def listing(self) -> list[Template]:
        """Every template that a params file can name, with where it is found, by name."""
        builtin = builtin_folder().resolve()
        found: dict[str, Template] = {}
        for folder in self.folders:
            origin = BUILTIN if folder == builtin else WORKSPACE
            for name in _names(folder):
                found.setdefault(name, Template(name, folder / f"{name}.ipynb", origin))
        return [found[name] for name in sorted(found)]

    def names(self) -> list[str]:
        return [t.name for t in self.listing()]

    def find(self, name: str) -> Path | None:
        """The notebook of the template ``name`` (a plain name, checked by the caller), or None."""
        for folder in self.folders:
            if name in _names(folder):
                return folder / f"{name}.ipynb"
        return None

    def shadowed(self) -> list[Template]:
        """Built-in templates that a workspace template of the same name overrides."""
        listing = {t.name: t for t in self.listing()}
        builtin = builtin_folder().resolve()
        return [
            Template(name, builtin / f"{name}.ipynb", BUILTIN)
            for name in _names(builtin)
            if listing[name].origin == WORKSPACE
        ]

"""Template notebooks: each report template is one notebook, ``notebooks/<name>.ipynb``.

A template notebook has a ``parameters`` cell and calls :class:`rapportlib.report.Report`; the
sections it asks for with ``rep.text("section", "part")`` are the narrative files a team writes.
Adding a template is adding one notebook (see docs/maintainer.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import InputError, Problem
from .narrative import fill, narrative_dir, read_section

_TEXT_CALL = re.compile(r"""rep\.text\(\s*["']([^"']+)["']\s*(?:,\s*["']([^"']*)["']\s*)?\)""")


def available(notebooks: Path) -> list[str]:
    """Names of the templates in a notebooks folder."""
    return sorted(p.stem for p in notebooks.glob("*.ipynb") if not p.stem.startswith(("_", ".")))


def notebook_for(notebooks: Path, template: str, params_file: Path) -> Path:
    """The notebook of a template, or an :class:`InputError` naming the templates there are."""
    path = notebooks / f"{template}.ipynb"
    if not path.exists():
        raise InputError(
            [Problem(params_file.name, None, "template", template, f"en av mallarna {', '.join(available(notebooks))}")]
        )
    return path


def sections(notebook: Path) -> list[tuple[str, str]]:
    """The (section, part) pairs of narrative a template asks for, in order."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for match in _TEXT_CALL.finditer("".join(cell["source"])):
                pair = (match.group(1), match.group(2) or "")
                if pair not in found:
                    found.append(pair)
    return found


def check_narrative(params, indicators: dict, notebook: Path, final: bool) -> None:
    """Fill every part of every section file (so unknown placeholders are caught with file and line)
    and, for a final report, require every part the template asks for. Raises :class:`InputError`."""
    folder = narrative_dir(params.path, params.extra.get("narrative"))
    problems = []
    for path in sorted(folder.glob("*.md")):
        for part in (read_section(folder, path.stem) or {}).values():
            try:
                fill(part, indicators)
            except InputError as exc:
                problems += exc.problems
    if final:
        for section, part in sections(notebook):
            parts = read_section(folder, section)
            if parts is None or not (parts.get(part) and parts[part].text.strip()):
                where = f"{section}.md" + (f", del ”{part}”" if part else "")
                problems.append(Problem(where, None, None, None, "text (krävs i en slutlig rapport)"))
    if problems:
        raise InputError(problems)

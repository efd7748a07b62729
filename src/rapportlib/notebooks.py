"""Template notebooks: each report template is one notebook, ``<name>.ipynb``, found in a
workspace's ``templates/`` or among rapportlib's own (:mod:`rapportlib.lookup`).

A template notebook has a ``parameters`` cell and calls :class:`rapportlib.report.Report`; the
sections it asks for with ``rep.text("section", "part")`` are the narrative files a team writes.
Adding a template is adding one notebook (see docs/maintainer.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import InputError, Problem
from .identity import contains
from .lookup import Templates

_TEXT_CALL = re.compile(r"""rep\.text\(\s*["']([^"']+)["']\s*(?:,\s*["']([^"']*)["']\s*)?\)""")


def available(templates: Templates) -> list[str]:
    """Names of the templates a params file can choose."""
    return templates.names()


#: What a template's name may look like: a plain name, never a path (no ``/``, ``\\``, ``..``).
TEMPLATE_NAME = re.compile(r"[^\W_][\w-]{0,63}")


def notebook_for(templates: Templates | Path, template: str, params_file: Path) -> Path:
    """The notebook of a template named in the template set, or an :class:`InputError` naming the
    templates there are. A path (``../x``, ``/tmp/x``, ``a/b``) is refused before any file is looked
    at, so a params file can only choose among the templates' own notebooks."""
    if not isinstance(templates, Templates):
        templates = Templates.of(templates)
    valid = isinstance(template, str) and TEMPLATE_NAME.fullmatch(template)
    found = templates.find(template) if valid else None
    if found is not None:
        return found
    names = available(templates)  # listed for the message only (every folder read)
    choose = f"en av mallarna {', '.join(names)}" if names else "en mall i templates/"
    if not valid:
        shown = None if contains(str(template)) else str(template)
        expected = f"ett mallnamn, inte en sökväg: {choose}"
        raise InputError([Problem(params_file.name, None, "template", shown, expected)])
    raise InputError([Problem(params_file.name, None, "template", template, choose)])


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


_TABLE_CALL = re.compile(r"""rep\.table\(\s*["']([^"']+)["']((?:\s*,\s*["'][^"']*["'])*)\s*\)""")


def table_calls(notebook: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The tables a template shows, as (name, arguments) in order: what a report publishes."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for match in _TABLE_CALL.finditer("".join(cell["source"])):
                call = (match.group(1), tuple(re.findall(r"""["']([^"']*)["']""", match.group(2))))
                if call not in found:
                    found.append(call)
    return found

"""The page's CSS for a notebook open in JupyterLab: only the rules that style the report's own
elements, so that key figures, tables and charts are laid out as on the published page while
JupyterLab's own interface keeps its look.

One source: the rules are taken from ``templates/report.css`` by :func:`class_rules`. A rule is
kept when it only reaches elements the report marks with a class: every selector it keeps has a
class in its first compound selector (``.kpis``, ``table.rapport-table th``, ``.toc a``); bare
element selectors (``body``, ``h2``, ``main``, ``*``) are left out, and so are selectors naming
JupyterLab's or nbconvert's own classes (``.jp-…``, ``.prompt``, ``.anchor-link``). ``:root`` is
kept for its custom properties only (``--accent`` …), which the kept rules use. ``@media print``
is left out; other ``@media`` blocks keep what passes inside them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_FIRST_COMPOUND = re.compile(r"^[^\s>+~]+")
_FOREIGN = re.compile(r"\.(?:jp-[\w-]*|prompt|anchor-link)(?![\w-])")


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of a stylesheet without comments; an at-rule's body is its
    inner stylesheet."""
    found, i = [], 0
    while True:
        start = css.find("{", i)
        if start < 0:
            return found
        depth, j = 1, start + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        found.append((css[i:start].strip(), css[start + 1 : j - 1].strip()))
        i = j


def _own(selector: str) -> bool:
    """A selector reaches only the report's own elements (see the module docstring)."""
    first = _FIRST_COMPOUND.match(selector)
    return bool(first) and "." in first.group(0) and not _FOREIGN.search(selector)


def _rule(prelude: str, body: str) -> str | None:
    if prelude == ":root":
        props = [d.strip() for d in body.split(";") if d.strip().startswith("--")]
        return f":root {{ {'; '.join(props)}; }}" if props else None
    kept = [s.strip() for s in prelude.split(",") if _own(s.strip())]
    return f"{', '.join(kept)} {{ {body} }}" if kept else None


def class_rules(css: str) -> str:
    """The rules of ``css`` that style only elements marked with the report's classes, one a line."""
    lines = []
    for prelude, body in _blocks(_COMMENT.sub("", css)):
        if prelude.startswith("@media"):
            if "print" in prelude:
                continue
            inner = class_rules(body)
            if inner:
                lines.append(f"{prelude} {{\n{inner}}}")
        elif not prelude.startswith("@"):
            rule = _rule(prelude, body)
            if rule:
                lines.append(rule)
    return "".join(f"{line}\n" for line in lines)


@functools.cache
def notebook_style() -> str:
    """A ``<style>`` element with the page's class rules, for the title block in JupyterLab."""
    css = resources.files("rapportlib").joinpath("templates", "report.css").read_text(encoding="utf-8")
    return f"<style>\n{class_rules(css)}</style>"

"""The page templates shipped with rapportlib (``rapportlib/templates/``: CSS and the Typst page)."""

from __future__ import annotations

from importlib import resources


def page_template(name: str) -> str:
    """The text of one page template, e.g. ``report.css`` or ``report.typ``."""
    return resources.files("rapportlib").joinpath("templates", name).read_text(encoding="utf-8")

"""The page templates shipped with rapportlib (``rapportlib/templates/``: CSS and the Typst page),
and the document title both pages carry."""

from __future__ import annotations

from importlib import resources


def page_template(name: str) -> str:
    """The text of one page template, e.g. ``report.css`` or ``report.typ``."""
    return resources.files("rapportlib").joinpath("templates", name).read_text(encoding="utf-8")


def document_title(meta: dict) -> str:
    """The title of a report's HTML page and PDF (its metadata, what a screen reader announces):
    the report's heading and its period, from the title block's metadata (``title``, or else
    "Verksamhetsrapport" and the team; ``period``)."""
    if meta.get("title"):  # kind, team and period, as the title block words them
        return meta["title"]
    heading = f"Verksamhetsrapport {meta.get('team', '')}".strip()
    period = meta.get("period", "")
    return f"{heading}, {period}" if period else heading

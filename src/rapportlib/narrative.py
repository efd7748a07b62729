"""The team's own text: one Markdown file per report section, with figures bound to indicators.

A section file lives in the narrative folder beside the params file (``params/avesta/2021-22/``
for ``params/avesta/2021-22.yml``, or the folder named by ``narrative:`` in the params file).
Its parts are level-2 headings (``## Beskrivning``, ``## Analys``, ``## Reflektion``); text before
the first heading is the part ``""``. Figures enter the text through placeholders bound to the
indicators, formatted the Swedish way::

    Under perioden skrevs {{ flows.new }} deltagare in; {{ outcomes.in_goal_share }} gick i mål.
    Genomströmningstiden var {{ throughput.months.all }} ({{ throughput.months.all | tal1 }} månader).

An unknown placeholder is an error naming the file and line. Numbers typed by hand in the text are
listed for review (``hand_typed_numbers``): every published figure should come from the data.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from . import fmt
from .errors import InputError, Problem

PLACEHOLDER = re.compile(r"\{\{\s*([^|{}]+?)\s*((?:\|\s*[^|{}\s]+\s*)*)\}\}")
_PART = re.compile(r"^##\s+(.+?)\s*$")
_NUMBER = re.compile(r"(?<![\w.,])\d[\d\u00a0 ]*(?:[.,]\d+)?(?!\w)")
# Not figures: ISO dates, year spans (2021/22, 2021–2022), and digits that belong to a name (Covid-19).
_NOT_FIGURES = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b(?:19|20)\d\d\s*[/–-]\s*(?:(?:19|20)?\d\d)\b|[A-Za-zÅÄÖåäö]+-\d+")
_YEAR = re.compile(r"^(19|20)\d\d$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

FORMATS = {
    "antal": lambda v: fmt.number(v),
    "heltal": lambda v: fmt.number(v),
    "tal1": lambda v: fmt.number(v, 1),
    "tal2": lambda v: fmt.number(v, 2),
    "procent": lambda v: fmt.percent(v),
    "procent0": lambda v: fmt.percent(v, 0),
    "mån": lambda v: fmt.months(v),
    "mån0": lambda v: fmt.MISSING if v is None else f"{fmt.number(v)}{fmt.NBSP}mån",
    "år": lambda v: fmt.years(v),
    "år0": lambda v: fmt.years(v, 0),
    "kr": lambda v: fmt.kronor(v),
    "text": lambda v: "–" if v is None else str(v),
}


@dataclass(frozen=True)
class Part:
    """One part of a section file: its heading, its text and where the text starts."""

    title: str
    text: str
    file: Path
    first_line: int


def narrative_dir(params_path: Path, configured: str | None) -> Path:
    """The folder holding a report's section files."""
    if configured:
        return (params_path.parent / str(configured)).resolve()
    return params_path.with_suffix("")


def read_section(folder: Path, name: str) -> dict[str, Part] | None:
    """The parts of ``<folder>/<name>.md`` keyed by heading (``""`` for text before any heading),
    or ``None`` when the file does not exist."""
    path = folder / f"{name}.md"
    if not path.exists():
        return None
    parts: dict[str, Part] = {}
    title, lines, start = "", [], 1
    # HTML comments are notes to the writer: blanked out (keeping line numbers), never published.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"))
    for number, line in enumerate(text.splitlines(), start=1):
        match = _PART.match(line)
        if match:
            if "".join(lines).strip() or title:
                parts[title] = Part(title, "\n".join(lines).strip(), path, start)
            title, lines, start = match.group(1), [], number + 1
        else:
            lines.append(line)
    if "".join(lines).strip() or title:
        parts[title] = Part(title, "\n".join(lines).strip(), path, start)
    return parts


def _lookup(indicators: dict, key: str):
    value = indicators
    for piece in key.split("."):
        if isinstance(value, dict) and piece in value:
            value = value[piece]
        elif isinstance(value, list) and piece.lstrip("-").isdigit() and -len(value) <= int(piece) < len(value):
            value = value[int(piece)]
        else:
            raise KeyError(key)
    if isinstance(value, (dict, list)):
        raise KeyError(key)
    return value


def known_keys(indicators: dict, prefix: str = "") -> list[str]:
    """Every placeholder key that names a single figure."""
    keys = []
    for k, v in indicators.items():
        path = f"{prefix}{k}"
        if isinstance(v, dict):
            keys += known_keys(v, f"{path}.")
        elif isinstance(v, list):
            for i, item in enumerate(v):
                if isinstance(item, dict):
                    keys += known_keys(item, f"{path}.{i}.")
        else:
            keys.append(path)
    return keys


def _kind(key: str) -> str:
    """What a figure is, from where it sits in the indicators: share, months, years, kronor or count."""
    parts = key.split(".")
    last = parts[-1]
    if last in ("n", "count", "persons", "matched", "reached", "not_reached") or last.startswith(
        ("n_", "sources_", "missing_")
    ):
        return "count"
    if "share" in last or "shares" in parts or last.endswith("_pct"):
        return "share"
    if parts[0] == "goals":
        return "months" if parts[1:2] == ["payback_months"] else "share"
    if last == "turnover":
        return "ratio"
    if parts[0] == "throughput" or last in ("months", "max_months"):
        return "months"
    if parts[0] == "benefit_years":
        return "years"
    if parts[0] == "age":
        return "age" if last in ("min", "max") else "years"
    if parts[0] in ("budget", "economy_plan") or "cost" in last or "reduction" in key or last == "period_cost":
        return "kronor"
    return "count"


def default_format(key: str, value) -> str:
    """How a figure is written when the placeholder names no format: shares as per cent, months,
    years and kronor with their unit, counts as whole numbers (decimals kept where there are any)."""
    if value is None:
        return fmt.MISSING
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, str):
        return value
    kind = _kind(key)
    if kind == "share":
        return fmt.percent(value)
    if kind == "months":
        return fmt.months(value)
    if kind == "years":
        return fmt.years(value)
    if kind == "age":
        return fmt.years(value, 0)
    if kind == "kronor":
        return fmt.kronor(value)
    if kind == "ratio":
        return fmt.number(value, 2)
    if isinstance(value, int) or float(value).is_integer():
        return fmt.number(value)
    return fmt.number(value, 1)


def fill(part: Part, indicators: dict) -> str:
    """The part's text with every placeholder replaced by its formatted figure; raises
    :class:`InputError` naming file and line for each unknown placeholder or format."""
    problems, keys = [], None
    out_lines = []
    for offset, line in enumerate(part.text.splitlines()):
        number = part.first_line + offset

        def replace(match, number=number):
            nonlocal keys
            key = match.group(1).strip()
            filters = [f.strip() for f in match.group(2).split("|") if f.strip()]
            try:
                value = _lookup(indicators, key)
            except KeyError:
                keys = keys or known_keys(indicators)
                close = difflib.get_close_matches(key, keys, n=1)
                hint = f"; menar du {{{{ {close[0]} }}}}?" if close else ""
                problems.append(Problem(part.file.name, number, None, match.group(0), f"en känd indikator{hint}"))
                return match.group(0)
            if "abs" in filters:  # "the deficit was {{ budget.total.remaining | abs }}"
                filters.remove("abs")
                value = None if value is None else abs(value)
            if len(filters) > 1 or any(f not in FORMATS for f in filters):
                problems.append(
                    Problem(
                        part.file.name, number, None, match.group(0), f"ett känt format: {', '.join(FORMATS)} (och abs)"
                    )
                )
                return match.group(0)
            return FORMATS[filters[0]](value) if filters else default_format(key, value)

        out_lines.append(PLACEHOLDER.sub(replace, line))
    if problems:
        raise InputError(problems)
    return "\n".join(out_lines)


def hand_typed_numbers(part: Part) -> list[tuple[str, int, str]]:
    """Numbers written in the text itself rather than through placeholders, as (file, line, number).
    Four-digit years (1900–2099) are left out: they name periods, not figures."""
    found = []
    for offset, line in enumerate(part.text.splitlines()):
        text = _NOT_FIGURES.sub(" ", PLACEHOLDER.sub(" ", line))
        for match in _NUMBER.finditer(text):
            number = match.group(0).strip()
            if not _YEAR.match(number):
                found.append((part.file.name, part.first_line + offset, number))
    return found

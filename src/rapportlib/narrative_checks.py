"""What a final report refuses in the team's text, and the same list as warnings for a draft.

Pure functions of a narrative folder, the (section, part) pairs a template asks for
(:func:`rapportlib.notebooks.sections`) and the published indicators (after small-count
protection, :func:`rapportlib.privacy.protect`). Each problem names the file and the file's own
line number. :func:`final_problems` lists four kinds:

1. a part the template asks for with no file, no heading or no text;
2. a number typed by hand in a published part. Not counted: placeholders, literal placeholders
   (``{{ "0771-524 600" }}``: the writer's mark for a number meant as typed), years 1900–2099 and
   year spans (2021/22), ISO dates, digits in a word (Covid-19), link addresses and the numbers of
   Markdown list items and headings (see :func:`rapportlib.narrative.hand_typed_numbers`);
3. a placeholder whose figure is hidden by small-count protection: it would read "–";
4. an unknown placeholder or format, in any section file of the folder (with the closest key).

:func:`draft_warnings` lists kinds 1–3 for a draft (which publishes them: a "Text saknas" box,
the number as typed, "–"); kind 4 stops a draft too (:func:`unknown_placeholders`).
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, Problem
from .narrative import Part, hand_typed_numbers, placeholders, read_section, value_of

Wanted = list[tuple[str, str]]

_FINAL = "godtas inte i en slutlig rapport"
_DRAFT = "godtas i ett utkast men inte i en slutlig rapport"


def final_problems(folder: Path, wanted: Wanted, indicators: dict) -> list[Problem]:
    """Everything a final report refuses in the text of ``folder``: missing texts, numbers typed by
    hand, hidden figures and unknown placeholders, ordered by file and line. Empty: the text may
    be published."""
    problems = missing_texts(folder, wanted) + unknown_placeholders(folder, indicators)
    problems += _published_problems(folder, wanted, indicators, final=True)
    return _in_order(problems)


def draft_warnings(folder: Path, wanted: Wanted, indicators: dict) -> list[Problem]:
    """What a draft accepts but a final report refuses (missing texts, numbers typed by hand,
    hidden figures), as warnings with file and line, ordered by file and line."""
    problems = missing_texts(folder, wanted, final=False)
    problems += _published_problems(folder, wanted, indicators, final=False)
    return _in_order(problems)


def check_narrative(folder: Path, wanted: Wanted, indicators: dict, final: bool) -> None:
    """The check every render makes today: unknown placeholders in any file, and for a final report
    the missing texts. Raises :class:`InputError`. (Numbers typed by hand and hidden figures are
    refused by :func:`final_problems`.)"""
    problems = unknown_placeholders(folder, indicators)
    if final:
        problems += missing_texts(folder, wanted)
    if problems:
        raise InputError(problems)


def missing_texts(folder: Path, wanted: Wanted, final: bool = True) -> list[Problem]:
    """Each (section, part) with no file, no ``## part`` heading or nothing written under it; the
    line is the heading's when there is one."""
    problems = []
    for section, name in wanted:
        parts = read_section(folder, section)
        part = None if parts is None else parts.get(name)
        if part is not None and part.text.strip():
            continue
        where = f"{section}.md" + (f", del ”{name}”" if name else "")
        if parts is None:
            why, line = "filen finns inte", None
        elif part is None:
            why, line = f"rubriken ”## {name}” finns inte i filen" if name else "ingen text före första rubriken", None
        else:
            why, line = "inget är skrivet under rubriken", part.heading_line or None
        note = "krävs i en slutlig rapport" if final else "saknas; krävs i en slutlig rapport"
        problems.append(Problem(where, line, None, None, f"text ({note}): {why}"))
    return problems


def unknown_placeholders(folder: Path, indicators: dict) -> list[Problem]:
    """Every placeholder naming no figure, or an unknown format, in any section file of the folder."""
    problems = []
    for part in _all_parts(folder):
        for ph in placeholders(part):
            if ph.key is not None:
                value = value_of(ph, indicators)
                if isinstance(value, Problem):
                    problems.append(value)
    return problems


def hidden_placeholders(part: Part, indicators: dict, final: bool = True) -> list[Problem]:
    """Placeholders of a part whose figure small-count protection has hidden (see :func:`is_hidden`)."""
    threshold = indicators.get("privacy", {}).get("threshold", 5)
    problems = []
    for ph in placeholders(part):
        if ph.key is not None and value_of(ph, indicators) is None and is_hidden(ph.key, indicators):
            problems.append(
                Problem(
                    ph.file,
                    ph.line,
                    None,
                    ph.source,
                    f"en siffra som får publiceras; den här döljs av skyddet för små tal (färre än "
                    f"{threshold} personer) och skulle stå som ”–”: skriv meningen utan den "
                    f"({_FINAL if final else _DRAFT})",
                )
            )
    return problems


def is_hidden(key: str, indicators: dict) -> bool:
    """Whether a figure (whose value is ``None``) was hidden by small-count protection: its path or a
    parent path is in ``privacy.suppressed``, or (in a cell of a table, three levels or more) a
    figure beside it is, as a share is hidden with the count it is computed from."""
    suppressed = indicators.get("privacy", {}).get("suppressed", [])
    parent = key.rpartition(".")[0]
    for path in suppressed:
        if key == path or key.startswith(f"{path}."):
            return True
        if parent.count(".") >= 1 and path.startswith(f"{parent}."):
            return True
    return False


def typed_numbers(part: Part, final: bool = True) -> list[Problem]:
    """The numbers typed by hand in a part, as problems with file and line."""
    how = 'ett tal från en platshållare, {{ nyckel }}, eller markerat som avsiktligt: {{ "%s" }}'
    return [
        Problem(file, line, None, number, f"{how % number} ({_FINAL if final else _DRAFT})")
        for file, line, number in hand_typed_numbers(part)
    ]


def _published_problems(folder: Path, wanted: Wanted, indicators: dict, final: bool) -> list[Problem]:
    """Numbers typed by hand and hidden figures in the parts the template publishes."""
    problems = []
    for part in _wanted_parts(folder, wanted):
        problems += typed_numbers(part, final) + hidden_placeholders(part, indicators, final)
    return problems


def _wanted_parts(folder: Path, wanted: Wanted) -> list[Part]:
    found = []
    for section, name in wanted:
        part = (read_section(folder, section) or {}).get(name)
        if part is not None and part not in found:
            found.append(part)
    return found


def _all_parts(folder: Path) -> list[Part]:
    return [part for path in sorted(folder.glob("*.md")) for part in (read_section(folder, path.stem) or {}).values()]


def _in_order(problems: list[Problem]) -> list[Problem]:
    """By file, then line (a problem without a line first), keeping the order within a line."""
    return sorted(problems, key=lambda p: (p.file.split(",")[0], p.row or 0))

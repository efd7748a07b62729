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
3. a placeholder whose figure is hidden by small-count protection: it would read "ett antal som inte
   redovisas" or the like (:func:`rapportlib.narrative.hidden_words`); the problem quotes the sentence;
4. an unknown placeholder or format, in any section file of the folder (with the closest key).

:func:`draft_warnings` lists kinds 1–3 for a draft (which publishes them: a "Text saknas" box,
the number as typed, the hidden figure in words); kind 4 stops a draft too (:func:`unknown_placeholders`).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError, Problem
from .hidden import is_hidden
from .narrative import (
    FORMATS,
    Part,
    default_format,
    hand_typed_numbers,
    hidden_words,
    placeholders,
    read_section,
    value_of,
)

__all__ = ["check_narrative", "draft_warnings", "final_problems", "is_hidden", "rounding_warnings", "sentence_of"]

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
    """Placeholders of a part whose figure small-count protection has hidden (see :func:`is_hidden`),
    each with the sentence it stands in and the words it would read as."""
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
                    f"en siffra som får publiceras; den här döljs av skyddet för små tal (grupper med färre än "
                    f"{threshold} personer) och skulle stå som ”{hidden_words(ph.key, indicators)}” i meningen "
                    f"”{sentence_of(part, ph.line, ph.source)}”: skriv om meningen utan den "
                    f"({_FINAL if final else _DRAFT})",
                )
            )
    return problems


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ0-9{\"”(])")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#)")


def sentence_of(part: Part, line: int, source: str, limit: int = 240) -> str:
    """The sentence of ``part`` in which the placeholder ``source`` on file line ``line`` stands, as
    the writer wrote it (placeholders unfilled), on one line; long sentences are shortened around it."""
    lines = part.lines()
    at = next((i for i, (n, _) in enumerate(lines) if n == line), None)
    if at is None:
        return source
    lo = at  # the paragraph (or list item) holding the line
    while lo > 0 and lines[lo - 1][1].strip() and not _BLOCK_START.match(lines[lo][1]):
        lo -= 1
    hi = at
    while hi + 1 < len(lines) and lines[hi + 1][1].strip() and not _BLOCK_START.match(lines[hi + 1][1]):
        hi += 1
    before = " ".join(text.strip() for _, text in lines[lo:at])
    here = lines[at][1].strip()
    paragraph = " ".join(text.strip() for _, text in lines[lo : hi + 1])
    offset = len(before) + (1 if before else 0) + max(here.find(source), 0)
    start, sentence = 0, None
    for match in _SENTENCE_END.finditer(paragraph):
        if match.end() > offset:
            sentence = paragraph[start : match.start()]
            break
        start = match.end()
    sentence = (paragraph[start:] if sentence is None else sentence).strip()
    if len(sentence) > limit:
        first = max(0, max(sentence.find(source), 0) - limit // 2)
        sentence = ("…" if first else "") + sentence[first : first + limit].strip() + "…"
    return sentence


_FIGURE = re.compile(r"[−-]?\d+(?:[\u00a0 ]\d{3})*(?:,\d+)?")


def rounding_warnings(folder: Path, wanted: Wanted, indicators: dict) -> list[Problem]:
    """Placeholders whose format rounds a figure otherwise than the tables and the cover do
    (``{{ goals.arbete.outcome | procent0 }}`` gives 9 % where the table shows 9,1 %): warnings, so
    that each figure reads the same everywhere (see :mod:`rapportlib.fmt`)."""
    problems = []
    for part in _wanted_parts(folder, wanted):
        for ph in placeholders(part):
            formats = [f for f in ph.filters if f != "abs"]
            if ph.key is None or not formats or formats[0] in ("text", "inga", "ingen"):
                continue
            value = value_of(ph, indicators)
            if value is None or isinstance(value, (Problem, bool, str)):
                continue
            written, ruled = FORMATS[formats[0]](value), default_format(ph.key, value)
            if _FIGURE.findall(written)[:1] != _FIGURE.findall(ruled)[:1]:
                problems.append(
                    Problem(
                        ph.file,
                        ph.line,
                        None,
                        ph.source,
                        f"samma avrundning som i tabellerna: formatet {formats[0]} ger ”{written}” men tabellerna "
                        f"”{ruled}”; skriv {{{{ {ph.key} }}}}",
                    )
                )
    return problems


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

"""The team's own text: one Markdown file per report section, with figures bound to indicators.

A section file lives in the narrative folder beside the params file (``params/avesta/2021-22/``
for ``params/avesta/2021-22.yml``, or the folder named by ``narrative:`` in the params file).
Its parts are level-2 headings (``## Beskrivning``, ``## Analys``, ``## Reflektion``); text before
the first heading is the part ``""``. Figures enter the text through placeholders bound to the
indicators, formatted the Swedish way::

    Under perioden skrevs {{ flows.new }} deltagare in; {{ outcomes.in_goal_share }} gick i mål.
    Genomströmningstiden var {{ throughput.months.all }} ({{ throughput.months.all | tal1 }} månader).

Without a format a figure is rounded as in the tables and on the cover (:mod:`rapportlib.fmt`:
62,5 %, 16,8 månader, 38 år, whole counts), so that it reads the same everywhere; a format that
rounds otherwise is a warning. A unit typed right after a placeholder replaces the figure's own
(``{{ capacity.max_months }} månader`` reads "12 månader", once). Dates read as words ("30 juni
2022"). A count can read "inga"/"ingen" at zero (``| inga``). A figure hidden by small-count
protection reads as words ("ett antal som inte redovisas"), a missing one as "uppgift saknas",
never as a bare symbol; both are listed with their sentence for the writer to rewrite.

A literal placeholder, ``{{ "0771-524 600" }}`` or ``{{ 'SFS 2018:1937' }}``, renders the quoted text
unchanged: it marks a number the writer means to type (a phone number, a law, a date written
another way) so that it is not taken for a figure typed by hand.

An unknown placeholder is an error naming the file and line. Numbers typed by hand in the text are
listed for review (``hand_typed_numbers``): every published figure should come from the data. What
a final report refuses is decided in :mod:`rapportlib.narrative_checks`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from . import fmt, identity
from .errors import IDENTITY_EXPECTED, NAME_EXPECTED, InputError, Problem
from .hidden import is_hidden
from .limits import MAX_NARRATIVE_BYTES, TooLarge, read_bytes, size

PLACEHOLDER = re.compile(r"\{\{\s*(?P<key>[^|{}]+?)\s*(?P<filters>(?:\|\s*[^|{}\s]+\s*)*)\}\}")
#: ``{{ "text" }}`` or ``{{ 'text' }}``: the quoted text, unchanged (a number the writer means to type).
LITERAL = re.compile(r"""\{\{\s*(?:"(?P<dq>[^"\n]*)"|'(?P<sq>[^'\n]*)')\s*\}\}""")
_TOKEN = re.compile(f"{LITERAL.pattern}|{PLACEHOLDER.pattern}")
_PART = re.compile(r"^##\s+(.+?)\s*$")
# A figure: digits, thousands grouped by (no-break) spaces, an optional decimal part; not inside a word.
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[\u00a0 ]\d{3})+|\d+)(?:[.,]\d+)?(?!\w)")
# Not figures: ISO dates, year spans (2021/22, 2021–2022), and digits that belong to a name (Covid-19).
_NOT_FIGURES = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b(?:19|20)\d\d\s*[/–-]\s*(?:(?:19|20)?\d\d)\b|[^\W\d_]+-\d+")
# Not figures either: link addresses, and the numbering of a Markdown list item or heading (``1.``, ``### 2.1``).
_NOT_TEXT = re.compile(r"https?://\S+|www\.\S+|\]\([^)]*\)|^\s*\d{1,3}[.)](?=\s)|^\s*#{1,6}\s+\d+(?:\.\d+)*\.?(?=\s)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)

FORMATS = {
    "antal": lambda v: fmt.number(v),
    "heltal": lambda v: fmt.number(v),
    "tal1": lambda v: fmt.number(v, 1),
    "tal2": lambda v: fmt.number(v, 2),
    "procent": lambda v: fmt.percent(v),
    "procent0": lambda v: fmt.percent(v, 0),
    "mån": lambda v: fmt.months(v),
    "mån0": lambda v: f"{fmt.number(v)}{fmt.NBSP}mån",
    "år": lambda v: fmt.years(v),
    "år0": lambda v: fmt.years(v, 0),
    "kr": lambda v: fmt.kronor(v),
    "text": str,
    # A count whose zero reads as a word: "och {{ flows.early_dropouts | inga }} av dem avbröt" → "och inga av dem".
    "inga": lambda v: "inga" if v == 0 else fmt.number(v),
    "ingen": lambda v: "ingen" if v == 0 else fmt.number(v),
}


@dataclass(frozen=True)
class Part:
    """One part of a section file: its heading, its text and where they are in the file.

    ``first_line`` is the file's line number of the text's first line (leading blank lines are not
    part of the text); ``heading_line`` is the line of the ``## heading`` (0 for the text before any
    heading)."""

    title: str
    text: str
    file: Path
    first_line: int
    heading_line: int = 0

    def lines(self) -> list[tuple[int, str]]:
        """The text's lines with their line numbers in the file."""
        return [(self.first_line + i, line) for i, line in enumerate(self.text.splitlines())]


def narrative_dir(params_path: Path, configured: str | None) -> Path:
    """The folder holding a report's section files."""
    if configured:
        return (params_path.parent / str(configured)).resolve()
    return params_path.with_suffix("")


def _part(title: str, lines: list[str], path: Path, start: int, heading_line: int) -> Part:
    while lines and not lines[0].strip():  # the text starts at its first written line
        lines, start = lines[1:], start + 1
    return Part(title, "\n".join(lines).strip(), path, start, heading_line)


def section_text(path: Path) -> str:
    """The text of a section file, checked: a regular file of at most
    :data:`~rapportlib.limits.MAX_NARRATIVE_BYTES`, UTF-8 (a BOM is dropped; any other encoding
    is refused at the line of its first byte that is not UTF-8, never guessed), and no identity
    number in its name or on any line (comments included). Raises :class:`InputError`."""
    name = identity.redact(path.name)

    def refused(expected: str, line: int | None = None) -> InputError:
        return InputError([Problem(name, line, None, None, expected)])

    if identity.contains(path.name):
        raise refused(NAME_EXPECTED)
    if not path.is_file():
        raise refused("en textfil (.md), inte en mapp eller en enhet")
    try:
        raw = read_bytes(path, MAX_NARRATIVE_BYTES)
        text = raw.decode("utf-8-sig")
    except TooLarge:
        raise refused(f"en textfil på högst {size(MAX_NARRATIVE_BYTES)}") from None
    except OSError as exc:
        raise refused(f"en fil som går att läsa ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        bad = bytes(exc.object)  # without a BOM: exc.start counts from there
        line = bad[: exc.start].count(b"\n") + 1
        byte = f"byte 0x{bad[exc.start]:02X}"
        raise refused(f"text i UTF-8 ({byte} är inte UTF-8; spara filen som UTF-8)", line) from None
    found = [n for n, line in enumerate(text.splitlines(), start=1) if identity.contains(line)]
    if found:
        raise InputError([Problem(name, n, None, None, IDENTITY_EXPECTED) for n in found])
    return text


def read_section(folder: Path, name: str) -> dict[str, Part] | None:
    """The parts of ``<folder>/<name>.md`` keyed by heading (``""`` for text before any heading),
    or ``None`` when the file does not exist. The file is read by :func:`section_text`, which
    raises :class:`InputError` for a file that may not be read or published."""
    path = folder / f"{name}.md"
    if not path.exists():
        return None
    parts: dict[str, Part] = {}
    title, lines, start, heading = "", [], 1, 0
    # HTML comments are notes to the writer: blanked out (keeping line numbers), never published.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), section_text(path))
    for number, line in enumerate(text.splitlines(), start=1):
        match = _PART.match(line)
        if match:
            if "".join(lines).strip() or title:
                parts[title] = _part(title, lines, path, start, heading)
            title, lines, start, heading = match.group(1), [], number + 1, number
        else:
            lines.append(line)
    if "".join(lines).strip() or title:
        parts[title] = _part(title, lines, path, start, heading)
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
    """What a figure is, from where it sits in the indicators: a count, a share, a relative change,
    a share or a number of months the team sets, months, years, an age, kronor, full-time
    equivalents or a ratio."""
    parts = key.split(".")
    if parts[0] == "predecessor" and len(parts) > 1:  # a plan's predecessor: its figures as in a report
        parts = parts[1:]
    last = parts[-1]
    if parts[0] == "previous" and len(parts) > 1:  # as the figure it is of; a change with its sign
        kind = _kind(".".join(parts[2:] if parts[1] == "change" else parts[1:]))
        return {"share": "points", "months": "change_months"}.get(kind, "signed") if parts[1] == "change" else kind
    if last in ("n", "count", "persons", "matched", "reached", "not_reached") or last.startswith(
        ("n_", "sources_", "missing_")
    ):
        return "count"
    if last.endswith("_pct"):
        return "change"
    if parts[0] == "goals" or last == "share_of_cost":
        if parts[0] == "goals" and last == "outcome":
            return "months" if parts[1:2] == ["payback_months"] else "share"
        return "set_months" if parts[1:2] == ["payback_months"] else "set_share"
    if "share" in last or "shares" in parts:
        return "share"
    if last == "turnover":
        return "ratio"
    if last == "max_months":
        return "set_months"
    if parts[0] == "throughput" or last == "months":
        return "months"
    if parts[0] == "benefit_years":
        return "years"
    if parts[0] == "age":
        return "age"
    if parts[0] == "staff":
        return "fte"
    if parts[0] == "budget_plan":
        return "tkr"
    if parts[0] in ("budget", "economy_plan") or "cost" in last or "reduction" in key or last == "period_cost":
        return "kronor"
    return "count"


#: Each kind of figure in running text: the tables' rounding (:mod:`rapportlib.fmt`), units in full
#: where a table abbreviates them (16,8 månader).
_IN_TEXT = {
    "count": fmt.number,
    "share": fmt.percent,
    "change": fmt.change,
    "set_share": fmt.set_share,
    "set_months": lambda v: fmt.duration(v),
    "months": lambda v: f"{fmt.number(v, 1)}{fmt.NBSP}månader",
    "years": fmt.years,
    "age": fmt.age,
    "kronor": fmt.kronor,
    "tkr": fmt.tkr,
    "fte": fmt.fte,
    "ratio": fmt.ratio,
    "signed": fmt.signed,
    "points": fmt.points,
    "change_months": lambda v: fmt.signed(v, 1, "månader"),
}

#: What a hidden figure reads as in a sentence, by kind. A hidden count or share may be hidden
#: because it would reveal a small one, not because it is small itself: only a mean (of months,
#: years or an age) is known to be of fewer persons than the threshold.
_HIDDEN_WORDS = {
    "count": "ett antal som inte redovisas",
    "share": "en andel som inte redovisas",
    "change": "en förändring som inte redovisas",
    **dict.fromkeys(("signed", "points", "change_months"), "en förändring som inte redovisas"),
}
_HIDDEN_MEAN = "ett värde som inte redovisas eftersom det bygger på färre än {threshold} personer"
MISSING_WORDS = "uppgift saknas"


def hidden_words(key: str, indicators: dict) -> str:
    """What a figure that small-count protection hides reads as in a sentence: never a bare dash."""
    kind = _kind(key)
    if kind in ("months", "years", "age"):
        return _HIDDEN_MEAN.format(threshold=indicators.get("privacy", {}).get("threshold", 5))
    return _HIDDEN_WORDS.get(kind, "en uppgift som inte redovisas")


def default_format(key: str, value) -> str:
    """How a figure is written when the placeholder names no format: as the tables round it (counts
    as whole numbers, shares with one decimal, months with one decimal, ages in whole years; see
    :mod:`rapportlib.fmt`), with its unit."""
    if value is None:
        return MISSING_WORDS
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, str):  # a date in words (30 juni 2022); other text as it is
        return fmt.long_date(value) if _ISO_DATE.match(value) else value
    return _IN_TEXT[_kind(key)](value)


@dataclass(frozen=True)
class Placeholder:
    """One ``{{ … }}`` in a part: where it is, and either a literal text or a key with its formats."""

    file: str
    line: int
    source: str
    key: str | None  # None for a literal
    filters: tuple[str, ...] = ()
    literal: str | None = None


def _placeholder(match: re.Match, file: str, line: int) -> Placeholder:
    literal = match.group("dq") if match.group("dq") is not None else match.group("sq")
    if literal is not None:
        return Placeholder(file, line, match.group(0), None, (), literal)
    filters = tuple(f.strip() for f in match.group("filters").split("|") if f.strip())
    return Placeholder(file, line, match.group(0), match.group("key").strip(), filters)


def placeholders(part: Part) -> list[Placeholder]:
    """Every placeholder of a part, literal ones included, in reading order."""
    return [
        _placeholder(match, part.file.name, number) for number, line in part.lines() for match in _TOKEN.finditer(line)
    ]


def value_of(ph: Placeholder, indicators: dict, keys: list[str] | None = None):
    """The value a placeholder names (``abs`` applied), or a :class:`Problem` saying what was
    expected. ``keys`` (:func:`known_keys`) is computed when needed for a suggestion."""
    if ph.key.startswith(("'", '"')):
        return Problem(ph.file, ph.line, None, ph.source, 'citerad text utan format: {{ "0771-524 600" }}')
    try:
        value = _lookup(indicators, ph.key)
    except KeyError:
        close = difflib.get_close_matches(ph.key, known_keys(indicators) if keys is None else keys, n=1)
        hint = f"; menar du {{{{ {close[0]} }}}}?" if close else ""
        return Problem(ph.file, ph.line, None, ph.source, f"en känd indikator{hint}")
    formats = [f for f in ph.filters if f != "abs"]
    if len(formats) > 1 or any(f not in FORMATS for f in formats):
        return Problem(ph.file, ph.line, None, ph.source, f"ett känt format: {', '.join(FORMATS)} (och abs)")
    if "abs" in ph.filters and value is not None:  # "the deficit was {{ budget.total.remaining | abs }}"
        value = abs(value)
    return value


def _text(ph: Placeholder, indicators: dict, keys: list[str] | None = None):
    """The text a placeholder renders as, or a :class:`Problem`."""
    if ph.literal is not None:
        return ph.literal
    value = value_of(ph, indicators, keys)
    if isinstance(value, Problem):
        return value
    if value is None:  # in words, never a bare symbol
        return hidden_words(ph.key, indicators) if is_hidden(ph.key, indicators) else MISSING_WORDS
    formats = [f for f in ph.filters if f != "abs"]
    return FORMATS[formats[0]](value) if formats else default_format(ph.key, value)


#: A unit a figure carries (``16,8 mån``, ``62,5 %``), and the words for it a writer may type after
#: the placeholder: the figure then drops its own, so that the unit stands once.
_UNIT = re.compile(r"\u00a0(?:mån|månader|månad|år|kr|%)$")
_UNIT_AFTER = re.compile(r"\s*(?:mån\b|månad|år\b|kr\b|kronor\b|%|procent\b)", re.IGNORECASE)


def _unit_once(text: str, after: str) -> str:
    """``text`` without its unit when the writer wrote a unit right after the placeholder."""
    return _UNIT.sub("", text) if _UNIT.search(text) and _UNIT_AFTER.match(after) else text


def fill(part: Part, indicators: dict) -> str:
    """The part's text with every placeholder replaced by its formatted figure and every literal
    placeholder by its quoted text; raises :class:`InputError` naming file and line for each
    unknown placeholder or format."""
    problems: list[Problem] = []
    out_lines = []
    for number, line in part.lines():

        def replace(match, number=number, line=line):
            text = _text(_placeholder(match, part.file.name, number), indicators)
            if isinstance(text, Problem):
                problems.append(text)
                return match.group(0)
            return _unit_once(text, line[match.end() :])

        out_lines.append(_TOKEN.sub(replace, line))
    if problems:
        raise InputError(problems)
    return "\n".join(out_lines)


def hand_typed_numbers(part: Part) -> list[tuple[str, int, str]]:
    """Numbers written in the text itself rather than through placeholders, as (file, line, number).

    Not counted: placeholders and literal placeholders (``{{ "1177" }}``), four-digit years
    (1900–2099) and year spans (2021/22, 2021–2022), ISO dates (2022-06-30), digits that are part
    of a word (Covid-19, B12), link addresses, and the numbers of Markdown list items and headings."""
    found = []
    for number, line in part.lines():
        text = _NOT_FIGURES.sub(" ", _NOT_TEXT.sub(" ", _TOKEN.sub(" ", line)))
        for match in _NUMBER.finditer(text):
            figure = match.group(0)
            if not _YEAR.match(figure):
                found.append((part.file.name, number, figure))
    return found

"""The publish gate: nothing personal leaves rapport, checked on every render.

Before a report is swapped into ``output/``, every file in its staging folder and the site index
as it would be rewritten are read as a reader (or a search engine) would read them:

- HTML: the text (a break between blocks and cells, none at inline tags), every attribute value,
  comments;
- PDF (with ``pypdf``): the text of each page, the document information (Title, Author, Subject,
  Keywords, …), the XMP metadata, bookmarks, named destinations and link addresses;
- JSON (``indicators.json``): every key and value, a list's items also together;
- anything else: its text.

Each text is scanned for identity-number shapes (:func:`rapportlib.identity.find`) and for the
report's :class:`~rapportlib.sensitive.Sensitive` values: participant ids, a participant's birth
year within 40 characters of one of their dates, and free-text detail from the inputs. A hit
raises :class:`LeakError` (exit status 2) naming the file, where in it and what kind of value, never
the value; nothing is published and the earlier report stays.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .. import identity
from ..errors import InputError, Problem
from ..sensitive import Sensitive, normalise

ID = "ett deltagar-id ur registret"
PAIR = "en deltagares födelseår intill ett av deltagarens datum"
DETAIL = "fritext ur indata (avslut_detalj)"
_SHOWN = 20  # hits listed in a message

_MONTH_NAMES = "januari februari mars april maj juni juli augusti september oktober november december".split()
#: Swedish month names and their abbreviations (``mar``, ``sept``, ``okt``) → month number.
_MONTHS = {**{n[:3]: i for i, n in enumerate(_MONTH_NAMES, 1)}, **{n: i for i, n in enumerate(_MONTH_NAMES, 1)}}
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATES = [
    (re.compile(r"(?<!\d)(\d{4})[-/.\u2013]?(\d{2})[-/.\u2013]?(\d{2})(?!\d)"), (1, 2, 3)),
    (re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)"), (3, 2, 1)),
    (re.compile(rf"(?i)(?<!\d)(\d{{1,2}})\.?\s+({_MONTH})\.?\s+(\d{{4}})(?!\d)"), (3, 2, 1)),
]
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WINDOW = 40


@dataclass(frozen=True)
class Hit:
    """Where the gate found something: a file, a place in it and a kind of value (never the value)."""

    file: str
    where: str
    kind: str

    def __str__(self) -> str:
        return f"{self.file}, {self.where}: {self.kind}"


class LeakError(InputError):
    """A published file would hold personal data; the command line exits with status 2."""

    def __init__(self, hits: list[Hit]):
        super().__init__([Problem(h.file, None, h.where, None, h.kind) for h in hits])
        self.hits = list(hits)

    def __str__(self) -> str:
        lines = ["Publiceringen stoppades: rapporten skulle visa uppgifter om enskilda deltagare."]
        lines += [f"  - {h}" for h in self.hits[:_SHOWN]]
        if len(self.hits) > _SHOWN:
            lines.append(f"  - … och {len(self.hits) - _SHOWN} till")
        lines.append(
            "Ingenting publicerades; den tidigare rapporten ligger kvar. Ta bort uppgiften ur indata eller "
            "texterna och rendera igen."
        )
        return "\n".join(lines)


class Scanner:
    """The checks of one report's sensitive values, prepared once for many texts."""

    def __init__(self, sensitive: Sensitive | None = None):
        sensitive = sensitive or Sensitive()
        self.simple_ids = {i for i in sensitive.ids if re.fullmatch(r"\w+", i)}
        self.other_ids = sorted(sensitive.ids - self.simple_ids)
        self.pairs = sensitive.pairs
        self.pair_dates = {day for _, day in sensitive.pairs}
        self.details = sensitive.details

    def kinds(self, text: str) -> list[str]:
        """The kinds of sensitive value in ``text``, in a fixed order, each once."""
        found = [m.kind for m in identity.find(text) if not _decimals(text, m.start)]
        folded = text.casefold()
        if self._has_id(folded):
            found.append(ID)
        if self.pairs and self._has_pair(text):
            found.append(PAIR)
        if self.details and self._has_detail(text):
            found.append(DETAIL)
        return list(dict.fromkeys(found))

    def _has_id(self, folded: str) -> bool:
        if self.simple_ids and not self.simple_ids.isdisjoint(re.findall(r"\w+", folded)):
            return True
        return any(i in folded and re.search(rf"(?<!\w){re.escape(i)}(?!\w)", folded) for i in self.other_ids)

    def _has_pair(self, text: str) -> bool:
        for day, start, end in _dates(text):
            if day not in self.pair_dates:
                continue
            near = text[max(0, start - _WINDOW) : start] + "\n" + text[end : end + _WINDOW]
            if any((int(year), day) in self.pairs for year in _YEAR.findall(near)):
                return True
        return False

    def _has_detail(self, text: str) -> bool:
        joined = re.sub(r"[-\u00ad]\s*\n\s*", "", text.replace("\u00ad", ""))
        variants = {normalise(text), normalise(joined)}
        bare = {re.sub(r"\s+", "", v) for v in variants}
        for detail in self.details:
            if any(_contains_words(v, detail) for v in variants):
                return True
            if re.sub(r"\s+", "", detail) and any(re.sub(r"\s+", "", detail) in b for b in bare):
                return True
        return False

    def hits(self, file: str, parts: list[tuple[str, str]]) -> list[Hit]:
        """The hits in a file's parts, (where, text) each; checked together first, as a sieve. A
        place whose name would itself show a value (a JSON key, an attribute name) is not named."""
        if not parts or not self.kinds("\n\n".join(text for _, text in parts)):
            return []
        found = []
        for where, text in parts:
            kinds = self.kinds(text)
            if kinds and self.kinds(where):
                where = "en plats vars namn själv innehåller uppgiften"
            found += [Hit(file, where, kind) for kind in kinds]
        return list(dict.fromkeys(found))


def _decimals(text: str, start: int) -> bool:
    """Whether a match starts in the decimals of a number (``10,6805169706``, ``0.8301011234``)."""
    return start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit()


def _contains_words(text: str, words: str) -> bool:
    if words not in text:
        return False
    left = r"(?<!\w)" if re.match(r"\w", words) else ""
    right = r"(?!\w)" if re.search(r"\w$", words) else ""
    return bool(re.search(left + re.escape(words) + right, text))


def _dates(text: str):
    """Every date written in ``text`` (ISO, compact, day/month/year, ``15 mars 2021``) as
    (``YYYY-MM-DD``, start, end)."""
    for pattern, (y, m, d) in _DATES:
        for match in pattern.finditer(text):
            month = match.group(m)
            month = _MONTHS.get(month.lower().rstrip("."), 0) if not month.isdigit() else int(month)
            try:
                day = dt.date(int(match.group(y)), month, int(match.group(d)))
            except ValueError:
                continue
            yield day.isoformat(), match.start(), match.end()


# --------------------------------------------------------------------------- reading files


#: Tags inside a line of text: no break between their text and the text around them.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup "
    "time u var tspan".split()
)


_PLAIN = re.compile(r"[a-z][a-z0-9:_.-]{0,39} [a-z][a-z0-9:_.-]{0,39}")


class _HTMLParts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data: list[str] = []
        self.parts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value:
                where = f"attributet {name} i <{tag}>" if _PLAIN.fullmatch(f"{name} {tag}") else "ett attribut"
                self.parts.append((where, value))
        if tag not in _INLINE:
            self.data.append(" ")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in _INLINE:
            self.data.append(" ")

    def handle_data(self, data):
        self.data.append(data)

    def handle_comment(self, data):
        self.parts.append(("kommentar", data))

    def unknown_decl(self, data):
        self.data.append(data)


def html_parts(text: str) -> list[tuple[str, str]]:
    """What a reader sees in an HTML page: its text (a break between blocks and cells, none at
    inline tags such as ``<b>``), every attribute value and every comment."""
    parser = _HTMLParts()
    parser.feed(text)
    parser.close()
    return [("text", "".join(parser.data)), *parser.parts]


def json_parts(text: str) -> list[tuple[str, str]]:
    """Every key and value of a JSON file, named by its path (a key that is not a plain name, such
    as a sub-unit's name, shows as ``…``); a list's items also together."""
    parts: list[tuple[str, str]] = []

    def walk(value, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                name = key if re.fullmatch(r"[a-z0-9][a-z0-9_]{0,39}|\d{1,2}-\d{1,2}", str(key)) else "…"
                parts.append((f"en nyckel i {path.rstrip('.') or 'filens översta nivå'}", str(key)))
                walk(item, f"{path}{name}.")
        elif isinstance(value, list):
            items = ", ".join(str(v) for v in value if not isinstance(v, dict | list))
            parts.append((f"fältet {path.rstrip('.')}", items))
            for i, item in enumerate(value):
                walk(item, f"{path.rstrip('.')}[{i}].")
        elif value is not None:
            parts.append((f"fältet {path.rstrip('.')}", str(value)))

    walk(json.loads(text), "")
    return parts


def pdf_parts(path: Path) -> list[tuple[str, str]]:
    """What a PDF holds for a reader or a search engine: document information, XMP metadata,
    bookmarks, named destinations, and each page's text and link addresses."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    parts = [(f"metadata {str(k).lstrip('/')}", str(v)) for k, v in (reader.metadata or {}).items()]
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        parts.append(("XMP-metadata", xmp.get_object().get_data().decode("utf-8", "replace")))
    parts += [("bokmärke", title) for title in _outline_titles(reader.outline)]
    parts += [("ankare", str(name)) for name in reader.named_destinations]
    texts = _page_texts(path, reader)
    for number, page in enumerate(reader.pages, start=1):
        parts.append((f"text på sida {number}", texts[number - 1] if number <= len(texts) else ""))
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                parts.append((f"länk på sida {number}", str(action["/URI"])))
    return parts


def _page_texts(path: Path, reader) -> list[str]:
    """Each page's text: by Poppler's ``pdftotext`` where it is installed (a tenth of the time),
    else by pypdf."""
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
        if done.returncode == 0:
            return done.stdout.decode("utf-8", "replace").split("\f")
    return [page.extract_text() or "" for page in reader.pages]


def _outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(str(item.get("/Title", "")))
    return titles


def file_parts(path: Path) -> list[tuple[str, str]]:
    """A published file's texts by kind of file."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf.errors import PyPdfError

        try:
            return pdf_parts(path)
        except (PyPdfError, ValueError, KeyError, TypeError):  # not a PDF pypdf can read: its bytes
            return [("innehållet (ingen läsbar PDF)", path.read_bytes().decode("latin-1"))]
    text = path.read_bytes().decode("utf-8", errors="replace")
    if suffix in (".html", ".htm"):
        return html_parts(text)
    if suffix == ".json":
        try:
            return json_parts(text)
        except ValueError:
            pass
    return [("text", text)]


def check(folder: Path, sensitive: Sensitive | None = None, pages: dict[str, str] | None = None) -> None:
    """Scan every file under ``folder`` and the HTML ``pages`` (name → text, e.g. the site index as
    it would be rewritten); raise :class:`LeakError` listing every hit."""
    scanner = Scanner(sensitive)
    hits: list[Hit] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        hits += scanner.hits(path.relative_to(folder).as_posix(), file_parts(path))
    for name, text in (pages or {}).items():
        hits += scanner.hits(name, html_parts(text))
    if hits:
        raise LeakError(hits)

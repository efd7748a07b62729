"""Text is data: what a user writes reaches the HTML, pandoc and Typst only as text.

- :func:`narrative` renders a team's Markdown once for both outputs, from one parse (mistune): HTML
  with raw HTML shown as text, and pandoc Markdown in which every character of the user's text is
  escaped, so pandoc sees the same structure the HTML shows and nothing else (no raw Typst, HTML
  or TeX, no attributes, citations or math). Images are shown as their alternative text (a report
  makes no requests and embeds nothing from a text); links are kept only to ``http``, ``https`` and
  ``mailto`` addresses, anything else is shown as its text.
- :func:`md_literal` escapes one string for pandoc Markdown (table cells, captions, notes).
- :func:`typst_string` writes one string as a Typst string literal, for the page template.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

import mistune

#: Characters pandoc Markdown may read as markup anywhere in a line (each is literal after a
#: backslash): code, emphasis, links and spans, attributes, raw HTML and autolinks, entities, math,
#: citations, super- and subscript, strikeout, table cells, headings, quotes (smart quotes).
_SPECIAL = re.compile(r"""([\\`*_\[\]{}<>!&$@^~|#="'])""")
#: What pandoc may read as a block at the start of a line: any punctuation first (lists, quotes,
#: definitions, rules), or a list number or letter (``1.``, ``iv)``, ``A.``).
#: (A backslash there is already an escape.)
_START = re.compile(r"^(\s*)(?:([!-/:-@\[\]-`{-~])|([A-Za-z0-9]{1,9})([.)]))")
_PLUGINS = ["strikethrough", "footnotes", "table"]
_LINK = re.compile(r"(?i)^(?:https?://[^\s/?#]+|mailto:[^\s@]+@[^\s@]+)")


def md_literal(text: object) -> str:
    """``text`` as literal pandoc Markdown inline text, which may stand at the start of a line:
    every markup character escaped, and whatever could start a block; line breaks and tabs as
    spaces (a cell or caption is one line)."""
    flat = _SPECIAL.sub(r"\\\1", re.sub(r"[\r\n\t\v\f]+", " ", str(text)))

    def start(match: re.Match) -> str:
        if match.group(2):
            return f"{match.group(1)}\\{match.group(2)}"
        return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"

    return _START.sub(start, flat, count=1)


def typst_string(text: object) -> str:
    """``text`` as a Typst string literal (``"…"``), to be used through a ``#`` expression."""
    out = []
    for ch in str(text):
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def safe_link(url: str) -> str | None:
    """The address of a link a report may publish (``http``, ``https``, ``mailto``), with characters
    that could end it percent-encoded; ``None`` for anything else (``javascript:``, ``data:``,
    ``file:``, relative paths, anchors)."""
    url = url.strip()
    if not _LINK.match(url) or re.search(r"[\x00-\x20\x7f]", url):
        return None
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


class _SafeHTML(mistune.HTMLRenderer):
    """mistune's HTML with raw HTML escaped, images as their text and links by the allow-list."""

    def __init__(self):
        super().__init__(escape=True)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        target = safe_link(url)
        if target is None:
            return text
        return f'<a href="{html.escape(target)}" rel="noreferrer">{text}</a>'

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return text  # the alternative text, already escaped


_HTML = mistune.create_markdown(renderer=_SafeHTML(), plugins=_PLUGINS)
_AST = mistune.create_markdown(renderer=None, plugins=_PLUGINS)


def narrative(body: str) -> tuple[str, str]:
    """A team's Markdown as (HTML, pandoc Markdown) from one parse; see the module docstring."""
    return _HTML(body), _Pandoc().blocks(_AST(body)).strip() + "\n"


def _fence(code: str) -> str:
    """A backtick fence longer than any run of backticks in ``code``."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def _indent(text: str, prefix: str, first: str | None = None) -> str:
    lines = text.split("\n")
    head = (first if first is not None else prefix) + lines[0]
    return "\n".join([head] + [(prefix + line) if line else "" for line in lines[1:]])


class _Pandoc:
    """Writes mistune's syntax tree as pandoc Markdown, escaping every text it holds."""

    # -- blocks
    def blocks(self, tokens: list[dict]) -> str:
        out = [self.block(t) for t in tokens if t["type"] != "blank_line"]
        return "\n\n".join(part for part in out if part)

    def block(self, t: dict) -> str:
        kind = t["type"]
        if kind in ("paragraph", "block_text"):
            return self.inline(t["children"])
        if kind == "heading":
            return "#" * t["attrs"]["level"] + " " + self.inline(t["children"])
        if kind == "block_code":
            fence = _fence(t["raw"])
            return f"{fence}\n{t['raw'].rstrip(chr(10))}\n{fence}"
        if kind == "block_quote":
            return _indent(self.blocks(t["children"]), "> ").replace("\n\n", "\n>\n")
        if kind == "list":
            return self.listing(t)
        if kind == "thematic_break":
            return "-----"
        if kind == "block_html":
            return md_literal(t["raw"].strip())
        if kind == "table":
            return self.table(t)
        if kind == "footnotes":
            return "\n\n".join(self.footnote(item) for item in t["children"])
        if "children" in t:
            return self.blocks(t["children"])
        return md_literal(t.get("raw", ""))

    def listing(self, t: dict) -> str:
        ordered, start = t["attrs"].get("ordered"), t["attrs"].get("start", 1) or 1
        tight = t.get("tight", True)
        items = []
        for i, item in enumerate(t["children"]):
            marker = f"{start + i}." if ordered else "-"
            parts = [self.block(c) for c in item.get("children", []) if c["type"] != "blank_line"]
            body = ("\n" if tight else "\n\n").join(p for p in parts if p)
            items.append(_indent(body, " " * 4, marker.ljust(4)))
        return ("\n" if tight else "\n\n").join(items)

    def table(self, t: dict) -> str:
        rows = []
        for part in t["children"]:
            cells_of = [part["children"]] if part["type"] == "table_head" else [r["children"] for r in part["children"]]
            rows += [[self.inline(c["children"]) for c in cells] for cells in cells_of]
        head = t["children"][0]["children"]
        rule = {"left": ":---", "right": "---:", "center": ":---:"}
        align = [rule.get(c["attrs"].get("align"), "---") for c in head]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(align) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)

    def footnote(self, item: dict) -> str:
        key = item["attrs"]["index"]
        return _indent(self.blocks(item["children"]), " " * 4, f"[^n{key}]: ")

    # -- inlines
    def inline(self, tokens: list[dict]) -> str:
        return "".join(self.span(t) for t in tokens)

    def span(self, t: dict) -> str:
        kind = t["type"]
        wrap = {"emphasis": "*", "strong": "**", "strikethrough": "~~"}
        if kind == "text":
            return md_literal(t["raw"])
        if kind in wrap:
            return wrap[kind] + self.inline(t["children"]) + wrap[kind]
        if kind == "codespan":
            code = t["raw"].replace("\n", " ")
            fence = "`" * (max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
            return f"{fence} {code} {fence}"
        if kind == "linebreak":
            return "\\\n"
        if kind == "softbreak":
            return "\n"
        if kind == "link":
            target = safe_link(t["attrs"]["url"])
            text = self.inline(t["children"])
            return f"[{text}]({target})" if target else text
        if kind == "image":
            return self.inline(t["children"])
        if kind == "footnote_ref":
            return f"[^n{t['attrs']['index']}]"
        if "children" in t:
            return self.inline(t["children"])
        return md_literal(t.get("raw", ""))

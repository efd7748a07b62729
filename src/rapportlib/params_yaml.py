"""A params file's YAML read at the edge, within bounds, and searched for identity numbers.

The file is at most :data:`~rapportlib.limits.MAX_PARAMS_BYTES`, UTF-8 (with or without BOM),
and read with YAML's safe loader (libyaml's where installed), with three changes: dates stay text
(``2021-02-31`` is then reported as ``period.end``), aliases (``*name``) are refused before
anything is composed, so that an alias bomb ("billion laughs") cannot expand, and mappings and
lists nest at most :data:`~rapportlib.limits.MAX_YAML_DEPTH` levels. Before anything is built from the file,
every key and value is searched with :func:`rapportlib.identity.find` (a params value can reach
the report: the team's name, a budget line, a file name), every number must be finite and at
most :data:`~rapportlib.limits.MAX_PARAMS_NUMBER`, and values are plain YAML (text, numbers,
true/false, lists, mappings: no ``!!binary``, ``!!set`` or ``!!python/…`` tag). A problem names
the file, line and key, and a value shaped like an identity number is never shown.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from . import identity
from .errors import IDENTITY_EXPECTED, NAME_EXPECTED, InputError, Problem
from .limits import MAX_PARAMS_BYTES, MAX_PARAMS_NUMBER, MAX_YAML_DEPTH, TooLarge, read_bytes, size

#: What a number out of bounds should have been (:data:`~rapportlib.limits.MAX_PARAMS_NUMBER`).
NUMBER_EXPECTED = "ett ändligt tal mellan −10¹⁵ och 10¹⁵ (inte .inf eller .nan)"
#: What a value with a YAML tag (``!!binary``, ``!!set``, ``!!python/…``) should have been.
TAG_EXPECTED = "ett värde utan YAML-tagg (!!…): text, tal, true/false, en lista eller en mappning"
_FLOAT, _INT = "tag:yaml.org,2002:float", "tag:yaml.org,2002:int"

#: The tags of the values a params file holds: text, numbers, true/false, null, lists, mappings.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "merge")
)


class _Refused(yaml.YAMLError):
    """Something the loader refuses, at a line of the file."""

    def __init__(self, line: int, expected: str) -> None:
        super().__init__(expected)
        self.line, self.expected = line, expected


#: libyaml's parser where PyYAML has it (ten times faster: a no-change rebuild of many reports
#: reads every params file), else PyYAML's own.
_SAFE = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODE = (yaml.ScalarEvent, yaml.AliasEvent, *_OPEN)


class Loader(_SAFE):
    """YAML's safe loader; dates stay text (see the resolvers below)."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_aliases_and_depth(text: str) -> None:
    """Read the file's events (nothing is built) and refuse an alias, or a value nested deeper
    than :data:`~rapportlib.limits.MAX_YAML_DEPTH` mappings and lists, at its line. A file
    libyaml cannot read is read again by PyYAML's own parser, which reads event by event and so
    says where a refused value is, or what is wrong, as for every other file."""
    try:
        _refuse(text, _SAFE)
    except _Refused:
        raise
    except yaml.YAMLError:
        if _SAFE is not yaml.SafeLoader:
            _refuse(text, yaml.SafeLoader)
        raise


def _refuse(text: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, _NODE):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise _Refused(line, "YAML utan alias (*namn): skriv ut värdet på varje ställe där det behövs")
            if depth >= MAX_YAML_DEPTH:
                raise _Refused(line, f"YAML med högst {MAX_YAML_DEPTH} nivåer av mappningar och listor")
        if isinstance(event, _OPEN):
            depth += 1
        elif isinstance(event, _CLOSE):
            depth -= 1


def _number_problem(loader: Loader, node: yaml.ScalarNode) -> str | None:
    """What a number should have been, or ``None`` when it is a finite number within bounds."""
    if node.tag == _INT:
        if len(node.value.lstrip("+-").replace("_", "")) > 16:  # never built: Python refuses 4300 digits
            return NUMBER_EXPECTED
        value: float = loader.construct_yaml_int(node)
    else:
        value = loader.construct_yaml_float(node)
    return None if math.isfinite(value) and abs(value) <= MAX_PARAMS_NUMBER else NUMBER_EXPECTED


def _walk(loader: Loader, node: yaml.Node, key: str, file: str, problems: list[Problem]) -> None:
    """Append a problem for each identity number and each number out of bounds under ``node``."""
    line = node.start_mark.line + 1
    if node.tag not in PLAIN_TAGS:
        problems.append(Problem(file, line, key or None, None, TAG_EXPECTED))
    elif isinstance(node, yaml.ScalarNode):
        if identity.contains(node.value):
            problems.append(Problem(file, line, key or None, None, IDENTITY_EXPECTED))
        elif node.tag in (_INT, _FLOAT) and (expected := _number_problem(loader, node)) is not None:
            problems.append(Problem(file, line, key or None, node.value, expected))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(loader, item, f"{key}[{i}]", file, problems)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            name = identity.redact(str(key_node.value)) if isinstance(key_node, yaml.ScalarNode) else "?"
            path = f"{key}.{name}" if key else name
            _walk(loader, key_node, path, file, problems)
            _walk(loader, value, path, file, problems)


def _text(path: Path, file: str) -> str:
    """The file's text; a file that cannot be read raises :class:`InputError`."""

    def fail(expected: str):
        return InputError([Problem(file, None, None, None, expected)])

    if identity.contains(path.name):
        raise fail(NAME_EXPECTED)
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            raise fail("en params-fil (en vanlig fil)")  # a device or a pipe: never read
        return read_bytes(path, MAX_PARAMS_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise fail("filen finns inte") from None
    except IsADirectoryError:
        raise fail("en params-fil, inte en mapp") from None
    except TooLarge:
        raise fail(f"en params-fil på högst {size(MAX_PARAMS_BYTES)}") from None
    except UnicodeDecodeError as exc:
        raise fail(f"ogiltig YAML (filen är inte UTF-8: {exc.reason})") from None
    except OSError as exc:
        raise fail(f"en fil som går att läsa ({exc.strerror or type(exc).__name__})") from None


def read_yaml(path: Path) -> object:
    """The YAML value of a params file, checked as the module's docstring says; raises
    :class:`InputError` listing every identity number and number out of bounds."""
    file = str(path)
    text = _text(path, file)
    loader = Loader(text)
    try:
        _refuse_aliases_and_depth(text)  # before anything is composed: an alias bomb never expands
        node = loader.get_single_node()
        problems: list[Problem] = []
        if node is not None:
            _walk(loader, node, "", file, problems)
        if problems:
            raise InputError(problems)
        return None if node is None else loader.construct_document(node)
    except _Refused as exc:
        raise InputError([Problem(file, exc.line, None, None, exc.expected)]) from None
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError([Problem(file, None, None, None, f"ogiltig YAML ({reason})")]) from None
    except ValueError as exc:  # a value PyYAML cannot build
        raise InputError([Problem(file, None, None, None, f"ogiltig YAML ({exc})")]) from None
    finally:
        loader.dispose()

"""Small-count protection of the previous period a report compares with (docs/privacy.md,
"The previous period").

The previous period's figures are protected by the same rules as the report's own: its full
indicators are protected as a report of their own (the same model, the same threshold), and of the
result only the compared figures are published (:func:`rapportlib.indicators.previous.select`).
A change (*förändring*) is hidden when either of its sides is hidden: beside the other side it
would give the hidden one away. The audit reads a published change that way too: a change beside
one published side publishes the other.

The two periods share no population that either publishes more than a total of: the exits of one
period are not those of the other, and the one link, the previous period's enrolled at its end =
the report's enrolled at its start, is a total both always publish. Auditing the two models one
after the other is therefore the audit of both together.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from ..hidden import is_hidden
from ..indicators.previous import changes, compared_paths, select
from .model import lookup

PREFIX = "previous"
_EXTRA = ("started", "change")


def full(computed: dict) -> dict:
    """The previous period's full computed indicators (without the comparison's own keys)."""
    return {k: v for k, v in computed[PREFIX].items() if k not in _EXTRA}


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path)


def protect_previous(
    computed: dict, published: dict, hidden_now: Callable[[str], bool], protect: Callable[[dict], dict]
) -> tuple[dict, list[str]]:
    """The previous period as it may be published, and the paths (``previous.…``) it hides.

    ``published`` holds the report's own figures as protected, ``hidden_now(key)`` says whether
    one of them was hidden, and ``protect`` protects a full indicators dict."""
    shown = protect(full(computed))
    out = select(shown)
    keys = [_dotted(p) for p in compared_paths(out) if lookup(out, p, None) is None]
    suppressed = [f"{PREFIX}.{key}" for key in keys if is_hidden(key, shown)]
    out["started"] = computed[PREFIX]["started"]
    out["change"] = changes(published, out)
    for path in compared_paths(out):
        key = _dotted(path)
        if lookup(out["change"], path, 0) is None and (hidden_now(key) or f"{PREFIX}.{key}" in suppressed):
            suppressed.append(f"{PREFIX}.change.{key}")
    return out, suppressed


def derived(published: dict, computed: dict) -> tuple[dict, dict | None]:
    """What the two periods publish, as a reader can put it together: a published change beside one
    published side gives the other side away. Returns the report's published figures and the
    previous period's (``None`` without one), each with what follows filled in from ``computed``."""
    if PREFIX not in published or PREFIX not in computed:
        return published, None
    now, before = copy.deepcopy(published), copy.deepcopy(published[PREFIX])
    before["privacy"] = published.get("privacy", {})
    truth = full(computed)
    for path in compared_paths(before):
        if lookup(before.get("change", {}), path, None) is None:
            continue
        a, b = lookup(published, path, None), lookup(before, path, None)
        if a is not None and b is None:
            lookup(before, path[:-1])[path[-1]] = lookup(truth, path)
        if b is not None and a is None and isinstance(lookup(now, path[:-1], None), dict):
            lookup(now, path[:-1])[path[-1]] = lookup(computed, path)
    return now, {k: v for k, v in before.items() if k not in _EXTRA}


def prefixed(found: list) -> list:
    """Exposures of the previous period, named by their path in the published indicators."""
    return [replace(e, key=f"{PREFIX}.{e.key}") for e in found]

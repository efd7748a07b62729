"""Which published figures are hidden by small-count protection, and which are simply missing.

In the published indicators both are ``None``; a hidden one's path (or a parent's) is listed
under ``privacy.suppressed`` (:func:`rapportlib.privacy.protect`). Tables write a hidden figure
as ``–`` and a missing one as ``..``; the text says so in words. :func:`mark` gives the
indicators with every hidden ``None`` replaced by :data:`rapportlib.fmt.HIDDEN`, which the
formatters of :mod:`rapportlib.fmt` write as ``–``.
"""

from __future__ import annotations

from .fmt import HIDDEN


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


class Marked(dict):
    """Indicators whose hidden figures are :data:`~rapportlib.fmt.HIDDEN` (see :func:`mark`)."""


def mark(indicators: dict) -> Marked:
    """A copy of the published indicators in which every hidden figure (:func:`is_hidden`) is
    :data:`~rapportlib.fmt.HIDDEN` instead of ``None``; missing figures stay ``None``. Marked
    indicators are returned as they are."""
    if isinstance(indicators, Marked):
        return indicators
    if not indicators.get("privacy", {}).get("suppressed"):
        return Marked(indicators)

    def walk(node, path: str):
        if isinstance(node, dict):
            return {k: walk(v, f"{path}.{k}" if path else str(k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, f"{path}.{i}") for i, v in enumerate(node)]
        return HIDDEN if node is None and is_hidden(path, indicators) else node

    return Marked(walk(indicators, ""))


def marks_hidden(builder):
    """Decorate a table builder so that it sees hidden figures as :data:`~rapportlib.fmt.HIDDEN`."""
    import functools

    @functools.wraps(builder)
    def wrapper(ind: dict, *args):
        return builder(mark(ind), *args)

    wrapper.marks_hidden = True  # a caller holding marked indicators hands them over as they are
    return wrapper

"""Where a chart's SVG is drawn: by vl-convert in this process, or by one renderer process that a
batch worker starts for all the reports it renders.

vl-convert starts a JavaScript engine on its first drawing (about 0.4 s) and runs threads from
then on. A batch worker forks a child per report and so must run no thread itself: it forks the
renderer first (:func:`start`), and each report's child, forked later, inherits the connection to
it and sends it the specs, so no report pays the engine's start. A worker runs one report at a
time, so one connection serves them in turn. It answers a spec it has drawn before from memory
(the same labels measured again for another report's chart).
"""

from __future__ import annotations

import os

_connection = None  # to the worker's renderer, in a worker and its children
ANSWER_WITHIN = 120  # seconds; a renderer that takes longer is given up


def draw(spec: dict, locale: str | None = None) -> str:
    """The SVG of a Vega-Lite spec, numbers in ``locale`` (a vl-convert format locale)."""
    if _connection is not None:
        try:
            _connection.send((spec, locale))
            if not _connection.poll(ANSWER_WITHIN):
                raise TimeoutError
            kind, value = _connection.recv()
        except (EOFError, OSError):  # the renderer is gone or stuck: draw here from now on
            _stop()
        else:
            if kind == "ok":
                return value
            raise ValueError(value)
    return _draw_here(spec, locale)


def _draw_here(spec: dict, locale: str | None) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec, format_locale=locale) if locale else vlc.vegalite_to_svg(spec)


def start() -> None:
    """Fork this process's renderer (call it while this process runs no thread)."""
    global _connection
    import multiprocessing

    ours, theirs = multiprocessing.Pipe()
    if os.fork() == 0:
        ours.close()
        try:
            _serve(theirs)
        finally:
            os._exit(0)
    theirs.close()
    _connection = ours


#: Drawings the renderer keeps: a spec drawn again (the same labels measured for another report's
#: chart) is answered from memory. A drawing is a function of its spec and locale only.
REMEMBERED = 512


def _serve(connection) -> None:
    """Draw every spec sent until the last holder of the other end has closed it."""
    import json
    from collections import OrderedDict

    memory: OrderedDict[str, str] = OrderedDict()
    while True:
        try:
            spec, locale = connection.recv()
        except (EOFError, OSError):
            return
        key = json.dumps([spec, locale])
        try:
            if key in memory:
                memory.move_to_end(key)
            else:
                memory[key] = _draw_here(spec, locale)
                if len(memory) > REMEMBERED:
                    memory.popitem(last=False)
            answer = ("ok", memory[key])
        except Exception as exc:  # noqa: BLE001 - handed back to the report that sent the spec
            answer = ("error", f"{type(exc).__name__}: {exc}")
        connection.send(answer)


def _stop() -> None:
    global _connection
    _connection = None

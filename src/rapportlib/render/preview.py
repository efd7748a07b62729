"""``rapport preview PARAMS``: the report's HTML page in the browser, rendered again as its files change.

For an analyst writing the team's texts: the report is rendered as a draft, HTML only (no PDF, no
``indicators.json``: faster), into the workspace's private build folder
(``build/preview/<team>/<period>/report.html``); nothing is published and ``output/`` is left
alone. The page is served on ``http://127.0.0.1:PORT/`` (:mod:`.preview_server`) and reloads itself
after each render.

The params file, its data files, its narrative section files and its template notebook are
watched (:mod:`.watch`); a change renders the report again, one render at a time (a change during
a render makes one more). Each render is :func:`rapportlib.prepare.prepare`, then the notebook's
run (:func:`.execution.execute`, in a kernel from a :class:`~.execution.KernelPool`, so the next
kernel starts while the analyst writes), then the built-in engine's HTML page
(:func:`.htmlpage.to_html`), which passes the publish gate's scan (:mod:`.gate`) like a published
page would: the preview never shows what a render would refuse to publish.

What stops a render (invalid input, a broken placeholder, a failed privacy audit, personal data in
the page) is shown on the page and on standard error, in Swedish, until a render succeeds; an
unexpected error shows one line naming a private log (:mod:`rapportlib.errorlog`). The preview
goes on in either case. Ctrl-C stops it: the kernels are shut down and the server is closed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from pathlib import Path

from ..layout import Layout, project_root
from .preview_server import Shown, message_page, start_server
from .watch import Watcher, report_files

#: The preview's own build folder, under the workspace's ``build/``.
PREVIEW = "preview"
STOPPED = "Rapporten kunde inte renderas"
UNEXPECTED = "Ett oväntat fel stoppade renderingen"


def _out(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(line, flush=True)


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def render_page(params_path: Path, layout: Layout, km) -> str:
    """Render one draft's HTML page into ``layout``'s build folder and return it. Raises
    :class:`~rapportlib.errors.InputError` (and :class:`~.gate.LeakError`) or
    :class:`~rapportlib.checks.ConsistencyError` for what stops a render."""
    from ..prepare import prepare
    from . import gate, htmlpage
    from .execution import execute
    from .lock import report_lock
    from .provenance import provenance

    prepared = prepare(params_path, layout.templates)
    params = prepared.params
    folder = layout.build_dir(params)
    with report_lock(folder, f"förhandsvisningen av {params.team}/{params.period_slug}"):
        nb = execute(prepared, layout, final=False, km=km())
        page = htmlpage.to_html(nb, provenance(params))
        hits = gate.Scanner(prepared.sensitive).hits("report.html", gate.html_parts(page))
        if hits:
            raise gate.LeakError(hits)
        partial = folder / "report.html.part"
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, folder / "report.html")
    return page


class _Stopped(Exception):
    """The preview stops: no kernel for a render that would only be thrown away."""


class Renderer:
    """Renders the report in a thread of its own whenever asked, one render at a time; a request
    during a render makes one more render after it, however many requests came."""

    def __init__(self, params_path: Path, layout: Layout, pool, shown: Shown):
        # Absolute: Papermill changes the working folder while a notebook runs.
        self.params_path = params_path.resolve()
        self.shown_path = params_path
        self.layout = layout
        self.pool = pool
        self.shown = shown
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._km = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="rapport-preview-render", daemon=True)

    def request(self) -> None:
        self._wanted.set()

    def start(self) -> Renderer:
        self._wanted.set()
        self._thread.start()
        return self

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopping.is_set():
                return
            self._wanted.clear()
            self.render_once()

    def _take(self):
        """The kernel for this render, known to :meth:`stop`, which shuts it down."""
        km = self.pool.take()
        with self._lock:
            if self._stopping.is_set():
                km.shutdown_kernel(now=True)
                raise _Stopped
            self._km = km
        return km

    def render_once(self) -> None:
        """One render; what it ends with is shown on the page and in the terminal, never raised."""
        from ..checks import ConsistencyError
        from ..errorlog import unexpected
        from ..errors import InputError
        from .lock import LockTimeout

        started = time.perf_counter()
        _out(f"Renderar {self.shown_path} …")
        try:
            page = render_page(self.params_path, self.layout, self._take)
        except (InputError, ConsistencyError, LockTimeout) as exc:
            if not self._stopping.is_set():
                self.shown.show(message_page(STOPPED, str(exc)))
                _say(f"{STOPPED}:\n{exc}\nFörhandsvisningen fortsätter och renderar igen när en fil ändras.")
            return
        except Exception as exc:  # noqa: BLE001 - the preview goes on; the traceback goes to a private log
            if not self._stopping.is_set():
                line = unexpected(exc, self.layout.build.parent, f"rapport preview, rapporten {self.shown_path}")
                self.shown.show(message_page(UNEXPECTED, line))
                _say(f"rapport: {line}")
            return
        finally:
            self._km = None
        if self._stopping.is_set():
            return
        self.shown.show(page)
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        _out(f"Uppdaterad {time.strftime('%H:%M:%S')} ({seconds} s).")

    def stop(self) -> None:
        """Stop after (or, by shutting its kernel down, during) the current render."""
        with self._lock:
            self._stopping.set()
            km = self._km
        self._wanted.set()
        if km is not None:
            with contextlib.suppress(Exception):
                if km.has_kernel:
                    km.shutdown_kernel(now=True)
        if self._thread.is_alive():
            self._thread.join(timeout=15)


def _open(url: str) -> None:
    """Open the page in the user's browser, if there is one to open, from a thread of its own. On
    Linux without a desktop (an analysis server over ssh) nothing is opened unless ``$BROWSER``
    names a browser: the one found would be a text browser taking over the terminal."""
    desktop = any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"))
    if sys.platform.startswith("linux") and not desktop:
        return

    def open_quietly() -> None:
        with contextlib.suppress(Exception):
            import webbrowser

            webbrowser.open(url)

    threading.Thread(target=open_quietly, name="rapport-browser", daemon=True).start()


def preview(params_path: Path, port: int = 8765, open_browser: bool = True) -> int:
    """Serve the report of ``params_path`` on 127.0.0.1:``port`` (0: any free port), rendered again
    as its files change, until Ctrl-C; returns the exit status."""
    from .execution import KernelPool

    params_path = Path(params_path)
    watched = params_path.resolve()  # absolute: Papermill changes the working folder while a notebook runs
    layout = Layout.default(project_root(watched.parent))
    own = Layout(layout.templates, layout.output, layout.build / PREVIEW)
    shown = Shown(message_page("Rapporten renderas …"))
    try:
        server = start_server(shown, port)
    except OSError as exc:
        _say(
            f"rapport: porten {port} på 127.0.0.1 går inte att använda ({exc.strerror or exc}); "
            "välj en annan med --port (0 väljer en ledig)."
        )
        return 2
    pool = renderer = watcher = None
    try:
        _out(f"Förhandsvisning: {server.url} (avsluta med Ctrl-C)")
        own.build.mkdir(parents=True, exist_ok=True)
        pool = KernelPool(cwd=str(own.build))  # the private build folder: kernels start there
        renderer = Renderer(params_path, own, pool, shown)
        watcher = Watcher(lambda: report_files(watched, layout.templates), renderer.request).start()
        renderer.start()
        if open_browser:
            _open(server.url)
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        _close(server, pool, renderer, watcher)
    _out("Förhandsvisningen avslutad.")
    return 0


def _close(server, pool, renderer: Renderer | None, watcher: Watcher | None) -> None:
    """Stop watching and rendering (the current render's kernel shut down), then the server and the
    spare kernel."""
    if watcher is not None:
        watcher.stop()
    if renderer is not None:
        renderer.stop()
    server.shutdown()
    server.server_close()
    if pool is not None:
        pool.close()

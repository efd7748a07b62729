"""The web server of ``rapport preview``: one page and its version number, on 127.0.0.1 only.

``GET /`` is the page shown now (the report, or what stopped it); ``GET /__version`` is a number
that grows each time the page changes. Every other path is 404 and every other method is refused:
nothing else of the workspace is served, and nothing is listed. A request naming another host
(``Host:``) is refused, so that a web page in the browser cannot read the preview through a
domain name it points at 127.0.0.1 (DNS rebinding).

The page reloads itself when the version changes: a small script, the same on every page, is added
to the response (never to ``report.html`` in ``build/``), with the version it was served with in a
``<meta>`` element. The response's Content-Security-Policy allows that script by its hash and no
other script, and lets it fetch only from this server.
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import threading
from dataclasses import dataclass, field

from .htmlpage import PAGE_LINKS

VERSION_PATH = "/__version"

RELOAD_SCRIPT = (
    "(function () {\n"
    "  var shown = document.querySelector('meta[name=\"rapport-preview-version\"]').content;\n"
    "  setInterval(function () {\n"
    "    fetch('" + VERSION_PATH + "', {cache: 'no-store'})\n"
    "      .then(function (r) { return r.ok ? r.text() : shown; })\n"
    "      .then(function (v) { if (v.trim() !== shown) { location.reload(); } })\n"
    "      .catch(function () {});\n"
    "  }, 1000);\n"
    "})();"
)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(RELOAD_SCRIPT.encode()).digest()).decode()
CSP = (
    f"default-src 'none'; script-src 'sha256-{_SCRIPT_HASH}'; connect-src 'self'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass
class Shown:
    """The page served now and its version; shared between the render thread and the server."""

    page: str
    version: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def show(self, page: str) -> int:
        """Serve ``page`` from now on, under a new version; returns the version."""
        with self._lock:
            self.page, self.version = page, self.version + 1
            return self.version

    def current(self) -> tuple[int, str]:
        with self._lock:
            return self.version, self.page


def served(page: str, version: int) -> str:
    """The page as served: the reload script added, the links to the published site (the index, the
    PDF, which the preview does not have) left out."""
    tags = f'<meta name="rapport-preview-version" content="{version}">\n<script>{RELOAD_SCRIPT}</script>\n'
    page = page.replace(PAGE_LINKS, "", 1)
    if "</head>" in page:
        return page.replace("</head>", tags + "</head>", 1)
    return tags + page


def message_page(title: str, text: str = "") -> str:
    """A page in Swedish saying why there is no report to show (``text`` is shown as written,
    escaped: a problem quotes what the user wrote, which never becomes markup)."""
    body = f"<pre>{html.escape(text)}</pre>\n" if text else ""
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "pre{white-space:pre-wrap;background:#fdf2f2;border-left:4px solid #b42318;padding:1rem}</style>\n"
        f"</head>\n<body>\n<main>\n<h1>{html.escape(title)}</h1>\n{body}"
        "<p>Sidan uppdateras av sig själv när filerna ändras.</p>\n</main>\n</body>\n</html>\n"
    )


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "rapport-preview"
    sys_version = ""
    shown: Shown  # set on the subclass made for each server

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if not self._local_host():
            self._send(403, "text/plain", "Förbjudet: fel värdnamn.\n")
            return
        path = self.path.split("?", 1)[0]
        version, page = self.shown.current()
        if path == "/":
            self._send(200, "text/html", served(page, version))
        elif path == VERSION_PATH:
            self._send(200, "text/plain", f"{version}\n")
        else:
            self._send(404, "text/plain", "Finns inte.\n")

    def _local_host(self) -> bool:
        port = self.server.server_address[1]
        host = (self.headers.get("Host") or "").strip().lower()
        return host in {f"127.0.0.1:{port}", f"localhost:{port}", "127.0.0.1", "localhost"}

    def _send(self, status: int, kind: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if kind == "text/html":
            self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # noqa: A002 - http.server's signature
        """No access log: the terminal is for what the analyst needs to read."""


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


def start_server(shown: Shown, port: int) -> PreviewServer:
    """Serve ``shown`` on 127.0.0.1:``port`` (0: a free port) from a thread; ``OSError`` when the
    port cannot be had."""
    handler = type("Handler", (_Handler,), {"shown": shown})
    server = PreviewServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="rapport-preview-server", daemon=True).start()
    return server

"""`rapport preview`: the watcher, the server and the render loop on their own, then the command as
an analyst runs it (a subprocess serving a copy of the example project)."""

import http.client
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from rapportlib.errors import InputError, Problem
from rapportlib.layout import Layout
from rapportlib.render import preview as preview_module
from rapportlib.render.htmlpage import PAGE_LINKS
from rapportlib.render.preview_server import CSP, RELOAD_SCRIPT, Shown, message_page, served, start_server
from rapportlib.render.watch import Watcher, report_files, snapshot

ROOT = Path(__file__).resolve().parents[1]
PARAMS = Path("params/avesta/2021-22.yml")
KNOWN = "Personalgruppen har varit stabil under hela perioden"


def _workspace(tmp_path: Path) -> Path:
    """A copy of the example project, so its files can be changed safely."""
    for folder in ("params", "data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


# --- the watcher ------------------------------------------------------------------------------


def test_a_change_is_reported_once_the_files_are_quiet(tmp_path):
    text = tmp_path / "a.md"
    text.write_text("ett\n", encoding="utf-8")
    watcher = Watcher(lambda: [text], lambda: None)
    assert not watcher.step()  # nothing changed
    text.write_text("ett och två\n", encoding="utf-8")
    assert not watcher.step()  # changed: wait one quiet look (a save in several steps is one change)
    assert watcher.step()
    assert not watcher.step()  # reported once


def test_a_file_that_appears_or_disappears_is_a_change(tmp_path):
    folder = tmp_path / "texter"
    folder.mkdir()
    watcher = Watcher(lambda: sorted(folder.glob("*.md")), lambda: None)
    (folder / "ny.md").write_text("Ny.\n", encoding="utf-8")
    assert [watcher.step(), watcher.step()] == [False, True]
    (folder / "ny.md").unlink()
    assert [watcher.step(), watcher.step()] == [False, True]
    assert snapshot([folder / "saknas.md"]) == {folder / "saknas.md": None}


def test_the_watcher_thread_calls_back_on_a_change(tmp_path):
    text = tmp_path / "a.md"
    text.write_text("ett\n", encoding="utf-8")
    changed = threading.Event()
    watcher = Watcher(lambda: [text], changed.set, interval=0.05).start()
    try:
        assert not changed.wait(0.3)
        text.write_text("två\n", encoding="utf-8")
        assert changed.wait(5)
    finally:
        watcher.stop()


def test_report_files_are_params_data_texts_and_template(tmp_path):
    root = _workspace(tmp_path)
    params = root / PARAMS
    files = report_files(params, Layout.default(root).templates)
    names = {p.name for p in files}
    assert params in files and "sammanfattning.md" in names and "deltagare.csv" in names
    assert "sodra-dalarna.ipynb" in names
    params.write_text("team: [\n", encoding="utf-8")  # unreadable: only the params file is watched
    assert report_files(params, Layout.default(root).templates) == [params]


# --- the server -------------------------------------------------------------------------------


def test_served_page_gets_the_reload_script_and_loses_the_site_links():
    page = f"<!DOCTYPE html>\n<html><head><title>x</title></head><body>{PAGE_LINKS}<main>Text</main></body></html>"
    out = served(page, 7)
    assert '<meta name="rapport-preview-version" content="7">' in out
    assert f"<script>{RELOAD_SCRIPT}</script>\n</head>" in out
    assert PAGE_LINKS not in out and "<main>Text</main>" in out
    assert "'unsafe-inline'" not in CSP.split("script-src")[1].split(";")[0]  # the script by its hash only


def test_message_page_escapes_what_the_user_wrote():
    page = message_page("Rapporten kunde inte renderas", "värdet '<script>alert(1)</script>' & mer")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<html lang="sv">' in page and "&amp; mer" in page


def _get(url: str, host: str | None = None) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8")


def test_server_serves_the_page_and_its_version_and_nothing_else():
    shown = Shown(message_page("Rapporten renderas …"))
    server = start_server(shown, 0)
    try:
        url = server.url
        assert url.startswith("http://127.0.0.1:")
        status, headers, body = _get(url)
        assert status == 200 and "Rapporten renderas" in body and headers["Content-Security-Policy"] == CSP
        assert _get(url + "__version")[2].strip() == "0"
        shown.show("<html><head></head><body>Rapporten</body></html>")
        assert _get(url + "__version")[2].strip() == "1"
        assert 'content="1"' in _get(url)[2]
        for path in ("report.html", "params/avesta/2021-22.yml", "../", "build/", "__version/x"):
            assert _get(url + path)[0] == 404
        assert _get(url, host="example.com")[0] == 403  # a name pointed at 127.0.0.1 reads nothing
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        connection.request("POST", "/", body=b"x")
        assert connection.getresponse().status == 501
        connection.close()
    finally:
        server.shutdown()
        server.server_close()


# --- the render loop --------------------------------------------------------------------------


class _Pool:
    def take(self):
        return None


def test_a_change_during_a_render_makes_one_more_render(monkeypatch, tmp_path):
    started, release, calls = threading.Event(), threading.Event(), []

    def fake(params_path, layout, km):
        calls.append(time.monotonic())
        started.set()
        release.wait(10)
        return f"<html><head></head><body>render {len(calls)}</body></html>"

    monkeypatch.setattr(preview_module, "render_page", fake)
    shown = Shown("")
    layout = Layout(tmp_path, tmp_path / "output", tmp_path / "build" / "preview")
    renderer = preview_module.Renderer(tmp_path / "a.yml", layout, _Pool(), shown).start()
    try:
        assert started.wait(5)
        for _ in range(3):  # three changes during the first render
            renderer.request()
        release.set()
        deadline = time.monotonic() + 10
        while shown.version < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        assert len(calls) == 2 and shown.current() == (2, "<html><head></head><body>render 2</body></html>")
    finally:
        renderer.stop()


def test_a_failed_render_shows_why_and_the_next_good_one_replaces_it(monkeypatch, tmp_path, capsys):
    outcomes = [
        InputError([Problem("sammanfattning.md", 3, None, "{{ <b>fel }}", "en känd indikator")]),
        RuntimeError("deltagare " + "19850101" + "-1234 i en cell"),  # a personnummer shape: never to be shown
        "<html><head></head><body>Bra</body></html>",
    ]

    def fake(params_path, layout, km):
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(preview_module, "render_page", fake)
    shown = Shown("")
    layout = Layout(tmp_path, tmp_path / "output", tmp_path / "build" / "preview")
    renderer = preview_module.Renderer(tmp_path / "a.yml", layout, _Pool(), shown)
    renderer.render_once()
    page = shown.page
    assert "Rapporten kunde inte renderas" in page and "{{ &lt;b&gt;fel }}" in page and "<b>fel" not in page
    renderer.render_once()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "19850101" not in err and "oväntat fel (RuntimeError)" in err
    assert "Ett oväntat fel stoppade renderingen" in shown.page and "19850101" not in shown.page
    assert list((tmp_path / "build" / "logs").glob("rapport-*.log"))  # the traceback: in the private log
    renderer.render_once()
    assert shown.current() == (3, "<html><head></head><body>Bra</body></html>")


# --- the command ------------------------------------------------------------------------------


def _wait_for(fetch, test, what: str, seconds: float = 90):
    deadline = time.monotonic() + seconds
    value = None
    while time.monotonic() < deadline:
        try:
            value = fetch()
        except OSError:
            value = None
        if value is not None and test(value):
            return value
        time.sleep(0.3)
    raise AssertionError(f"{what} did not happen within {seconds} s")


def test_preview_renders_again_as_the_text_changes_and_stops_on_ctrl_c(tmp_path):
    root = _workspace(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "rapportlib.cli", "preview", str(PARAMS), "--port", "0", "--no-browser"]
    errors = (tmp_path / "stderr.txt").open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
    lines: list[str] = []
    try:
        first = process.stdout.readline()
        assert first.startswith("Förhandsvisning: http://127.0.0.1:") and first.rstrip().endswith(
            "(avsluta med Ctrl-C)"
        )
        url = first.split()[1]
        assert not url.endswith(":0/")
        threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()

        def page():
            return _get(url)[2]

        def version():
            return int(_get(url + "__version")[2])

        _wait_for(page, lambda text: KNOWN in text, "the first render")
        before = version()
        text = root / "params" / "avesta" / "2021-22" / "sammanfattning.md"
        original = text.read_text(encoding="utf-8")
        text.write_text(original + "\nEn alldeles ny mening om förhandsvisningen.\n", encoding="utf-8")
        started = time.monotonic()
        _wait_for(page, lambda body: "En alldeles ny mening om förhandsvisningen." in body, "the new sentence", 60)
        assert time.monotonic() - started < 45
        assert version() > before

        text.write_text(original + "\nEn trasig {{ finns.inte }} mening.\n", encoding="utf-8")
        broken = _wait_for(page, lambda body: "Rapporten kunde inte renderas" in body, "the error page", 60)
        assert "finns.inte" in broken and "en känd indikator" in broken
        text.write_text(original + "\nEn lagad mening.\n", encoding="utf-8")
        _wait_for(page, lambda body: "En lagad mening." in body and KNOWN in body, "the recovery", 60)

        output = root / "output"
        assert not output.exists() or not any(output.iterdir())  # nothing published
        assert list((root / "build" / "preview" / "avesta").glob("*/report.html"))
        assert "<script>" not in next((root / "build" / "preview" / "avesta").glob("*/report.html")).read_text()

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        errors.close()
    time.sleep(0.2)  # the reader thread takes the last lines
    stderr = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert lines[-1].strip() == "Förhandsvisningen avslutad.", (lines, stderr)
    assert "Traceback" not in stderr and "finns.inte" in stderr  # the problem shown in the terminal too


def test_a_port_in_use_is_said_in_swedish(tmp_path, capsys):
    shown = Shown("")
    server = start_server(shown, 0)
    try:
        status = preview_module.preview(
            _workspace(tmp_path) / PARAMS, port=server.server_address[1], open_browser=False
        )
    finally:
        server.shutdown()
        server.server_close()
    assert status == 2
    assert "går inte att använda" in capsys.readouterr().err


def test_the_browser_is_opened_once_and_a_failure_is_quiet(monkeypatch):
    import webbrowser

    opened = []

    def fail(url):
        opened.append(url)
        raise webbrowser.Error("ingen webbläsare")

    monkeypatch.setattr(webbrowser, "open", fail)
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    preview_module._open("http://127.0.0.1:1/")  # no desktop: a text browser would take the terminal
    monkeypatch.setenv("DISPLAY", ":0")
    preview_module._open("http://127.0.0.1:2/")
    deadline = time.monotonic() + 5
    while not opened and time.monotonic() < deadline:
        time.sleep(0.01)
    assert opened == ["http://127.0.0.1:2/"]

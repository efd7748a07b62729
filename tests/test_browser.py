"""Every rendered HTML report opened in a real browser (Debian's Chromium via Playwright), offline.

Checks: no request leaves the file, no console error, every chart drawn, every table-of-contents
link lands on its heading, and no horizontal scroll at phone width. Skipped only outside CI when
Chromium or Playwright is missing; in CI (CI=true) their absence is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _browser_available():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return os.path.exists(CHROMIUM)


pytestmark = pytest.mark.skipif(not _browser_available() and not os.environ.get("CI"),
                                reason="needs Playwright and Debian's chromium (CI installs both)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    outside, errors = [], []
    page.route("**/*", lambda route: (route.continue_() if route.request.url.startswith(("file:", "data:"))
                                      else (outside.append(route.request.url), route.abort())))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, outside, errors


def _reports(site):
    _, folders = site
    return [folder / "report.html" for folder in folders.values()]


def test_offline_without_requests_or_console_errors(browser, site):
    for path in _reports(site):
        context, page, outside, errors = _open(browser, path)
        assert outside == [], f"{path}: requests left the file: {outside}"
        assert errors == [], f"{path}: console errors: {errors}"
        assert page.evaluate("document.documentElement.lang") == "sv"
        context.close()


def test_every_chart_is_drawn(browser, site):
    for path in _reports(site):
        context, page, _, _ = _open(browser, path)
        charts = page.evaluate("""() => [...document.querySelectorAll('figure.chart svg')].map(svg => {
            const box = svg.getBoundingClientRect();
            return {w: box.width, h: box.height, marks: svg.querySelectorAll('path, rect, line').length,
                    label: svg.closest('.chart-svg').getAttribute('aria-label')};
        })""")
        assert len(charts) >= 3, f"{path}: only {len(charts)} charts"
        for chart in charts:
            assert chart["w"] > 100 and chart["h"] > 50 and chart["marks"] > 5, (path, chart)
            assert chart["label"] and len(chart["label"]) > 20, "every chart needs a text alternative"
        context.close()


def test_every_toc_link_lands_on_its_heading(browser, site):
    for path in _reports(site):
        context, page, _, _ = _open(browser, path, height=700)
        links = page.evaluate("[...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))")
        assert len(links) >= 5
        for href in links:
            page.goto(path.as_uri())
            page.click(f'nav.toc a[href="{href}"]')
            landed = page.evaluate(f"""() => {{
                const h = document.getElementById({href[1:]!r});
                if (!h || !/^H[2-4]$/.test(h.tagName)) return null;
                const r = h.getBoundingClientRect();
                return {{hash: location.hash, top: r.top, inView: r.top >= -1 && r.top < window.innerHeight}};
            }}""")
            assert landed is not None, f"{path}: {href} has no heading"
            assert landed["hash"] == href and landed["inView"], (path, href, landed)
        context.close()


def test_no_horizontal_scroll_at_phone_width(browser, site):
    for path in _reports(site):
        context, page, _, _ = _open(browser, path, width=375, height=740)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path}: page is {widths[0]} px wide at a {widths[1]} px screen"
        context.close()

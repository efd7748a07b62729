"""Every rendered HTML report opened in a real browser (Debian's Chromium via Playwright), offline.

Checks: no request leaves the file, no console error, every chart drawn, every table-of-contents
link lands on its heading, no horizontal scroll at phone width, the links between a report, its
PDF and the index reach their files and stay on screen, and every table's scroll region can be
reached by keyboard, named by the caption shown above it (axe-core's checks: test_a11y.py).
Skipped only outside CI when Chromium or Playwright is missing; in CI (CI=true) their absence is a failure.
"""

import json
import os
import shutil
from pathlib import Path

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
        plan = json.loads((Path(path).parent / "indicators.json").read_text(encoding="utf-8")).get("kind") == "plan"
        assert len(charts) >= (0 if plan else 3), f"{path}: only {len(charts)} charts"  # a plan has tables only
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


def _links(page):
    """Every link on the page: its href as written, the file it reaches, and its box on screen."""
    return page.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => {
        const r = a.getBoundingClientRect();
        return {href: a.getAttribute('href'), url: a.href, left: r.left, right: r.right, w: r.width,
                name: a.textContent.trim(), width: window.innerWidth};
    })""")


def _file(url):
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(url).path))


@pytest.mark.parametrize("width", [1280, 390])
def test_report_pages_link_to_their_pdf_and_the_index(browser, site, width):
    layout, _ = site
    for path in _reports(site):
        context, page, _, _ = _open(browser, path, width=width)
        nav = [link for link in _links(page) if link["href"] in ("report.pdf", "../../index.html")]
        context.close()
        assert [link["href"] for link in nav] == ["../../index.html", "report.pdf"], f"{path}: {nav}"
        assert _file(nav[0]["url"]) == layout.output / "index.html"
        assert _file(nav[1]["url"]) == path.parent / "report.pdf"
        for link in nav:
            assert _file(link["url"]).is_file(), link
            assert 0 <= link["left"] and link["right"] <= link["width"] and link["w"] > 0, (path, width, link)


@pytest.mark.parametrize("width", [1280, 390])
def test_index_links_reach_every_report_and_stay_on_screen(browser, site, width):
    layout, folders = site
    index = layout.output / "index.html"
    context, page, outside, errors = _open(browser, index, width=width)
    links = _links(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert outside == [] and errors == []
    assert widths[0] <= widths[1], f"index is {widths[0]} px wide at a {widths[1]} px screen"
    reached = {_file(link["url"]) for link in links}
    for folder in folders.values():
        assert {folder / "report.html", folder / "report.pdf", folder / "indicators.json"} <= reached, folder
    for link in links:
        assert _file(link["url"]).is_file(), link
        assert 0 <= link["left"] and link["right"] <= link["width"] and link["w"] > 0, (width, link)


@pytest.mark.parametrize("width", [1280, 390])
def test_table_scroll_regions_are_focusable_and_named_by_the_caption_above(browser, site, width):
    layout, _ = site
    for path in [*_reports(site), layout.output / "index.html"]:
        context, page, _, _ = _open(browser, path, width=width)
        regions = page.evaluate("""() => [...document.querySelectorAll('.table-wrap')].map(wrap => {
            const caption = wrap.parentElement.querySelector(':scope > .table-caption');
            const c = caption && caption.getBoundingClientRect(), w = wrap.getBoundingClientRect();
            wrap.focus();
            return {tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'),
                    label: wrap.getAttribute('aria-label'), caption: caption && caption.textContent,
                    focused: document.activeElement === wrap, above: c && c.bottom <= w.top + 1,
                    fits: c && c.left >= 0 && c.right <= window.innerWidth};
        })""")
        context.close()
        assert regions, path
        for region in regions:
            assert region["tabindex"] == "0" and region["role"] == "region" and region["focused"], (path, region)
            assert region["label"] and region["label"] == region["caption"], (path, region)
            assert region["above"] and region["fits"], (path, width, region)

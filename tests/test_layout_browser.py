"""Tables laid out by content in the HTML, measured in a real browser (Debian's Chromium via
Playwright) at desktop and phone width: narrow tables not stretched, related tables in a row that
stacks on a phone, headers not hyphenated, numbers not broken. Skipped like test_browser.py."""

import os

import pytest

from test_browser import ARGS, CHROMIUM, _browser_available

pytestmark = pytest.mark.skipif(
    not _browser_available() and not os.environ.get("CI"),
    reason="needs Playwright and Debian's chromium (CI installs both)",
)

MEASURE = """() => {
    const main = document.querySelector('main').getBoundingClientRect();
    const pair = document.querySelector('.side-by-side');
    const boxes = [...pair.children].map(c => c.getBoundingClientRect());
    const first = pair.querySelector('table').getBoundingClientRect();
    const th = getComputedStyle(document.querySelector('table.rapport-table thead th'));
    const num = getComputedStyle(document.querySelector('table.rapport-table td.num'));
    return {main: main.width, boxes: boxes.map(b => [b.left, b.top, b.bottom, b.width]),
            table: first.width, hyphens: th.hyphens, nowrap: num.whiteSpace};
}"""


@pytest.fixture(scope="module")
def measured(site):
    from playwright.sync_api import sync_playwright

    _, folders = site
    page_path = folders["avesta/2021-22"] / "report.html"
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in (1280, 390):
            context = browser.new_context(viewport={"width": width, "height": 900}, offline=True)
            page = context.new_page()
            page.goto(page_path.as_uri(), wait_until="load")
            found[width] = page.evaluate(MEASURE)
            context.close()
        browser.close()
    return found


def test_related_tables_stand_in_a_row_on_a_desktop_and_stack_on_a_phone(measured):
    (l1, t1, _, _), (l2, t2, _, _) = measured[1280]["boxes"]
    assert t1 == t2 and l2 > l1
    (_, _, bottom1, _), (_, top2, _, _) = measured[390]["boxes"]
    assert top2 >= bottom1


def test_a_narrow_table_is_not_stretched(measured):
    assert measured[1280]["table"] < 0.5 * measured[1280]["main"]


def test_headers_not_hyphenated_and_numbers_not_broken(measured):
    for width in measured:
        assert measured[width]["hyphens"] == "manual" and measured[width]["nowrap"] == "nowrap"

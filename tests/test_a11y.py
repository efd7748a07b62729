"""WCAG 2.1 A and AA as axe-core checks them, in Debian's Chromium through Playwright: every
rendered report page and the site index, at 1280 px and at a phone's 390 px, with zero violations.

axe-core comes from npm (``make test-tools`` installs it into ``build/node/``; ``.ci/run`` runs
that), or from ``$RAPPORT_AXE_JS``. Without it the test is skipped, saying so, except in CI
(CI=true), where its absence is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from test_browser import ARGS, CHROMIUM, _browser_available, _open

ROOT = Path(__file__).resolve().parents[1]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [(1280, 900), (390, 844)]


def _axe_script() -> Path | None:
    candidates = [os.environ.get("RAPPORT_AXE_JS"), ROOT / "build/node/node_modules/axe-core/axe.min.js"]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


AXE = _axe_script()

_MISSING = [what for what, ok in (
    ("axe-core (make test-tools: npm installs it into build/node/)", AXE is not None),
    ("Playwright and Debian's chromium", _browser_available()),
) if not ok]
if _MISSING:
    _why = "needs " + " and ".join(_MISSING)
    if os.environ.get("CI"):
        pytest.fail(f"CI installs them: {_why}", pytrace=False)
    pytestmark = pytest.mark.skip(reason=_why)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _pages(site) -> list[Path]:
    layout, folders = site
    return [folder / "report.html" for folder in folders.values()] + [layout.output / "index.html"]


def axe_violations(browser, path: Path, width: int, height: int) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on one page at one viewport size."""
    context, page, _, _ = _open(browser, path, width, height)
    try:
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
            }""",
            TAGS,
        )
    finally:
        context.close()
    return result


@pytest.mark.parametrize("width,height", WIDTHS, ids=[f"{w}px" for w, _ in WIDTHS])
def test_no_axe_violations(browser, site, width, height):
    found = {}
    for path in _pages(site):
        violations = axe_violations(browser, path, width, height)
        if violations:
            found[str(path.relative_to(path.parents[2] if path.name == "report.html" else path.parent))] = violations
    count = sum(len(v["nodes"]) for vs in found.values() for v in vs)
    assert not found, f"{count} axe-core violations at {width} px:\n" + json.dumps(found, ensure_ascii=False, indent=1)

"""Page economy of the example reports' PDFs, measured on the rendered pages (helper: pagefill.py).

A new page only for the main parts (where the notebook asks for one), no heading at the foot of
a page, at most one page less than half full per main part, data quality and the about part as
one part at the end, and fewer pages than before tables were laid out by content.
"""

import pytest

from pagefill import main_parts, pages, part_titles

#: Pages of each example's PDF when every section started a page (before, issue 12).
PAGES_BEFORE = {"avesta/2018": 19, "avesta/2021-22": 19, "vasteras/2020": 18}


@pytest.fixture(scope="module")
def reports(site):
    """{example: (PDF path, titles of its main parts)}."""
    _, folders = site
    return {
        name: (folder / "report.pdf", part_titles((folder / "report.html").read_text(encoding="utf-8")))
        for name, folder in folders.items()
        if name in PAGES_BEFORE
    }


def test_fewer_pages_than_when_every_section_started_a_page(reports):
    counts = {name: len(pages(pdf)) for name, (pdf, _) in reports.items()}
    assert set(counts) == set(PAGES_BEFORE)
    assert all(counts[name] < before for name, before in PAGES_BEFORE.items()), counts


def test_each_main_part_starts_a_page_and_has_at_most_one_page_less_than_half_full(reports):
    for name, (pdf, titles) in reports.items():
        assert len(titles) >= 3, f"{name}: main parts {titles}"
        for part in main_parts(pdf, titles)[1:]:
            assert part[0].lines[0].heading, f"{name}: page {part[0].number} does not begin with its part"
            thin = [(p.number, round(p.fill, 2)) for p in part if p.fill < 0.5]
            assert len(thin) <= 1, f"{name}: pages less than half full in one main part: {thin}"


def test_no_page_ends_with_a_heading(reports):
    for name, (pdf, _) in reports.items():
        for page in pages(pdf):
            assert page.lines, f"{name}: page {page.number} is empty"
            assert not page.ends_with_heading, f"{name}: page {page.number} ends with “{page.lines[-1].text}”"


def test_data_quality_is_part_of_the_about_part_at_the_end(reports):
    for name, (pdf, _) in reports.items():
        last = pages(pdf)[-1]
        texts = [line.text for line in last.lines]
        assert "Om rapporten" in texts and "Datakvalitet" not in texts, f"{name}: {texts[:3]}"
        assert any("kontroller" in t for t in texts[texts.index("Om rapporten") :]), name


def test_related_small_tables_stand_side_by_side(reports):
    pdf, _ = reports["avesta/2021-22"]
    lines = [line.text for page in pages(pdf) for line in page.lines]
    assert any("Tabell 1:" in t and "Tabell 2:" in t for t in lines), "referrer and payer tables not in a row"

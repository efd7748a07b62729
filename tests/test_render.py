"""End to end: Papermill runs the notebook; HTML, PDF and indicators.json are published."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rapportlib.errors import InputError
from rapportlib.layout import Layout
from rapportlib.render import render

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def published(site):
    layout, folders = site
    return layout, folders["avesta/2021-22"]


def test_publishes_the_three_files_and_an_index(published):
    layout, folder = published
    assert folder == layout.output / "avesta" / "2021-07-01_2022-06-30"
    assert sorted(p.name for p in folder.iterdir()) == ["indicators.json", "report.html", "report.pdf"]
    index = (layout.output / "index.html").read_text(encoding="utf-8")
    assert 'href="avesta/2021-07-01_2022-06-30/report.html"' in index
    assert 'href="avesta/2021-07-01_2022-06-30/report.pdf"' in index


def test_executed_notebook_stays_in_the_private_build_folder(published):
    layout, _ = published
    assert (layout.build / "avesta" / "2021-07-01_2022-06-30" / "report.ipynb").exists()
    assert not list(layout.output.rglob("*.ipynb"))


def test_html_is_swedish_self_contained_and_without_code(published):
    _, folder = published
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in page
    assert re.search(r'<footer class="provenance">Rapporten om Samverkansteam Avesta [^<]*programmet rapport', page)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "an external request"
    assert "@import" not in page and "url(http" not in page
    assert "<script" not in page
    assert "rep.table" not in page and "Report.load" not in page, "code cells leaked into the HTML"
    assert re.search(r"Tabell \d+: Deltagarresultat", page) and "Tabell 1:" in page and "Figur 1:" in page
    assert "<svg" in page
    # Swedish number formats straight from the indicators.
    assert "62,5\u00a0%" in page and "16,8\u00a0mån" in page and "2\u00a0300\u00a0000\u00a0kr" in page


def test_indicators_json_matches_the_command_line(published):
    _, folder = published
    data = json.loads((folder / "indicators.json").read_text(encoding="utf-8"))
    assert data["flows"]["served"] == 67 and data["outcomes"]["in_goal"] == 15


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_has_title_tables_and_page_footer(published):
    _, folder = published
    pdf = folder / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Samverkansteam Avesta" in text and "Södra Dalarnas Samordningsförbund" in text
    assert re.search(r"Tabell \d+: Deltagarresultat", text) and "Innehåll" in text
    assert re.search(r"Sida 2 av \d+", text)
    assert "62,5 %" in text.replace("\u00a0", " ")
    # The provenance line, as in the HTML footer: in reader words, never the clock (hashes: indicators.json).
    flat = " ".join(text.split())
    assert re.search(r"framställd med programmet rapport, version \d+\.\d+\.\d+", flat)
    assert "sha256" not in flat


def test_invalid_data_leaves_published_report_untouched(published, tmp_path):
    layout, folder = published
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    data = tmp_path / "deltagare.csv"
    data.write_text(
        "deltagar_id,kon,fodelsear,inskrivningsdatum,remittent\nX1,kvinna,19x0,2021-08-01,af\n", encoding="utf-8"
    )
    params = tmp_path / "2021-22.yml"
    params.write_text(
        "team: avesta\nname: Samverkansteam Avesta\nperiod: {start: 2021-07-01, end: 2022-06-30}\n"
        f"data: {{participants: {data}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError):
        render(params, layout)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_final_render_stops_on_a_failed_check_and_names_it(tmp_path, monkeypatch):
    from rapportlib import checks
    from rapportlib.checks import Check, ConsistencyError

    layout = Layout(ROOT / "notebooks", tmp_path / "output", tmp_path / "build")
    broken = [Check("Flödena går ihop", False, "33 + 34 − 24 = 44")]
    monkeypatch.setattr(checks, "run_checks", lambda ind, **kw: broken)
    with pytest.raises(ConsistencyError, match="Flödena går ihop: 33 \\+ 34 − 24 = 44"):
        render(ROOT / "params/avesta/2021-22.yml", layout, final=True)
    assert not (tmp_path / "output").exists() and not (tmp_path / "build").exists()


def test_renders_are_deterministic(site, tmp_path):
    """The same inputs give byte-identical HTML, PDF and JSON (no clock, no random ids)."""
    _, folders = site
    again = render(ROOT / "params/vasteras/2020.yml", Layout(ROOT / "notebooks", tmp_path / "out", tmp_path / "b"))
    for name in ("report.html", "report.pdf", "indicators.json"):
        assert (again / name).read_bytes() == (folders["vasteras/2020"] / name).read_bytes(), name

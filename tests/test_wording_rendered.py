"""What a reader of the rendered reports sees: no developer words, the kind of report from its period,
periods read as months, one unit per figure, no "varav 0"."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

#: Words that belong to the people who build or check a report, never to its readers.
DEVELOPER_WORDS = (
    "docs/",
    "payback.md",
    ".md,",
    "indicators.json",
    ".json",
    "sha256",
    "commit",
    "rapport validate",
    "`",
    "params/",
    ".py",
    ".csv",
    "None",
    "NaN",
    "Traceback",
    "checkats in",
)


def _html_text(page: str) -> str:
    """The words of an HTML page, as a screen reader would meet them: text and alternative texts."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    alts = " ".join(re.findall(r'(?:aria-label|alt)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + alts)


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _texts(folder) -> dict[str, str]:
    texts = {"html": _html_text((folder / "report.html").read_text(encoding="utf-8"))}
    if shutil.which("pdftotext"):
        texts["pdf"] = _pdf_text(folder / "report.pdf")
    return texts


@pytest.mark.parametrize("report", ["avesta/2018", "avesta/2021-22", "vasteras/2020"])
def test_no_developer_words_reach_the_reader(site, report):
    _, folders = site
    for kind, text in _texts(folders[report]).items():
        found = [word for word in DEVELOPER_WORDS if word in text]
        assert not found, f"{report} ({kind}): {found}"


@pytest.mark.parametrize("report", ["avesta/2018", "avesta/2021-22", "vasteras/2020"])
def test_reader_language_in_the_rendered_report(site, report):
    _, folders = site
    page = (folders[report] / "report.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Helårsrapport [^<]*(?:januari–december 20\d\d|juli 2021 – juni 2022)</title>", page)
    for kind, text in _texts(folders[report]).items():
        flat = " ".join(text.replace("\u00a0", " ").split())
        assert "Verksamhetsrapport" not in flat and "Helårsrapport" in flat, kind
        assert not re.search(r"\b[0-2]\d[01]\d[–-][0-2]\d[01]\d\b", flat), kind  # "1901–1912" reads as years
        assert not re.search(r"\bmån månader\b|varav 0\b|– \(–\)", flat), kind


@pytest.mark.parametrize(
    ("report", "before", "served"),
    [("avesta/2021-22", "juli 2020 – juni 2021", "Föregående period: 56 (+11)"),
     ("vasteras/2020", "januari–december 2019", "Föregående period: 74 (+11)")],
)  # fmt: skip
def test_the_rendered_report_compares_with_the_previous_period(site, report, before, served):
    _, folders = site
    page = (folders[report] / "report.html").read_text(encoding="utf-8")
    assert '<span class="visually-hidden">, en ökning med 11</span>' in page  # the change in words
    for kind, text in _texts(folders[report]).items():
        flat = " ".join(text.replace("\u00a0", " ").split())
        assert f"Jämfört med föregående period ({before}) hade teamet fler deltagare" in flat, kind
        assert "Föregående period" in flat and "Förändring" in flat, kind
        if kind == "html":
            assert served in flat.replace(" , en ökning med 11", "")

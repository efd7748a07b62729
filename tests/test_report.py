"""The notebook-facing Report: numbering, conditional sections, draft and final modes."""

import copy
import dataclasses
from pathlib import Path

import mistune
import pytest

from rapportlib.checks import ConsistencyError
from rapportlib.prepare import prepare
from rapportlib.report import Report

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def loaded():
    return prepare(ROOT / "params/avesta/2021-22.yml", ROOT / "notebooks")


def test_tables_and_figures_are_numbered_in_order(loaded):
    rep = Report(loaded)
    first, second, fig = rep.table("flow"), rep.table("outcome"), rep.figure("outcome")
    assert "Tabell 1: Deltagarresultat" in first.html and "Tabell 2: Resultat vid avslut" in second.html
    assert ": Tabell 2: Resultat vid avslut" in second.markdown  # the pandoc caption for the PDF
    assert "Figur 1: Avslut per anledning" in fig.html and fig.svg.startswith("<svg")


def test_absent_data_show_nothing_and_take_no_number(loaded):
    rep = Report(loaded)  # Avesta has no survey or follow-up file
    assert rep.heading("Deltagarenkät", 3, needs="survey") is None
    assert rep.table("survey", "1") is None and rep.figure("survey", "1") is None
    assert "Tabell 1:" in rep.table("flow").html
    shown = rep.heading("Ekonomi", 2, needs="budget")
    assert shown.html == '<h2 id="ekonomi"><span class="secno">1</span> Ekonomi</h2>' and shown.markdown == "## Ekonomi"


def test_headings_are_numbered_as_the_page_and_the_pdf_number_them(loaded):
    from rapportlib.render.htmlpage import number_headings

    rep = Report(loaded)
    shown = [
        rep.heading("Sammanfattning", 2, numbered=False),
        rep.heading("Deltagare", 2),
        rep.heading("Beskrivning", 3, numbered=False),
        rep.heading("Förutsättningar", 3),
        rep.heading("Hälsa", 4),
        rep.heading("Enkät", 4, needs="survey"),  # absent: no number taken
        rep.heading("Beskrivning", 3, numbered=False),
        rep.heading("Personal", 2),
        rep.heading("Om rapporten", 2, numbered=False),
    ]
    assert shown[5] is None
    blocks = [b for b in shown if b is not None]
    assert [b.markdown for b in blocks] == [
        "## Sammanfattning {.unnumbered}", "## Deltagare", "### Beskrivning {.unnumbered}", "### Förutsättningar",
        "#### Hälsa", "### Beskrivning {.unnumbered}", "## Personal", "## Om rapporten {.unnumbered}",
    ]
    assert blocks[0].html == '<h2 id="sammanfattning" class="unnumbered">Sammanfattning</h2>'
    assert blocks[4].html == '<h4 id="halsa"><span class="secno">1.1.1</span> Hälsa</h4>'
    assert blocks[5].html == '<h3 id="beskrivning-2" class="unnumbered">Beskrivning</h3>'
    assert blocks[6].html == '<h2 id="personal"><span class="secno">2</span> Personal</h2>'
    assert blocks[6].text == "Personal"
    # The page keeps them as they are, and numbers them the same from the Markdown headings.
    page = "\n".join(b.html for b in blocks)
    assert number_headings(page)[0] == page
    assert number_headings(mistune.html("\n\n".join(b.markdown for b in blocks)))[0].strip() == page


def test_a_heading_in_a_team_text_takes_its_number_in_the_notebook(loaded):
    from rapportlib.narrative import Part

    narrative = {"s": {"": Part("", "Inledning.\n\n### Bakgrund\n\nMer text.", Path("s.md"), 1)}}
    rep = Report(dataclasses.replace(loaded, narrative=narrative))
    rep.heading("Deltagare", 2)
    assert '<h3 id="bakgrund"><span class="secno">1.1</span> Bakgrund</h3>' in rep.text("s").html
    assert rep.heading("Resultat", 3).html.startswith('<h3 id="resultat"><span class="secno">1.2</span>')


def test_the_page_style_is_in_the_title_block_only_in_jupyterlab(loaded):
    assert "<style>" not in Report(loaded).title_block().html  # as `rapport render` runs it
    shown = Report.load(ROOT / "params/avesta/2021-22.yml").title_block().html
    assert shown.startswith("<style>") and ".kpis {" in shown and "body {" not in shown


def test_draft_lists_failed_checks_and_final_refuses(loaded):
    ind = loaded.indicators
    broken = copy.deepcopy(ind)
    broken["checks"][0] = {"name": "Flödena går ihop", "ok": False, "detail": "33 + 34 − 24 = 44"}
    draft = Report(dataclasses.replace(loaded, indicators=broken)).data_quality()
    assert "Kontroller av datakvalitet" in draft.html and "NEJ" in draft.html and "33 + 34 − 24 = 44" in draft.html
    ok = Report(loaded).data_quality()
    assert f"Alla {len(ind['checks'])} kontroller" in ok.text


def test_final_load_raises_when_a_check_fails(monkeypatch):
    from rapportlib import checks
    from rapportlib.checks import Check

    failing = [Check("Budgetraderna summerar (budget)", False, "1 = 2")]
    monkeypatch.setattr(checks, "run_checks", lambda ind, **kw: failing)
    with pytest.raises(ConsistencyError, match="Budgetraderna summerar"):
        Report.load(ROOT / "params/avesta/2021-22.yml", final=True)
    assert Report.load(ROOT / "params/avesta/2021-22.yml", final=False).indicators["checks"][0]["ok"] is False


def test_draft_marks_missing_text(loaded):
    from rapportlib.narrative import read_section

    folder = loaded.params.path.with_suffix("")
    narrative = {"s": {"Beskrivning": read_section(folder, "sammanfattning")["Deltagare"]}}
    draft = Report(dataclasses.replace(loaded, narrative=narrative))
    assert draft.text("s", "Beskrivning").text.strip()
    missing = draft.text("s", "Analys")
    assert "Text saknas: s.md, del ”Analys”" in missing.html and "text-missing" in missing.html
    assert "Text saknas: saknas.md" in draft.text("saknas").html

"""Reader language: hidden figures in words, wording by value, integer counts, one rounding per
kind of figure, periods a reader reads as months, Helårsrapport/Delårsrapport, and one legend per
table with exactly the symbols it uses."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from rapportlib import fmt, sentences, tables
from rapportlib.hidden import mark
from rapportlib.narrative import fill, read_section
from rapportlib.narrative_checks import draft_warnings, rounding_warnings
from rapportlib.prepare import prepare
from rapportlib.report import Report
from rapportlib.tables.base import Table
from rapportlib.tables.legend import legend, symbols

ROOT = Path(__file__).resolve().parents[1]
NB = "\u00a0"


@pytest.fixture(scope="module")
def prepared():
    return {
        name: prepare(ROOT / f"params/{name}.yml", ROOT / "notebooks")
        for name in ("avesta/2018", "avesta/2021-22", "vasteras/2020")
    }


def section(tmp_path: Path, text: str, name: str = "s"):
    (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return read_section(tmp_path, name)


IND = {
    "period": {"start": "2021-07-01", "end": "2022-06-30"},
    "flows": {"new": 34, "early_dropouts": 0},
    "capacity": {"max_months": 12},
    "outcomes": {"in_goal_share": 0.625, "by_sex": {"man": {"in_goal": None, "in_goal_share": None}}},
    "throughput": {"months": {"all": 16.8, "man": None, "n": 24}},
    "payback": {"months": None},
    "privacy": {
        "threshold": 5,
        "suppressed": ["outcomes.by_sex.man.in_goal", "outcomes.by_sex.man.in_goal_share", "throughput.months.man"],
    },
}


# --- hidden figures in words -------------------------------------------------------------------


def test_a_hidden_placeholder_reads_as_words_never_a_dash(tmp_path):
    part = section(
        tmp_path,
        "## A\nAv männen gick {{ outcomes.by_sex.man.in_goal }} i mål ({{ outcomes.by_sex.man.in_goal_share }}). "
        "Männens tid: {{ throughput.months.man }}. Återbetalningstid: {{ payback.months }}.",
    )["A"]
    text = fill(part, IND)
    assert "Av männen gick ett antal som inte redovisas i mål (en andel som inte redovisas)." in text
    # a mean is hidden only when it is of fewer persons than the threshold: that may be said
    assert "Männens tid: ett värde som inte redovisas eftersom det bygger på färre än 5 personer." in text
    assert "Återbetalningstid: uppgift saknas." in text  # missing, not hidden
    assert "–" not in text and ".." not in text


def test_validate_names_file_line_and_the_sentence_a_hidden_figure_is_in(tmp_path):
    (tmp_path / "resultat.md").write_text(
        "## Beskrivning\n\nVi arbetade med {{ flows.new }} personer. Av männen gick\n"
        "{{ outcomes.by_sex.man.in_goal }} i mål, vilket är lågt. Det följer vi.\n",
        encoding="utf-8",
    )
    (found,) = draft_warnings(tmp_path, [("resultat", "Beskrivning")], IND)
    said = str(found)
    assert said.startswith("resultat.md, rad 4: värdet '{{ outcomes.by_sex.man.in_goal }}'")
    assert "i meningen ”Av männen gick {{ outcomes.by_sex.man.in_goal }} i mål, vilket är lågt.”" in said
    assert "”ett antal som inte redovisas”" in said and "färre än 5 personer" in said


def test_a_unit_after_the_placeholder_stands_once(tmp_path):
    part = section(
        tmp_path,
        "## A\nRiktmärket är ungefär {{ capacity.max_months }} månader; tiden var {{ throughput.months.all }} "
        "för alla och {{ throughput.months.all | mån }} i tabellen; {{ outcomes.in_goal_share }} procent.",
    )["A"]
    assert fill(part, IND) == (
        f"Riktmärket är ungefär 12 månader; tiden var 16,8{NB}månader för alla och 16,8{NB}mån i tabellen; "
        "62,5 procent."
    )


def test_dates_read_as_words_and_zero_may_read_inga(tmp_path):
    part = section(
        tmp_path,
        "## A\nTill och med {{ period.end }} avslutades 24, och {{ flows.early_dropouts | inga }} av dem avbröt; "
        "{{ flows.new | inga }} nya.",
    )["A"]
    assert fill(part, IND) == "Till och med 30 juni 2022 avslutades 24, och inga av dem avbröt; 34 nya."


def test_a_format_that_rounds_otherwise_than_the_tables_is_a_warning(tmp_path):
    (tmp_path / "s.md").write_text(
        "## A\n{{ outcomes.in_goal_share | procent0 }}, {{ outcomes.in_goal_share }}, "
        "{{ throughput.months.all | tal1 }} månader, {{ flows.new | antal }}.\n",
        encoding="utf-8",
    )
    (found,) = rounding_warnings(tmp_path, [("s", "A")], IND)
    assert found.value == "{{ outcomes.in_goal_share | procent0 }}"
    assert f"”63{NB}%” men tabellerna ”62,5{NB}%”" in found.expected


# --- generated sentences, worded by value --------------------------------------------------------


def _summary_ind(**changes) -> dict:
    ind = {
        "flows": {"served": 67, "active_start": 33, "new": 34, "exits": 24, "early_dropouts": 0, "active_end": 43},
        "sex": {"active_end": {"kvinna": 23, "man": 20}},
        "outcomes": {"denominator": 24, "in_goal": 15, "in_goal_share": 0.625, "in_goal_codes": ["arbete", "studier"]},
        "throughput": {"population": "all_exits", "months": {"all": 16.8, "n": 24}},
        "privacy": {"threshold": 5, "suppressed": []},
    }
    for path, value in changes.items():
        node = ind
        *parents, last = path.split("__")
        for p in parents:
            node = node[p]
        node[last] = value
    return ind


def test_the_summary_words_zero_and_one_by_value():
    text = sentences.summary(_summary_ind())
    assert "Av dem avslutades 24, ingen under prövotiden." in text
    assert "varav 0" not in text and " 0 " not in text
    assert "Vid periodens slut var 43 inskrivna: 23 kvinnor och 20 män." in text
    assert "det vill säga 62,5 % i mål" in text.replace(NB, " ")
    assert "16,8 månader" in text and "mån." not in text
    one = sentences.summary(
        _summary_ind(flows__early_dropouts=1, flows__served=1, flows__active_start=0, flows__new=1, flows__exits=1)
    )
    assert one.startswith("Teamet arbetade under perioden med 1 deltagare: alla skrevs in under perioden.")
    assert "Av dem avslutades 1, under prövotiden (ett tidigt avhopp)." in one
    three = sentences.summary(_summary_ind(flows__early_dropouts=3))
    assert "varav 3 under prövotiden (tidiga avhopp)" in three
    none_in_goal = sentences.summary(_summary_ind(outcomes__in_goal=0, outcomes__in_goal_share=0.0))
    assert "gick ingen vidare till arbete eller studier" in none_in_goal


def test_the_summary_leaves_out_a_hidden_split_and_says_why():
    text = sentences.summary(
        mark(
            _summary_ind(
                sex__active_end={"kvinna": 41, "man": None},
                throughput__months={"all": None, "n": 3},
                privacy={"threshold": 5, "suppressed": ["sex.active_end.man", "throughput.months.all"]},
            )
        )
    )
    assert "Vid periodens slut var 43 inskrivna; uppdelningen per kön redovisas inte, eftersom grupperna" in text
    assert (
        "Genomströmningstiden för dem som avslutades efter prövotiden redovisas inte, eftersom den bygger på "
        "färre än 5 personer." in text
    )
    assert "–" not in text


# --- one legend per table ------------------------------------------------------------------------


def _table(rows, align=("l", "r", "r"), key="t"):
    return Table(key, "T", ["A", "B", "C"][: len(align)], [list(r) for r in rows], list(align))


def test_a_legend_explains_exactly_the_symbols_the_table_uses():
    hidden = _table([["15–29 år", "–", "0"], ["30–44 år", "7", "2"]])
    assert symbols(hidden) == {"–", "0"}
    text = legend(hidden, 5)
    assert text.startswith("Teckenförklaring: – = redovisas inte") and "färre än 5 personer" in text
    assert text.endswith("; 0 = noll.")
    # age bands, a minus sign and a zero without any dash: no legend at all
    assert legend(_table([["15–29 år", "0", f"{fmt.MINUS}20{NB}000"], ["Summa", "3", "4"]]), 5) is None
    missing = _table([["Regionen", f"0{NB}kr", ".."]], key="payback")
    assert symbols(missing) == {"..", "0"}
    assert legend(missing, 5) == (
        "Teckenförklaring: .. = kan inte beräknas (kostnaden saknas, eller kostnaderna minskar inte)."
    )
    assert legend(_table([["A", "..", "1"]]), 5) == "Teckenförklaring: .. = uppgift saknas."


def test_tables_mark_hidden_and_missing_figures_apart(prepared):
    ind = prepared["avesta/2021-22"].indicators
    by_sex = tables.outcome_by_sex_table(ind)
    assert by_sex.rows[0][1:3] == ["–", "–"] and by_sex.rows[-1][1] == "–"  # not "– (–)"
    goals_less = tables.payback_table(ind)
    assert [r[-1] for r in goals_less.rows][2] == ".."  # no reduction for the region: cannot be computed
    hidden_free = copy.deepcopy(ind)
    hidden_free["privacy"]["suppressed"] = []
    assert tables.outcome_by_sex_table(hidden_free).rows[0][1] == ".."  # not hidden: missing


def test_every_table_of_the_examples_has_the_legend_of_its_own_symbols(prepared):
    for name, prep in prepared.items():
        rep = Report(prep)
        for key, args in [(k, ()) for k in tables.TABLES if k not in ("checks", "referrer", "payer", "survey")] + [
            ("referrer", ("new",)),
            ("payer", ("active_end",)),
            ("survey", ("1",)),
        ]:
            block = rep.table(key, *args)
            if block is None or "table-empty" in block.html:  # nothing to read: a sentence, no legend
                continue
            cells = [c for row in tables.TABLES[key](prep.indicators, *args).rows for c in row[1:]]
            has_dash = "–" in cells
            assert ("– = redovisas inte" in block.html) == has_dash, (name, key)
            assert "uppgift saknas, eller färre än" not in block.html  # the old catch-all note


# --- integer counts, one rounding, periods -------------------------------------------------------


def test_counts_are_integers_everywhere(prepared):
    vasteras = tables.capacity_table(prepared["vasteras/2020"].indicators)
    values = {row[0]: row[1] for row in vasteras.rows}
    assert values["Nyinskrivna under perioden"] == "47"  # not "46,9" per year
    assert values["Avslutade under perioden"] == "49" and values["Inskrivna samtidigt, i genomsnitt"] == "39"
    for prep in prepared.values():
        for key in ("flow", "sex", "outcome", "outcome_by_sex", "age_bands", "age_band", "education"):
            table = tables.TABLES[key](prep.indicators)
            for j, column in enumerate(table.columns):
                if column in ("Antal", "Kvinnor", "Män", "Totalt", "Nyinskrivna", "Avslutade") or j and key == "flow":
                    assert all("," not in row[j].partition(" (")[0] for row in table.rows), (key, column)


def test_one_rounding_of_the_headline_on_the_cover_in_tables_and_text(prepared):
    prep = prepared["avesta/2021-22"]
    rep = Report(prep)
    headline = dict(rep.key_figures())["Andel i mål"]
    assert headline == f"62,5{NB}%"
    assert headline in rep.summary().text
    for key in ("outcome", "outcome_by_sex"):
        assert any(headline in cell for row in tables.TABLES[key](prep.indicators).rows for cell in row), key


def test_periods_read_as_months_not_as_years(prepared):
    ind = prepared["avesta/2021-22"].indicators
    history = tables.throughput_history_table(ind)
    assert [row[0] for row in history.rows][:2] == ["jan–dec 2019", "juli 2019 – juni 2020"]
    assert tables.flow_table(ind).caption == "Deltagarresultat, juli 2021 – juni 2022"
    for prep in prepared.values():
        for key in ("flow", "outcome", "throughput", "throughput_history", "sex"):
            table = tables.TABLES[key](prep.indicators)
            text = " ".join([table.caption, *table.columns, *(c for r in table.rows for c in r)])
            assert not re.search(r"\b\d{4}[–-]\d{4}\b", text), key  # "1901–1912" read as years


def test_the_title_names_the_kind_of_report_from_its_period(prepared):
    prep = prepared["avesta/2021-22"]
    block = Report(prep).title_block()
    assert block.meta["kind"] == "Helårsrapport" and block.meta["period"] == "juli 2021 – juni 2022"
    assert block.meta["title"] == "Helårsrapport Samverkansteam Avesta, juli 2021 – juni 2022"
    assert "<h1>Helårsrapport Samverkansteam Avesta</h1>" in block.html and "Verksamhetsrapport" not in block.html
    half = dataclasses.replace(prep, params=dataclasses.replace(prep.params, end=dt.date(2021, 12, 31)))
    assert Report(half).title_block().meta["title"] == "Delårsrapport Samverkansteam Avesta, juli–december 2021"


def test_labels_are_whole_phrases(prepared):
    rep = Report(prepared["avesta/2021-22"])
    labels = [k for k, _ in rep.key_figures()]
    assert "Totalt arbetat med" not in labels and "Deltagare under perioden" in labels
    for key in ("sex", "age_bands"):
        table = tables.TABLES[key](prepared["avesta/2021-22"].indicators)
        words = " ".join([*table.columns, *(r[0] for r in table.rows)])
        assert "Totalt arbetat med" not in words and "Deltagare under perioden" in words

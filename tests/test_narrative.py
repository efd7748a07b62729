"""Narrative files: placeholders bound to indicators, Swedish formats, errors with file and line."""

from pathlib import Path

import pytest

from rapportlib.errors import InputError
from rapportlib.narrative import fill, hand_typed_numbers, read_section

IND = {
    "flows": {"new": 34, "served": 67},
    "outcomes": {"in_goal_share": 0.625, "denominator": 24},
    "throughput": {"months": {"all": 16.8}, "history": [{"months": 17.8}, {"months": 25.2}]},
    "budget": {"total": {"remaining": 1110350.0, "forecast": -20000.0}},
    "age": {"active_end": {"mean": 38.02, "min": 20}},
    "payback": {"months": None},
}


def section(tmp_path: Path, text: str):
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    return read_section(tmp_path, "s")


def test_parts_are_level_two_headings_and_comments_are_dropped(tmp_path):
    parts = section(tmp_path, "<!-- a note\nover two lines -->\nInledning.\n\n## Beskrivning\nText.\n\n## Analys\n")
    assert parts[""].text == "Inledning." and parts[""].first_line == 3  # the real line, after the comment
    assert parts["Beskrivning"].text == "Text." and parts["Beskrivning"].first_line == 6
    assert parts["Beskrivning"].heading_line == 5 and parts["Analys"].heading_line == 8
    assert parts["Analys"].text == ""


def test_known_placeholders_take_swedish_formats(tmp_path):
    part = section(tmp_path, "## A\n{{ flows.new }} nya av {{flows.served}}; {{ outcomes.in_goal_share }} i mål; "
                             "{{ throughput.months.all }}; {{ throughput.history.1.months }}; "
                             "{{ budget.total.remaining }}; {{ budget.total.forecast }}; {{ age.active_end.mean }}; "
                             "{{ payback.months }}")["A"]
    assert fill(part, IND) == ("34 nya av 67; 62,5\u00a0% i mål; 16,8\u00a0mån; 25,2\u00a0mån; "
                               "1\u00a0110\u00a0350\u00a0kr; \u221220\u00a0000\u00a0kr; 38,0\u00a0år; –")


def test_explicit_formats(tmp_path):
    part = section(tmp_path, "## A\n{{ outcomes.in_goal_share | procent0 }} {{ throughput.months.all | tal1 }} "
                             "{{ age.active_end.mean | år0 }} {{ flows.new | antal }}")["A"]
    assert fill(part, IND) == "63\u00a0% 16,8 38\u00a0år 34"  # 62.5 rounds half up: 63


def test_unknown_placeholder_names_file_line_and_a_close_key(tmp_path):
    part = section(tmp_path, "## A\nFörsta raden.\nHär: {{ flows.nwe }} och {{ flows.new | hej }}.")["A"]
    with pytest.raises(InputError) as err:
        fill(part, IND)
    problems = err.value.problems
    assert [(p.file, p.row) for p in problems] == [("s.md", 3), ("s.md", 3)]
    assert "{{ flows.new }}" in problems[0].expected  # the suggestion
    assert "procent" in problems[1].expected  # the known formats


def test_a_placeholder_naming_a_table_rather_than_a_figure_is_unknown(tmp_path):
    part = section(tmp_path, "## A\n{{ flows }}")["A"]
    with pytest.raises(InputError):
        fill(part, IND)


def test_hand_typed_numbers_are_listed_but_years_and_placeholders_are_not(tmp_path):
    part = section(tmp_path, "## A\nUnder 2022 skrevs {{ flows.new }} in.\nVi hade 12 deltagare och 62,5 % i mål.")["A"]
    assert hand_typed_numbers(part) == [("s.md", 3, "12"), ("s.md", 3, "62,5")]


def test_draft_marks_missing_text_and_final_refuses(tmp_path):
    from rapportlib.params import Params, Rules
    from rapportlib.report import Report

    params_path = tmp_path / "2023.yml"
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "s.md").write_text("## Beskrivning\n{{ flows.new }} nya.\n", encoding="utf-8")
    import datetime as dt

    params = Params(params_path, "t", "T", "F", "vasteras", dt.date(2023, 1, 1), dt.date(2023, 12, 31), {}, Rules())
    ind = dict(IND, checks=[])
    draft = Report(params, ind)
    assert draft.text("s", "Beskrivning").text == "34 nya."
    missing = draft.text("s", "Analys")
    assert "Text saknas: s.md, del ”Analys”" in missing.html and "text-missing" in missing.html
    assert "Text saknas: saknas.md" in draft.text("saknas").html
    with pytest.raises(InputError, match="krävs i en slutlig rapport"):
        Report(params, ind, final=True).text("s", "Analys")


def test_default_formats_follow_the_kind_of_figure(tmp_path):
    ind = {
        "throughput": {"months": {"n": 24, "all": 16.8}},
        "age": {"active_end": {"n_30_or_younger": 12, "share_30_or_younger": 0.279, "min": 20}},
        "support": {"exits": {"lon": {"share_after": 0.25}}},
        "goals": {"arbete": {"target": 0.25}, "payback_months": {"target": 34}},
        "payback": {"by_financier": {"kommun": {"share_of_cost": 0.25, "months": 6.2, "monthly_reduction": -86666.7}}},
        "capacity": {"turnover": 0.5346},
        "staff": {"by_owner": {"Avesta kommun": 3.2}},
        "budget": {"total": {"remaining": -73233.0}},
    }
    part = section(tmp_path, "## A\n{{ throughput.months.n }}|{{ age.active_end.n_30_or_younger }}|"
                             "{{ age.active_end.share_30_or_younger }}|{{ support.exits.lon.share_after }}|"
                             "{{ goals.arbete.target }}|{{ goals.payback_months.target }}|"
                             "{{ payback.by_financier.kommun.share_of_cost }}|{{ payback.by_financier.kommun.months }}|"
                             "{{ payback.by_financier.kommun.monthly_reduction | abs }}|{{ capacity.turnover }}|"
                             "{{ staff.by_owner.Avesta kommun }}|{{ budget.total.remaining | abs | kr }}")["A"]
    n = "\u00a0"
    assert fill(part, ind).split("|") == [
        "24", "12", f"27,9{n}%", f"25,0{n}%", f"25,0{n}%", f"34,0{n}mån", f"25,0{n}%", f"6,2{n}mån",
        f"86{n}667{n}kr", "0,53", "3,2", f"73{n}233{n}kr"]


def test_dates_year_spans_and_names_are_not_hand_typed_figures(tmp_path):
    text = "## A\nSedan 2021-10-01 och under 2021/22 präglades året av covid-19 men 3 grupper startade."
    part = section(tmp_path, text)
    assert [n for _, _, n in hand_typed_numbers(part["A"])] == ["3"]



def test_a_literal_placeholder_is_rendered_as_typed_and_not_a_hand_typed_number(tmp_path):
    part = section(tmp_path, 'Ring {{ "1177" }} eller {{ \'0771-524 600\' }}.')[""]
    assert fill(part, IND) == "Ring 1177 eller 0771-524 600."
    assert hand_typed_numbers(part) == []

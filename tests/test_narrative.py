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
    # months spelled out in running text, an age in whole years (as the tables round it), a missing
    # figure in words: never a bare symbol
    assert fill(part, IND) == ("34 nya av 67; 62,5\u00a0% i mål; 16,8\u00a0månader; 25,2\u00a0månader; "
                               "1\u00a0110\u00a0350\u00a0kr; \u221220\u00a0000\u00a0kr; 38\u00a0år; uppgift saknas")


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
    # shares with one decimal, a share or time the team sets as it set it, full-time equivalents with two
    assert fill(part, ind).split("|") == [
        "24", "12", f"27,9{n}%", f"25,0{n}%", f"25{n}%", f"34{n}månader", f"25{n}%", f"6,2{n}månader",
        f"86{n}667{n}kr", "0,53", "3,20", f"73{n}233{n}kr"]


def test_dates_year_spans_and_names_are_not_hand_typed_figures(tmp_path):
    text = "## A\nSedan 2021-10-01 och under 2021/22 präglades året av covid-19 men 3 grupper startade."
    part = section(tmp_path, text)
    assert [n for _, _, n in hand_typed_numbers(part["A"])] == ["3"]


# --- what a final report refuses (narrative_checks) ------------------------------------------

PUBLISHED = dict(
    IND,
    sex={"new": {"kvinna": 30, "man": None}},
    outcomes={
        "in_goal_share": 0.625,
        "denominator": 24,
        "by_sex": {"man": {"counts": {"arbete": None}, "in_goal": None, "in_goal_share": None}},
    },
    privacy={"threshold": 5, "strict": True, "suppressed": ["outcomes.by_sex.man.in_goal", "sex.new.man"]},
)
WANTED = [("sammanfattning", ""), ("resultat", "Beskrivning"), ("resultat", "Analys")]


def folder_with(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return tmp_path


def where(problems) -> list[tuple[str, int | None, str | None]]:
    return [(p.file, p.row, p.value) for p in problems]


COMPLETE = {
    "sammanfattning": "Under 2022 skrevs {{ flows.new }} personer in.\n",
    "resultat": "## Beskrivning\n\n{{ outcomes.in_goal_share }} av {{ outcomes.denominator }} gick i mål.\n\n"
    "## Analys\n\nGenomströmningstiden var {{ throughput.months.all | tal1 }} månader.\n",
}


def test_a_complete_text_with_only_placeholders_passes(tmp_path):
    from rapportlib.narrative_checks import draft_warnings, final_problems

    folder = folder_with(tmp_path, **COMPLETE)
    assert final_problems(folder, WANTED, PUBLISHED) == []
    assert draft_warnings(folder, WANTED, PUBLISHED) == []


def test_final_refuses_missing_file_heading_and_text_with_the_heading_line(tmp_path):
    from rapportlib.narrative_checks import final_problems

    folder = folder_with(tmp_path, resultat="## Beskrivning\n\n<!-- skriv här -->\n\n## Övrigt\nText.\n")
    problems = final_problems(folder, [*WANTED, ("saknas", "")], PUBLISHED)
    assert where(problems) == [
        ("resultat.md, del ”Analys”", None, None),
        ("resultat.md, del ”Beskrivning”", 1, None),
        ("saknas.md", None, None),
        ("sammanfattning.md", None, None),
    ]
    assert all("krävs i en slutlig rapport" in p.expected for p in problems)
    assert "rubriken ”## Analys” finns inte" in problems[0].expected
    assert "inget är skrivet" in problems[1].expected and "filen finns inte" in problems[2].expected


def test_final_refuses_the_seed_000_hand_typed_figures_with_their_real_lines(tmp_path):
    from rapportlib.narrative_checks import final_problems

    text = dict(COMPLETE, resultat=(
        "## Beskrivning\n\n<!-- en anteckning\növer två rader med 12 i -->\n{{ flows.new }} nya.\n"
        "Av 34 deltagare remitterades 44 % från regionen\noch 9 % från Arbetsförmedlingen.\n\n"
        "## Analys\n\nText utan siffror.\n"
    ))
    problems = final_problems(folder_with(tmp_path, **text), WANTED, PUBLISHED)
    assert where(problems) == [("resultat.md", 6, "34"), ("resultat.md", 6, "44"), ("resultat.md", 7, "9")]
    assert '{{ "34" }}' in problems[0].expected and "slutlig rapport" in problems[0].expected
    assert "rad 6: värdet '34'" in str(problems[0])


def test_a_literal_placeholder_is_rendered_as_typed_and_not_a_hand_typed_number(tmp_path):
    from rapportlib.narrative_checks import final_problems

    line = 'Ring {{ "1177" }} eller {{ "0771-524 600" }}; se {{ \'SFS 2018:1937\' }} och {{"30 juni 2022"}}.'
    folder = folder_with(tmp_path, **dict(COMPLETE, sammanfattning=line))
    assert final_problems(folder, WANTED, PUBLISHED) == []
    part = read_section(folder, "sammanfattning")[""]
    assert fill(part, PUBLISHED) == "Ring 1177 eller 0771-524 600; se SFS 2018:1937 och 30 juni 2022."
    assert hand_typed_numbers(part) == []


def test_a_literal_takes_no_format(tmp_path):
    part = section(tmp_path, '## A\n\n{{ "1177" | tal1 }}')["A"]
    with pytest.raises(InputError) as err:
        fill(part, IND)
    assert [(p.row, p.value) for p in err.value.problems] == [(3, '{{ "1177" | tal1 }}')]
    assert "citerad text utan format" in err.value.problems[0].expected


def test_years_dates_names_links_and_list_numbers_are_not_figures(tmp_path):
    text = (
        "## A\nÅren 2019–2021 och 2021/22, sedan 2021-10-01 och under 2022.\n"
        "Covid-19 och SARS-CoV-2 påverkade; se https://www.1177.se/a/123 och [länk](https://x.se/2/3).\n"
        "1. Första punkten\n2) Andra punkten\n### 2.1 Rubrik\n"
        "Men 3 grupper, 16-64 år, 2 150 000 kr, 62,5 % och 1:a plats räknas.\n"
    )
    found = hand_typed_numbers(section(tmp_path, text)["A"])
    assert found == [("s.md", 7, n) for n in ("3", "16", "64", "2 150 000", "62,5", "1")]


def test_final_refuses_a_hidden_figure_with_file_line_and_name(tmp_path):
    from rapportlib.narrative_checks import draft_warnings, final_problems, is_hidden

    text = dict(COMPLETE, resultat=(
        "## Beskrivning\n\nAv kvinnorna {{ sex.new.kvinna }}, av männen {{ sex.new.man }}.\n"
        "Männen: {{ outcomes.by_sex.man.in_goal_share | procent0 }} i mål; {{ payback.months }}.\n\n"
        "## Analys\n\nText.\n"
    ))
    folder = folder_with(tmp_path, **text)
    problems = final_problems(folder, WANTED, PUBLISHED)
    assert where(problems) == [
        ("resultat.md", 3, "{{ sex.new.man }}"),
        ("resultat.md", 4, "{{ outcomes.by_sex.man.in_goal_share | procent0 }}"),
    ]
    assert "skyddet för små tal (grupper med färre än 5 personer)" in problems[0].expected
    # the writer sees the sentence the hidden figure stands in, and the words it would read as
    assert "i meningen ”Av kvinnorna {{ sex.new.kvinna }}, av männen {{ sex.new.man }}.”" in problems[0].expected
    assert "”ett antal som inte redovisas”" in problems[0].expected
    warnings = draft_warnings(folder, WANTED, PUBLISHED)
    assert where(warnings) == where(problems) and "utkast" in warnings[0].expected
    # a None that privacy did not hide (no data) is not a hidden figure; a parent path hides all below it
    assert not is_hidden("payback.months", PUBLISHED) and not is_hidden("outcomes.in_goal_share", PUBLISHED)
    assert is_hidden("a.b.c", {"privacy": {"suppressed": ["a.b"]}})


def test_final_refuses_unknown_placeholders_in_any_file_with_a_suggestion(tmp_path):
    from rapportlib.narrative_checks import check_narrative, draft_warnings, final_problems

    folder = folder_with(tmp_path, **dict(COMPLETE, annat="## X\n\nText.\n\n{{ flows.nwe }}\n"))
    problems = final_problems(folder, WANTED, PUBLISHED)
    assert where(problems) == [("annat.md", 5, "{{ flows.nwe }}")] and "{{ flows.new }}" in problems[0].expected
    assert draft_warnings(folder, WANTED, PUBLISHED) == []  # an error in a draft too, not a warning
    with pytest.raises(InputError):
        check_narrative(folder, [], PUBLISHED, final=False)


def test_check_narrative_keeps_todays_behaviour(tmp_path):
    from rapportlib.narrative_checks import check_narrative

    folder = folder_with(tmp_path, sammanfattning="Av 34 deltagare.\n")
    check_narrative(folder, WANTED, PUBLISHED, final=False)  # a draft: nothing refused
    with pytest.raises(InputError) as err:
        check_narrative(folder, WANTED, PUBLISHED, final=True)
    assert [p.file for p in err.value.problems] == ["resultat.md, del ”Beskrivning”", "resultat.md, del ”Analys”"]

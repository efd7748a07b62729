"""Reading and validating the participant register and the budget file (data contract §2)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from rapportlib.errors import InputError
from rapportlib.indicators.economy import budget_summary
from rapportlib.load import COLUMNS, EMPLOYMENT, OPTIONAL, REQUIRED, is_total, read_budget, read_register
from rapportlib.load.columns import EXIT_PATHS, HOME

HEADER = "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent"


def write(tmp_path, text: str, name: str = "deltagare.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def problems_of(path, reader=read_register):
    with pytest.raises(InputError) as info:
        reader(path)
    return info.value


def where(error: InputError) -> set[tuple[int | None, str | None]]:
    return {(p.row, p.column) for p in error.problems}


# --- reading ---------------------------------------------------------------------------------


def test_comma_file_with_every_column(tmp_path):
    path = write(
        tmp_path,
        "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,avslut_detalj,tidigt_avhopp,"
        "remittent,forsorjning_fore,forsorjning_efter,utbildning,ar_i_offentlig_forsorjning,delinsats\n"
        "D1,kvinna,1990,2021-01-15,2021-06-30,arbete,,nej,af,forsorjningsstod;sjukpenning,lon,gymnasium,2.5,Grupp A\n"
        "D2,man,1985,2021-03-01,,,,,fk,,,,,\n",
    )
    reg = read_register(path)
    assert list(reg["deltagar_id"]) == ["D1", "D2"]
    assert list(reg["rad"]) == [2, 3]  # header is row 1
    assert list(reg["fodelsear"]) == [1990, 1985]
    assert reg["fodelsear"].dtype == "int64"
    assert reg.loc[0, "inskrivningsdatum"] == pd.Timestamp("2021-01-15")
    assert reg.loc[0, "avslutsdatum"] == pd.Timestamp("2021-06-30")
    assert pd.isna(reg.loc[1, "avslutsdatum"])  # open enrolment → NaT
    assert pd.api.types.is_datetime64_any_dtype(reg["avslutsdatum"])
    assert reg.loc[0, "avslutsanledning"] == "arbete"
    assert reg["tidigt_avhopp"].dtype == "boolean"
    flags = reg["tidigt_avhopp"].tolist()
    assert flags[0] is False  # 'nej'
    assert pd.isna(flags[1])  # empty → NA, the dates decide later
    assert reg.loc[0, "forsorjning_fore"] == ("forsorjningsstod", "sjukpenning")  # order kept: first is main
    assert reg.loc[0, "forsorjning_efter"] == ("lon",)
    assert reg.loc[1, "forsorjning_fore"] == ()
    assert reg.loc[0, "utbildning"] == "gymnasium"
    assert reg.loc[0, "ar_i_offentlig_forsorjning"] == pytest.approx(2.5)
    assert math.isnan(reg.loc[1, "ar_i_offentlig_forsorjning"])
    assert reg.loc[0, "delinsats"] == "Grupp A"


SWEDISH = (
    "Deltagar-ID;Kön;Födelseår;Inskrivningsdatum;Avslutsdatum;Avslutsanledning;Tidigt avhopp;Remittent;"
    "Försörjning före;År i offentlig försörjning\n"
    "X1;Kvinna;1990;2021-01-15;2021-06-30;Annan arbetslivsinriktad rehabilitering;Nej;Arbetsförmedlingen;"
    '"Försörjningsstöd, Sjukpenning";2,5\n'
    "X2;Man;1984;2021-02-01;2021-02-20;;Ja;Försäkringskassan;Aktivitetsstöd;10,25\n"
    "X3;K;2001;2021-03-01;;;;Kommun;;\n"
)


def check_swedish(reg):
    assert list(reg["deltagar_id"]) == ["X1", "X2", "X3"]
    assert list(reg["kon"]) == ["kvinna", "man", "kvinna"]  # 'Kvinna', 'Man', 'K'
    assert list(reg["fodelsear"]) == [1990, 1984, 2001]
    assert reg.loc[0, "avslutsanledning"] == "fortsatt_rehabilitering"
    assert list(reg["remittent"]) == ["af", "fk", "kommun"]
    assert reg.loc[0, "forsorjning_fore"] == ("forsorjningsstod", "sjukpenning")
    assert reg.loc[1, "forsorjning_fore"] == ("aktivitetsstod",)
    assert reg.loc[0, "ar_i_offentlig_forsorjning"] == pytest.approx(2.5)  # decimal comma '2,5'
    assert reg.loc[1, "ar_i_offentlig_forsorjning"] == pytest.approx(10.25)  # '10,25'
    flags = reg["tidigt_avhopp"].tolist()
    assert flags[0] is False  # 'Nej'
    assert flags[1] is True  # 'Ja'
    assert pd.isna(flags[2])  # empty


def test_semicolon_decimal_comma_swedish_headers_utf8_bom(tmp_path):
    path = write(tmp_path, SWEDISH, encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    check_swedish(read_register(path))


def test_semicolon_decimal_comma_swedish_headers_cp1252(tmp_path):
    path = write(tmp_path, SWEDISH, encoding="cp1252")
    assert b"F\xf6delse\xe5r" in path.read_bytes()  # really Windows-1252, not UTF-8
    check_swedish(read_register(path))


def test_utf8_without_bom_and_crlf_line_ends(tmp_path):
    path = write(tmp_path, SWEDISH.replace("\n", "\r\n"), encoding="utf-8")
    check_swedish(read_register(path))


def test_optional_columns_may_be_absent(tmp_path):
    path = write(tmp_path, "deltagar_id,kon,fodelsear,inskrivningsdatum,remittent\nA,kvinna,1990,2021-01-15,af\n")
    reg = read_register(path)
    assert len(reg) == 1
    assert pd.isna(reg.loc[0, "avslutsdatum"])
    assert reg.loc[0, "forsorjning_fore"] == ()
    for column in (
        "avslutsdatum",
        "avslutsanledning",
        "tidigt_avhopp",
        "forsorjning_fore",
        "utbildning",
        "ar_i_offentlig_forsorjning",
        "delinsats",
    ):
        assert column in reg.columns


def test_excel_serial_date(tmp_path):
    # 44211 days after 1899-12-30 is 2021-01-15
    path = write(tmp_path, "deltagar_id,kon,fodelsear,inskrivningsdatum,remittent\nA,kvinna,1990,44211,af\n")
    assert read_register(path).loc[0, "inskrivningsdatum"] == pd.Timestamp("2021-01-15")


def test_non_overlapping_re_enrolment_is_accepted(tmp_path):
    path = write(
        tmp_path,
        HEADER + "\n"
        "A,kvinna,1990,2020-01-01,2020-06-30,arbete,af\n"
        "A,kvinna,1990,2020-07-01,,,af\n",  # the day after the first exit
    )
    reg = read_register(path)
    assert list(reg["deltagar_id"]) == ["A", "A"]


# --- errors ----------------------------------------------------------------------------------


def test_every_problem_is_listed_with_file_row_and_column(tmp_path):
    path = write(
        tmp_path,
        HEADER + "\n"
        "A,x,1990,2021-01-15,,,af\n"  # row 2: unknown sex code
        "B,man,1990,2021-13-01,,,af\n"  # row 3: month 13 does not parse
        "C,man,1990,2021-05-01,2021-04-30,arbete,af\n"  # row 4: exit before enrolment
        "D,man,1990,2021-05-01,,,af\n"  # row 5: fine
        "E,man,1990,15/1/2021,,,nobody\n",  # row 6: date in another format and an unknown referrer
    )
    error = problems_of(path)
    assert where(error) == {
        (2, "kon"),
        (3, "inskrivningsdatum"),
        (4, "avslutsdatum"),
        (6, "inskrivningsdatum"),
        (6, "remittent"),
    }
    assert {p.file for p in error.problems} == {"deltagare.csv"}
    by_place = {(p.row, p.column): p for p in error.problems}
    assert by_place[(2, "kon")].value == "x"
    assert by_place[(3, "inskrivningsdatum")].value == "2021-13-01"
    assert by_place[(6, "remittent")].value == "nobody"
    text = str(error)
    assert text.startswith("5 problem")
    assert "deltagare.csv, rad 4, kolumn 'avslutsdatum'" in text
    assert "rad 5" not in text


def test_missing_required_columns(tmp_path):
    path = write(tmp_path, "deltagar_id,fodelsear,inskrivningsdatum\nA,1990,2021-01-15\n")
    error = problems_of(path)
    assert where(error) == {(1, "kon"), (1, "remittent")}  # both listed, on the header row


def test_missing_required_value(tmp_path):
    path = write(tmp_path, HEADER + "\nA,kvinna,1990,,,,af\nB,kvinna,,2021-01-01,,,\n")
    error = problems_of(path)
    assert where(error) == {(2, "inskrivningsdatum"), (3, "fodelsear"), (3, "remittent")}


def test_bad_tidigt_avhopp_and_support_code(tmp_path):
    path = write(
        tmp_path,
        "deltagar_id,kon,fodelsear,inskrivningsdatum,remittent,tidigt_avhopp,forsorjning_fore\n"
        "A,kvinna,1990,2021-01-15,af,kanske,forsorjningsstod;lotto\n",
    )
    error = problems_of(path)
    assert where(error) == {(2, "tidigt_avhopp"), (2, "forsorjning_fore")}
    assert {p.value for p in error.problems} == {"kanske", "lotto"}


def test_overlapping_enrolments_of_one_id(tmp_path):
    path = write(
        tmp_path,
        HEADER + "\n"
        "A,kvinna,1990,2020-01-01,2020-06-30,arbete,af\n"  # row 2
        "A,kvinna,1990,2020-06-01,,,af\n"  # row 3: starts before row 2 ends
        "B,man,1980,2020-01-01,,,af\n"  # row 4: open
        "B,man,1980,2021-01-01,,,af\n",  # row 5: B is still enrolled (row 4 is open)
    )
    error = problems_of(path)
    assert where(error) == {(3, "inskrivningsdatum"), (5, "inskrivningsdatum")}
    messages = {p.row: p.expected for p in error.problems}
    assert "rad 2" in messages[3]  # points at the enrolment it overlaps
    assert "rad 4" in messages[5]


def test_personnummer_as_id_is_rejected_without_echoing_it(tmp_path):
    pnr = "19850101-1234"
    path = write(tmp_path, HEADER + f"\n{pnr},kvinna,1985,2021-01-15,,,af\nOK1,man,1980,2021-01-15,,,af\n")
    error = problems_of(path)
    assert where(error) == {(2, "deltagar_id")}
    assert pnr not in str(error)
    assert "1234" not in str(error)
    for problem in error.problems:
        assert pnr not in repr(problem)
        assert problem.value is None


def test_personnummer_other_shapes_are_rejected(tmp_path):
    # short form, no separator, twelve digits, '+' for persons over 100
    for pnr in ["850101-1234", "8501011234", "198501011234", "19850101+1234"]:
        path = write(tmp_path, HEADER + f"\n{pnr},kvinna,1985,2021-01-15,,,af\n")
        error = problems_of(path)
        assert where(error) == {(2, "deltagar_id")}, pnr
        assert pnr not in str(error)


def test_personnummer_in_free_text_is_rejected(tmp_path):
    pnr = "19850101-1234"
    path = write(
        tmp_path,
        HEADER + f",avslut_detalj\nA,kvinna,1985,2021-01-15,2021-06-01,annat,af,ringde {pnr}\n",
    )
    error = problems_of(path)
    assert where(error) == {(2, "avslut_detalj")}
    assert pnr not in str(error)


def test_personnummer_in_a_date_or_code_column_is_not_echoed(tmp_path):
    pnr = "19850101-1234"
    path = write(
        tmp_path,
        HEADER + "\n"
        f"A,kvinna,1985,2021-01-15,{pnr},arbete,af\n"  # in avslutsdatum
        f"B,{pnr},1985,2021-01-15,,,af\n",  # in kon
    )
    error = problems_of(path)
    assert (2, "avslutsdatum") in where(error)
    assert (3, "kon") in where(error)
    assert pnr not in str(error)


def test_row_numbers_count_blank_lines(tmp_path):
    path = write(tmp_path, HEADER + "\nA,kvinna,1990,2021-01-15,,,af\n\nB,x,1990,2021-01-15,,,af\n")
    # line 1 header, line 2 A, line 3 blank, line 4 B: Excel shows B on row 4
    error = problems_of(path)
    assert where(error) == {(4, "kon")}


def test_semicolon_file_with_decimal_point(tmp_path):
    path = write(
        tmp_path,
        "deltagar_id;kon;fodelsear;inskrivningsdatum;remittent;ar_i_offentlig_forsorjning\n"
        "A;kvinna;1990;2021-01-15;af;2.5\n",
    )
    assert read_register(path).loc[0, "ar_i_offentlig_forsorjning"] == pytest.approx(2.5)


# --- budget ----------------------------------------------------------------------------------


def test_read_budget_space_thousands_and_negative(tmp_path):
    path = write(
        tmp_path,
        "post;budget;utfall;prognos\n"
        "Personal;2 150 000;2 000 000;-20 000\n"
        "Lokaler;300\u00a0000;310 000,50;\n"  # a no-break space and a decimal comma
        "Övrigt;50 000;12 500;\u22125 000\n",  # a true minus sign
        name="ekonomi.csv",
    )
    budget = read_budget(path)
    assert list(budget.columns) == ["post", "budget", "utfall", "prognos"]
    assert list(budget["post"]) == ["Personal", "Lokaler", "Övrigt"]
    assert list(budget["budget"]) == [2_150_000.0, 300_000.0, 50_000.0]
    assert list(budget["utfall"]) == [2_000_000.0, 310_000.5, 12_500.0]
    assert budget.loc[0, "prognos"] == -20_000.0
    assert math.isnan(budget.loc[1, "prognos"])  # empty forecast → NaN (no forecast)
    assert budget.loc[2, "prognos"] == -5_000.0
    assert budget["budget"].dtype == "float64"


def test_read_budget_comma_file_without_forecast(tmp_path):
    path = write(tmp_path, "Post,Budget,Utfall\nPersonal,2150000,1999999.5\n", name="ekonomi.csv")
    budget = read_budget(path)
    assert budget.loc[0, "budget"] == 2_150_000.0
    assert budget.loc[0, "utfall"] == pytest.approx(1_999_999.5)
    assert math.isnan(budget.loc[0, "prognos"])


def test_read_budget_problems(tmp_path):
    missing = write(tmp_path, "post;budget\nPersonal;100\n", name="a.csv")
    assert where(problems_of(missing, read_budget)) == {(1, "utfall")}
    bad = write(tmp_path, "post;budget;utfall\nPersonal;mycket;\nLokaler;100;50\n", name="b.csv")
    error = problems_of(bad, read_budget)
    assert where(error) == {(2, "budget"), (2, "utfall")}  # both listed; row 3 is fine
    assert {p.file for p in error.problems} == {"b.csv"}


def test_budget_total_row_is_not_a_cost_line(tmp_path):
    path = write(
        tmp_path,
        "post;budget;utfall;prognos\n"
        "Personal;2 000 000;1 000 000;0\n"
        "Lokaler;300 000;189 650;10 000\n"
        "Summa;2 300 000;1 189 650;10 000\n",
        name="ekonomi.csv",
    )
    budget = read_budget(path)
    assert list(budget["post"]) == ["Personal", "Lokaler"]  # the total is no cost line
    assert budget["budget"].sum() == 2_300_000.0  # not 4 600 000
    assert budget.attrs["declared_total"] == {"budget": 2_300_000.0, "outcome": 1_189_650.0, "forecast": 10_000.0}
    assert budget.attrs["declared_total_row"] == 4
    summary = budget_summary(budget)
    assert summary["total"]["budget"] == 2_300_000.0
    assert summary["declared_total"] == {"budget": 2_300_000.0, "outcome": 1_189_650.0, "forecast": 10_000.0}


@pytest.mark.parametrize(
    "label", ["Summa", "SUMMA", "summa kostnader", "Totalt", "Totalt:", "Total", "Kostnader totalt", "Totalsumma"]
)
def test_budget_total_labels(label):
    assert is_total(label)


@pytest.mark.parametrize("label", ["Personal", "Lokaler", "Övriga kostnader", "Totalförsvarsavgift", "", "Summering"])
def test_budget_cost_line_labels(label):
    assert not is_total(label)


def test_budget_total_row_gives_only_its_amounts(tmp_path):
    # a comma file without prognos; the total row leaves utfall empty (a missing amount is no problem there)
    path = write(tmp_path, "Post,Budget,Utfall\nPersonal,100,40\nLokaler,50,10\nTotalt:,150,\n", name="ekonomi.csv")
    budget = read_budget(path)
    assert list(budget["post"]) == ["Personal", "Lokaler"]
    assert budget.attrs["declared_total"] == {"budget": 150.0}
    assert budget_summary(budget)["declared_total"] == {"budget": 150.0}


def test_budget_without_total_row_declares_none(tmp_path):
    path = write(tmp_path, "post;budget;utfall\nPersonal;100;40\n", name="ekonomi.csv")
    budget = read_budget(path)
    assert budget.attrs["declared_total"] is None
    assert budget.attrs["total_rows"] == []
    assert budget_summary(budget)["declared_total"] is None


def test_budget_total_row_first_and_two_total_rows(tmp_path):
    # Total rows anywhere are left out of the lines; with several, the last in the file is the
    # declared total (a grand total follows its subtotals). Every total row's number is kept.
    first = write(tmp_path, "post;budget;utfall\nTotalt;150;50\nPersonal;100;40\nLokaler;50;10\n", name="a.csv")
    budget = read_budget(first)
    assert list(budget["post"]) == ["Personal", "Lokaler"]
    assert budget.attrs["declared_total"] == {"budget": 150.0, "outcome": 50.0}
    two = write(
        tmp_path,
        "post;budget;utfall\nLön;80;30\nSociala avgifter;20;10\nSumma personal;100;40\nLokaler;50;10\n"
        "Summa kostnader;150;50\n",
        name="b.csv",
    )
    budget = read_budget(two)
    assert list(budget["post"]) == ["Lön", "Sociala avgifter", "Lokaler"]
    assert budget["budget"].sum() == 150.0
    assert budget.attrs["declared_total"] == {"budget": 150.0, "outcome": 50.0}
    assert budget.attrs["total_rows"] == [4, 6]
    assert budget.attrs["declared_total_row"] == 6


def test_budget_total_row_with_a_bad_amount_is_a_problem(tmp_path):
    path = write(tmp_path, "post;budget;utfall\nPersonal;100;40\nSumma;hundra;40\n", name="ekonomi.csv")
    error = problems_of(path, read_budget)
    assert where(error) == {(3, "budget")}


# --- an empty register -----------------------------------------------------------------------


def test_register_with_a_header_and_no_rows_is_an_error(tmp_path):
    path = write(tmp_path, HEADER + "\n\n\n")
    error = problems_of(path)
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert problem.file == "deltagare.csv"
    assert "registret har inga rader" in str(error)
    assert "inskrivning" in problem.expected


def test_validate_of_a_register_without_rows_exits_2_naming_the_file(tmp_path, capsys):
    from rapportlib.cli import main

    write(tmp_path, HEADER + "\n")
    params = tmp_path / "tom.yml"
    params.write_text(
        "team: tom\nname: Tomt\nperiod: {start: 2021-01-01, end: 2021-12-31}\ndata: {participants: deltagare.csv}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(params)]) == 2
    err = capsys.readouterr().err
    assert "deltagare.csv" in err and "registret har inga rader" in err
    assert "Traceback" not in err


# --- one column list, one parse --------------------------------------------------------------


def test_the_column_list_is_the_demo_generators():
    from rapportlib.demo import writers

    assert writers.COLUMNS == list(COLUMNS)
    assert set(COLUMNS) | {"tidigt_avhopp", *EMPLOYMENT, *EXIT_PATHS, *HOME} == set(REQUIRED + OPTIONAL)
    assert set(REQUIRED) <= set(COLUMNS)


def test_each_distinct_text_is_parsed_once(tmp_path, monkeypatch):
    import rapportlib.load.cells as cells

    calls = []
    parse_date = cells.parse_date
    monkeypatch.setattr(cells, "parse_date", lambda text: calls.append(text) or parse_date(text))
    rows = "".join(f"D{k},kvinna,1990,2021-01-15,2021-06-30,arbete,af\n" for k in range(50))
    reg = read_register(write(tmp_path, HEADER + "\n" + rows))
    assert len(reg) == 50
    assert sorted(calls) == ["2021-01-15", "2021-06-30"]  # not once per row, not once per check

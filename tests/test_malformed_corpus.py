"""A corpus of malformed inputs, each run through ``rapport render`` in-process.

Every case starts from a small valid register (and valid budget, survey and follow-up files) and
breaks one thing (a few cases break several). For each the command line must exit with status 2,
name the file, row and column (or, for a params file, the file and key), never print a traceback,
never echo a personnummer, and leave the earlier published output byte-identical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rapportlib.cli import main

ROOT = Path(__file__).resolve().parents[1]
TEAM = "korpus"  # a team of its own: nothing here may touch another test's output or build folder
PERIOD = "2021"
REQUIRED = ("deltagar_id", "kon", "fodelsear", "inskrivningsdatum", "remittent")

COLUMNS = (
    "deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,avslut_detalj,tidigt_avhopp,"
    "remittent,forsorjning_fore,forsorjning_efter,utbildning,ar_i_offentlig_forsorjning,delinsats"
).split(",")
# Spreadsheet row 2 is the first enrolment (the header is row 1). K03 is an early dropout: an exit
# within the two-month trial, so it needs no reason.
ROWS = tuple(
    tuple(line.split(","))
    for line in (
        "K01,kvinna,1985,2020-03-02,2021-02-15,arbete,,nej,af,forsorjningsstod,lon,gymnasium,2.5,Grupp A",
        "K02,man,1990,2020-06-01,,,,,fk,sjukpenning,,grundskola,1.0,Grupp A",
        "K03,kvinna,1978,2021-01-11,2021-02-01,,,,kommun,forsorjningsstod,,okand,,Grupp B",
        "K04,man,1995,2021-02-01,2021-10-29,studier,,,region,aktivitetsstod,studiestod,gymnasium,0.5,",
        "K05,kvinna,1969,2021-03-15,,,,,annan,sjukersattning,,hogskola_upp_till_3,6,",
        "K06,man,1988,2021-04-01,2021-11-30,annat,flyttat,,af,a_kassa;forsorjningsstod,ingen_offentlig,,3.5,",
        "K07,kvinna,2000,2021-05-03,2021-12-15,fortsatt_rehabilitering,,,fk,aktivitetsersattning,,grundskola,1.5,",
        "K08,man,1975,2021-06-14,,,,,kommun,forsorjningsstod,,gymnasium,8,",
    )
)
BUDGET = "post;budget;utfall;prognos\nPersonal;2 150 000;1 130 513;0\nLokaler;40 000;4 230;30 000\n"
SURVEY = "omgang,fraga,svar\n1,1,till_stor_del\n1,2,helt_och_hallet\n2,1,3\n2,2,ja\n"
FOLLOWUPS = (
    "deltagar_id,uppfoljning_manad,uppfoljningsdatum,status\n"
    "K01,6,2021-08-15,arbete\nK04,6,2022-04-29,studier\nK06,12,2022-11-30,ej_nadd\n"
)
DATA = "{participants: deltagare.csv, budget: ekonomi.csv, survey: enkat.csv, followups: uppfoljning.csv}"
FUTURE = (dt.date.today() + dt.timedelta(days=40)).isoformat()
PNR = "19850302-1234"  # shaped like a personnummer: must never be echoed, in any form
PNR_FORMS = (PNR, PNR[2:], PNR.replace("-", ""), PNR[2:].replace("-", ""))


# ------------------------------------------------------------------------ building files


def row(text: str) -> tuple[str, ...]:
    """One enrolment from its CSV line."""
    return tuple(text.split(","))


def register(
    changes: dict[tuple[int, str], str] | None = None,
    *,
    drop: str | None = None,
    add: tuple[tuple[str, ...], ...] = (),
    header: tuple[str, ...] | list[str] = COLUMNS,
) -> list[list[str]]:
    """The register as a list of spreadsheet rows (header first), with ``changes`` keyed by
    (spreadsheet row, column), the column ``drop`` left out and the rows ``add`` appended."""
    table = [list(header)] + [list(r) for r in ROWS + add]
    for (number, column), value in (changes or {}).items():
        table[number - 1][COLUMNS.index(column)] = value
    if drop is not None:
        k = COLUMNS.index(drop)
        table = [r[:k] + r[k + 1 :] for r in table]
    return table


def csv_text(table: list[list[str]], sep: str = ",") -> str:
    return "".join(sep.join(r) + "\n" for r in table)


def csv_file(table: list[list[str]] | None = None, *, sep: str = ",", encoding: str = "utf-8", newline: str = "\n"):
    """A writer of the register as a CSV file."""
    text = csv_text(register() if table is None else table, sep).replace("\n", newline)
    return lambda path: path.write_bytes(text.encode(encoding))


def xlsx_file(table: list[list[object]], *, title_rows: tuple[tuple[object, ...], ...] = ()):
    """A writer of the register as an XLSX workbook: real date cells for ISO dates, numbers for
    numbers, any other text as text; ``title_rows`` go above the header."""

    def cell(value: object) -> object:
        text = str(value)
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else float(text) if "." in text else int(text)
        except ValueError:
            return None if text == "" else text

    def write(path: Path) -> None:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Deltagare"
        for row in title_rows:
            sheet.append(list(row))
        sheet.append(list(table[0]))
        for row in table[1:]:
            sheet.append([cell(v) for v in row])
        book.save(path)

    return write


def text_file(text: str, encoding: str = "utf-8"):
    return lambda path: path.write_bytes(text.encode(encoding))


def params_text(data: str = DATA, *, drop: str | None = None, extra: str = "") -> str:
    lines = {
        "team": f"team: {TEAM}",
        "name": "name: Korpusteamet",
        "federation": "federation: Testförbundet",
        "template": "template: sodra-dalarna",
        "period": "period: {start: 2021-01-01, end: 2021-12-31}",
        "data": f"data: {data}",
    }
    return "\n".join(v for k, v in lines.items() if k != drop) + "\n" + extra


# ------------------------------------------------------------------------------ the corpus


@dataclass
class Case:
    id: str
    expect: tuple[str, ...]  # substrings of standard error, e.g. "deltagare.csv, rad 3, kolumn 'kon'"
    files: dict[str, object] = field(default_factory=dict)  # file name → writer, replacing the valid one
    params: str | None = None  # the params file's text; default: every valid file
    hidden: tuple[str, ...] = ()  # must appear nowhere: not on standard output or error, not in output/
    problems: int = 1  # how many problems the message lists: one per case, unless the case is "several-"
    marks: tuple = ()


def reg_case(id: str, expect, changes=None, *, hidden=(), problems=1, marks=(), **options) -> Case:
    """A case whose register is the valid one with ``changes`` (see :func:`register`)."""
    expect = (expect,) if isinstance(expect, str) else tuple(expect)
    files = {"deltagare.csv": csv_file(register(changes, **options))}
    return Case(id, expect, files, hidden=hidden, problems=problems, marks=marks)


def _blank_rows_then_bad_code() -> str:
    lines = csv_text(register({(7, "kon"): "kvinan"})).splitlines(keepends=True)
    return "".join(lines[:3] + ["\n", ",,,,\n", "\n"] + lines[3:])  # rows 4–6 blank (one of empty cells)


SWEDISH_HEADER = tuple(
    "Deltagar-ID;Kön;Födelseår;Inskrivningsdatum;Avslutsdatum;Avslutsanledning;Avslut detalj;Tidigt avhopp;"
    "Remittent;Försörjning före;Försörjning efter;Utbildning;År i offentlig försörjning;Delinsats".split(";")
)


def _semicolon_decimal_comma() -> list[list[str]]:
    table = register({(6, "ar_i_offentlig_forsorjning"): "3,5 år"}, header=SWEDISH_HEADER)
    for cells in table[1:]:
        cells[9] = cells[9].replace(";", ",")  # a list in a ";" file: "a_kassa,forsorjningsstod"
        cells[12] = cells[12].replace(".", ",")  # 2,5 and 0,5 are fine with a decimal comma
    return table


def _xlsx_bad_date() -> list[list[object]]:
    return register({(5, "inskrivningsdatum"): "2021-02-30"})


def _xlsx_blank_rows() -> list[list[object]]:
    table = register({(6, "fodelsear"): "85"})
    return table[:3] + [[], [], []] + table[3:]  # register row 6: sheet row 8 below 2 title rows, + 3 blank


MISSING_COLUMNS = [
    reg_case(f"missing-column-{column}", f"deltagare.csv, rad 1, kolumn '{column}': kolumnen saknas", drop=column)
    for column in REQUIRED
]

UNKNOWN_CODES = [
    reg_case(
        "unknown-kon",
        ("deltagare.csv, rad 3, kolumn 'kon': värdet 'kvina': en av annat, kvinna, man", "menade du kvinna?"),
        {(3, "kon"): "kvina"},
    ),
    reg_case(
        "unknown-remittent",
        ("deltagare.csv, rad 4, kolumn 'remittent': värdet 'Försäkringskasan'", "menade du fk?"),
        {(4, "remittent"): "Försäkringskasan"},
    ),
    reg_case(
        "unknown-avslutsanledning",
        ("deltagare.csv, rad 5, kolumn 'avslutsanledning': värdet 'studie'", "menade du studier?"),
        {(5, "avslutsanledning"): "studie"},
    ),
    reg_case(
        "unknown-utbildning",
        ("deltagare.csv, rad 9, kolumn 'utbildning': värdet 'gymnasiet'", "menade du gymnasium?"),
        {(9, "utbildning"): "gymnasiet"},
    ),
    reg_case(
        "unknown-support-code-in-list",
        ("deltagare.csv, rad 7, kolumn 'forsorjning_fore': värdet 'forsörjningstöd'", "menade du forsorjningsstod?"),
        {(7, "forsorjning_fore"): "a_kassa;forsörjningstöd"},
    ),
    reg_case(
        "bad-tidigt-avhopp",
        "deltagare.csv, rad 2, kolumn 'tidigt_avhopp': värdet 'kanske': en av ja, nej",
        {(2, "tidigt_avhopp"): "kanske"},
    ),
]

DATES = [
    reg_case(
        "date-month-13",
        "deltagare.csv, rad 3, kolumn 'inskrivningsdatum': värdet '2020-13-01': ett datum ÅÅÅÅ-MM-DD",
        {(3, "inskrivningsdatum"): "2020-13-01"},
    ),
    reg_case(
        "date-31-february",
        "deltagare.csv, rad 5, kolumn 'avslutsdatum': värdet '2021-02-31'",
        {(5, "avslutsdatum"): "2021-02-31"},
    ),
    reg_case(
        "date-as-text",
        "deltagare.csv, rad 6, kolumn 'inskrivningsdatum': värdet 'femtonde mars'",
        {(6, "inskrivningsdatum"): "femtonde mars"},
    ),
    reg_case(
        "date-with-slashes",
        "deltagare.csv, rad 4, kolumn 'inskrivningsdatum': värdet '2021/01/05'",
        {(4, "inskrivningsdatum"): "2021/01/05"},
    ),
    reg_case(
        "exit-before-enrolment",
        "deltagare.csv, rad 8, kolumn 'avslutsdatum': värdet '2021-04-30': ett datum tidigast 2021-05-03",
        {(8, "avslutsdatum"): "2021-04-30"},
    ),
    reg_case(
        "overlapping-enrolments",
        "deltagare.csv, rad 10, kolumn 'inskrivningsdatum': värdet '2020-12-01': ett datum efter avslutet på rad 2",
        add=(row("K01,kvinna,1985,2020-12-01,,,,,af,,,,,"),),
    ),
    reg_case(
        "open-enrolment-then-another",
        "deltagare.csv, rad 10, kolumn 'inskrivningsdatum': värdet '2021-09-01': ett datum efter avslutet på rad 3",
        add=(row("K02,man,1990,2021-09-01,,,,,fk,,,,,"),),
    ),
    reg_case(
        "future-enrolment",
        f"deltagare.csv, rad 9, kolumn 'inskrivningsdatum': värdet '{FUTURE}': ett datum som inte ligger i framtiden",
        {(9, "inskrivningsdatum"): FUTURE},
    ),
]

VALUES = [
    reg_case(
        "birth-year-19x0",
        "deltagare.csv, rad 3, kolumn 'fodelsear': värdet '19x0': ett fyrsiffrigt årtal",
        {(3, "fodelsear"): "19x0"},
    ),
    reg_case(
        "birth-year-two-digits",
        "deltagare.csv, rad 8, kolumn 'fodelsear': värdet '85': ett fyrsiffrigt årtal",
        {(8, "fodelsear"): "85"},
    ),
    reg_case(
        "bad-years-on-support",
        "deltagare.csv, rad 3, kolumn 'ar_i_offentlig_forsorjning': värdet 'ca tre'",
        {(3, "ar_i_offentlig_forsorjning"): "ca tre"},
    ),
    reg_case(
        "required-value-empty",
        "deltagare.csv, rad 6, kolumn 'remittent': värdet '': ett värde (obligatoriskt)",
        {(6, "remittent"): ""},
    ),
    reg_case(
        "exit-without-reason-not-a-dropout",
        "deltagare.csv, rad 5, kolumn 'avslutsanledning': värdet '': en avslutsanledning (avslutet är inget tidigt",
        {(5, "avslutsanledning"): ""},
    ),
    reg_case(
        "two-headers-for-one-column",
        "deltagare.csv, rad 1, kolumn 'gender': bara en kolumn för kon",
        header=[*COLUMNS[:-1], "gender"],  # delinsats renamed to an alias of kon
    ),
]

PERSONNUMMER = [
    reg_case(
        "personnummer-as-id",
        "deltagare.csv, rad 4, kolumn 'deltagar_id': ett pseudonymt id, inte ett personnummer",
        {(4, "deltagar_id"): PNR},
        hidden=PNR_FORMS,
    ),
    reg_case(
        "personnummer-in-free-text",
        "deltagare.csv, rad 7, kolumn 'avslut_detalj': text utan personnummer eller samordningsnummer",
        {(7, "avslut_detalj"): f"flyttat enligt {PNR[2:]}"},
        hidden=PNR_FORMS,
    ),
    reg_case(
        "personnummer-in-date-column",
        "deltagare.csv, rad 2, kolumn 'avslutsdatum': text utan personnummer eller samordningsnummer",
        {(2, "avslutsdatum"): PNR},
        hidden=PNR_FORMS,
    ),
    reg_case(
        "personnummer-in-code-column",
        "deltagare.csv, rad 5, kolumn 'kon': text utan personnummer eller samordningsnummer",
        {(5, "kon"): PNR.replace("-", "")},
        hidden=PNR_FORMS,
    ),
    reg_case(
        "personnummer-in-an-unknown-column",
        "deltagare.csv, rad 3, kolumn 'anteckning': text utan personnummer eller samordningsnummer",
        {(3, "delinsats"): f"ring {PNR[2:]}"},
        header=[*COLUMNS[:-1], "Anteckning"],
        hidden=PNR_FORMS,
    ),
]

FILES = [
    Case(
        "blank-rows-before-a-bad-row",
        ("deltagare.csv, rad 10, kolumn 'kon': värdet 'kvinan'",),  # register row 7, after 3 blank rows
        {"deltagare.csv": text_file(_blank_rows_then_bad_code())},
    ),
    Case(
        "windows-1252-swedish-headers-bad-code-with-o-umlaut",
        ("deltagare.csv, rad 4, kolumn 'remittent': värdet 'Försörjningsenheten'",),
        {
            "deltagare.csv": csv_file(
                register({(4, "remittent"): "Försörjningsenheten"}, header=SWEDISH_HEADER), encoding="cp1252"
            )
        },
    ),
    Case(
        "semicolon-decimal-comma-bad-number",
        ("deltagare.csv, rad 6, kolumn 'ar_i_offentlig_forsorjning': värdet '3,5 år'",),
        {"deltagare.csv": csv_file(_semicolon_decimal_comma(), sep=";")},
    ),
    Case(
        "xlsx-bad-date-in-row-5",
        ("deltagare.xlsx, rad 5, kolumn 'inskrivningsdatum': värdet '2021-02-30'",),
        {"deltagare.xlsx": xlsx_file(_xlsx_bad_date())},
        params=params_text("{participants: deltagare.xlsx}"),
    ),
    Case(
        "xlsx-header-on-row-3-bad-code",
        ("deltagare.xlsx, rad 8, kolumn 'remittent': värdet 'Arbetsförmedlingen Syd'",),  # register row 6
        {
            "deltagare.xlsx": xlsx_file(
                register({(6, "remittent"): "Arbetsförmedlingen Syd"}),
                title_rows=(("Deltagarregister, Korpusteamet",), ("Uttag 2022-01-10",)),
            )
        },
        params=params_text("{participants: {path: deltagare.xlsx, header_row: 3}}"),
    ),
    Case(
        "xlsx-blank-rows-before-a-bad-row",
        ("deltagare.xlsx, rad 11, kolumn 'fodelsear': värdet '85'",),  # 2 rows above the header, 3 blank
        {"deltagare.xlsx": xlsx_file(_xlsx_blank_rows(), title_rows=((), ("Deltagarregister",)))},
        params=params_text("{participants: {path: deltagare.xlsx, header_row: 3}}"),
    ),
    Case(
        "xlsx-missing-sheet",
        ("deltagare.xlsx: värdet 'Blad9': ett blad bland ['Deltagare']",),
        {"deltagare.xlsx": xlsx_file(register())},
        params=params_text("{participants: {path: deltagare.xlsx, sheet: Blad9}}"),
    ),
    Case(
        "empty-register-file",
        tuple(f"deltagare.csv, rad 1, kolumn '{c}': kolumnen saknas" for c in REQUIRED),
        {"deltagare.csv": text_file("")},
        problems=len(REQUIRED),
    ),
    Case(
        "budget-not-a-number",
        ("ekonomi.csv, rad 3, kolumn 'utfall': värdet 'okänt': ett belopp i kronor",),
        {"ekonomi.csv": text_file(BUDGET.replace("4 230", "okänt"))},
    ),
    Case(
        "survey-answer-off-the-scale",
        ("enkat.csv, rad 4, kolumn 'svar': värdet '7': ett steg på skalan",),
        {"enkat.csv": text_file(SURVEY.replace("2,1,3", "2,1,7"))},
    ),
    Case(
        "followup-month-7",
        ("uppfoljning.csv, rad 3, kolumn 'uppfoljning_manad': värdet '7': 6, 12, 18 eller 24",),
        {"uppfoljning.csv": text_file(FOLLOWUPS.replace("K04,6,", "K04,7,"))},
    ),
    Case(
        "followup-personnummer-as-id",
        ("uppfoljning.csv, rad 2, kolumn 'deltagar_id': ett pseudonymt id, inte ett personnummer",),
        {"uppfoljning.csv": text_file(FOLLOWUPS.replace("K01,", f"{PNR},"))},
        hidden=PNR_FORMS,
    ),
    Case(
        "followup-personnummer-in-date-column",
        ("uppfoljning.csv, rad 3, kolumn 'uppfoljningsdatum'",),
        {"uppfoljning.csv": text_file(FOLLOWUPS.replace("2022-04-29", PNR))},
        hidden=PNR_FORMS,
    ),
    Case(
        "mac-cr-line-endings-bad-code",
        ("deltagare.csv, rad 3, kolumn 'kon': värdet 'kvina'",),
        {"deltagare.csv": csv_file(register({(3, "kon"): "kvina"}), newline="\r")},
    ),
    Case(
        "xlsx-that-is-not-a-workbook",
        ("deltagare.xlsx",),
        {"deltagare.xlsx": text_file(csv_text(register()))},
        params=params_text("{participants: deltagare.xlsx}"),
    ),
]

PARAMS = [
    Case(
        "params-missing-key-period",
        ("params.yml, kolumn 'period': nyckeln saknas",),
        params=params_text(drop="period"),
        problems=1,  # only the missing key, not also its start and end
    ),
    Case("params-missing-key-team", ("params.yml, kolumn 'team': nyckeln saknas",), params=params_text(drop="team")),
    Case(
        "params-missing-data-file",
        ("params.yml, kolumn 'data.participants': värdet 'saknas.csv': en fil som finns",),
        params=params_text("{participants: saknas.csv}"),
    ),
    Case(
        "params-unknown-data-option",
        ("params.yml, kolumn 'data.participants': värdet 'rubrikrad': sheet eller header_row",),
        params=params_text("{participants: {path: deltagare.csv, rubrikrad: 3}}"),
    ),
    Case("params-invalid-yaml", ("params.yml: ogiltig YAML",), params=params_text() + "rules: [trial_months: 2\n"),
    Case(
        "params-header-row-not-a-number",
        ("params.yml, kolumn 'data.participants.header_row': värdet 'tre'",),
        params=params_text("{participants: {path: deltagare.csv, header_row: tre}}"),
    ),
    Case(
        "params-data-path-is-a-folder",
        ("params.yml, kolumn 'data.participants'",),
        params=params_text("{participants: .}"),
    ),
    Case(
        "params-period-end-31-february",
        ("params.yml", "period.end"),
        params=params_text().replace("end: 2021-12-31", "end: 2021-02-31"),
    ),
    Case(
        "params-period-not-a-mapping",
        ("params.yml, kolumn 'period'",),
        params=params_text().replace("period: {start: 2021-01-01, end: 2021-12-31}", "period: 2021"),
    ),
    Case(
        "params-data-not-a-mapping",
        ("params.yml, kolumn 'data",),
        params=params_text("deltagare.csv"),
    ),
    Case(
        "params-trial-months-not-a-number",
        ("params.yml, kolumn 'rules.trial_months'",),
        params=params_text(extra="rules: {trial_months: två}\n"),
    ),
    Case(
        "params-aliases-not-a-mapping",
        ("params.yml, kolumn 'aliases'",),
        params=params_text(extra="aliases: [kon, gender]\n"),
    ),
]

SEVERAL = [
    reg_case(
        "several-three-rows-three-problems",
        (
            "deltagare.csv, rad 2, kolumn 'kon': värdet 'x'",
            "deltagare.csv, rad 5, kolumn 'avslutsdatum': värdet '2021-13-29'",
            "deltagare.csv, rad 9, kolumn 'remittent': värdet 'polisen'",
        ),
        {(2, "kon"): "x", (5, "avslutsdatum"): "2021-13-29", (9, "remittent"): "polisen"},
        problems=3,
    ),
    reg_case(
        "several-missing-column-and-bad-values",
        (
            "deltagare.csv, rad 1, kolumn 'remittent': kolumnen saknas",
            "deltagare.csv, rad 3, kolumn 'fodelsear': värdet '19x0'",
            "deltagare.csv, rad 4, kolumn 'inskrivningsdatum': värdet '2021/01/05'",
        ),
        {(3, "fodelsear"): "19x0", (4, "inskrivningsdatum"): "2021/01/05"},
        drop="remittent",
        problems=3,
    ),
    reg_case(
        "several-personnummer-overlap-and-bad-flag",
        (
            "deltagare.csv, rad 3, kolumn 'deltagar_id': ett pseudonymt id",
            "deltagare.csv, rad 10, kolumn 'inskrivningsdatum': värdet '2021-09-01': ett datum efter avslutet på rad 6",
            "deltagare.csv, rad 8, kolumn 'tidigt_avhopp': värdet 'jo'",
        ),
        {(3, "deltagar_id"): PNR, (8, "tidigt_avhopp"): "jo"},
        add=(row("K05,kvinna,1969,2021-09-01,,,,,annan,,,,,"),),
        hidden=PNR_FORMS,
        problems=3,
    ),
    reg_case(
        "several-missing-reason-listed-with-the-rest",
        (
            "deltagare.csv, rad 2, kolumn 'kon': värdet 'kvina'",
            "deltagare.csv, rad 8, kolumn 'avslutsanledning': värdet ''",
        ),
        {(2, "kon"): "kvina", (8, "avslutsanledning"): ""},
        problems=2,
    ),
    Case(
        "several-files-register-budget-survey-followups",
        (
            "deltagare.csv, rad 2, kolumn 'kon': värdet 'kvina'",
            "ekonomi.csv, rad 2, kolumn 'budget': värdet '2 150 000 kr?'",
            "enkat.csv, rad 2, kolumn 'omgang': värdet '3'",
            "uppfoljning.csv, rad 4, kolumn 'status': värdet 'okänd'",
        ),
        {
            "deltagare.csv": csv_file(register({(2, "kon"): "kvina"})),
            "ekonomi.csv": text_file(BUDGET.replace("2 150 000", "2 150 000 kr?")),
            "enkat.csv": text_file(SURVEY.replace("1,1,till_stor_del", "3,1,till_stor_del")),
            "uppfoljning.csv": text_file(FOLLOWUPS.replace("ej_nadd", "okänd")),
        },
        problems=4,
    ),
]

CORPUS = MISSING_COLUMNS + UNKNOWN_CODES + DATES + VALUES + PERSONNUMMER + FILES + PARAMS + SEVERAL
VALID_FILES = {
    "deltagare.csv": csv_file(),
    "ekonomi.csv": text_file(BUDGET, "utf-8"),
    "enkat.csv": text_file(SURVEY),
    "uppfoljning.csv": text_file(FOLLOWUPS),
}
EARLIER = {
    f"{TEAM}/{PERIOD}/report.html": b"<!DOCTYPE html><p>Earlier report</p>\n",
    f"{TEAM}/{PERIOD}/report.pdf": b"%PDF-1.7 earlier\n",
    f"{TEAM}/{PERIOD}/indicators.json": b'{"team": "korpus"}\n',
    "index.html": b"<!DOCTYPE html><p>Earlier index</p>\n",
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _setup(folder: Path, case: Case) -> tuple[Path, Path]:
    for name, write in {**VALID_FILES, **case.files}.items():
        write(folder / name)
    params = folder / "params.yml"
    params.write_text(case.params or params_text(), encoding="utf-8")
    out = folder / "out"
    for name, content in EARLIER.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    return params, out


def test_the_corpus_is_large_enough_and_ids_are_unique():
    assert len(CORPUS) >= 30
    assert len({c.id for c in CORPUS}) == len(CORPUS)
    assert sum(c.id.startswith("several-") for c in CORPUS) >= 3


def test_the_valid_inputs_are_valid(tmp_path, monkeypatch, capsys):
    """The baseline: without damage, ``rapport validate`` accepts every file of the corpus."""
    monkeypatch.chdir(ROOT)
    params, _ = _setup(tmp_path, Case("valid", ()))
    assert main(["validate", str(params)]) == 0, capsys.readouterr().err
    for header_row, title_rows in ((1, ()), (3, (("Deltagarregister",), ("Uttag 2022-01-10",)))):
        xlsx_file(register(), title_rows=title_rows)(tmp_path / "deltagare.xlsx")
        params.write_text(params_text(f"{{participants: {{path: deltagare.xlsx, header_row: {header_row}}}}}"))
        assert main(["validate", str(params)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CORPUS])
def test_malformed_input_is_rejected_without_touching_the_output(case, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)  # the template notebooks are found from the project root
    params, out = _setup(tmp_path, case)
    before = _snapshot(out)
    status = main(["render", str(params), "--output", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert status == 2, captured.err
    for expected in case.expect:
        assert expected in captured.err
    assert f"{case.problems} problem i indata" in captured.err
    for secret in case.hidden:
        assert secret not in captured.out + captured.err
    assert _snapshot(out) == before

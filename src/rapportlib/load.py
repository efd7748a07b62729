"""Reading and validating the input files of the data contract (participant register, budget,
survey, follow-ups).

Files are read as text (CSV in UTF-8 with or without BOM or Windows-1252, ``;`` or ``,``,
decimal comma or point; XLSX from the first or a named sheet, with the header on a given row).
Headers and codes are matched through the alias table (``aliases.yml``, extendable per report).
The register is validated with a pandera schema that reports **all** problems at once, each as
file, row (as the spreadsheet numbers it: the header is row 1 unless configured), column, value
and what was expected; a value shaped like a personnummer is never echoed.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from .codes import ALIASES, fold
from .errors import InputError, Problem

REQUIRED = ("deltagar_id", "kon", "fodelsear", "inskrivningsdatum", "remittent")
OPTIONAL = (
    "avslutsdatum",
    "avslutsanledning",
    "avslut_detalj",
    "tidigt_avhopp",
    "forsorjning_fore",
    "forsorjning_efter",
    "utbildning",
    "ar_i_offentlig_forsorjning",
    "delinsats",
    "sysselsattning_fore",
    "sysselsattning_efter",
)
# A personnummer: optional century, six date digits, optional separator, four digits.
_PNR = re.compile(r"(?<!\d)(?:19|20)?\d{2}[01]\d[0-3]\d[-+]?\d{4}(?!\d)")
_MISSING = {"", "-", "na", "nan", "none", "null", "nat"}
#: Which code list each coded column uses.
_CODED = {
    "kon": "kon",
    "remittent": "remittent",
    "avslutsanledning": "avslutsanledning",
    "utbildning": "utbildning",
    "tidigt_avhopp": "ja_nej",
}
_LISTS = {
    "forsorjning_fore": "forsorjning",
    "forsorjning_efter": "forsorjning",
    "sysselsattning_fore": "sysselsattning",
    "sysselsattning_efter": "sysselsattning",
}
DROPOUT_CODE = "tidigt_avhopp"  # an exit reason alias meaning "early dropout, no reason"
_KIND_OF_COLUMN = {**_CODED, **_LISTS}


# ---------------------------------------------------------------------------- aliases


@dataclass(frozen=True)
class Aliases:
    """Folded header → contract column, and per code list folded label → code."""

    columns: dict[str, str]
    codes: dict[str, dict[str, object]] = field(default_factory=dict)

    def code(self, kind: str, text: str):
        """The code of a value, or ``None`` when unknown."""
        return self.codes.get(kind, {}).get(fold(text))

    def known(self, kind: str) -> list[str]:
        return sorted({str(v) for v in self.codes.get(kind, {}).values()})


def load_aliases(extra: dict | None = None) -> Aliases:
    """The packaged alias table, extended by a params file's ``aliases:`` (same shape)."""
    text = resources.files("rapportlib").joinpath("aliases.yml").read_text(encoding="utf-8")
    tables = [yaml.safe_load(text), extra if isinstance(extra, dict) else {}]
    columns: dict[str, str] = {}
    codes: dict[str, dict[str, object]] = {kind: dict(table) for kind, table in ALIASES.items()}
    for table in tables:
        for column, names in (table.get("columns") or {}).items():
            for name in [column, *(names if isinstance(names, list) else [names])]:
                columns[fold(name)] = column
        for kind, mapping in (table.get("codes") or {}).items():
            kind = _KIND_OF_COLUMN.get(kind, kind)  # a column's name is accepted for its code list
            if isinstance(mapping, dict):
                codes.setdefault(kind, {}).update({fold(k): v for k, v in mapping.items()})
    return Aliases(columns, codes)


# ----------------------------------------------------------------------------- tables


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _excel_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> tuple[pd.DataFrame, str]:
    """Read a CSV or XLSX file as text with folded headers; return it and its decimal mark.

    The frame's index is each row's number as the spreadsheet shows it (blank rows are skipped
    but counted). ``header_row`` skips title or merged rows above the header; ``sheet`` picks a
    worksheet by name or number (default: the first).
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import zipfile

        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, OSError, KeyError) as exc:
            raise InputError(
                [Problem(path.name, None, None, None, f"en Excel-fil (xlsx) som går att öppna ({type(exc).__name__})")]
            ) from None
        try:
            ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet or 0]
        except (KeyError, IndexError):
            raise InputError(
                [Problem(path.name, None, None, str(sheet), f"ett blad bland {book.sheetnames}")]
            ) from None
        rows = [(n, [_excel_cell(v) for v in values]) for n, values in enumerate(ws.iter_rows(values_only=True), 1)]
        book.close()
        decimal = "."
    else:
        text = _read_text(path)
        lines = text.splitlines()
        first = lines[header_row - 1] if len(lines) >= header_row else ""
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
        decimal = "," if delimiter == ";" else "."
        # newline="" lets the csv module handle \r\n, \n and a Mac's lone \r, in cells too.
        rows = list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1))
    header = next((r for n, r in rows if n == header_row), [])
    width = len(header)
    body = [(n, (r + [""] * width)[:width]) for n, r in rows if n > header_row and any(str(c).strip() for c in r)]
    frame = pd.DataFrame([r for _, r in body], columns=header, dtype=object, index=[n for n, _ in body])
    frame.columns = [fold(c) for c in frame.columns]
    return frame, decimal


def _rename(frame: pd.DataFrame, aliases: Aliases, file: str, header_row: int) -> tuple[pd.DataFrame, list[Problem]]:
    """Headers to contract names through the alias table; two headers for one column is an error."""
    names, problems, seen = [], [], {}
    for col in frame.columns:
        name = aliases.columns.get(col, col)
        if name in seen and name in REQUIRED + OPTIONAL:
            problems.append(Problem(file, header_row, col, None, f"bara en kolumn för {name} (även {seen[name]!r})"))
        seen.setdefault(name, col)
        names.append(name)
    frame = frame.copy()
    frame.columns = names
    return frame.loc[:, ~frame.columns.duplicated()], problems


# ------------------------------------------------------------------------ parsing


def _missing(text: object) -> bool:
    return fold(str(text)) in _MISSING


def _parse_date(text: str) -> dt.date:
    text = str(text).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?", text):
        return dt.date.fromisoformat(text[:10])
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel date serial
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(text)))
    raise ValueError(text)


def _parse_number(text: str, decimal: str) -> float:
    """A number written the Swedish way or not: ``2 150 000``, ``2,5``, ``2.5``, ``−20 000``.

    With ``decimal=","`` (a ``;`` file) a comma is the decimal mark and dots group thousands; a
    number with a dot and no comma is still read with the dot as decimal mark.
    """
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("\u2212", "-").replace("kr", "")
    if "," in text and (decimal == "," or "." not in text):
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def _split(text: str) -> list[str]:
    return [p for p in re.split(r"[;,]", str(text)) if not _missing(p)]


def _suggest(text: str, aliases: Aliases, kind: str) -> str:
    known = aliases.known(kind)
    close = difflib.get_close_matches(
        fold(text), [fold(k) for k in known] + list(aliases.codes.get(kind, {})), n=1, cutoff=0.6
    )
    hint = ""
    if close:
        code = aliases.codes.get(kind, {}).get(close[0], close[0])
        hint = f"; menade du {code}?"
    shown = [k for k in known if k != DROPOUT_CODE]
    return f"en av {', '.join(shown)}{hint}"


# ----------------------------------------------------------------------- the schema


def _schema(aliases: Aliases, decimal: str, today: dt.date, present: set[str]):
    """A pandera schema of the register as text, one check per rule; failures become Problems."""
    import pandera.pandas as pa

    def code_ok(kind):
        return lambda v: _missing(v) or aliases.code(kind, str(v)) is not None

    def list_ok(kind):
        return lambda v: all(aliases.code(kind, p) is not None for p in _split(v))

    def date_ok(v):
        if _missing(v):
            return True
        try:
            _parse_date(v)
        except ValueError:
            return False
        return True

    def not_future(v):
        try:
            return _missing(v) or _parse_date(v) <= today
        except ValueError:
            return True  # reported as unparseable

    def number_ok(v):
        if _missing(v) or aliases.code("ar_i_offentlig_forsorjning", str(v)) is not None:
            return True
        try:
            _parse_number(str(v), decimal)
        except ValueError:
            return False
        return True

    def check(fn, name):
        return pa.Check(fn, element_wise=True, name=name)

    def filled(v):
        return not _missing(v)

    columns = {
        "deltagar_id": [check(filled, "required")],
        "kon": [check(filled, "required"), check(code_ok("kon"), "code:kon")],
        "fodelsear": [check(lambda v: bool(re.fullmatch(r"\d{4}(\.0+)?", str(v).strip())), "year")],
        "inskrivningsdatum": [check(filled, "required"), check(date_ok, "date"), check(not_future, "future")],
        "avslutsdatum": [check(date_ok, "date"), check(not_future, "future")],
        "avslutsanledning": [check(code_ok("avslutsanledning"), "code:avslutsanledning")],
        "tidigt_avhopp": [check(code_ok("ja_nej"), "code:ja_nej")],
        "remittent": [check(filled, "required"), check(code_ok("remittent"), "code:remittent")],
        "utbildning": [check(code_ok("utbildning"), "code:utbildning")],
        "ar_i_offentlig_forsorjning": [check(number_ok, "number")],
        **{col: [check(list_ok(kind), f"list:{kind}")] for col, kind in _LISTS.items()},
    }
    pnr = check(lambda v: not _PNR.search(str(v)), "pnr")
    schema_columns = {
        name: pa.Column(object, checks=[pnr, *checks], required=name in REQUIRED, nullable=True)
        for name, checks in columns.items()
    }
    for name in present - set(schema_columns):  # every other column: no personnummer either
        schema_columns[name] = pa.Column(object, checks=[pnr], required=False, nullable=True)
    return pa.DataFrameSchema(schema_columns, strict=False, coerce=False)


_EXPECTED = {
    "required": "ett värde (obligatoriskt)",
    "year": "ett fyrsiffrigt årtal",
    "date": "ett datum ÅÅÅÅ-MM-DD (eller ett Excel-datum)",
    "future": "ett datum som inte ligger i framtiden",
    "number": "ett antal år, t.ex. 2,5 (eller Upp till 3 år)",
    "pnr": "ett pseudonymt id, inte ett personnummer (värdet visas inte)",
}


def _problems_from(errors, frame: pd.DataFrame, aliases: Aliases, file: str, header_row: int) -> list[Problem]:
    problems = []
    secret: set[tuple[int, str]] = set()
    cases = errors.failure_cases
    for case in cases.itertuples():
        check, column = str(case.check), case.column
        if check == "column_in_dataframe":
            problems.append(Problem(file, header_row, str(case.failure_case), None, "kolumnen saknas (obligatorisk)"))
            continue
        row = int(case.index)
        if check == "pnr":
            secret.add((row, column))
    for case in cases.itertuples():
        check, column = str(case.check), case.column
        if check == "column_in_dataframe":
            continue
        row = int(case.index)
        if check == "pnr":
            problems.append(Problem(file, row, column, None, _EXPECTED["pnr"]))
            continue
        if (row, column) in secret:
            continue  # reported once, without its value
        value = str(frame.at[row, column])
        if check.startswith("code:"):
            expected = _suggest(value, aliases, check[5:])
        elif check.startswith("list:"):
            bad = [p for p in _split(value) if aliases.code(check[5:], p) is None]
            value = bad[0] if bad else value
            expected = _suggest(value, aliases, check[5:])
        else:
            expected = _EXPECTED[check]
        problems.append(Problem(file, row, column, value, expected))
    return problems


# --------------------------------------------------------------------- the register


def check_register(
    path: str | Path,
    *,
    aliases: Aliases | None = None,
    sheet: str | int | None = None,
    header_row: int = 1,
    today: dt.date | None = None,
    trial_months: int | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and validate a participant register; return the typed frame and warnings (ages outside
    15–75 at enrolment). Raise :class:`InputError` listing every problem; with ``trial_months``,
    also every exit without a reason that is not an early dropout."""
    import pandera.pandas as pa

    path = Path(path)
    file = path.name
    aliases = aliases or load_aliases()
    today = today or dt.date.today()
    raw, decimal = read_table(path, sheet, header_row)
    raw, problems = _rename(raw, aliases, file, header_row)
    schema = _schema(aliases, decimal, today, set(raw.columns))
    try:
        schema.validate(raw, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems += _problems_from(errors, raw, aliases, file, header_row)
    if any(p.row == header_row and p.value is None and "saknas" in p.expected for p in problems):
        raise InputError(problems)
    if problems:
        # Cross-row checks need parseable rows; report them together with the rest where possible.
        partial = _typed(raw, aliases, decimal, skip_bad=True)
        more = _cross_checks(partial, file) + (
            check_rules(partial, file, trial_months) if trial_months is not None else []
        )
        reported = {(p.row, p.column) for p in problems}
        problems += [p for p in more if (p.row, p.column) not in reported]  # one problem per cell
        raise InputError(_unique(sorted(problems, key=lambda p: (p.row or 0, p.column or ""))))
    frame = _typed(raw, aliases, decimal)
    problems = _cross_checks(frame, file)
    if trial_months is not None:
        problems += check_rules(frame, file, trial_months)
    if problems:
        raise InputError(problems)
    return frame, _age_warnings(frame, file)


def read_register(path: str | Path, **options) -> pd.DataFrame:
    """Read and validate a participant register (one row per enrolment).

    Returns a new DataFrame with the contract's columns typed: dates as ``datetime64``, code lists
    as tuples of codes, missing values as ``NA``; ``rad`` holds each row's number in the file.
    The employment columns are present only when the file has them.
    """
    return check_register(path, **options)[0]


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _typed(raw: pd.DataFrame, aliases: Aliases, decimal: str, skip_bad: bool = False) -> pd.DataFrame:
    """The register as typed values; with ``skip_bad`` rows that do not parse are left out."""

    def cell(i, col):
        return str(raw.at[i, col]).strip() if col in raw.columns else ""

    records = []
    for i in raw.index:
        try:
            rec: dict[str, object] = {"rad": int(i), "deltagar_id": cell(i, "deltagar_id")}
            for col in ("kon", "remittent", "utbildning"):
                rec[col] = None if _missing(cell(i, col)) else aliases.code(_CODED[col], cell(i, col))
            reason = (
                None
                if _missing(cell(i, "avslutsanledning"))
                else aliases.code("avslutsanledning", cell(i, "avslutsanledning"))
            )
            flag = None if _missing(cell(i, "tidigt_avhopp")) else aliases.code("ja_nej", cell(i, "tidigt_avhopp"))
            if reason == DROPOUT_CODE:  # "utan mätning": an early dropout, no reason
                reason, flag = None, "ja"
            rec["avslutsanledning"] = reason
            rec["tidigt_avhopp"] = None if flag is None else flag == "ja"
            rec["fodelsear"] = int(float(cell(i, "fodelsear")))
            rec["inskrivningsdatum"] = _parse_date(cell(i, "inskrivningsdatum"))
            end = cell(i, "avslutsdatum")
            rec["avslutsdatum"] = None if _missing(end) else _parse_date(end)
            for col, kind in _LISTS.items():
                codes = []
                for part in _split(cell(i, col)):
                    code = aliases.code(kind, part)
                    if code not in codes:
                        codes.append(code)
                rec[col] = tuple(codes)
            years = cell(i, "ar_i_offentlig_forsorjning")
            binned = aliases.code("ar_i_offentlig_forsorjning", years) if not _missing(years) else None
            rec["ar_i_offentlig_forsorjning"] = (
                None if _missing(years) else float(binned) if binned is not None else _parse_number(years, decimal)
            )
            rec["avslut_detalj"] = cell(i, "avslut_detalj") or None
            rec["delinsats"] = cell(i, "delinsats") or None
        except (ValueError, TypeError):
            if skip_bad:
                continue
            raise
        records.append(rec)
    frame = pd.DataFrame.from_records(records, columns=["rad", "deltagar_id", *REQUIRED[1:], *OPTIONAL])
    if "sysselsattning_fore" not in raw.columns and "sysselsattning_efter" not in raw.columns:
        frame = frame.drop(columns=["sysselsattning_fore", "sysselsattning_efter"])  # not recorded at all
    for col in ("inskrivningsdatum", "avslutsdatum"):
        frame[col] = pd.to_datetime(frame[col])
    frame["fodelsear"] = frame["fodelsear"].astype("int64")
    frame["ar_i_offentlig_forsorjning"] = frame["ar_i_offentlig_forsorjning"].astype("float64")
    frame["tidigt_avhopp"] = frame["tidigt_avhopp"].astype("boolean")
    return frame


def _cross_checks(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Checks across columns and rows: exit before enrolment, overlapping enrolments of one id."""
    problems = []
    before = frame["avslutsdatum"].notna() & (frame["avslutsdatum"] < frame["inskrivningsdatum"])
    for rec in frame.loc[before].itertuples():
        problems.append(
            Problem(
                file,
                rec.rad,
                "avslutsdatum",
                rec.avslutsdatum.date().isoformat(),
                f"ett datum tidigast {rec.inskrivningsdatum.date().isoformat()} (inskrivningsdatum)",
            )
        )
    spells = frame.sort_values(["deltagar_id", "inskrivningsdatum"])
    previous: dict[str, tuple[int, object]] = {}
    for rec in spells.itertuples():
        prior = previous.get(rec.deltagar_id)
        if prior is not None:
            prior_row, prior_end = prior
            if pd.isna(prior_end) or rec.inskrivningsdatum <= prior_end:
                problems.append(
                    Problem(
                        file,
                        rec.rad,
                        "inskrivningsdatum",
                        rec.inskrivningsdatum.date().isoformat(),
                        f"ett datum efter avslutet på rad {prior_row} (samma deltagar-id, inskrivningarna överlappar)",
                    )
                )
        previous[rec.deltagar_id] = (rec.rad, rec.avslutsdatum)
    return problems


def _age_warnings(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Warnings (not errors): a birth year giving an age outside 15–75 at enrolment."""
    ages = frame["inskrivningsdatum"].dt.year - frame["fodelsear"]
    odd = frame.loc[(ages < 15) | (ages > 75)]
    return [
        Problem(file, int(r.rad), "fodelsear", None, "en ålder 15–75 vid inskrivningen (varning; värdet visas inte)")
        for r in odd.itertuples()
    ]


def check_rules(register: pd.DataFrame, file: str, trial_months: int) -> list[Problem]:
    """Problems that depend on the team's rules: an exit that is not an early dropout needs a reason."""
    from .indicators.periods import early_dropout

    dropout = early_dropout(register, trial_months)
    missing = register["avslutsdatum"].notna() & ~dropout & register["avslutsanledning"].isna()
    return [
        Problem(file, int(row), "avslutsanledning", "", "en avslutsanledning (avslutet är inget tidigt avhopp)")
        for row in register.loc[missing, "rad"]
    ]


# ------------------------------------------------------------------------ other files


def _require_columns(raw: pd.DataFrame, file: str, header_row: int, columns: tuple[str, ...]) -> None:
    """Every missing required column, named in one error on the header row."""
    missing = [c for c in columns if c not in raw.columns]
    problems = [Problem(file, header_row, c, None, "kolumnen saknas (obligatorisk)") for c in missing]
    if problems:
        raise InputError(problems)


def read_budget(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read a budget file: one row per cost line with ``post``, ``budget``, ``utfall``, optional ``prognos``."""
    path = Path(path)
    file = path.name
    raw, decimal = read_table(path, sheet, header_row)
    _require_columns(raw, file, header_row, ("post", "budget", "utfall"))
    problems = []
    records = []
    for i in raw.index:
        rec: dict[str, object] = {"post": str(raw.at[i, "post"]).strip()}
        for col in ("budget", "utfall", "prognos"):
            text = str(raw.at[i, col]).strip() if col in raw.columns else ""
            rec[col] = None
            if _missing(text):
                if col != "prognos":
                    problems.append(Problem(file, int(i), col, text, "ett belopp i kronor"))
                continue
            try:
                rec[col] = _parse_number(text, decimal)
            except ValueError:
                problems.append(Problem(file, int(i), col, text, "ett belopp i kronor, t.ex. 2 150 000"))
        records.append(rec)
    if problems:
        raise InputError(problems)
    return pd.DataFrame.from_records(records, columns=["post", "budget", "utfall", "prognos"]).astype(
        {"budget": "float64", "utfall": "float64", "prognos": "float64"}
    )


def read_survey(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read NNS survey answers: one row per answer with ``omgang`` (1 = during, about 3 months in;
    2 = at exit), ``fraga`` (question number 1–10) and ``svar`` (a step of the six-step scale, by
    label or 1–6, or ja/nej). Answers are anonymous: no participant id."""
    path = Path(path)
    file = path.name
    raw, _ = read_table(path, sheet, header_row)
    _require_columns(raw, file, header_row, ("omgang", "fraga", "svar"))
    problems = []
    records = []
    for i in raw.index:
        row = int(i)
        rec: dict[str, object] = {"rad": row}
        for col, valid in (("omgang", (1, 2)), ("fraga", tuple(range(1, 11)))):
            text = str(raw.at[i, col]).strip()
            try:
                rec[col] = int(float(text))
                if rec[col] not in valid:
                    raise ValueError(text)
            except ValueError:
                problems.append(Problem(file, row, col, text, f"ett heltal bland {valid[0]}–{valid[-1]}"))
        text = str(raw.at[i, "svar"]).strip()
        rec["svar"] = ALIASES["svar"].get(fold(text))
        if rec["svar"] is None:
            problems.append(
                Problem(file, row, "svar", text, "ett steg på skalan (Inte alls … Helt och hållet, 1–6) eller ja/nej")
            )
        records.append(rec)
    if problems:
        raise InputError(problems)
    return pd.DataFrame.from_records(records, columns=["rad", "omgang", "fraga", "svar"])


def read_followups(path: str | Path, sheet: str | int | None = None, header_row: int = 1) -> pd.DataFrame:
    """Read follow-ups after exit: one row per person and follow-up with ``deltagar_id``,
    ``uppfoljning_manad`` (6, 12, 18 or 24 months after exit), ``uppfoljningsdatum`` and
    ``status`` (arbete, studier, aktivt_arbetssokande, fortsatt_rehabilitering, sjukdom, annat,
    or ej_nadd when the person was not reached)."""
    from .codes import FOLLOWUP_MONTHS

    path = Path(path)
    file = path.name
    raw, _ = read_table(path, sheet, header_row)
    _require_columns(raw, file, header_row, ("deltagar_id", "uppfoljning_manad", "uppfoljningsdatum", "status"))
    problems = []
    records = []
    for i in raw.index:
        row = int(i)
        rec: dict[str, object] = {"rad": row, "deltagar_id": str(raw.at[i, "deltagar_id"]).strip()}
        secret = [col for col in raw.columns if _PNR.search(str(raw.at[i, col]))]
        for col in secret:  # reported without the value, and nothing else about that row
            problems.append(Problem(file, row, col, None, _EXPECTED["pnr"]))
        if secret:
            records.append(rec)
            continue
        text = str(raw.at[i, "uppfoljning_manad"]).strip()
        try:
            rec["manad"] = int(float(text))
            if rec["manad"] not in FOLLOWUP_MONTHS:
                raise ValueError(text)
        except ValueError:
            problems.append(Problem(file, row, "uppfoljning_manad", text, "6, 12, 18 eller 24"))
        text = str(raw.at[i, "uppfoljningsdatum"]).strip()
        try:
            rec["datum"] = _parse_date(text)
        except ValueError:
            problems.append(Problem(file, row, "uppfoljningsdatum", text, _EXPECTED["date"]))
        text = str(raw.at[i, "status"]).strip()
        rec["status"] = ALIASES["status"].get(fold(text))
        if rec["status"] is None:
            problems.append(
                Problem(
                    file,
                    row,
                    "status",
                    text,
                    "arbete, studier, aktivt_arbetssokande, fortsatt_rehabilitering, sjukdom, annat eller ej_nadd",
                )
            )
        records.append(rec)
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame.from_records(records, columns=["rad", "deltagar_id", "manad", "datum", "status"])
    frame["datum"] = pd.to_datetime(frame["datum"])
    return frame

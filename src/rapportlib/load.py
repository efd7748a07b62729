"""Reading and validating the input files of the data contract (participant register, budget).

Every reader returns a new, typed DataFrame or raises :class:`~rapportlib.errors.InputError`
listing **all** problems found, each with file, row (as numbered in Excel: the header is row 1),
column, value and what was expected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pandas as pd

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
_MISSING = {"", "-", "na", "nan", "none", "null"}


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_table(path: str | Path) -> tuple[pd.DataFrame, str]:
    """Read a CSV or XLSX file as strings with folded headers; return it and its decimal mark.

    The frame's index is each row's number as a spreadsheet shows it (the header is row 1; blank
    rows are skipped but still counted).
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, dtype=object).fillna("")
        frame = frame.map(_excel_cell)
        frame.index = frame.index + 2
        decimal = "."
    else:
        text = _read_text(path)
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
        decimal = "," if delimiter == ";" else "."
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows = list(reader)
        header = rows[0] if rows else []
        width = len(header)
        numbered = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
        body = [(r + [""] * width)[:width] for _, r in numbered]
        frame = pd.DataFrame(body, columns=header, dtype=object, index=[n for n, _ in numbered])
    frame.columns = [fold(c) for c in frame.columns]
    return frame, decimal


def _excel_cell(value: object) -> str:
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    if re.fullmatch(r"\d{5}(\.0)?", text):  # an Excel date serial
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


def read_register(path: str | Path) -> pd.DataFrame:
    """Read and validate a participant register (one row per enrolment).

    Returns a new DataFrame with one row per enrolment and the contract's columns typed:
    dates as ``datetime64``, code lists as tuples of codes, missing values as ``NA``.
    """
    path = Path(path)
    file = path.name
    raw, decimal = read_table(path)
    problems: list[Problem] = []
    for col in REQUIRED:
        if col not in raw.columns:
            problems.append(Problem(file, 1, col, None, "kolumnen saknas (obligatorisk)"))
    if problems:
        raise InputError(problems)

    def cell(i, col: str) -> str:
        return str(raw.at[i, col]).strip() if col in raw.columns else ""

    records = []
    secret: set[tuple[int, str]] = set()  # cells holding a personnummer: never echoed
    for i in raw.index:
        row = int(i)
        for col in raw.columns:
            if _PNR.search(str(raw.at[i, col])):
                secret.add((row, col))
                problems.append(
                    Problem(file, row, col, None, "ett värde som liknar ett personnummer; använd ett pseudonymt id")
                )
        rec: dict[str, object] = {"rad": row}
        rec["deltagar_id"] = cell(i, "deltagar_id")
        if not rec["deltagar_id"]:
            problems.append(Problem(file, row, "deltagar_id", "", "ett deltagar-id"))
        for col, kind in (("kon", "kon"), ("remittent", "remittent")):
            rec[col] = _code(cell(i, col), kind, file, row, col, problems, required=True)
        rec["avslutsanledning"] = _code(
            cell(i, "avslutsanledning"), "avslutsanledning", file, row, "avslutsanledning", problems, required=False
        )
        rec["utbildning"] = _code(
            cell(i, "utbildning"), "utbildning", file, row, "utbildning", problems, required=False
        )
        avhopp = cell(i, "tidigt_avhopp")
        rec["tidigt_avhopp"] = None
        if fold(avhopp) not in _MISSING:
            value = ALIASES["ja_nej"].get(fold(avhopp))
            if value is None:
                problems.append(Problem(file, row, "tidigt_avhopp", avhopp, "ja eller nej"))
            rec["tidigt_avhopp"] = value == "ja"
        year = cell(i, "fodelsear")
        rec["fodelsear"] = None
        if re.fullmatch(r"\d{4}(\.0)?", year):
            rec["fodelsear"] = int(float(year))
        else:
            problems.append(Problem(file, row, "fodelsear", year, "ett fyrsiffrigt årtal"))
        for col in ("inskrivningsdatum", "avslutsdatum"):
            text = cell(i, col)
            rec[col] = None
            if fold(text) in _MISSING:
                if col == "inskrivningsdatum":
                    problems.append(Problem(file, row, col, text, "ett datum ÅÅÅÅ-MM-DD"))
                continue
            try:
                rec[col] = _parse_date(text)
            except ValueError:
                problems.append(Problem(file, row, col, text, "ett datum ÅÅÅÅ-MM-DD"))
        for col in ("forsorjning_fore", "forsorjning_efter"):
            codes = []
            for part in re.split(r"[;,]", cell(i, col)):
                if fold(part) in _MISSING:
                    continue
                code = _code(part, "forsorjning", file, row, col, problems, required=True)
                if code and code not in codes:
                    codes.append(code)
            rec[col] = tuple(codes)
        for col in ("sysselsattning_fore", "sysselsattning_efter"):
            codes = []
            for part in re.split(r"[;,]", cell(i, col)):
                if fold(part) in _MISSING:
                    continue
                code = _code(part, "sysselsattning", file, row, col, problems, required=True)
                if code and code not in codes:
                    codes.append(code)
            rec[col] = tuple(codes)
        years = cell(i, "ar_i_offentlig_forsorjning")
        rec["ar_i_offentlig_forsorjning"] = None
        if fold(years) not in _MISSING:
            try:
                rec["ar_i_offentlig_forsorjning"] = _parse_number(years, decimal)
            except ValueError:
                problems.append(Problem(file, row, "ar_i_offentlig_forsorjning", years, "ett antal år, t.ex. 2,5"))
        rec["avslut_detalj"] = cell(i, "avslut_detalj") or None
        rec["delinsats"] = cell(i, "delinsats") or None
        start, end = rec["inskrivningsdatum"], rec["avslutsdatum"]
        if start and end and end < start:
            problems.append(Problem(file, row, "avslutsdatum", str(end), f"ett datum tidigast {start}"))
        records.append(rec)
    frame = pd.DataFrame.from_records(
        records,
        columns=["rad", "deltagar_id", *REQUIRED[1:], *OPTIONAL],
    )
    if "sysselsattning_fore" not in raw.columns and "sysselsattning_efter" not in raw.columns:
        frame = frame.drop(columns=["sysselsattning_fore", "sysselsattning_efter"])  # not recorded at all
    problems += _overlaps(frame, file)
    # A personnummer-shaped cell is reported once, without its value, and nothing else about it.
    problems = [p for p in problems if (p.row, p.column) not in secret or p.value is None]
    if problems:
        raise InputError(problems)
    for col in ("inskrivningsdatum", "avslutsdatum"):
        frame[col] = pd.to_datetime(frame[col])
    frame["fodelsear"] = frame["fodelsear"].astype("int64")
    frame["ar_i_offentlig_forsorjning"] = frame["ar_i_offentlig_forsorjning"].astype("float64")
    frame["tidigt_avhopp"] = frame["tidigt_avhopp"].astype("boolean")
    return frame


def _code(text: str, kind: str, file: str, row: int, col: str, problems: list[Problem], *, required: bool):
    key = fold(text)
    if key in _MISSING:
        if required:
            problems.append(Problem(file, row, col, text, "ett värde (obligatoriskt)"))
        return None
    code = ALIASES[kind].get(key)
    if code is None:
        known = sorted(set(ALIASES[kind].values()))
        problems.append(Problem(file, row, col, text, f"en av {', '.join(known)}"))
    return code


def _overlaps(frame: pd.DataFrame, file: str) -> list[Problem]:
    """Enrolments of one id that overlap in time (an open enrolment runs for ever)."""
    problems = []
    spells = frame.dropna(subset=["inskrivningsdatum"]).sort_values(["deltagar_id", "inskrivningsdatum"])
    previous: dict[str, tuple[int, object]] = {}
    for rec in spells.itertuples():
        prior = previous.get(rec.deltagar_id)
        if prior is not None:
            prior_row, prior_end = prior
            if prior_end is None or rec.inskrivningsdatum <= prior_end:
                problems.append(
                    Problem(
                        file,
                        rec.rad,
                        "inskrivningsdatum",
                        str(rec.inskrivningsdatum),
                        f"ett datum efter avslutet på rad {prior_row} (samma deltagar-id, inskrivningarna överlappar)",
                    )
                )
        previous[rec.deltagar_id] = (rec.rad, rec.avslutsdatum)
    return problems


def read_budget(path: str | Path) -> pd.DataFrame:
    """Read a budget file: one row per cost line with ``post``, ``budget``, ``utfall``, optional ``prognos``."""
    path = Path(path)
    file = path.name
    raw, decimal = read_table(path)
    problems = [
        Problem(file, 1, c, None, "kolumnen saknas (obligatorisk)")
        for c in ("post", "budget", "utfall")
        if c not in raw.columns
    ]
    if problems:
        raise InputError(problems)
    records = []
    for i in raw.index:
        rec: dict[str, object] = {"post": str(raw.at[i, "post"]).strip()}
        for col in ("budget", "utfall", "prognos"):
            text = str(raw.at[i, col]).strip() if col in raw.columns else ""
            rec[col] = None
            if fold(text) in _MISSING:
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


def check_rules(register: pd.DataFrame, file: str, trial_months: int) -> list[Problem]:
    """Problems that depend on the team's rules: an exit that is not an early dropout needs a reason."""
    from .indicators.periods import early_dropout

    dropout = early_dropout(register, trial_months)
    missing = register["avslutsdatum"].notna() & ~dropout & register["avslutsanledning"].isna()
    return [
        Problem(file, int(row), "avslutsanledning", "", "en avslutsanledning (avslutet är inget tidigt avhopp)")
        for row in register.loc[missing, "rad"]
    ]


def read_survey(path: str | Path) -> pd.DataFrame:
    """Read NNS survey answers: one row per answer with ``omgang`` (1 = during, about 3 months in;
    2 = at exit), ``fraga`` (question number 1–10) and ``svar`` (a step of the six-step scale, by
    label or 1–6, or ja/nej). Optional ``datum``. Answers are anonymous: no participant id."""
    path = Path(path)
    file = path.name
    raw, _ = read_table(path)
    problems = [
        Problem(file, 1, c, None, "kolumnen saknas (obligatorisk)")
        for c in ("omgang", "fraga", "svar")
        if c not in raw.columns
    ]
    if problems:
        raise InputError(problems)
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
        rec["svar"] = _code(str(raw.at[i, "svar"]), "svar", file, row, "svar", problems, required=True)
        records.append(rec)
    if problems:
        raise InputError(problems)
    return pd.DataFrame.from_records(records, columns=["rad", "omgang", "fraga", "svar"])


def read_followups(path: str | Path) -> pd.DataFrame:
    """Read follow-ups after exit: one row per person and follow-up with ``deltagar_id``,
    ``uppfoljning_manad`` (6, 12, 18 or 24 months after exit), ``uppfoljningsdatum`` and
    ``status`` (arbete, studier, aktivt_arbetssokande, fortsatt_rehabilitering, sjukdom, annat,
    or ej_nadd when the person was not reached)."""
    from .codes import FOLLOWUP_MONTHS

    path = Path(path)
    file = path.name
    raw, _ = read_table(path)
    needed = ("deltagar_id", "uppfoljning_manad", "uppfoljningsdatum", "status")
    problems = [Problem(file, 1, c, None, "kolumnen saknas (obligatorisk)") for c in needed if c not in raw.columns]
    if problems:
        raise InputError(problems)
    records = []
    for i in raw.index:
        row = int(i)
        rec: dict[str, object] = {"rad": row, "deltagar_id": str(raw.at[i, "deltagar_id"]).strip()}
        if _PNR.search(rec["deltagar_id"]):
            problems.append(Problem(file, row, "deltagar_id", None, "ett pseudonymt id, inte ett personnummer"))
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
            problems.append(Problem(file, row, "uppfoljningsdatum", text, "ett datum ÅÅÅÅ-MM-DD"))
        rec["status"] = _code(str(raw.at[i, "status"]), "status", file, row, "status", problems, required=True)
        records.append(rec)
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame.from_records(records, columns=["rad", "deltagar_id", "manad", "datum", "status"])
    frame["datum"] = pd.to_datetime(frame["datum"])
    return frame

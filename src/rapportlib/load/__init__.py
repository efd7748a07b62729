"""Reading and validating the input files of the data contract (participant register, budget,
survey, follow-ups).

Files are read as text by one reader (:mod:`.decoding`: CSV in UTF-8 with or without BOM or
Windows-1252, ``;`` or ``,``, decimal comma or point; XLSX from the first or a named sheet, with the
header on a given row). Headers and codes are matched through the alias table (:mod:`.aliases`,
``aliases.yml``, extendable per report). The register (:mod:`.register`) is parsed once
(:mod:`.cells`) and validated with a pandera schema (:mod:`.schema`) that reports **all** problems
at once, each as file, row (as the spreadsheet numbers it: the header is row 1 unless configured),
column, value and what was expected; a value shaped like a personnummer is never echoed. The budget
(:mod:`.budget`), survey and follow-ups (:mod:`.tables`) share one reader of described columns.

Modules: :mod:`.columns` (the register's column list), :mod:`.values` (text → values),
:mod:`.decoding`, :mod:`.aliases`, :mod:`.cells`, :mod:`.schema`, :mod:`.register`,
:mod:`.tables`, :mod:`.budget`.
"""

from __future__ import annotations

from .aliases import Aliases, load_aliases, rename_columns
from .budget import is_total, read_budget
from .columns import COLUMNS, DROPOUT_CODE, EMPLOYMENT, OPTIONAL, REQUIRED, TYPED
from .decoding import RawTable, read_raw, read_table
from .register import check_register, check_rules, read_register
from .tables import read_applications, read_followups, read_health, read_survey
from .values import is_missing, parse_date, parse_number

__all__ = [
    "COLUMNS",
    "DROPOUT_CODE",
    "EMPLOYMENT",
    "OPTIONAL",
    "REQUIRED",
    "TYPED",
    "Aliases",
    "RawTable",
    "check_register",
    "check_rules",
    "is_missing",
    "is_total",
    "load_aliases",
    "parse_date",
    "parse_number",
    "read_budget",
    "read_applications",
    "read_followups",
    "read_health",
    "read_raw",
    "read_register",
    "read_survey",
    "read_table",
    "rename_columns",
]

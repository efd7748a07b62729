"""One small check per section of a params file, each returning the section's typed value.

Each check reads its part of the raw YAML mapping, appends a :class:`~rapportlib.errors.Problem`
per error to a :class:`Found` and returns the value (its default where the file has an error, so
that every problem is listed at once). The defaults are the dataclass defaults below, and nowhere
else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import identity
from .codes import EXIT_REASONS
from .errors import NAME_EXPECTED, Problem
from .params_goals import (
    FINANCIERS,
    GOAL_KEYS,
    PAYBACK_COST,
    SurveySettings,
    check_goal_areas,
    check_goals,
    check_payback,
    check_survey,
)

#: Re-exported from :mod:`.params_goals`, where the checks of goals, survey and payback live.
__all__ = [
    "FINANCIERS",
    "GOAL_KEYS",
    "PAYBACK_COST",
    "SurveySettings",
    "check_goal_areas",
    "check_goals",
    "check_payback",
    "check_survey",
]

POPULATIONS = ("in_goal", "all_exits")
DEFAULT_TEMPLATE = "sodra-dalarna"


@dataclass(frozen=True)
class Rules:
    """A team's own counting rules."""

    trial_months: int = 2
    in_goal: tuple[str, ...] = ("arbete", "studier", "fortsatt_rehabilitering")
    throughput_population: str = "in_goal"


@dataclass(frozen=True)
class Privacy:
    """Protection of small counts (see docs/privacy.md): ``threshold`` 0 switches it off."""

    threshold: int = 5
    strict: bool = False


class Found:
    """The problems found so far in one params file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, key: str, value: str | None, expected: str) -> None:
        self.problems.append(Problem(str(self.path), None, key, value, expected))

    def need(self, raw: dict, key: str) -> Any:
        """``raw[key]``, or ``None`` and a problem when the key is missing."""
        if key not in raw:
            self.add(key, None, "nyckeln saknas")
        return raw.get(key)

    def mapping(self, value: Any, key: str) -> dict:
        """``value`` when it is a mapping; ``{}`` when it is empty, or (with a problem) anything else."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(key, str(value), "en mappning med nycklar (name: värde)")
            return {}
        return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _date(value: Any, key: str, found: Found) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        found.add(key, str(value), "ett datum ÅÅÅÅ-MM-DD")
        return None


# ----------------------------------------------------------------------------- one check per section


def check_identity(raw: dict, found: Found) -> dict[str, str]:
    """``team`` (a slug), ``name``, ``federation`` and ``template`` (checked against notebooks/ when rendering)."""
    team = found.need(raw, "team")
    if team is not None and not re.fullmatch(r"[a-z0-9-]+", str(team)):
        found.add("team", str(team), "en slug av a-z, 0-9 och -")
    return {
        "team": str(team),
        "name": str(raw.get("name", team)),
        "federation": str(raw.get("federation", "")),
        "template": str(raw.get("template", DEFAULT_TEMPLATE)),
    }


def check_period(raw: dict, found: Found) -> tuple[dt.date | None, dt.date | None]:
    period = found.mapping(found.need(raw, "period"), "period")
    if not isinstance(raw.get("period"), dict):
        return None, None
    start = _date(period.get("start"), "period.start", found)
    end = _date(period.get("end"), "period.end", found)
    if start and end and end < start:
        found.add("period.end", str(end), "ett datum efter period.start")
    return start, end


def check_data(raw: dict, found: Found) -> tuple[dict[str, Path], dict[str, dict]]:
    """The data files (resolved from the params file's folder) and their reading options."""
    data_raw = found.mapping(found.need(raw, "data"), "data")
    if isinstance(raw.get("data"), dict) and "participants" not in data_raw:
        found.add("data.participants", None, "sökväg till deltagarregistret")
    data, data_options = {}, {}
    for key, value in data_raw.items():
        if not value:
            continue
        options = dict(value) if isinstance(value, dict) else {"path": value}
        if "path" not in options:
            found.add(f"data.{key}", None, "en sökväg, eller {path: …, sheet: …}")
            continue
        data[key] = (found.path.parent / str(options.pop("path"))).resolve()
        data_options[key] = check_data_options(key, options, found)
        if identity.contains(data[key].name):  # a link's target: the name the provenance line shows
            found.add(f"data.{key}", None, NAME_EXPECTED)
        elif not data[key].is_file():
            found.add(f"data.{key}", str(value), "en fil som finns")
    return data, data_options


def check_data_options(key: str, options: dict, found: Found) -> dict:
    """``sheet`` and ``header_row`` of one data file."""
    unknown = set(options) - {"sheet", "header_row"}
    if unknown:
        found.add(f"data.{key}", ", ".join(sorted(unknown)), "sheet eller header_row")
    header_row = options.get("header_row", 1)
    if not _is_int(header_row) or header_row < 1:
        found.add(f"data.{key}.header_row", str(header_row), "ett radnummer, 1 eller mer")
    sheet = options.get("sheet")
    if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, (str, int))):
        found.add(f"data.{key}.sheet", str(sheet), "ett bladnamn eller bladnummer (0 = första)")
    return {k: v for k, v in options.items() if k in ("sheet", "header_row")}


def check_rules(raw: dict, found: Found) -> Rules:
    rules = found.mapping(raw.get("rules"), "rules")
    trial = rules.get("trial_months", Rules.trial_months)
    if not _is_int(trial) or not 0 <= trial <= 24:
        found.add("rules.trial_months", str(trial), "ett antal månader, t.ex. 2")
        trial = Rules.trial_months
    in_goal = rules.get("in_goal", Rules.in_goal)
    if isinstance(in_goal, str):
        in_goal = [in_goal]
    if not isinstance(in_goal, (list, tuple)):
        found.add("rules.in_goal", str(in_goal), "en lista av avslutsanledningar")
        in_goal = Rules.in_goal
    for code in in_goal:
        if str(code) not in EXIT_REASONS:
            found.add("rules.in_goal", str(code), f"en av {', '.join(EXIT_REASONS)}")
    population = str(rules.get("throughput_population", Rules.throughput_population))
    if population not in POPULATIONS:
        found.add("rules.throughput_population", population, f"en av {POPULATIONS}")
    return Rules(trial_months=trial, in_goal=tuple(str(c) for c in in_goal), throughput_population=population)


def check_aliases(raw: dict, found: Found) -> dict[str, dict]:
    """Extra names for columns and codes, in the shape of ``aliases.yml``: each names a column of
    the register, and each label is mapped to a code of its code list (a label mapped to an
    unknown code would make every count of that list 0)."""
    aliases = found.mapping(raw.get("aliases"), "aliases")
    columns = found.mapping(aliases.get("columns"), "aliases.columns")
    codes = found.mapping(aliases.get("codes"), "aliases.codes")
    if not (columns or codes):
        return aliases
    from .load.columns import KIND_OF_COLUMN, OPTIONAL, REQUIRED  # pandas, only when there are aliases

    for column in columns:
        if column not in REQUIRED + OPTIONAL:
            found.add("aliases.columns", str(column), f"en kolumn i registret: {', '.join(REQUIRED + OPTIONAL)}")
    for kind, mapping in codes.items():
        mapping = found.mapping(mapping, f"aliases.codes.{kind}")
        known = _alias_targets(KIND_OF_COLUMN.get(kind, kind))
        if known is None:
            found.add("aliases.codes", str(kind), f"en kodlista: {', '.join(ALIAS_KINDS)}")
            continue
        for label, code in mapping.items():
            if known == YEARS:
                if not (_is_number(code) and 0 <= code <= 100):
                    found.add(f"aliases.codes.{kind}.{label}", str(code), "ett antal år, t.ex. 2.5")
            elif str(code) not in known:
                found.add(f"aliases.codes.{kind}.{label}", str(code), f"en av {', '.join(known)}")
    return aliases


#: The code lists a params file's ``aliases: codes:`` may extend (``ar_i_offentlig_forsorjning``
#: maps text to a number of years).
ALIAS_KINDS = (
    "kon",
    "avslutsanledning",
    "remittent",
    "forsorjning",
    "utbildning",
    "ja_nej",
    "sysselsattning",
    "ar_i_offentlig_forsorjning",
    "fortsatt_till",
    "avbrott_anledning",
)


YEARS = "years"  # the targets of ar_i_offentlig_forsorjning: a number of years


def _alias_targets(kind: str) -> tuple[str, ...] | str | None:
    """The codes a label of ``kind`` may be mapped to; :data:`YEARS` for a number of years;
    ``None`` for an unknown code list."""
    from .codes import ALIASES
    from .load.columns import DROPOUT_CODE

    if kind == "ar_i_offentlig_forsorjning":
        return YEARS
    if kind not in ALIAS_KINDS:
        return None
    extra = (DROPOUT_CODE,) if kind == "avslutsanledning" else ()  # "utan mätning": an early dropout
    return tuple(sorted({*ALIASES[kind].values(), *extra}))


def check_privacy(raw: dict, found: Found) -> Privacy:
    privacy = found.mapping(raw.get("privacy"), "privacy")
    threshold = privacy.get("threshold", Privacy.threshold)
    if not _is_int(threshold) or not 0 <= threshold <= 100:
        found.add("privacy.threshold", str(threshold), "ett heltal, t.ex. 5 (0 = av)")
        threshold = Privacy.threshold
    strict = privacy.get("strict", Privacy.strict)
    if not isinstance(strict, bool):
        found.add("privacy.strict", str(strict), "true eller false")
        strict = Privacy.strict
    return Privacy(threshold=threshold, strict=strict)


def check_narrative_dir(raw: dict, found: Found) -> Path | None:
    """The folder of the section files (from the params file's folder), when not the default."""
    narrative = raw.get("narrative")
    if narrative is None or narrative == "":
        return None
    if isinstance(narrative, bool) or not isinstance(narrative, (str, int)):
        found.add("narrative", str(narrative), "en mapp med textfilerna, räknad från params-filens mapp")
        return None
    return (found.path.parent / str(narrative)).resolve()


def check_plan(raw: dict, found: Found) -> dict[str, Any]:
    """The plan's capacity, income and costs (numbers, in ``kr`` or ``tkr``; a cost or an income
    may be a mapping of sub-lines, *varav*), and its ``timeline`` (a list of ``{when, what}``)."""
    plan = found.mapping(raw.get("plan"), "plan")
    for key, expected in PLAN_NUMBERS.items():
        for name, value in found.mapping(plan.get(key), f"plan.{key}").items():
            if key != "capacity" and isinstance(value, dict):
                bad = {k: v for k, v in value.items() if not _is_number(v)}
                for sub, v in bad.items():
                    found.add(f"plan.{key}.{name}.{sub}", str(v), expected)
            elif not _is_number(value) or (key == "capacity" and value < 0):
                found.add(f"plan.{key}.{name}", str(value), expected)
    if plan.get("unit", "kr") not in ("kr", "tkr"):
        found.add("plan.unit", str(plan.get("unit")), "kr eller tkr")
    timeline = plan.get("timeline") or []
    if not isinstance(timeline, list) or not all(
        isinstance(t, dict) and t.get("when") and t.get("what") and set(t) <= {"when", "what"} for t in timeline
    ):
        found.add("plan.timeline", str(timeline), "en lista av {when: 2018-04, what: …}")
    return plan


#: What each number of a plan should be (YAML reads ``1e400`` or ``30 st`` as text).
PLAN_NUMBERS = {
    "capacity": "ett antal, t.ex. 30 (eller 12 månader för max_months)",
    "income": "ett belopp, t.ex. 600",
    "costs": "ett belopp, t.ex. 600",
}

#: What a params file describes: a report on a period (the default), or a plan (*insatsplan*).
KINDS = ("report", "plan")


def check_kind(raw: dict, found: Found) -> str:
    """``kind``: ``report`` (the default) or ``plan``. A plan reads no register of its own: its
    ``data.participants`` is its predecessor's, counted over ``predecessor.period``."""
    kind = str(raw.get("kind", "report"))
    if kind not in KINDS:
        found.add("kind", kind, "report eller plan")
    elif kind != "plan" and raw.get("template") == "plan":
        found.add("kind", kind, "plan (mallen plan gör en insatsplan: skriv kind: plan och predecessor)")
    elif kind == "plan" and not isinstance(raw.get("predecessor"), dict):
        found.add("predecessor", None, "en tidigare insats {name: …, period: {start: …, end: …}} (en plan kräver den)")
    return kind


def check_predecessor(raw: dict, found: Found) -> dict[str, Any]:
    """The team a plan replaces: ``name``, ``period`` (its figures are counted over it, from
    ``data.participants`` by ``rules``) and ``kommun`` (whose share of its participants is shown)."""
    pred = found.mapping(raw.get("predecessor"), "predecessor")
    if not pred:
        return {}
    period = found.mapping(pred.get("period"), "predecessor.period")
    start = _date(period.get("start"), "predecessor.period.start", found)
    end = _date(period.get("end"), "predecessor.period.end", found)
    if start is None or end is None or end < start:
        if start and end:
            found.add("predecessor.period.end", str(end), "ett datum efter predecessor.period.start")
        return {}
    return {"name": str(pred.get("name", "")), "start": start, "end": end, "kommun": pred.get("kommun")}


def check_staff(raw: dict, found: Found) -> tuple[dict, ...]:
    """The staff: one ``{roll, organisation, fte}`` per person."""
    staff = raw.get("staff") or []
    expected = "en lista av {roll: …, organisation: …, fte: …}"
    if not isinstance(staff, list):
        found.add("staff", str(staff), expected)
        return ()
    for person in staff:
        if not isinstance(person, dict) or not _is_number(person.get("fte", 0)):
            found.add("staff", str(person), expected)
    return tuple(staff)


SECTIONS = {
    "rules": check_rules,
    "aliases": check_aliases,
    "payback": check_payback,
    "privacy": check_privacy,
    "survey": check_survey,
    "narrative": check_narrative_dir,
    "goals": check_goals,
    "goal_areas": check_goal_areas,
    "plan": check_plan,
    "staff": check_staff,
    "kind": check_kind,
    "predecessor": check_predecessor,
}
KNOWN_KEYS = {"team", "name", "federation", "template", "period", "data", *SECTIONS}

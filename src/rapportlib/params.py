"""Reading a params file (one team and period) into an immutable value.

The YAML is read once, at the edge; everything downstream receives a :class:`Params`.
Paths inside the file are relative to the file's own folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .codes import EXIT_REASONS
from .errors import InputError, Problem

POPULATIONS = ("in_goal", "all_exits")


@dataclass(frozen=True)
class Rules:
    """A team's own counting rules."""

    trial_months: int = 2
    in_goal: tuple[str, ...] = ("arbete", "studier", "fortsatt_rehabilitering")
    throughput_population: str = "in_goal"


@dataclass(frozen=True)
class Params:
    """Everything a report depends on besides the data files themselves."""

    path: Path
    team: str
    name: str
    federation: str
    template: str
    start: dt.date
    end: dt.date
    data: dict[str, Path]
    rules: Rules
    extra: dict[str, Any] = field(default_factory=dict)
    data_options: dict[str, dict] = field(default_factory=dict)

    @property
    def period_slug(self) -> str:
        """Folder name of the period: ``2018`` for a calendar year, else ``2021-07-01_2022-06-30``."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        ):
            return str(self.start.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def _date(value: Any, name: str, problems: list[Problem], file: str) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(Problem(file, None, name, str(value), "ett datum ÅÅÅÅ-MM-DD"))
        return None


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, but dates stay text: ``2021-02-31`` is then reported as ``period.end``."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(value: Any, name: str, problems: list[Problem], file: str, required: bool = False) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(Problem(file, None, name, str(value), "en mappning med nycklar (name: värde)"))
        return {}
    return value


def load_params(path: str | Path) -> Params:
    """Read and check a params file; raise :class:`InputError` listing every problem."""
    path = Path(path)
    file = str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise InputError([Problem(file, None, None, None, "filen finns inte")]) from None
    except IsADirectoryError:
        raise InputError([Problem(file, None, None, None, "en params-fil, inte en mapp")]) from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError([Problem(file, None, None, None, f"ogiltig YAML ({reason})")]) from None
    except ValueError as exc:  # PyYAML parses dates itself: 2021-02-31 fails here
        raise InputError([Problem(file, None, None, None, f"ett giltigt datum ({exc})")]) from None
    if not isinstance(raw, dict):
        raise InputError([Problem(file, None, None, None, "en YAML-mappning med nycklar")])
    problems: list[Problem] = []

    def need(key: str) -> Any:
        if key not in raw:
            problems.append(Problem(file, None, key, None, "nyckeln saknas"))
        return raw.get(key)

    team = need("team")
    if team is not None and not re.fullmatch(r"[a-z0-9-]+", str(team)):
        problems.append(Problem(file, None, "team", str(team), "en slug av a-z, 0-9 och -"))
    template = str(raw.get("template", "sodra-dalarna"))  # checked against notebooks/ when rendering
    period = _mapping(need("period"), "period", problems, file)
    start = end = None
    if period or "period" in raw and isinstance(raw.get("period"), dict):
        start = _date(period.get("start"), "period.start", problems, file)
        end = _date(period.get("end"), "period.end", problems, file)
    if start and end and end < start:
        problems.append(Problem(file, None, "period.end", str(end), "ett datum efter period.start"))
    data_raw = _mapping(need("data"), "data", problems, file)
    if isinstance(raw.get("data"), dict) and "participants" not in data_raw:
        problems.append(Problem(file, None, "data.participants", None, "sökväg till deltagarregistret"))
    data, data_options = {}, {}
    for key, value in data_raw.items():
        if not value:
            continue
        options = dict(value) if isinstance(value, dict) else {"path": value}
        if "path" not in options:
            problems.append(Problem(file, None, f"data.{key}", None, "en sökväg, eller {path: …, sheet: …}"))
            continue
        data[key] = (path.parent / str(options.pop("path"))).resolve()
        unknown = set(options) - {"sheet", "header_row"}
        if unknown:
            problems.append(Problem(file, None, f"data.{key}", ", ".join(sorted(unknown)), "sheet eller header_row"))
        header_row = options.get("header_row", 1)
        if not isinstance(header_row, int) or isinstance(header_row, bool) or header_row < 1:
            problems.append(
                Problem(file, None, f"data.{key}.header_row", str(header_row), "ett radnummer, 1 eller mer")
            )
        sheet = options.get("sheet")
        if sheet is not None and (isinstance(sheet, bool) or not isinstance(sheet, (str, int))):
            problems.append(
                Problem(file, None, f"data.{key}.sheet", str(sheet), "ett bladnamn eller bladnummer (0 = första)")
            )
        data_options[key] = {k: v for k, v in options.items() if k in ("sheet", "header_row")}
        if not data[key].is_file():
            problems.append(Problem(file, None, f"data.{key}", str(value), "en fil som finns"))
    rules_raw = _mapping(raw.get("rules"), "rules", problems, file)
    trial = rules_raw.get("trial_months", 2)
    if not isinstance(trial, int) or isinstance(trial, bool) or not 0 <= trial <= 24:
        problems.append(Problem(file, None, "rules.trial_months", str(trial), "ett antal månader, t.ex. 2"))
        trial = 2
    in_goal = rules_raw.get("in_goal", Rules.in_goal)
    if isinstance(in_goal, str):
        in_goal = [in_goal]
    if not isinstance(in_goal, (list, tuple)):
        problems.append(Problem(file, None, "rules.in_goal", str(in_goal), "en lista av avslutsanledningar"))
        in_goal = list(Rules.in_goal)
    rules = Rules(
        trial_months=trial,
        in_goal=tuple(str(c) for c in in_goal),
        throughput_population=str(rules_raw.get("throughput_population", "in_goal")),
    )
    for code in rules.in_goal:
        if code not in EXIT_REASONS:
            problems.append(Problem(file, None, "rules.in_goal", code, f"en av {', '.join(EXIT_REASONS)}"))
    if rules.throughput_population not in POPULATIONS:
        problems.append(
            Problem(file, None, "rules.throughput_population", rules.throughput_population, f"en av {POPULATIONS}")
        )
    aliases = _mapping(raw.get("aliases"), "aliases", problems, file)
    for section in ("columns", "codes"):
        table = _mapping(aliases.get(section), f"aliases.{section}", problems, file)
        if section == "codes":
            for kind, mapping in table.items():
                _mapping(mapping, f"aliases.codes.{kind}", problems, file)
    for key in ("payback", "survey", "privacy", "goals", "plan"):
        _mapping(raw.get(key), key, problems, file)
    financing = ((raw.get("payback") or {}).get("financing") if isinstance(raw.get("payback"), dict) else None) or {}
    for key in _mapping(financing, "payback.financing", problems, file):
        if key not in ("staten", "region", "kommun"):
            problems.append(Problem(file, None, "payback.financing", str(key), "staten, region eller kommun"))
    if isinstance(financing, dict) and financing:
        try:
            total = sum(float(v) for v in financing.values())
        except (TypeError, ValueError):
            total = -1
        if abs(total - 1) > 1e-9:
            problems.append(Problem(file, None, "payback.financing", str(financing), "andelar som summerar till 1"))
    privacy = raw.get("privacy") if isinstance(raw.get("privacy"), dict) else {}
    threshold = privacy.get("threshold", 5)
    if not isinstance(threshold, int) or isinstance(threshold, bool) or not 0 <= threshold <= 100:
        problems.append(Problem(file, None, "privacy.threshold", str(threshold), "ett heltal, t.ex. 5 (0 = av)"))
    if not isinstance(privacy.get("strict", False), bool):
        problems.append(Problem(file, None, "privacy.strict", str(privacy.get("strict")), "true eller false"))
    survey = raw.get("survey") if isinstance(raw.get("survey"), dict) else {}
    if survey.get("top", 2) not in (1, 2, 3, 4, 5, 6):
        problems.append(
            Problem(file, None, "survey.top", str(survey.get("top")), "ett heltal 1–6 (vanligen 2 eller 3)")
        )
    if problems:
        raise InputError(problems)
    known = {"team", "name", "federation", "template", "period", "data", "rules"}
    return Params(
        path=path.resolve(),
        team=str(team),
        name=str(raw.get("name", team)),
        federation=str(raw.get("federation", "")),
        template=template,
        start=start,
        end=end,
        data=data,
        rules=rules,
        extra={k: v for k, v in raw.items() if k not in known},
        data_options=data_options,
    )

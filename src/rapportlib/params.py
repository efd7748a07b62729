"""Reading a params file (one team and period) into an immutable value.

The YAML is read once, at the edge; everything downstream receives a :class:`Params`.
Paths inside the file are relative to the file's own folder. Each section of the file has one
check in :mod:`rapportlib.params_sections`, which also holds the sections' types and defaults.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .params_sections import (
    KNOWN_KEYS,
    POPULATIONS,
    SECTIONS,
    Found,
    Privacy,
    Rules,
    SurveySettings,
    check_data,
    check_identity,
    check_period,
)
from .params_yaml import read_yaml

__all__ = ["POPULATIONS", "Params", "Privacy", "Rules", "SurveySettings", "load_params"]


@dataclass(frozen=True)
class Params:
    """Everything a report depends on besides the data files themselves.

    Picklable (it is sent to worker processes) and JSON-safe through :meth:`to_dict` and
    :meth:`from_dict`. The mappings taken from the file as they are (``goals``, ``plan``,
    ``payback``, ``aliases``, ``extra``) are plain dicts: the hash covers the other fields only.
    """

    path: Path
    team: str
    name: str
    federation: str
    template: str
    start: dt.date
    end: dt.date
    data: dict[str, Path]
    rules: Rules = field(default_factory=Rules)
    data_options: dict[str, dict] = field(default_factory=dict)
    privacy: Privacy = field(default_factory=Privacy)
    survey: SurveySettings = field(default_factory=SurveySettings)
    narrative: Path | None = None  # the folder of the section files; None: beside the params file
    goals: dict[str, float] = field(default_factory=dict)
    goal_areas: tuple[dict, ...] = ()
    plan: dict[str, Any] = field(default_factory=dict)
    staff: tuple[dict, ...] = ()
    payback: dict[str, Any] = field(default_factory=dict)
    aliases: dict[str, dict] = field(default_factory=dict)
    kind: str = "report"  # or "plan" (an *insatsplan*, see params_sections.check_kind)
    predecessor: dict[str, Any] = field(default_factory=dict)  # the team a plan replaces
    extra: dict[str, Any] = field(default_factory=dict)  # keys this module does not know (allowed)

    def __hash__(self) -> int:
        return hash((self.path, self.team, self.template, self.start, self.end, self.rules, self.privacy, self.survey))

    @property
    def period_slug(self) -> str:
        """Folder name of the period: ``2018`` for a calendar year, else ``2021-07-01_2022-06-30``."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        ):
            return str(self.start.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe copy: paths as strings, dates as ``YYYY-MM-DD``, tuples as lists."""
        return {
            "path": str(self.path),
            "team": self.team,
            "name": self.name,
            "federation": self.federation,
            "template": self.template,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "data": {key: str(path) for key, path in self.data.items()},
            "rules": {**asdict(self.rules), "in_goal": list(self.rules.in_goal)},
            "data_options": copy.deepcopy(self.data_options),
            "privacy": asdict(self.privacy),
            "survey": {**asdict(self.survey), "top_by_question": [list(p) for p in self.survey.top_by_question]},
            "narrative": None if self.narrative is None else str(self.narrative),
            "goals": copy.deepcopy(self.goals),
            "goal_areas": copy.deepcopy(list(self.goal_areas)),
            "plan": copy.deepcopy(self.plan),
            "staff": copy.deepcopy(list(self.staff)),
            "payback": copy.deepcopy(self.payback),
            "aliases": copy.deepcopy(self.aliases),
            "kind": self.kind,
            "predecessor": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in self.predecessor.items()},
            "extra": copy.deepcopy(self.extra),
        }

    @classmethod
    def from_dict(cls, value: dict[str, Any]) -> Params:
        """The inverse of :meth:`to_dict`; keys left out take their defaults."""
        return cls(**{key: _FROM_JSON.get(key, copy.deepcopy)(v) for key, v in value.items()})


_FROM_JSON = {
    "path": Path,
    "start": dt.date.fromisoformat,
    "end": dt.date.fromisoformat,
    "data": lambda data: {key: Path(path) for key, path in data.items()},
    "rules": lambda rules: Rules(**{**rules, "in_goal": tuple(rules.get("in_goal", Rules.in_goal))}),
    "privacy": lambda privacy: Privacy(**privacy),
    "survey": lambda survey: SurveySettings(
        **{**survey, "top_by_question": tuple(tuple(p) for p in survey.get("top_by_question", ()))}
    ),
    "goal_areas": lambda areas: tuple(copy.deepcopy(areas)),
    "narrative": lambda narrative: None if narrative is None else Path(narrative),
    "staff": lambda staff: tuple(copy.deepcopy(staff)),
    "predecessor": lambda pred: {
        k: dt.date.fromisoformat(v) if k in ("start", "end") else v for k, v in pred.items()
    },
}


# ----------------------------------------------------------------------------- reading


def _read(path: Path) -> dict:
    """The file's YAML mapping (read within bounds, :mod:`rapportlib.params_yaml`); a file that
    cannot be read as one raises :class:`InputError`."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise InputError([Problem(str(path), None, None, None, "en YAML-mappning med nycklar")])
    return raw


def load_params(path: str | Path) -> Params:
    """Read and check a params file; raise :class:`InputError` listing every problem."""
    path = Path(path)
    raw = _read(path)
    found = Found(path)
    identity = check_identity(raw, found)
    start, end = check_period(raw, found)
    data, data_options = check_data(raw, found)
    sections = {key: check(raw, found) for key, check in SECTIONS.items()}
    if found.problems:
        raise InputError(found.problems)
    return Params(
        path=path.resolve(),
        **identity,
        start=start,
        end=end,
        data=data,
        data_options=data_options,
        **sections,
        extra={k: v for k, v in raw.items() if k not in KNOWN_KEYS},
    )

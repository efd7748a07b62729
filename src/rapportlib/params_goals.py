"""The checks of the params sections that set what a report measures against: goals
(*målbild*), goal areas (*målområden*), how the survey counts positive answers, and the payback
model. Used by :mod:`rapportlib.params_sections`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .codes import EXIT_REASONS, PAYBACK_PAYERS, SUPPORT_SOURCES

if TYPE_CHECKING:
    from .params_sections import Found

FINANCIERS = ("staten", "region", "kommun")
STATE_PAYERS = ("fk", "af")
PAYBACK_COST = "{payer: kommun, region, fk, af eller staten_ovrigt, kr_per_year: ett belopp, t.ex. 118000}"
GOAL_KEYS = (*EXIT_REASONS, "in_goal", "payback_months", "budget_balance", "health_change")
GOAL_EXPECTED = "en avslutsanledning, in_goal, payback_months, budget_balance eller health_change"


@dataclass(frozen=True)
class SurveySettings:
    """How the survey is summarised: the ``top`` steps of the scale count as positive, or, for the
    questions in ``top_by_question`` (``("9", 3)``: question 9; ``("2.9", 3)``: round 2 only), as many
    as it says."""

    top: int = 2
    top_by_question: tuple[tuple[str, int], ...] = ()


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _shares(found, key: str, value: Any, allowed: tuple[str, ...], expected: str) -> None:
    """A mapping of shares over ``allowed`` keys that sums to 1."""
    for name in found.mapping(value, key):
        if name not in allowed:
            found.add(key, str(name), expected)
    if isinstance(value, dict) and value:
        try:
            total = sum(float(v) for v in value.values())
        except (TypeError, ValueError):
            total = -1
        if abs(total - 1) > 1e-9:
            found.add(key, str(value), "andelar som summerar till 1")


def check_payback(raw: dict, found: Found) -> dict[str, Any]:
    """The payback model's settings (docs/payback.md): ``period_cost``, ``costs``, ``financing``,
    ``state_split`` (the state's share divided between FK and AF) and ``previous`` (an earlier
    period's payback: ``{period: 2017, months: 70}``)."""
    payback = found.mapping(raw.get("payback"), "payback")
    cost = payback.get("period_cost")
    if cost is not None and not _is_number(cost):
        found.add("payback.period_cost", str(cost), "ett belopp i kronor, t.ex. 2300000")
    for source, entry in found.mapping(payback.get("costs"), "payback.costs").items():
        if source not in SUPPORT_SOURCES:
            found.add("payback.costs", str(source), f"en försörjningskälla: {', '.join(SUPPORT_SOURCES)}")
        elif not (
            isinstance(entry, dict) and entry.get("payer") in PAYBACK_PAYERS and _is_number(entry.get("kr_per_year"))
        ):
            found.add(f"payback.costs.{source}", str(entry), PAYBACK_COST)
    _shares(found, "payback.financing", payback.get("financing") or {}, FINANCIERS, "staten, region eller kommun")
    _shares(found, "payback.state_split", payback.get("state_split") or {}, STATE_PAYERS, "fk eller af")
    previous = found.mapping(payback.get("previous"), "payback.previous")
    if previous and not _is_number(previous.get("months")):
        found.add("payback.previous.months", str(previous.get("months")), "ett antal månader, t.ex. 70")
    return payback


def check_survey(raw: dict, found: Found) -> SurveySettings:
    survey = found.mapping(raw.get("survey"), "survey")
    top = survey.get("top", SurveySettings.top)
    if not _is_int(top) or not 1 <= top <= 6:
        found.add("survey.top", str(top), "ett heltal 1–6 (vanligen 2 eller 3)")
        top = SurveySettings.top
    by_question = found.mapping(survey.get("top_by_question"), "survey.top_by_question")
    for key, k in by_question.items():
        parts = str(key).split(".")
        if not (1 <= len(parts) <= 2 and all(p.isdigit() for p in parts)):
            found.add("survey.top_by_question", str(key), "en fråga, t.ex. 9, eller omgång.fråga, t.ex. 2.9")
        if not _is_int(k) or not 1 <= k <= 6:
            found.add(f"survey.top_by_question.{key}", str(k), "ett heltal 1–6 (vanligen 2 eller 3)")
    pairs = tuple((str(key), int(k)) for key, k in by_question.items() if _is_int(k))
    return SurveySettings(top=top, top_by_question=pairs)


def check_goals(raw: dict, found: Found) -> dict[str, float]:
    """The *målbild*: a share of exits per exit reason or ``in_goal``, ``payback_months``,
    ``budget_balance`` (kronor the outcome may exceed the budget by) and ``health_change``."""
    goals = found.mapping(raw.get("goals"), "goals")
    for key, target in goals.items():
        if key not in GOAL_KEYS:
            found.add("goals", str(key), GOAL_EXPECTED)
        elif not _is_number(target):
            found.add(f"goals.{key}", str(target), "ett tal, t.ex. 0.25 (andel) eller 34 (månader)")
    return goals


def check_goal_areas(raw: dict, found) -> tuple[dict, ...]:
    """The *målområden*: a list of ``{title, goal, goals: [keys of goals], tables: [table names]}``;
    each goal named must be set under ``goals``."""
    areas = raw.get("goal_areas") or []
    expected = "en lista av {title: …, goal: …, goals: [mål], tables: [tabeller]}"
    if not isinstance(areas, list):
        found.add("goal_areas", str(areas), expected)
        return ()
    goals = raw.get("goals") if isinstance(raw.get("goals"), dict) else {}
    checked = []
    for k, area in enumerate(areas, start=1):
        if not isinstance(area, dict) or not isinstance(area.get("title"), str):
            found.add(f"goal_areas.{k}", str(area), expected)
            continue
        for key in ("goals", "tables"):
            if not isinstance(area.get(key, []), list):
                found.add(f"goal_areas.{k}.{key}", str(area.get(key)), "en lista")
        for goal in area.get("goals") or []:
            if goal not in goals:
                found.add(f"goal_areas.{k}.goals", str(goal), "ett mål som finns under goals")
        checked.append({**area, "goal": str(area.get("goal", ""))})
    return tuple(checked)

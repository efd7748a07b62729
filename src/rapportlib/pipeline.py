"""From a params file to the indicators: the one place where input files are read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .indicators import compute
from .indicators.previous import comparison, covers, previous_period
from .load import read_applications, read_budget, read_followups, read_health, read_survey
from .params import Params, load_params


def load_inputs(params: Params, today: dt.date | None = None) -> dict:
    """Read and validate every data file the params name; raise ``InputError`` listing all problems.

    Warnings that do not stop a report (e.g. an age outside 15–75 at enrolment) are returned under
    ``"warnings"``.
    """
    from .errors import InputError
    from .load import check_register, load_aliases

    problems, warnings = [], []
    inputs: dict = {}
    aliases = load_aliases(params.aliases)
    readers = {
        "participants": lambda path, **o: check_register(
            path, aliases=aliases, today=today, trial_months=params.rules.trial_months, **o
        ),
        "budget": read_budget,
        "survey": read_survey,
        "followups": read_followups,
        "applications": read_applications,
        "health": read_health,
        "context": _read_context,
    }
    for key, reader in readers.items():
        if key not in params.data:
            continue
        try:
            result = reader(params.data[key], **params.data_options.get(key, {}))
        except InputError as exc:
            problems += exc.problems
            continue
        if key == "participants":
            result, found = result
            warnings += found
        inputs[key] = result
    if problems:
        raise InputError(problems)
    inputs["warnings"] = warnings
    return inputs


def _read_context(path, **options):
    from .load.context import read_context

    return read_context(path, **options)


def compute_indicators(params: Params, inputs: dict) -> dict:
    """Every indicator of one report from its validated inputs (before small-count protection). For
    a plan (``kind: plan``), the indicators of its register, its predecessor's, over the
    predecessor's period (the plan's own figures: :func:`rapportlib.plan.plan_indicators`)."""
    is_plan = params.kind == "plan"
    result = compute(
        inputs["participants"],
        team=params.team,
        start=params.predecessor["start"] if is_plan else params.start,
        end=params.predecessor["end"] if is_plan else params.end,
        rules=params.rules,
        budget=inputs.get("budget"),
        survey_answers=inputs.get("survey"),
        followup_rows=inputs.get("followups"),
        goal_targets=None if is_plan else params.goals,
        plan=None if is_plan else params.plan,
        staff=[] if is_plan else list(params.staff),
        survey_top=params.survey.top,
        payback_config=params.payback,
        application_rows=inputs.get("applications"),
        health_answers=inputs.get("health"),
        survey_top_by_question=dict(params.survey.top_by_question),
        goal_area_list=[dict(a) for a in params.goal_areas],
    )
    # Names for people, next to the contract's slug (extra keys are allowed by the contract).
    result = {
        "team": result["team"],
        "name": params.name,
        "federation": params.federation,
        **{k: v for k, v in result.items() if k != "team"},
    }
    before = None if is_plan else previous_indicators(params, inputs["participants"])  # a plan compares nothing
    if before is not None:
        result["previous"] = comparison(result, before, inputs["participants"])
    return result


def previous_indicators(params: Params, register) -> dict | None:
    """The indicators of the previous period (:mod:`rapportlib.indicators.previous`) under the same
    rules, from the register alone; ``None`` when the register does not cover it."""
    if not covers(register, params.start, params.end):
        return None
    start, end = previous_period(params.start, params.end)
    return compute(register, team=params.team, start=start, end=end, rules=params.rules)


def indicators_for(params_path: str | Path) -> tuple[Params, dict]:
    """Load a params file and its data and compute every indicator, unprotected (for tests and
    benchmarks; reports start from :func:`rapportlib.prepare.prepare`)."""
    from .checks import run_checks

    params = load_params(params_path)
    inputs = load_inputs(params)
    result = compute_indicators(params, inputs)
    result["checks"] = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in run_checks(result)]
    result["input_warnings"] = len(inputs.get("warnings", []))
    return params, result


def published_indicators(params: Params, indicators: dict) -> dict:
    """The indicators as they may be published: small counts protected for the report as a whole
    per the params file's ``privacy: {threshold: 5, strict: false}``, the peak day as its month,
    extremes and means of few persons hidden (see :mod:`rapportlib.privacy` and docs/privacy.md;
    ``prepare`` then audits the result)."""
    from .privacy import protect

    return protect(indicators, params.privacy.threshold, params.privacy.strict)

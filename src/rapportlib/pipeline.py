"""From a params file to the indicators: the one place where input files are read."""

from __future__ import annotations

from pathlib import Path

from .indicators import compute
from .load import read_budget, read_followups, read_register, read_survey
from .params import Params, load_params


def load_inputs(params: Params) -> dict:
    """Read and validate every data file the params name; raise ``InputError`` listing all problems."""
    from .errors import InputError

    problems = []
    inputs = {}
    readers = (
        ("participants", read_register),
        ("budget", read_budget),
        ("survey", read_survey),
        ("followups", read_followups),
    )
    for key, reader in readers:
        if key not in params.data:
            continue
        try:
            inputs[key] = reader(params.data[key])
        except InputError as exc:
            problems += exc.problems
    if "participants" in inputs:
        from .load import check_rules

        problems += check_rules(inputs["participants"], params.data["participants"].name, params.rules.trial_months)
    if problems:
        raise InputError(problems)
    return inputs


def indicators_for(params_path: str | Path) -> tuple[Params, dict]:
    """Load a params file and its data, compute every indicator and run the consistency checks."""
    from .checks import run_checks

    params = load_params(params_path)
    inputs = load_inputs(params)
    extra = params.extra
    result = compute(
        inputs["participants"],
        team=params.team,
        start=params.start,
        end=params.end,
        rules=params.rules,
        budget=inputs.get("budget"),
        survey_answers=inputs.get("survey"),
        followup_rows=inputs.get("followups"),
        goal_targets=extra.get("goals"),
        plan=extra.get("plan"),
        staff=extra.get("staff"),
        survey_top=int((extra.get("survey") or {}).get("top", 2)),
        payback_config=extra.get("payback"),
    )
    # Names for people, next to the contract's slug (extra keys are allowed by the contract).
    result = {
        "team": result["team"],
        "name": params.name,
        "federation": params.federation,
        **{k: v for k, v in result.items() if k != "team"},
    }
    result["checks"] = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in run_checks(result)]
    return params, result

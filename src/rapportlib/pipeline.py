"""From a params file to the indicators: the one place where input files are read."""

from __future__ import annotations

from pathlib import Path

from .indicators import compute
from .load import read_budget, read_register
from .params import Params, load_params


def load_inputs(params: Params) -> dict:
    """Read and validate every data file the params name; raise ``InputError`` listing all problems."""
    from .errors import InputError

    problems = []
    inputs = {}
    for key, reader in (("participants", read_register), ("budget", read_budget)):
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
    """Load a params file and its data, and compute every indicator."""
    params = load_params(params_path)
    inputs = load_inputs(params)
    result = compute(
        inputs["participants"],
        team=params.team,
        start=params.start,
        end=params.end,
        rules=params.rules,
        budget=inputs.get("budget"),
    )
    # Names for people, next to the contract's slug (extra keys are allowed by the contract).
    result = {"team": result["team"], "name": params.name, "federation": params.federation,
              **{k: v for k, v in result.items() if k != "team"}}
    return params, result

"""Small-count protection of what is published (HTML, PDF, indicators.json).

Counts from 1 to ``threshold − 1`` (default 5, Statistics Sweden's convention) are suppressed in
tables that cross two or more personal attributes (outcome × sex, outcome × sex × age band,
outcome × sub-unit). Secondary suppression then hides further cells so that no suppressed cell can
be recovered from a published total: whenever a row or column with a published total has exactly
one hidden cell, its smallest other cell is hidden too, until nothing changes. In strict mode every
count of persons below the threshold is protected, in every table.

Suppressed figures become ``None`` (``null`` in JSON, "–" in tables and text), and their paths are
listed under ``privacy.suppressed``. :func:`protect` is pure: it returns a new dict.
"""

from __future__ import annotations

import copy

#: Person-count tables protected in strict mode: (path to a dict of counts, path to its published total).
_STRICT_TABLES = (
    [(("sex", p), ("flows", p)) for p in ("new", "active_start", "active_end", "served", "exits")]
    + [
        (("outcomes", "counts"), ("outcomes", "denominator")),
        (("referrer", "new"), ("flows", "new")),
        (("referrer", "active_end"), ("flows", "active_end")),
        (("payer", "new"), None),
        (("payer", "active_end"), None),
        (("education", "new"), ("flows", "new")),
        (("benefit_year_bins", "new"), ("flows", "new")),
    ]
    + [(("age_bands", p), None) for p in ("new", "active_start", "active_end", "served", "exits")]
)


def _get(tree: dict, path):
    for key in path:
        tree = tree[key]
    return tree


def _hidden(value, threshold: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < threshold


def suppress_grid(
    grid: list[list[int | None]], threshold: int, rows_total: bool = True, cols_total: bool = True
) -> list[list[bool]]:
    """Which cells of a table of counts to hide: primary (1 … threshold − 1) and secondary (so that
    no hidden cell follows from a published row or column total)."""
    hide = [[_hidden(v, threshold) for v in row] for row in grid]
    lines = []
    if rows_total:
        lines += [[(i, j) for j in range(len(grid[i]))] for i in range(len(grid))]
    if cols_total and grid:
        lines += [[(i, j) for i in range(len(grid)) if j < len(grid[i])] for j in range(max(map(len, grid)))]
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [c for c in line if hide[c[0]][c[1]]]
            shown = [c for c in line if not hide[c[0]][c[1]] and grid[c[0]][c[1]] is not None]
            if len(hidden) == 1 and shown:
                i, j = min(shown, key=lambda c: (grid[c[0]][c[1]], c))
                hide[i][j] = True
                changed = True
    return hide


def _apply(
    table: dict[str, dict],
    rows: list[str],
    cols: list[str],
    field,
    threshold,
    suppressed,
    prefix,
    rows_total=True,
    cols_total=True,
) -> None:
    """Suppress ``table[col][field][row]`` (or ``table[col][row]`` when ``field`` is None) in place."""

    def cell(col, row):
        return table[col][row] if field is None else table[col][field][row]

    grid = [[cell(c, r) for c in cols] for r in rows]
    hide = suppress_grid(grid, threshold, rows_total, cols_total)
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            if hide[i][j]:
                if field is None:
                    table[c][r] = None
                else:
                    table[c][field][r] = None
                suppressed.append(".".join([*prefix, c, *([field] if field else []), *([r] if r != "n" else [])]))


def _protect_by_sex(out: dict, threshold: int, suppressed: list[str]) -> None:
    """Outcome × sex: rows = reasons (total: ``outcomes.counts``), columns = sexes (total: the
    denominators); a sex's in-goal figures go when one of its goal reasons is hidden or they are small."""
    reasons, sexes = list(out["counts"]), list(out["by_sex"])
    _apply(out["by_sex"], reasons, sexes, "counts", threshold, suppressed, ["outcomes", "by_sex"])
    for sex in sexes:
        cell = out["by_sex"][sex]
        goal = [cell["counts"][c] for c in out["in_goal_codes"]]
        if any(v is None for v in goal) or _hidden(cell["in_goal"], threshold):
            cell["in_goal"] = cell["in_goal_share"] = None
            suppressed.append(f"outcomes.by_sex.{sex}.in_goal")


def _protect_in_goal_by_sex(out: dict, threshold: int, suppressed: list[str]) -> None:
    """In goal × sex with the published total in goal; also hidden where :func:`_protect_by_sex`
    hid the sex's in-goal count."""
    by_sex = {s: {"n": out["in_goal_by_sex"][s]} for s in out["in_goal_by_sex"]}
    hidden_sexes = [s for s in out["by_sex"] if out["by_sex"][s]["in_goal"] is None]
    _apply(by_sex, ["n"], list(by_sex), None, threshold, suppressed, ["outcomes", "in_goal_by_sex"], cols_total=False)
    for s in by_sex:
        if by_sex[s]["n"] is None or s in hidden_sexes:
            out["in_goal_by_sex"][s] = None


def _protect_by_sex_age_band(out: dict, threshold: int, suppressed: list[str]) -> None:
    """Outcome × sex × age band: the cells' totals and goals; per-reason detail is not published."""
    grid = out["by_sex_age_band"]
    bands = list(next(iter(grid.values()))) if grid else []
    for sex in grid:
        for band in bands:
            grid[sex][band]["counts"] = None
    for field in ("denominator", "in_goal"):
        flat = {sex: {b: grid[sex][b][field] for b in bands} for sex in grid}
        _apply(flat, bands, list(grid), None, threshold, suppressed, ["outcomes", "by_sex_age_band"])
        for sex in grid:
            for b in bands:
                cell = grid[sex][b]
                cell[field] = flat[sex][b]
                if cell["denominator"] is None:
                    cell["in_goal"] = None
                if cell["in_goal"] is None or cell["denominator"] is None:
                    cell["in_goal_share"] = None


def _protect_by_unit(out: dict, threshold: int, suppressed: list[str]) -> None:
    """Outcome × sub-unit; a unit's in-goal figures go when one of its goal reasons is hidden."""
    units = list(out["by_unit"])
    if not units:
        return
    _apply(out["by_unit"], list(out["counts"]), units, "counts", threshold, suppressed, ["outcomes", "by_unit"])
    for unit in units:
        cell = out["by_unit"][unit]
        if any(cell["counts"][c] is None for c in out["in_goal_codes"]):
            cell["in_goal"] = cell["in_goal_share"] = None


#: The tables crossing outcome with personal attributes, protected in this order (always).
_OUTCOME_STEPS = (_protect_by_sex, _protect_in_goal_by_sex, _protect_by_sex_age_band, _protect_by_unit)


def _protect_strict(ind: dict, threshold: int, suppressed: list[str]) -> None:
    """Strict mode: every person-count table of :data:`_STRICT_TABLES` (each one row, with its
    published total where there is one) and the number of early dropouts."""
    for table_path, total_path in _STRICT_TABLES:
        try:
            counts = _get(ind, table_path)
        except KeyError:
            continue
        keys = list(counts)
        wrapped = {k: {"n": counts[k]} for k in keys}
        rows_total = total_path is not None
        _apply(wrapped, ["n"], keys, None, threshold, suppressed, list(table_path), rows_total, cols_total=False)
        for k in keys:
            counts[k] = wrapped[k]["n"]
    flows = ind["flows"]
    for key in ("early_dropouts",):
        if _hidden(flows[key], threshold):
            flows[key] = None
            suppressed.append(f"flows.{key}")


def protect(indicators: dict, threshold: int = 5, strict: bool = False) -> dict:
    """A copy of the indicators with small counts suppressed (see the module docstring)."""
    ind = copy.deepcopy(indicators)
    suppressed: list[str] = []
    if threshold > 1:
        for step in _OUTCOME_STEPS:
            step(ind["outcomes"], threshold, suppressed)
        if strict:
            _protect_strict(ind, threshold, suppressed)
    ind["privacy"] = {"threshold": threshold, "strict": strict, "suppressed": sorted(set(suppressed))}
    return ind

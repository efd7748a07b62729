"""Every count a report publishes, as a sum of cells of one finest table per population.

- **Exits** (*avslutade*): outcome × sex × age band at exit × sub-unit, where the outcome is an
  exit reason, "no reason", "another code" or "early dropout". The outcome tables (per sex, per
  sex and age band, per sub-unit), the totals, the exits' sex split and age bands, the follow-up
  groups and the goals are all sums of these cells.
- **Those enrolled at the start, the new and those enrolled at the end**: one vector per attribute
  the report publishes of them (sex, age band, referrer, payer, education, years on support, aged
  30 or younger), each with its population total; nothing crosses two of these attributes, so the
  vectors are the finest tables that matter. *Totalt arbetat med* is start + new.
- **Identities** tie them together: per sex, start + new = exits + end.

Age bands have an extra "outside 15–74" cell and vectors an unpublished remainder where the
published categories do not cover everyone, so nothing is assumed that the report does not say.
"""

from __future__ import annotations

import numpy as np

from ..codes import AGE_BANDS, EXIT_REASONS
from ..indicators.followups import GROUPS
from .model import BOARD, CELL, JSON_ONLY, LOCKED, MARGIN, SEX_TOTAL, Model, lookup

NO_REASON, OTHER, DROPOUT = "(utan anledning)", "(annan kod)", "(tidigt avhopp)"
OUTCOMES = (*EXIT_REASONS, NO_REASON, OTHER, DROPOUT)
OUTSIDE = "(utanför 15–74)"
BANDS = (*AGE_BANDS, OUTSIDE)
STAYING = ("active_start", "new", "active_end")

#: One-attribute tables of a population beside sex and age band: (indicators key, population).
_VECTORS = (
    ("referrer", "new"),
    ("referrer", "active_end"),
    ("payer", "new"),
    ("payer", "active_end"),
    ("education", "new"),
    ("benefit_year_bins", "new"),
)


def build(ind: dict) -> Model:
    """The model of one report's computed indicators."""
    from .figures_more import add_more

    model = Model()
    exits_by_sex, grid = _exits(model, ind)
    _staying(model, ind, exits_by_sex)
    add_more(model, ind, lambda outcomes: grid.cells(outcomes))
    return model


class _Exits:
    """The exits' cells, outcome × sex × band × unit, and sums of them by selection."""

    def __init__(self, model: Model, sexes: list[str], units: list[str]):
        self.dims = (OUTCOMES, sexes, BANDS, units)
        shape = tuple(len(d) for d in self.dims)
        self.index = np.array(model.cells(int(np.prod(shape))), dtype=np.int64).reshape(shape)

    def cells(self, outcomes=None, sex=None, band=None, unit=None) -> list[int]:
        """The cells of the given outcomes (all when ``None``), sex, band and unit."""
        keep = (outcomes, *(None if v is None else [v] for v in (sex, band, unit)))
        picks = [range(len(d)) if k is None else [d.index(v) for v in k] for d, k in zip(self.dims, keep, strict=True)]
        return self.index[np.ix_(*picks)].ravel().tolist()


def _exits(model: Model, ind: dict) -> tuple[dict[str, list[int]], _Exits]:
    """The exits' figures; returns each sex's cells (for the identities with the other populations)
    and the grid (for the figures that refine an outcome, :mod:`.figures_more`)."""
    o = ind["outcomes"]
    sexes, units = list(ind["sex"]["exits"]), list(o["by_unit"]) or ["*"]
    grid = _Exits(model, sexes, units)
    counted = [r for r in OUTCOMES if r != DROPOUT]
    goal = list(o["in_goal_codes"])
    _exit_totals(model, ind, grid, counted, goal)
    for s in sexes:
        _exits_of_sex(model, ind, grid, s, counted, goal)
    for band in AGE_BANDS:
        model.add(ind, [("age_bands", "exits", band)], grid.cells(band=band), MARGIN, 1)
        dens = [lookup(o, ("by_sex_age_band", s, band, "denominator"), None) for s in sexes]
        exits = lookup(ind, ("age_bands", "exits", band), None)
        dropouts = exits - sum(dens) if isinstance(exits, int) and all(isinstance(d, int) for d in dens) else None
        model.implied(f"age_bands.exits.{band}.(tidiga avhopp)", grid.cells([DROPOUT], band=band), dropouts, 2)
    for unit in o["by_unit"]:
        _exits_of_unit(model, ind, grid, unit, counted, goal)
    return {s: grid.cells(sex=s) for s in sexes}, grid


def _exit_totals(model: Model, ind: dict, grid: _Exits, counted: list[str], goal: list[str]) -> None:
    """Totals of the exits, the outcome counts, the follow-up groups and the goals."""
    measured = ("throughput", "months", "n")
    in_goal_measured = ind["throughput"]["population"] == "in_goal"
    add = model.add
    add(ind, [("flows", "exits"), ("support", "exits_totals", "persons")], grid.cells(), LOCKED, 0)
    add(
        ind,
        [("flows", "early_dropouts"), ("employment", "exits", "without_measurement")],
        grid.cells([DROPOUT]),
        LOCKED,
        1,
    )
    denominator = [("outcomes", "denominator"), ("employment", "exits", "persons")]
    add(ind, denominator + ([] if in_goal_measured else [measured]), grid.cells(counted), LOCKED, 1)
    add(ind, [("outcomes", "in_goal")] + ([measured] if in_goal_measured else []), grid.cells(goal), LOCKED, 1)
    model.share(ind, ("outcomes", "in_goal_share"), "outcomes.in_goal", "outcomes.denominator")
    for part in ("outcome", "met"):
        model.share(ind, ("goals", "in_goal", part), "outcomes.in_goal", "outcomes.denominator")
    add(ind, [("outcomes", "without_reason")], grid.cells([NO_REASON]), MARGIN, 1)
    for r in EXIT_REASONS:
        paths = [("outcomes", "counts", r), ("outcomes", "details", r)]
        if r == "aktivt_arbetssokande" and r not in goal:
            paths.append(("outcomes", "active_jobseekers", "by_reason", r))
        add(ind, paths, grid.cells([r]), MARGIN, 1)
        for part in ("outcome", "met"):
            model.share(ind, ("goals", r, part), f"outcomes.counts.{r}", "outcomes.denominator")
    for g, codes in GROUPS.items():
        fig = add(ind, [("followups", "result_at_exit", g, "count")], grid.cells(list(codes)), MARGIN, 1)
        if fig is not None:
            model.share(ind, ("followups", "result_at_exit", g, "share"), fig.key, "outcomes.denominator")


def _exits_of_sex(model: Model, ind: dict, grid: _Exits, s: str, counted: list[str], goal: list[str]) -> None:
    """One sex: its exits, its outcome per reason, and its outcome per age band (the appendix)."""
    add, by_sex = model.add, ("outcomes", "by_sex", s)
    add(ind, [("sex", "exits", s)], grid.cells(sex=s), MARGIN, 1)
    add(ind, [(*by_sex, "denominator")], grid.cells(counted, sex=s), SEX_TOTAL, 2)
    add(ind, [(*by_sex, "in_goal"), ("outcomes", "in_goal_by_sex", s)], grid.cells(goal, sex=s), BOARD, 2)
    model.share(ind, (*by_sex, "in_goal_share"), f"{'.'.join(by_sex)}.in_goal", f"{'.'.join(by_sex)}.denominator")
    for r in EXIT_REASONS:
        add(ind, [(*by_sex, "counts", r)], grid.cells([r], sex=s), CELL, 2)
    _implied(model, ind, grid, by_sex, counted, goal, dict(sex=s))
    for band in AGE_BANDS:
        cell = ("outcomes", "by_sex_age_band", s, band)
        add(ind, [(*cell, "denominator")], grid.cells(counted, sex=s, band=band), CELL, 3)
        add(ind, [(*cell, "in_goal")], grid.cells(goal, sex=s, band=band), CELL, 3)
        key = ".".join(cell)
        model.share(ind, (*cell, "in_goal_share"), f"{key}.in_goal", f"{key}.denominator")
        for r in EXIT_REASONS:
            add(ind, [(*cell, "counts", r)], grid.cells([r], sex=s, band=band), CELL, 3, forced=True)
        _implied(model, ind, grid, cell, counted, goal, dict(sex=s, band=band))


def _exits_of_unit(model: Model, ind: dict, grid: _Exits, unit: str, counted: list[str], goal: list[str]) -> None:
    """One sub-unit (*delinsats*): its exits, in goal, and per reason (the last only in the JSON)."""
    cell = ("outcomes", "by_unit", unit)
    model.add(ind, [(*cell, "denominator")], grid.cells(counted, unit=unit), CELL, 2)
    model.add(ind, [(*cell, "in_goal")], grid.cells(goal, unit=unit), CELL, 2)
    key = ".".join(cell)
    model.share(ind, (*cell, "in_goal_share"), f"{key}.in_goal", f"{key}.denominator")
    for r in EXIT_REASONS:
        model.add(ind, [(*cell, "counts", r)], grid.cells([r], unit=unit), JSON_ONLY, 2)
    _implied(model, ind, grid, cell, counted, goal, dict(unit=unit))


def _implied(model: Model, ind: dict, grid: _Exits, cell, counted, goal, where: dict) -> None:
    """The counts a group's published figures give away by subtraction: those not in goal
    (counted exits − in goal) and, per sex or age band, the early dropouts (exits − counted exits)."""
    key, crossed = ".".join(cell), len(where) + 1
    den, in_goal = lookup(ind, (*cell, "denominator"), None), lookup(ind, (*cell, "in_goal"), None)
    not_in_goal = den - in_goal if isinstance(den, int) and isinstance(in_goal, int) else None
    model.implied(f"{key}.(ej i mål)", grid.cells([r for r in counted if r not in goal], **where), not_in_goal, crossed)
    if "unit" in where or "band" in where:
        return
    exits = lookup(ind, ("sex", "exits", where["sex"]), None)
    dropouts = exits - den if isinstance(exits, int) and isinstance(den, int) else None
    model.implied(f"{key}.(tidiga avhopp)", grid.cells([DROPOUT], **where), dropouts, crossed)


def _staying(model: Model, ind: dict, exits_by_sex: dict[str, list[int]]) -> None:
    """Those enrolled at the start, the new, those enrolled at the end, and all served."""
    sexes = list(ind["sex"]["new"])
    by_sex, by_band = {}, {}
    for p in STAYING:
        by_sex[p], by_band[p] = model.cells(len(sexes)), model.cells(len(BANDS))
        model.identity(by_sex[p], by_band[p])
        model.add(ind, [("flows", p)], by_sex[p], LOCKED, 0)
        for s, c in zip(sexes, by_sex[p], strict=True):
            model.add(ind, [("sex", p, s)], [c], MARGIN, 1)
        for band, c in zip(AGE_BANDS, by_band[p], strict=False):
            model.add(ind, [("age_bands", p, band)], [c], MARGIN, 1)
    served = [*by_sex["active_start"], *by_sex["new"]]
    model.add(ind, [("flows", "served")], served, LOCKED, 0)
    for i, s in enumerate(sexes):
        model.add(ind, [("sex", "served", s)], [by_sex["active_start"][i], by_sex["new"][i]], MARGIN, 1)
        if _balances(ind, s):
            stay = [by_sex["active_start"][i], by_sex["new"][i]]
            model.identity(stay, [by_sex["active_end"][i], *exits_by_sex.get(s, [])])
    for j, band in enumerate(AGE_BANDS):
        pair = [by_band["active_start"][j], by_band["new"][j]]
        model.add(ind, [("age_bands", "served", band)], pair, MARGIN, 1)
    for table, p in _VECTORS:
        _vector(model, ind, (table, p), by_sex[p], ind["flows"][p])
    _young(model, ind, by_sex["active_end"])


def _balances(ind: dict, s: str) -> bool:
    """Whether start + new = exits + end holds for sex ``s`` (it does unless the register has an
    exit dated before its enrolment)."""
    n = {p: lookup(ind, ("sex", p, s), 0) for p in (*STAYING, "exits")}
    return n["active_start"] + n["new"] == n["exits"] + n["active_end"]


def _vector(model: Model, ind: dict, path, population: list[int], total: int) -> None:
    """A one-attribute table of a population, with an unpublished remainder when its categories do
    not cover everyone (payer leaves out those with no support source listed)."""
    counts = lookup(ind, path, None)
    if not isinstance(counts, dict):
        return
    cells = model.cells(len(counts))
    rest = model.cells(1) if sum(counts.values()) < total else []
    if sum(counts.values()) <= total:
        model.identity([*cells, *rest], population)
    for key, c in zip(counts, cells, strict=True):
        model.add(ind, [(*path, key)], [c], MARGIN, 1)


def _young(model: Model, ind: dict, population: list[int]) -> None:
    """Those enrolled at the end who are 30 or younger, and their share."""
    path = ("age", "active_end", "n_30_or_younger")
    young, rest = model.cells(1), model.cells(1)
    model.identity([*young, *rest], population)
    if model.add(ind, [path], young, MARGIN, 1):
        model.share(ind, ("age", "active_end", "share_30_or_younger"), ".".join(path), "flows.active_end")

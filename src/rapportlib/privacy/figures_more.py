"""The figures of the optional inputs beside the register, in the model of :mod:`.figures`.

- **Continued rehabilitation by destination** refines the exits to ``fortsatt_rehabilitering``:
  destination × (back to the referrer or not), adding up to those exits' cells. A destination is
  one attribute (a finer exit reason); "back to the referrer" crosses it with the referrer.
- **Break-offs** refine the early dropouts: reason × referrer, adding up to the dropouts' cells.
  The reason is one attribute; the referrer of a dropout, like its sex, crosses two.
- **Applications**, a population of their own: referrer × sub-unit, with the total, each party's
  applications and the decisions as vectors adding up to it.
- **Self-rated health**, one population per round: the answers per step.
"""

from __future__ import annotations

from collections.abc import Callable

from ..codes import BREAKOFF_REASONS, REFERRERS
from ..indicators.pathways import MISSING
from .model import CELL, LOCKED, MARGIN, Model, lookup


def add_more(model: Model, ind: dict, outcome_cells: Callable[[list[str]], list[int]]) -> None:
    """Add the figures of continued rehabilitation, break-offs, applications and health present in
    ``ind``; ``outcome_cells`` gives the exits' cells of some outcomes."""
    if "continued" in ind:
        _continued(model, ind, outcome_cells(["fortsatt_rehabilitering"]))
    if "breakoffs" in ind:
        from .figures import DROPOUT

        _breakoffs(model, ind, outcome_cells([DROPOUT]))
    if "applications" in ind:
        _applications(model, ind)
    if "health" in ind:
        _health(model, ind)


def _continued(model: Model, ind: dict, population: list[int]) -> None:
    destinations = list(ind["continued"]["counts"])
    back, other = model.cells(len(destinations)), model.cells(len(destinations))
    model.identity([*back, *other], population)
    model.add(ind, [("continued", "total")], population, MARGIN, 1)
    for d, b, o in zip(destinations, back, other, strict=True):
        fig = model.add(ind, [("continued", "counts", d)], [b, o], MARGIN, 1)
        if fig is not None:
            model.share(ind, ("continued", "shares", d), fig.key, "continued.total")
    model.add(ind, [("continued", "back_to_referrer")], back, CELL, 2)
    model.share(ind, ("continued", "back_to_referrer_share"), "continued.back_to_referrer", "continued.total")


def _breakoffs(model: Model, ind: dict, population: list[int]) -> None:
    reasons = [*BREAKOFF_REASONS, MISSING]
    grid = {r: dict(zip(REFERRERS, model.cells(len(REFERRERS)), strict=True)) for r in reasons}
    every = [c for row in grid.values() for c in row.values()]
    model.identity(every, population)
    model.add(ind, [("breakoffs", "total")], every, LOCKED, 0)
    for r in reasons:
        model.add(ind, [("breakoffs", "by_reason", r)], list(grid[r].values()), MARGIN, 1)
        for f in REFERRERS:
            model.add(ind, [("breakoffs", "by_reason_referrer", r, f)], [grid[r][f]], CELL, 2)
    for f in REFERRERS:
        model.add(ind, [("breakoffs", "by_referrer", f)], [grid[r][f] for r in reasons], CELL, 2)


def _applications(model: Model, ind: dict) -> None:
    a = ind["applications"]
    units = list(a["by_unit"])
    grid = {f: dict(zip(units, model.cells(len(units)), strict=True)) for f in REFERRERS}
    every = [c for row in grid.values() for c in row.values()]
    model.add(ind, [("applications", "total")], every, LOCKED, 0)
    for f in REFERRERS:
        model.add(ind, [("applications", "by_referrer", f)], list(grid[f].values()), MARGIN, 1)
        for u in units:
            model.add(ind, [("applications", "by_referrer_unit", f, u)], [grid[f][u]], CELL, 2)
    for u in units:
        model.add(ind, [("applications", "by_unit", u)], [grid[f][u] for f in REFERRERS], MARGIN, 1)
    for actor in a["by_actor"]:
        yes, no = model.cells(1), model.cells(1)
        model.identity([*yes, *no], every)
        if model.add(ind, [("applications", "by_actor", actor)], yes, MARGIN, 1):
            model.share(
                ind, ("applications", "actor_shares", actor), f"applications.by_actor.{actor}", "applications.total"
            )
    decisions = lookup(a, ("by_decision",), None)
    if isinstance(decisions, dict):
        cells = model.cells(len(decisions))
        model.identity(cells, every)
        for d, c in zip(decisions, cells, strict=True):
            model.add(ind, [("applications", "by_decision", d)], [c], MARGIN, 1)


def _health(model: Model, ind: dict) -> None:
    for rnd, v in ind["health"]["rounds"].items():
        steps = list(v["distribution"])
        cells = dict(zip(steps, model.cells(len(steps)), strict=True))
        path = ("health", "rounds", rnd)
        model.add(ind, [(*path, "n")], list(cells.values()), LOCKED, 0)
        for step, c in cells.items():
            model.add(ind, [(*path, "distribution", step)], [c], MARGIN, 1)
        good = model.add(ind, [(*path, "good")], [cells["bra"], cells["mycket_bra"]], MARGIN, 1)
        if good is not None:
            model.share(ind, (*path, "good_share"), good.key, ".".join((*path, "n")))

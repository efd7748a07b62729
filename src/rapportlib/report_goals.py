"""The goal-area part of a report (*målområden*): per area of the params file a heading, the goal
it pursues, its goals against the outcome, and the tables the params file names for it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .markup import md_literal

if TYPE_CHECKING:
    from .report import Block, Report


def goal_area_blocks(rep: Report, level: int = 4) -> list[Block]:
    """The blocks of every goal area, in order: a numbered heading "Målområde N: title", the goal as
    a sentence, the area's goals table, and each table named under its ``tables``."""
    from .report import Block

    blocks = []
    for area in rep.indicators.get("goal_areas", []):
        blocks.append(rep.heading(f"Målområde {area['number']}: {area['title']}", level))
        if area["goal"]:
            goal = f"Mål: {area['goal']}"
            blocks.append(Block(f'<p class="goal-area">{html.escape(goal)}</p>', md_literal(goal), goal))
        blocks.append(rep.table("goals", str(area["number"])))
        blocks += [rep.table(name) for name in area["tables"]]
    return [b for b in blocks if b is not None]


def joined(blocks: list[Block]) -> Block | None:
    """One block showing ``blocks`` one after the other (``None`` when there are none)."""
    from .report import Block

    if not blocks:
        return None
    return Block(
        "".join(b.html for b in blocks),
        "\n\n".join(b.markdown or "" for b in blocks),
        "\n\n".join(b.text for b in blocks),
        meta={"blocks": [b.meta for b in blocks if b.meta]},
    )


def area_tables(indicators: dict) -> list[tuple[str, tuple[str, ...]]]:
    """The tables the goal areas show, as ``(name, arguments)`` like :func:`rapportlib.notebooks.table_calls`
    gives them, so that the consistency checks sum them too."""
    calls = []
    for area in indicators.get("goal_areas", []):
        calls.append(("goals", (str(area["number"]),)))
        calls += [(name, ()) for name in area["tables"]]
    return calls

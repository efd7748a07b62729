"""The table of the NNS participant questionnaire (*NNS-enkäten*), one round at a time."""

from __future__ import annotations

from .. import fmt
from ..codes import SURVEY_SCALE, label
from .base import Table, share_text


def survey_table(ind: dict, rnd: str) -> Table | None:
    """NNS answers per question for one round: n, the distribution in per cent and the top share."""
    if "survey" not in ind:
        return None
    s = ind["survey"]
    top = s["top"]
    steps = [label("survey", c) for c in SURVEY_SCALE]
    rows = []
    for q, v in s["rounds"][rnd].items():
        if v["scale"] == "ja_nej":
            dist = [""] * len(steps)
            dist[-1] = f"ja {fmt.percent(v['top_share'], 0)}"
        else:
            dist = [share_text(v["distribution"][c], v["n"], 0) for c in SURVEY_SCALE]
        rows.append([q, fmt.number(v["n"]), *dist, fmt.percent(v["top_share"], 0)])
    name = {"1": "under insatsen (efter cirka 3 månader)", "2": "inför avslut"}[rnd]
    top_name = {2: "två högsta", 3: "tre högsta"}.get(top, f"{top} högsta")
    return Table(
        f"survey-{rnd}",
        f"Deltagarenkät (NNS) {name}",
        ["Fråga", "Svar", *steps, f"Andel {top_name}"],
        rows,
        ["l"] + ["r"] * (len(steps) + 2),
        note="Frågornas lydelse: " + " ".join(f"{q}. {v['text']}" for q, v in s["rounds"][rnd].items()),
    )

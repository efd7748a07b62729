"""The table of the NNS participant questionnaire (*NNS-enkäten*), one round at a time."""

from __future__ import annotations

from .. import fmt
from ..codes import SURVEY_SCALE, label
from ..hidden import marks_hidden
from .base import Table, share_text


@marks_hidden
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
            dist[-1] = f"ja {fmt.percent(v['top_share'])}"
        else:
            dist = [share_text(v["distribution"][c], v["n"]) for c in SURVEY_SCALE]
        rows.append([q, fmt.number(v["n"]), *dist, fmt.percent(v["top_share"])])
    name = {"1": "under insatsen (efter cirka 3 månader)", "2": "inför avslut"}[rnd]
    positive = fmt.enumeration([f"”{step.lower()}”" for step in steps[-top:]])
    other = {q: v["top"] for q, v in s["rounds"][rnd].items() if v.get("top", top) != top and v["scale"] != "ja_nej"}
    for k in sorted(set(other.values())):
        asked = fmt.enumeration([f"{q}" for q, t in other.items() if t == k], "och")
        steps_k = fmt.enumeration([f"”{step.lower()}”" for step in steps[-k:]])
        positive += f"; på fråga {asked}: {steps_k}"
    return Table(
        f"survey-{rnd}",
        f"Deltagarenkät (NNS) {name}",
        ["Fråga", "Antal svar", *steps, "Andel positiva svar"],
        rows,
        ["l"] + ["r"] * (len(steps) + 2),
        note=f"Positiva svar: {positive} (på ja- eller nej-frågor: ja). Frågornas lydelse: "
        + " ".join(f"{q}. {v['text']}" for q, v in s["rounds"][rnd].items()),
    )

"""A plan (*insatsplan*, ``kind: plan`` in the params file): what it publishes, what is checked,
its key figures and its "Om planen" text.

A plan reads no register of its own. Its ``data.participants`` is the register of the team it
replaces (``predecessor``), whose indicators are computed over ``predecessor.period`` by the params
file's ``rules``, protected and audited exactly as a report's are (:mod:`rapportlib.prepare`). The
plan adds what its params file and its context statistics give: capacity targets, budget, staff
plan, timeline, and the size of the target group. Context statistics are official figures already
published by their source; they are shown as published, small counts included (docs/inputs.md).
Everything taken from the register is protected: the predecessor's split by kommun hides a count
below the threshold (and, since their sum is published, the next smallest with it).
"""

from __future__ import annotations

from . import fmt
from .checks import Check
from .checks._base import close
from .codes import label
from .indicators import plan as p
from .indicators.capacity import staff_by_owner
from .params import Params

#: The predecessor's published indicators a plan keeps (all protected as in a report).
PREDECESSOR_KEYS = ("period", "rules", "flows", "sex", "outcomes", "throughput")


def predecessor_period(params: Params) -> tuple:
    """The period over which a plan's register (its predecessor's) is counted."""
    return params.predecessor["start"], params.predecessor["end"]


def plan_indicators(params: Params, inputs: dict, predecessor: dict) -> dict:
    """A plan's published indicators: who and when (``kind: plan``), ``context`` statistics (when
    given), ``capacity_plan``, ``budget_plan``, ``staff`` and ``staff_roles``, ``timeline`` and the
    ``predecessor``'s protected figures with its participants per ``kommun``. ``predecessor`` is
    the register's indicators as :func:`~rapportlib.pipeline.published_indicators` gives them."""
    from .indicators.periods import populations, with_dropouts

    start, end = predecessor_period(params)
    register = with_dropouts(inputs["participants"], params.rules.trial_months)
    served = populations(register, start, end)["served"]
    privacy = dict(predecessor["privacy"])
    counts, hidden = protect_counts(p.by_kommun(served), privacy["threshold"])
    persons = sum(p.by_kommun(served).values())
    shares = {k: None if v is None else v / persons for k, v in counts.items()}
    kommun = params.predecessor.get("kommun")
    share = p.kommun_share(p.by_kommun(served), str(kommun)) if kommun else None
    if share and any(k for k in hidden if k != "(uppgift saknas)" and _same(k, str(kommun))):
        share = {**share, "count": None, "share": None}
    privacy["suppressed"] = sorted(
        [f"predecessor.{path}" for path in privacy.get("suppressed", [])]
        + [f"predecessor.kommun.{kind}.{k}" for k in hidden for kind in ("counts", "shares")]
        + (["predecessor.kommun.count", "predecessor.kommun.share"] if share and share["count"] is None else [])
    )
    result = {
        "team": params.team,
        "name": params.name,
        "federation": params.federation,
        "kind": "plan",
        "period": {"start": params.start.isoformat(), "end": params.end.isoformat()},
    }
    if "context" in inputs:
        result["context"] = p.context_statistics(inputs["context"])
    plan = params.plan
    result["capacity_plan"] = p.capacity_targets(plan.get("capacity") or {})
    result["budget_plan"] = p.plan_budget(plan)
    result["staff"] = staff_by_owner(list(params.staff))
    result["staff_roles"] = p.staff_roles(list(params.staff))
    result["timeline"] = p.timeline(plan.get("timeline") or [])
    result["predecessor"] = {
        "name": params.predecessor.get("name", ""),
        **{key: predecessor[key] for key in PREDECESSOR_KEYS},
        "kommun": {**(share or {}), "counts": counts, "shares": shares},
    }
    result["privacy"] = privacy
    return result


def _same(a: str, b: str) -> bool:
    from .codes import fold

    return fold(a) == fold(b)


def protect_counts(counts: dict[str, int], threshold: int) -> tuple[dict, list[str]]:
    """Counts of one split of a published total with each count from 1 to ``threshold − 1`` hidden
    (``None``), and, when only one is hidden, the next smallest too (the total would give it
    away); and the keys hidden."""
    if threshold <= 1:
        return dict(counts), []
    small = [k for k, v in counts.items() if 0 < v < threshold]
    if len(small) == 1 and len(counts) > 1:
        rest = sorted((v, k) for k, v in counts.items() if k not in small and v > 0)
        small += [rest[0][1]] if rest else []
    return {k: (None if k in small else v) for k, v in counts.items()}, sorted(small)


def plan_checks(ind: dict) -> list[Check]:
    """A plan's own checks: each context series' file total (*Summa*) against its classes, per sex."""
    checks = []
    for s in ind.get("context", []):
        for sex, given in (s["declared_total"] or {}).items():
            found = s["total"].get(sex)
            ok = found is not None and close(found, given)
            what = f"{s['matt']} {s['manad']}, {label('sex', sex).lower()}"
            checks.append(
                Check(f"Statistikens rader = filens summarad ({what})", ok, f"raderna {found}, summaraden {given}")
            )
    return checks


def key_figures(ind: dict) -> list[tuple[str, str]]:
    """A plan's key figures: its capacity targets, its budget and its staff."""
    c, b = ind["capacity_plan"], ind["budget_plan"]
    figures = []
    if c["concurrent"] is not None:
        figures.append(("Inskrivna samtidigt enligt planen", fmt.number(c["concurrent"])))
    if c["per_year"] is not None:
        figures.append(("Nya deltagare per år enligt planen", fmt.number(c["per_year"])))
    if c["max_months"] is not None:
        figures.append(("Längsta tid i insatsen", fmt.set_months(c["max_months"])))
    if b["costs"]["lines"]:
        period = fmt.period(ind["period"]["start"], ind["period"]["end"])
        figures.append((f"Kostnader {period}", fmt.tkr(b["costs"]["total"])))
    if ind["staff"]["total"]:
        figures.append(("Årsarbetare i teamet", fmt.fte(ind["staff"]["total"])))
    return figures


def about(ind: dict) -> list[str]:
    """*Om planen*, paragraph by paragraph: where its figures come from and how they are defined."""
    pred = ind["predecessor"]
    r = pred["rules"]
    period = fmt.period(pred["period"]["start"], pred["period"]["end"])
    goals = fmt.enumeration([label("exit_reason", c).lower() for c in r["in_goal"]], "och")
    whom = (
        "dem som avslutades i mål"
        if r["throughput_population"] == "in_goal"
        else "alla som avslutades efter prövotiden"
    )
    paragraphs = [
        "Alla siffror i planen, också i texten, är beräknade ur underlaget: målgruppens storlek ur den officiella "
        "statistik som anges vid tabellen, budgetens och bemanningens summor ur planens poster, och jämförelsen "
        f"med {pred['name']} ur den insatsens deltagarregister. Ingen siffra är inskriven för hand.",
        f"Jämförelsen gäller {period}. Andelen i mål är andelen av dem som avslutades efter prövotiden som gick "
        f"vidare till {goals}. Genomströmningstiden är den genomsnittliga tiden från inskrivning till avslut för "
        f"{whom}; en månad räknas som 30,4375 dagar. Kommunen är den där deltagaren var folkbokförd.",
        "Belopp anges i tusental kronor (tkr). Tjänstgöringsgraden anges i procent av en heltid och "
        "årsarbetarna med två decimaler.",
    ]
    threshold = (ind.get("privacy") or {}).get("threshold", 5)
    if "context" in ind:
        paragraphs.append(
            "Statistiken om målgruppen är officiell statistik som källan redan har publicerat; den återges som "
            "källan publicerat den, också små antal. Uppgifter ur deltagarregistret skyddas däremot: "
            + (
                f"antal under {threshold} personer redovisas inte."
                if threshold > 1
                else "skyddet för små antal är avstängt för planen."
            )
        )
    return paragraphs

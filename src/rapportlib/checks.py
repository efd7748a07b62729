"""Consistency checks run on every report: figures that must agree, do agree.

Each check is a pure function of the indicators dict. A failed check stops a final render
(``rapport render --final``) with a message naming the check and its figures; in a draft it is
listed in the report's "Datakvalitet" part.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    """The outcome of one check: its ``name``, whether it holds, and the figures behind it."""

    name: str
    ok: bool
    detail: str


class ConsistencyError(Exception):
    """Raised by a final render when a check fails."""

    def __init__(self, failed: list[Check]):
        self.failed = failed
        super().__init__("\n".join(f"Kontroll misslyckades: {c.name}: {c.detail}" for c in failed))


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def run_checks(ind: dict) -> list[Check]:
    """Every consistency check that applies to these indicators."""
    f, o = ind["flows"], ind["outcomes"]
    checks = [
        Check(
            "Flödena går ihop",
            f["active_start"] + f["new"] - f["exits"] == f["active_end"],
            f"{f['active_start']} + {f['new']} − {f['exits']} = {f['active_end']}",
        ),
        Check(
            "Totalt arbetat med = inskrivna vid start + nyinskrivna",
            f["served"] == f["active_start"] + f["new"],
            f"{f['served']} = {f['active_start']} + {f['new']}",
        ),
        Check(
            "Tidiga avhopp ryms i avsluten",
            0 <= f["early_dropouts"] <= f["exits"],
            f"{f['early_dropouts']} tidiga avhopp av {f['exits']} avslut",
        ),
        Check(
            "Varje avslut har exakt en anledning",
            sum(o["counts"].values()) == o["denominator"] and o["without_reason"] == 0,
            f"summa per anledning {sum(o['counts'].values())}, avslut utan tidiga avhopp {o['denominator']}, "
            f"utan anledning {o['without_reason']}",
        ),
        Check(
            "Avslut utan tidiga avhopp = avslut − tidiga avhopp",
            o["denominator"] == f["exits"] - f["early_dropouts"],
            f"{o['denominator']} = {f['exits']} − {f['early_dropouts']}",
        ),
        Check(
            "I mål = summan av målanledningarna",
            o["in_goal"] == sum(o["counts"][c] for c in o["in_goal_codes"]) == sum(o["in_goal_by_sex"].values()),
            f"i mål {o['in_goal']}, per anledning {sum(o['counts'][c] for c in o['in_goal_codes'])}, "
            f"per kön {sum(o['in_goal_by_sex'].values())}",
        ),
    ]
    for pop in ("new", "active_start", "active_end", "served", "exits"):
        total = f[pop]
        by_sex = sum(ind["sex"][pop].values())
        checks.append(Check(f"Könsfördelningen summerar ({pop})", by_sex == total, f"{by_sex} = {total}"))
    for pop in ("new", "active_end"):
        n = sum(ind["referrer"][pop].values())
        checks.append(Check(f"Remittenterna summerar ({pop})", n == f[pop], f"{n} = {f[pop]}"))
        n = sum(ind["payer"][pop].values())
        checks.append(Check(f"Försörjningsgrunden ryms i gruppen ({pop})", n <= f[pop], f"{n} ≤ {f[pop]}"))
    if "age_bands" in ind:
        for pop, bands in ind["age_bands"].items():
            n = sum(bands.values())
            checks.append(Check(f"Åldersgrupperna ryms i gruppen ({pop})", n <= f[pop], f"{n} ≤ {f[pop]}"))
    if "education" in ind:
        n = sum(ind["education"]["new"].values())
        checks.append(Check("Utbildningsnivåerna summerar (new)", n == f["new"], f"{n} = {f['new']}"))
    if "benefit_year_bins" in ind:
        n = sum(ind["benefit_year_bins"]["new"].values())
        checks.append(Check("Tid i försörjning summerar (new)", n == f["new"], f"{n} = {f['new']}"))
    if o["denominator"]:
        shares = sum(v / o["denominator"] for v in o["counts"].values())
        checks.append(Check("Resultatandelarna summerar till 100 %", _close(shares, 1.0), f"{shares:.6f}"))
    if "support" in ind and "exits_totals" in ind["support"]:
        tot = ind["support"]["exits_totals"]
        for side in ("before", "after"):
            s = sum(v[f"share_{side}"] or 0 for v in ind["support"]["exits"].values())
            missing = tot[f"missing_{side}"] / tot[f"denominator_{side}"] if tot[f"denominator_{side}"] else 0
            ok = not tot[f"denominator_{side}"] or _close(s + missing, 1.0)
            checks.append(Check(f"Försörjningsandelarna summerar ({side})", ok, f"{s + missing:.6f}"))
    if "budget" in ind:
        b = ind["budget"]
        for col in ("budget", "outcome", "remaining"):
            s = sum(line[col] for line in b["lines"])
            checks.append(
                Check(f"Budgetraderna summerar ({col})", _close(s, b["total"][col]), f"{s:.0f} = {b['total'][col]:.0f}")
            )
        t = b["total"]
        checks.append(
            Check(
                "Återstår = budget − utfall",
                _close(t["remaining"], t["budget"] - t["outcome"]),
                f"{t['remaining']:.0f} = {t['budget']:.0f} − {t['outcome']:.0f}",
            )
        )
    if "register" in ind:
        r = ind["register"]
        checks.append(
            Check(
                "Inget avslut före inskrivning",
                r["exit_before_enrolment"] == 0,
                f"{r['exit_before_enrolment']} inskrivningar",
            )
        )
    return checks


def failed(checks: list[Check]) -> list[Check]:
    """The checks that do not hold."""
    return [c for c in checks if not c.ok]

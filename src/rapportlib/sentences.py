"""The sentences rapport writes itself (the summary, "Om rapporten"), worded by value.

Every figure comes from the published indicators, and a sentence chooses its words by the figure:
"inga tidiga avhopp", not "varav 0"; "1 deltagare", "1 avslut"; a split by sex that small-count
protection hides is left out and said to be left out, never printed as "–".
"""

from __future__ import annotations

from . import comparison, fmt
from .codes import label

_SEX_NOUNS = {
    "kvinna": ("kvinna", "kvinnor"),
    "man": ("man", "män"),
    "annat": ("person med annat kön", "personer med annat kön"),
}


def shown(value) -> bool:
    """Whether a figure is published (neither hidden nor missing)."""
    return value is not None and value is not fmt.HIDDEN


def months_text(value: float) -> str:
    """Months in a sentence: ``16.8`` → ``'16,8 månader'`` (the tables' one decimal, the unit in full)."""
    return f"{fmt.number(value, 1)} månader"


def sex_split(counts: dict) -> str | None:
    """``{'kvinna': 23, 'man': 20}`` → ``'23 kvinnor och 20 män'``; ``None`` when a group is hidden."""
    if not all(shown(n) for n in counts.values()):
        return None
    items = [fmt.count(n, *_SEX_NOUNS.get(s, (s, s))) for s, n in counts.items() if n or s != "annat"]
    return fmt.enumeration(items, "och")


def _came(f: dict) -> str:
    """Where the period's participants came from: enrolled before it, or during it."""
    start, new = f["active_start"], f["new"]
    if start == 0:
        return "alla skrevs in under perioden"
    if new == 0:
        return "alla var inskrivna redan när perioden började, och inga nya skrevs in"
    was = "var inskriven" if start == 1 else "var inskrivna"
    return f"{fmt.number(start)} {was} när perioden började och {fmt.number(new)} skrevs in under perioden"


def _left(f: dict) -> str:
    """Who left, and how many of them in the trial period."""
    exits, d = f["exits"], f["early_dropouts"]
    if exits == 0:
        return "Ingen av dem avslutades under perioden."
    if d == 0:
        trial = "ingen under prövotiden" if exits > 1 else "inte under prövotiden"
    elif d == exits:
        trial = "alla under prövotiden (tidiga avhopp)" if d > 1 else "under prövotiden (ett tidigt avhopp)"
    else:
        trial = f"varav {fmt.number(d)} under prövotiden ({'ett tidigt avhopp' if d == 1 else 'tidiga avhopp'})"
    return f"Av dem avslutades {fmt.number(exits)}, {trial}."


def flows_sentences(f: dict, sex_end: dict) -> list[str]:
    """Who was enrolled, who came, who left and who remains."""
    out = [f"Teamet arbetade under perioden med {fmt.count(f['served'], 'deltagare')}: {_came(f)}.", _left(f)]
    end, split = f["active_end"], sex_split(sex_end)
    if end == 0:
        out.append("Vid periodens slut var ingen inskriven.")
    elif split is None:
        out.append(
            f"Vid periodens slut var {fmt.number(end)} inskrivna; uppdelningen per kön redovisas inte, "
            "eftersom grupperna är för små."
        )
    else:
        who = "1 deltagare inskriven" if end == 1 else f"{fmt.number(end)} inskrivna"
        out.append(f"Vid periodens slut var {who}: {split}.")
    return out


def result_sentence(o: dict) -> str:
    """The result: how many of those who left after the trial period reached a goal."""
    goals = fmt.enumeration([label("exit_reason", c).lower() for c in o["in_goal_codes"]])
    n, k = o["denominator"], o["in_goal"]
    if not n:
        return "Ingen deltagare avslutades efter prövotiden, så någon andel i mål finns inte för perioden."
    if n == 1:
        went = "gick vidare till" if k else "gick inte vidare till"
        return f"En deltagare avslutades efter prövotiden och {went} {goals}."
    if k == 0:
        return f"Av de {fmt.number(n)} som avslutades efter prövotiden gick ingen vidare till {goals}: 0,0 % i mål."
    if k == n:
        return f"Alla {fmt.number(n)} som avslutades efter prövotiden gick vidare till {goals}: 100,0 % i mål."
    return (
        f"Av de {fmt.number(n)} som avslutades efter prövotiden gick {fmt.number(k)} vidare till {goals}, "
        f"det vill säga {fmt.percent(o['in_goal_share'])} i mål."
    )


def throughput_sentence(ind: dict) -> str | None:
    """The mean time from enrolment to exit, for whom, or why it is not shown."""
    t = ind["throughput"]
    months = t["months"]["all"]
    whom = "dem som avslutades i mål" if t["population"] == "in_goal" else "dem som avslutades efter prövotiden"
    threshold = (ind.get("privacy") or {}).get("threshold", 5)
    if months is fmt.HIDDEN or (months is None and t["months"].get("n")):
        return f"Genomströmningstiden för {whom} redovisas inte, eftersom den bygger på färre än {threshold} personer."
    if months is None:
        return None
    return (
        "Den genomsnittliga tiden från inskrivning till avslut (genomströmningstiden) var "
        f"{months_text(months)} för {whom}."
    )


def summary(ind: dict) -> str:
    """The report's opening paragraph."""
    parts = flows_sentences(ind["flows"], ind["sex"]["active_end"])
    parts.append(result_sentence(ind["outcomes"]))
    throughput = throughput_sentence(ind)
    if throughput:
        parts.append(throughput)
    compared = comparison.sentence(ind)  # the previous period, when the register covers it
    if compared:
        parts.append(compared)
    return " ".join(parts)


def _protection(ind: dict) -> str:
    """What small-count protection hides, in the report's own terms."""
    privacy = ind.get("privacy") or {}
    threshold = privacy.get("threshold", 5)
    if threshold <= 1:
        return "Tabeller med få personer ska läsas med försiktighet."
    if privacy.get("strict"):
        what = f"antal under {threshold} personer"
    else:
        what = (
            f"antal under {threshold} personer i uppdelningar efter mer än en uppgift om personerna "
            "(till exempel kön och avslutsanledning)"
        )
    text = (
        f"För att skydda enskilda redovisas inte {what}, och inte heller uppgifter ur vilka ett sådant antal "
        "skulle kunna räknas fram"
    )
    if privacy.get("suppressed"):
        text += "; i tabellerna står de som –"
    return f"{text}. Uppgifter om få personer ska läsas med försiktighet."


def _first_months(n: float) -> str:
    """``2`` → ``'de första 2 månaderna'``, ``1`` → ``'den första månaden'``."""
    if n == 1:
        return "den första månaden"
    return f"de första {fmt.duration(n).replace('månader', 'månaderna')}"


def about(ind: dict, typed_by_hand: bool) -> list[str]:
    """*Om rapporten*, paragraph by paragraph: where the figures come from, how they are defined, and
    how they are rounded and protected."""
    r = ind["rules"]
    goals = fmt.enumeration([label("exit_reason", c).lower() for c in r["in_goal"]])
    whom = (
        "dem som avslutades i mål"
        if r["throughput_population"] == "in_goal"
        else "alla som avslutades efter prövotiden"
    )
    source = (
        "Siffrorna i tabeller och diagram är beräknade direkt ur teamets underlag."
        if typed_by_hand
        else "Alla siffror i rapporten, också i texten, är beräknade direkt ur teamets underlag; ingen är "
        "inskriven för hand."
    )
    definitions = [
        f"Prövotiden är {_first_months(r['trial_months'])} av en inskrivning. Ett avslut under prövotiden är ett "
        "tidigt avhopp: det räknas som avslut men inte i resultatet.",
        f"Andelen i mål är andelen av dem som avslutades efter prövotiden som gick vidare till {goals}.",
        f"Genomströmningstiden är den genomsnittliga tiden från inskrivning till avslut för {whom}; en månad "
        "räknas som 30,4375 dagar.",
        "Åldern är årtalet minus födelseåret.",
    ]
    rounding = (
        "Antal anges i hela tal och andelar med en decimal; avrundade andelar kan därför summera till något mer "
        "eller mindre än 100 %."
    )
    return [source, " ".join(definitions), f"{rounding} {_protection(ind)}"]

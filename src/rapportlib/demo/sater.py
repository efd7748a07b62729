"""The Säter plan scenario (seed 003): the register of the team the plan replaces, Samverkansteam
Kraften Hedemora/Säter, from its start to the end of its last annual report (2016-09-01 –
2017-08-31: 55 participants, a third of them registered in Säter, 55 % of the exits to work or
studies, 19 months' throughput time); and the context statistics the plan cites (recipients of
aktivitetsersättning in Säter by sex and age class, October 2017)."""

from __future__ import annotations

import datetime as dt

from .attributes import assign_categories, fill_defaults, members
from .model import MED, Exit, Scenario, Spell, planned
from .solver import build

#: The predecessor's last annual period: the seed's "helårsrapport 170831".
PERIOD = (dt.date(2016, 9, 1), dt.date(2017, 8, 31))
#: Persons served in the period by home kommun (18 of 55 is the seed's 33 %).
KOMMUN = {"Säter": 18, "Hedemora": 37}

# blocks: 0 = 2014-09 – 2015-02, 1, 2, 3 = 2016-03 – 2016-08, 4 = 2016-09 – 2017-02, 5 = 2017-03 – 2017-08
WINDOWS = [((4, 5), None, 19.0)]

#: Recipients of aktivitetsersättning in Säter (kommun 2082), October 2017, as Försäkringskassan
#: publishes them: (age class, women, men), then the source's own total row.
CONTEXT_SOURCE = ("Försäkringskassan", "2082 Säter", "Personer med aktivitetsersättning", "2017-10")
CONTEXT_ROWS = [("19 år", 2, 1), ("20–24 år", 6, 7), ("25–29 år", 10, 11)]
CONTEXT_COLUMNS = ["kalla", "omrade", "matt", "manad", "kon", "klass", "antal"]


def context_rows() -> list[list[str]]:
    """The context statistics file's rows: each class by sex, then the total row by sex (summed
    here, as the source prints it)."""
    rows = []
    for klass, women, men in CONTEXT_ROWS:
        rows += [[*CONTEXT_SOURCE, "kvinna", klass, str(women)], [*CONTEXT_SOURCE, "man", klass, str(men)]]
    for k, sex in ((1, "kvinna"), (2, "man")):
        rows.append([*CONTEXT_SOURCE, sex, "Summa", str(sum(r[k] for r in CONTEXT_ROWS))])
    return rows


def sater_scenario() -> Scenario:
    """Enrolments before and in the period, exits per half-year; in the period 20 exits, none an
    early dropout: arbete 7, studier 4 (11 of 20 = 55 %), the rest to rehabilitation, illness or other."""
    return Scenario(
        team="kraften",
        first=dt.date(2014, 9, 1),
        last=PERIOD[1],
        cuts=[PERIOD[0]],
        new=[{"kvinna": 30, "man": 27}, {"kvinna": 12, "man": 10}],
        exits=_exits_before() + _exits_in_period(),
        trial_months=2,
        pop_rule=dict.fromkeys(range(6), "all_exits"),
        in_goal=("arbete", "studier"),
        windows=list(WINDOWS),
        default_mean=14.0,
        seed=2017,
    )


def _exits_before() -> list[Exit]:
    """2014-09 – 2016-08: 24 exits, two of them early dropouts."""
    ex: list[Exit] = []
    mix = ["arbete", "fortsatt_rehabilitering", "studier", "sjukdom", "arbete", "annat"]
    k = 0
    for block, (women, men) in {0: (1, 1), 1: (2, 2), 2: (4, 3), 3: (4, 5)}.items():
        for sex, n in (("kvinna", women), ("man", men)):
            for _ in range(n):
                reason = mix[k % len(mix)]
                ex += planned(block, sex, reason, detail=MED if reason in ("sjukdom", "annat") else None)
                k += 1
    return ex + planned(1, "kvinna", None, dropout=True) + planned(2, "man", None, dropout=True)


def _exits_in_period() -> list[Exit]:
    """2016-09 – 2017-08: 20 exits, 10 women and 10 men."""
    ex = planned(4, "kvinna", "arbete", 2) + planned(4, "man", "arbete", 1) + planned(4, "kvinna", "studier")
    ex += planned(4, "man", "fortsatt_rehabilitering", 2) + planned(4, "kvinna", "sjukdom", 1, MED)
    ex += planned(4, "man", "annat", 1, "flyttar från orten") + planned(4, "man", "sjukdom", 1, MED)
    ex += planned(5, "kvinna", "arbete", 2) + planned(5, "man", "arbete", 2) + planned(5, "kvinna", "studier")
    ex += planned(5, "man", "studier", 2) + planned(5, "kvinna", "fortsatt_rehabilitering", 2)
    ex += planned(5, "man", "sjukdom", 1, MED) + planned(5, "kvinna", "annat", 1, "föräldraledig")
    return ex


def sater(rng) -> tuple[list[Spell], Scenario]:
    """The predecessor's spells, with a home kommun that gives the period's served their counts."""
    sc = sater_scenario()
    spells = build(sc)
    served = members(spells, *PERIOD, "active_start") + members(spells, *PERIOD, "new")
    assign_categories(rng, "kommun", [(served, dict(KOMMUN))])
    for s in spells:
        s.attrs.setdefault("kommun", "Säter" if rng.random() < 0.3 else "Hedemora")
    fill_defaults(rng, spells)
    return spells, sc

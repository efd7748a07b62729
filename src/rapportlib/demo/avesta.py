"""The Avesta seed scenario: 2015 to mid-2022, reproducing the 2018 report (seed 001) and the
2021/22 report (seed 000) wherever those are self-consistent; plus Avesta's budget files."""

from __future__ import annotations

import datetime as dt

from .attributes import assign_categories, assign_ints, fill_defaults, members
from .model import FREE_TEXT, MED, Exit, Scenario, Spell, planned
from .solver import build

# blocks: 0=2015H1 … 6=2018H1, 7=2018H2, 8=2019H1 … 12=2021H1, 13=2021H2, 14=2022H1
WINDOWS = [
    ((2, 3), None, 13.2),
    ((3, 4), None, 13.0),
    ((4, 5), None, 14.0),
    ((5, 6), None, 15.6),
    ((6, 7), "kvinna", 16.28),
    ((6, 7), "man", 18.39),
    ((8, 9), None, 17.8),
    ((9, 10), None, 17.8),
    ((10, 11), None, 20.5),
    ((11, 12), None, 21.3),
    ((12, 13), None, 25.2),
    ((13, 14), "kvinna", 16.8),
    ((13, 14), "man", 16.8),
]

AVESTA_BUDGETS = {
    "ekonomi-2018.csv": [
        ("Egen personal", "1 940 000", "1 531 595", ""),
        ("Externa tjänster i teamet", "460 000", "309 315", ""),
        ("Lokaler", "35 000", "33 455", ""),
        ("Övriga kostnader", "265 000", "338 233", ""),
    ],
    "ekonomi-2022.csv": [
        ("Personal", "2 150 000", "1 130 513", "0"),
        ("Lokaler", "40 000", "4 230", "30 000"),
        ("Övriga kostnader", "110 000", "54 907", "-20 000"),
    ],
}


def avesta_scenario() -> Scenario:
    exits = _exits_2015_2017() + _exits_2018() + _exits_2019_2021() + _exits_2021_2022()
    return Scenario(
        team="avesta",
        first=dt.date(2015, 1, 1),
        last=dt.date(2022, 6, 30),
        cuts=[dt.date(2018, 1, 1), dt.date(2019, 1, 1), dt.date(2021, 7, 1)],
        new=[
            {"kvinna": 38, "man": 41},
            {"kvinna": 32, "man": 12},
            {"kvinna": 18, "man": 18},
            {"kvinna": 20, "man": 14},
        ],
        exits=exits,
        trial_months=2,
        pop_rule={b: ("in_goal" if b <= 7 else "all_exits") for b in range(15)},
        in_goal=("arbete", "studier", "fortsatt_rehabilitering"),
        windows=list(WINDOWS),
        default_mean=13.0,
        seed=2015,
    )


def _exits_2015_2017() -> list[Exit]:
    """In-goal exits that drive the 2018 report's throughput history, and other exits."""
    ex: list[Exit] = []
    pre = {0: (0, 1, 0, 0), 1: (1, 1, 1, 1), 2: (2, 2, 2, 2), 3: (2, 2, 3, 2), 4: (2, 2, 2, 3), 5: (3, 2, 2, 3)}
    goal_cycle = ["arbete", "studier", "fortsatt_rehabilitering", "arbete"]
    for b, (gk, gm, ok, om) in pre.items():
        for k in range(gk):
            ex += planned(b, "kvinna", goal_cycle[k % 4])
        for k in range(gm):
            ex += planned(b, "man", goal_cycle[(k + 1) % 4])
        for k in range(ok):
            ex += planned(b, "kvinna", ["annat", "sjukdom"][k % 2], detail=FREE_TEXT.get((b, "kvinna", k), MED))
        for k in range(om):
            ex += planned(b, "man", ["sjukdom", "annat"][k % 2], detail=FREE_TEXT.get((b, "man", k), MED))
    return ex


def _exits_2018() -> list[Exit]:
    """Seed 001: 21 exits, 3 early dropouts; 5 arbete, 3 studier, 3 annan rehab, 7 annat."""
    ex = planned(6, "kvinna", "arbete", 2) + planned(6, "man", "arbete") + planned(6, "man", "studier", 2)
    ex += planned(6, "kvinna", "annat", 2, MED) + planned(6, "man", "annat", 2, MED)
    ex += planned(6, "kvinna", None, dropout=True)
    ex += planned(7, "kvinna", "arbete") + planned(7, "man", "arbete") + planned(7, "kvinna", "studier")
    ex += planned(7, "kvinna", "fortsatt_rehabilitering") + planned(7, "man", "fortsatt_rehabilitering", 2)
    ex += planned(7, "kvinna", "annat", 1, MED) + planned(7, "kvinna", "annat", 1, "föräldraledig")
    ex += planned(7, "man", "annat", 1, "upplever inte behov av insatsen")
    ex += planned(7, "kvinna", None, dropout=True) + planned(7, "man", None, dropout=True)
    return ex


def _exits_2019_2021() -> list[Exit]:
    """2019 – 2021H1: 64 exits (40 women, 24 men), one early dropout. The counts per half-year are
    chosen so that the seed's throughput windows need no implausible means."""
    ex: list[Exit] = []
    mix = ["arbete", "fortsatt_rehabilitering", "annat", "arbete", "studier", "sjukdom", "annat", "arbete"]
    per_block = {8: (5, 3), 9: (9, 6), 10: (10, 7), 11: (9, 5), 12: (6, 3)}
    k = 0
    for b, (nk, nm) in per_block.items():
        for sex, n in (("kvinna", nk), ("man", nm)):
            for _ in range(n):
                reason = mix[k % len(mix)]
                detail = MED if reason in ("annat", "sjukdom") else None
                ex += planned(b, sex, reason, detail=detail)
                k += 1
    return ex + planned(9, "kvinna", None, dropout=True)


def _exits_2021_2022() -> list[Exit]:
    """2021-07-01 – 2022-06-30 (seed 000): 24 exits, no dropouts; arbete 12 (7 women, 5 men),
    studier 2, annan rehab 1, sjukersättning 1, annat 8."""
    ex = planned(13, "kvinna", "arbete", 2) + planned(13, "kvinna", "annat", 1, MED)
    ex += planned(13, "man", "arbete") + planned(13, "man", "annat", 1, MED)
    ex += planned(14, "kvinna", "arbete", 5) + planned(14, "kvinna", "studier", 2)
    ex += planned(14, "kvinna", "sjukersattning", 1, "söker hel sjukersättning")
    ex += planned(14, "kvinna", "annat", 2, MED) + planned(14, "kvinna", "annat", 1, "vill inte delta")
    ex += planned(14, "man", "arbete", 4) + planned(14, "man", "fortsatt_rehabilitering")
    ex += planned(14, "man", "annat", 2, MED) + planned(14, "man", "annat", 1, "föräldraledig")
    return ex


# ------------------------------------------------------------------------ attributes


def avesta(rng) -> tuple[list[Spell], Scenario]:
    """Avesta's spells, with attributes that give the seed populations their published counts."""
    sc = avesta_scenario()
    spells = build(sc)
    pops = _populations(spells)
    _assign_referrers_and_payers(rng, spells, pops)
    _assign_ages(rng, pops)
    _assign_years_on_support(rng, spells, sc, pops)
    fill_defaults(rng, spells)
    return spells, sc


def _populations(spells: list[Spell]) -> dict[str, list[Spell]]:
    p18 = (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    p22 = (dt.date(2021, 7, 1), dt.date(2022, 6, 30))
    return {
        f"{population}{year}": members(spells, *period, population)
        for year, period in (("18", p18), ("22", p22))
        for population in ("new", "exits", "active_end")
    }


#: The main source of support of each payer in the tables.
MAIN_SOURCE = {
    "kommun": "forsorjningsstod",
    "fk": "sjukpenning",
    "af": "aktivitetsstod",
    "ingen_offentlig": "ingen_offentlig",
}
FK_SOURCES = ["sjukpenning", "aktivitetsersattning", "sjukersattning"]


def _assign_referrers_and_payers(rng, spells: list[Spell], pops) -> None:
    """Referrer and payer (main source) of the 2021/22 report's tables, and payer of 2018's."""
    new22, end22 = pops["new22"], pops["active_end22"]
    assign_categories(
        rng,
        "remittent",
        [
            (new22, {"kommun": 14, "fk": 2, "region": 16, "af": 2}),
            (end22, {"kommun": 18, "fk": 2, "region": 19, "af": 4}),
        ],
    )
    assign_categories(
        rng,
        "payer",
        [
            (pops["new18"], {"kommun": 25, "fk": 16, "af": 2, "ingen_offentlig": 1}),
            (new22, {"kommun": 16, "fk": 14, "ingen_offentlig": 4}),
            (end22, {"kommun": 23, "fk": 16, "ingen_offentlig": 4}),
        ],
    )
    for s in spells:
        payer = s.attrs.pop("payer", None)
        if payer:
            main = MAIN_SOURCE[payer]
            if payer == "fk":
                main = FK_SOURCES[int(rng.integers(0, 3))]
            s.attrs["main_source"] = main


def _assign_ages(rng, pops) -> None:
    """Ages: 2018 active at end (mean 42, 21–60, 17 born in the 1990s), then 2021/22 exits by sex
    and active at end (mean 38, 20–58, 12 aged 30 or less)."""
    end18, exits22, end22 = pops["active_end18"], pops["exits22"], pops["active_end22"]
    later = {id(s) for s in end22 + exits22}
    for s in end18:  # persons also counted in 2021/22 get middle ages, clear of every band's edge
        if id(s) in later:
            s.attrs["age"] = int(rng.integers(29, 46))
    _birth_years(rng, end18, lambda s: 2018, total=42 * 61, lo=21, hi=60, bands=[(21, 28, 17)])
    for sex, total in (("kvinna", 491), ("man", 365)):
        exits = [s for s in exits22 if s.sex == sex]
        _birth_years(rng, exits, lambda s: s.exit_date.year, total=total, lo=19, hi=62, exact_extremes=False)
    _birth_years(rng, end22, lambda s: 2022, total=38 * 43, lo=20, hi=58, bands=[(20, 30, 12)])


def _birth_years(rng, population: list[Spell], year_of, **limits) -> None:
    """Birth years from ages in ``year_of(s)`` meeting ``limits`` (see ``assign_ints``); a birth
    year already set is kept."""
    for s in population:
        if "birth_year" in s.attrs:
            s.attrs["age"] = year_of(s) - s.attrs["birth_year"]
    assign_ints(rng, "age", population, **limits)
    for s in population:
        s.attrs["birth_year"] = year_of(s) - s.attrs.pop("age")


def _assign_years_on_support(rng, spells: list[Spell], sc: Scenario, pops) -> None:
    """Years on public support: 2018 exits 4.2 (in goal and all), 2021/22 exits 7.9 (k) / 5.6 (m)."""
    goal18 = [s for s in pops["exits18"] if s.exit.reason in sc.in_goal]
    other18 = [s for s in pops["exits18"] if s not in goal18]
    women22 = [s for s in pops["exits22"] if s.sex == "kvinna"]
    men22 = [s for s in pops["exits22"] if s.sex == "man"]
    plan = [(goal18, 42 * 11, 5, 120), (other18, 42 * 10, 5, 120), (women22, 1112, 10, 180), (men22, 564, 10, 150)]
    for population, total, lo, hi in plan:  # in tenths of a year
        assign_ints(rng, "years10", population, total=total, lo=lo, hi=hi, exact_extremes=False)
    for s in spells:
        if "years10" in s.attrs:
            s.attrs["years"] = s.attrs.pop("years10") / 10

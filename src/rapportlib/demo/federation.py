"""A synthetic federation of many teams for benchmarks (``rapport demo --teams N --out DIR``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from ..codes import EDUCATION, REFERRERS
from .writers import COLUMNS, in_order, write_csv

#: The register's columns less those the federation's teams do not keep.
HEADER = [c for c in COLUMNS if c not in ("avslut_detalj", "delinsats")]
FIRST, LAST = dt.date(2018, 1, 1), dt.date(2022, 12, 31)
REASONS = ["arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande", "sjukdom", "annat"]
SOURCES = ["forsorjningsstod", "sjukpenning", "aktivitetsersattning", "aktivitetsstod", "ingen_offentlig"]

NARRATIVE = {
    "sammanfattning": "Teamet arbetade under året med {{ flows.served }} deltagare, och {{ outcomes.in_goal_share }} "
    "av dem som avslutades efter prövotiden gick vidare till arbete eller studier.\n",
    "deltagare": "## Förutsättningar och genomförandeprocess\nDeltagarna har ofta varit utan arbete länge.\n\n"
    "## Jämställdhetsintegrering\nTeamet följer fördelningen mellan kvinnor och män i varje steg.\n\n"
    "## Förutsättningar vid start\n{{ flows.new }} deltagare skrevs in under perioden.\n\n"
    "## Genomförandeprocessen\nVarje deltagare har en kontaktperson genom hela insatsen.\n\n"
    "## Mål och indikatorer på individnivå\nMålen följs upp tillsammans med deltagaren.\n\n"
    "## Processtrappan\nMätningen införs under året.\n\n## Egenupplevd hälsa\nMätningen införs under året.\n\n"
    "## Deltagarenkät\nEnkäten har inte använts under perioden.\n",
    "personal": "Teamet har haft en stabil bemanning.\n",
    "organisation": "## Mål och indikatorer på insatsnivå\nStyrgruppen följer resultaten varje kvartal.\n\n"
    "## Resultat\n{{ outcomes.in_goal }} av {{ outcomes.denominator }} gick i mål.\n\n"
    "## Effekt på längre sikt\nUppföljning efter avslut planeras.\n\n## Sammanfattning\nResultatet är stabilt.\n\n"
    "## Återbetalning och strategisk samverkan\nSamverkan sker i styrgruppen.\n",
    "framtiden": "Teamet fortsätter utveckla arbetet med arbetsgivare.\n",
}


def write_federation(outdir: str | Path, teams: int, seed: int = 7, enrolments: int = 240) -> list[Path]:
    """A synthetic federation of ``teams`` teams for benchmarks: for each a register with several
    years of history, a params file for 2022 (template ``vasteras``) and its narrative files.
    Returns the params files written."""
    outdir = Path(outdir)
    rng = np.random.default_rng(seed)
    return [
        write_team(outdir, f"team-{t:03d}", f"Samverkansteam {t}", "Exempelförbundet", rng, t, enrolments)
        for t in range(1, teams + 1)
    ]


def write_team(outdir: Path, slug: str, name: str, federation: str, rng, t: int = 1, enrolments: int = 240) -> Path:
    """One synthetic team: its register in ``data/<slug>/``, its params file for 2022 and its
    narrative files. Returns the params file."""
    write_csv(outdir / "data" / slug / "deltagare.csv", HEADER, _register(rng, t, enrolments))
    return _write_params(outdir, slug, name, federation)


def _register(rng, t: int, enrolments: int) -> list[list[str]]:
    """Team ``t``'s register, by enrolment date and id."""
    rows = [_participant(rng, f"T{t:03d}-{k + 1:04d}") for k in range(enrolments)]
    rows.sort(key=lambda r: (r["inskrivningsdatum"], r["deltagar_id"]))
    return [in_order(row, HEADER) for row in rows]


def _participant(rng, pid: str) -> dict[str, str]:
    """One enrolment between 2018 and 2022, exited by the end of 2022 or still enrolled. The draws
    come in a fixed order: the data depend on it."""
    enrol = FIRST + dt.timedelta(days=int(rng.integers(0, 365 * 5)))
    exit_ = enrol + dt.timedelta(days=int(rng.integers(20, 700)))
    done = exit_ <= LAST
    reason = str(rng.choice(REASONS)) if done else ""
    sex = str(rng.choice(["kvinna", "man"]))
    born = str(int(rng.integers(1965, 2003)))
    referrer = str(rng.choice(REFERRERS[:4]))
    before = str(rng.choice(SOURCES))
    after = str(rng.choice(SOURCES)) if done else ""
    education = str(rng.choice(EDUCATION))
    years = f"{rng.gamma(2.0, 2.0):.1f}"
    return {
        "deltagar_id": pid,
        "kon": sex,
        "fodelsear": born,
        "inskrivningsdatum": enrol.isoformat(),
        "avslutsdatum": exit_.isoformat() if done else "",
        "avslutsanledning": reason,
        "remittent": referrer,
        "forsorjning_fore": before,
        "forsorjning_efter": after,
        "utbildning": education,
        "ar_i_offentlig_forsorjning": years,
    }


def _write_params(outdir: Path, slug: str, name: str, federation: str) -> Path:
    """The team's params file for 2022 and, in the folder beside it, its narrative files."""
    from ..scaffold import quoted

    params = outdir / "params" / slug / "2022.yml"
    params.parent.mkdir(parents=True, exist_ok=True)
    params.write_text(
        f"team: {slug}\nname: {quoted(name)}\nfederation: {quoted(federation)}\ntemplate: vasteras\n"
        "period: {start: 2022-01-01, end: 2022-12-31}\n"
        f"data: {{participants: ../../data/{slug}/deltagare.csv}}\n"
        "rules: {trial_months: 2, in_goal: [arbete, studier], throughput_population: all_exits}\n",
        encoding="utf-8",
    )
    folder = params.with_suffix("")
    folder.mkdir(exist_ok=True)
    for name, text in NARRATIVE.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return params

"""Code lists of the optional inputs beside the register's core: where continued rehabilitation
went (``fortsatt_till``), why participants broke off (``avbrott_anledning``), applications (actors
and decisions) and self-rated health. Imported by :mod:`rapportlib.codes`, whose ``LABELS`` and
``ALIASES`` it extends."""

from __future__ import annotations

from .codes import ALIASES, LABELS, fold

#: Where an exit to continued work-oriented rehabilitation went (optional register column
#: ``fortsatt_till``): the reinforced cooperation of AF and FK, or one of the parties.
CONTINUED_DESTINATIONS = ("forstarkt_samarbete", "fk", "af", "kommun", "region", "annan")
#: Why a participant broke off (*avbrott*; optional register column ``avbrott_anledning``, for early dropouts).
BREAKOFF_REASONS = ("ohalsa", "startade_inte", "ej_nabar", "vill_inte_delta", "flyttat", "annat")
#: The parties an application (*ansökan*) can involve, and its decision.
APPLICATION_ACTORS = ("af", "fk", "kommun", "region")
APPLICATION_DECISIONS = ("beviljad", "avslag", "ej_beslutad")
#: Self-rated health (*egenskattad hälsa*), five steps, lowest first; the rounds it is asked in.
HEALTH_SCALE = ("mycket_dalig", "dalig", "varken_eller", "bra", "mycket_bra")
HEALTH_ROUNDS = ("start", "avslut")

LABELS.update(
    {
        "continued": {
            "forstarkt_samarbete": "Förstärkt samarbete AF/FK",
            "fk": "Försäkringskassan",
            "af": "Arbetsförmedlingen",
            "kommun": "Kommunen",
            "region": "Regionen",
            "annan": "Annan",
        },
        "breakoff": {
            "ohalsa": "Ohälsa",
            "startade_inte": "Började aldrig",
            "ej_nabar": "Gick inte att nå",
            "vill_inte_delta": "Vill inte delta",
            "flyttat": "Flyttat",
            "annat": "Annat",
        },
        "actor": {
            "af": "Arbetsförmedlingen",
            "fk": "Försäkringskassan",
            "kommun": "Kommunen",
            "region": "Regionen",
        },
        "decision": {"beviljad": "Beviljad", "avslag": "Avslag", "ej_beslutad": "Ej beslutad"},
        "health": {
            "mycket_dalig": "Mycket dålig",
            "dalig": "Dålig",
            "varken_eller": "Varken bra eller dålig",
            "bra": "Bra",
            "mycket_bra": "Mycket bra",
        },
        "health_round": {"start": "Vid start", "avslut": "Vid avslut"},
    }
)


def _code_list(kind: str, codes: tuple[str, ...], labels: str, extra: dict[str, str]) -> None:
    """Add a code list to :data:`ALIASES`: its codes, their folded labels and ``extra`` spellings."""
    ALIASES[kind] = {c: c for c in codes}
    ALIASES[kind].update({fold(v): k for k, v in LABELS[labels].items()})
    ALIASES[kind].update(extra)


_code_list(
    "fortsatt_till",
    CONTINUED_DESTINATIONS,
    "continued",
    {
        "forstarkt_samarbete_af_fk": "forstarkt_samarbete",
        "fs": "forstarkt_samarbete",
        "forsakringskassan": "fk",
        "arbetsformedlingen": "af",
        "kommunen": "kommun",
        "regionen": "region",
    },
)
_code_list(
    "avbrott_anledning",
    BREAKOFF_REASONS,
    "breakoff",
    {"ohalsa": "ohalsa", "sjukdom": "ohalsa", "startade_aldrig": "startade_inte", "ej_nadd": "ej_nabar"},
)
_code_list(
    "aktor",
    APPLICATION_ACTORS,
    "actor",
    {
        "arbetsformedlingen": "af",
        "forsakringskassan": "fk",
        "kommunen": "kommun",
        "socialtjanst": "kommun",
        "socialtjansten": "kommun",
        "regionen": "region",
    },
)
_code_list("beslut", APPLICATION_DECISIONS, "decision", {"ja": "beviljad", "nej": "avslag", "avslagen": "avslag"})
_code_list("halsa", HEALTH_SCALE, "health", {str(k + 1): c for k, c in enumerate(HEALTH_SCALE)})
_code_list("halsoomgang", HEALTH_ROUNDS, "health_round", {"1": "start", "2": "avslut", "vid_start": "start"})

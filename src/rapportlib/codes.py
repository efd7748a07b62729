"""Code lists of the data contract, their Swedish labels, and name folding.

Headers and code values are matched after *folding*: lower case, Swedish letters
folded (å/ä→a, ö→o), spaces and hyphens as underscores.
"""

from __future__ import annotations

import re
import unicodedata

SEXES = ("kvinna", "man", "annat")

EXIT_REASONS = (
    "arbete",
    "studier",
    "fortsatt_rehabilitering",
    "aktivt_arbetssokande",
    "sjukdom",
    "sjukersattning",
    "annat",
)

REFERRERS = ("af", "fk", "kommun", "region", "annan")

SUPPORT_SOURCES = (
    "forsorjningsstod",
    "sjukpenning",
    "aktivitetsersattning",
    "sjukersattning",
    "aktivitetsstod",
    "a_kassa",
    "studiestod",
    "lon",
    "ingen_offentlig",
)

PAYERS = ("kommun", "fk", "af", "ingen_offentlig")

#: Main support source → the payer ("försörjningsgrund") it belongs to.
PAYER_OF_SOURCE = {
    "forsorjningsstod": "kommun",
    "sjukpenning": "fk",
    "aktivitetsersattning": "fk",
    "sjukersattning": "fk",
    "aktivitetsstod": "af",
    "a_kassa": "af",
    "ingen_offentlig": "ingen_offentlig",
    "lon": "ingen_offentlig",
    "studiestod": "ingen_offentlig",
}

EDUCATION = (
    "grundskola",
    "gymnasium",
    "hogskola_upp_till_1",
    "hogskola_upp_till_3",
    "hogskola_over_3",
    "okand",
)

AGE_BANDS = ("15-29", "30-44", "45-59", "60-74")

LABELS: dict[str, dict[str, str]] = {
    "sex": {"kvinna": "Kvinnor", "man": "Män", "annat": "Annat", "all": "Totalt"},
    # The populations of a period as a table's row or column names them (charts use the same).
    "population": {
        "new": "Nyinskrivna",
        "served": "Deltagare under perioden",
        "exits": "Avslutade",
        "active_start": "Inskrivna vid periodens början",
        "active_end": "Inskrivna vid periodens slut",
    },
    "exit_reason": {
        "arbete": "Arbete",
        "studier": "Studier",
        "fortsatt_rehabilitering": "Annan arbetslivsinriktad rehabilitering",
        "aktivt_arbetssokande": "Aktivt arbetssökande",
        "sjukdom": "Sjukdom, behov av medicinsk rehabilitering",
        "sjukersattning": "Sjukersättning",
        "annat": "Annat",
    },
    "referrer": {
        "af": "Arbetsförmedlingen",
        "fk": "Försäkringskassan",
        "kommun": "Kommun/socialtjänst",
        "region": "Regionen",
        "annan": "Annan",
    },
    "payer": {
        "kommun": "Socialtjänst (kommun)",
        "fk": "Försäkringskassan",
        "af": "Arbetsförmedlingen",
        "ingen_offentlig": "Ingen offentlig försörjning",
    },
    "support": {
        "forsorjningsstod": "Försörjningsstöd",
        "sjukpenning": "Sjukpenning/rehabiliteringspenning",
        "aktivitetsersattning": "Aktivitetsersättning",
        "sjukersattning": "Sjukersättning",
        "aktivitetsstod": "Aktivitetsstöd",
        "a_kassa": "A-kassa",
        "studiestod": "Studiestöd",
        "lon": "Lön",
        "ingen_offentlig": "Ingen offentlig försörjning",
    },
    "education": {
        "grundskola": "Grundskola",
        "gymnasium": "Gymnasium",
        "hogskola_upp_till_1": "Högskola/universitet upp till 1 år",
        "hogskola_upp_till_3": "Högskola/universitet upp till 3 år",
        "hogskola_over_3": "Högskola/universitet mer än 3 år",
        "okand": "Saknas/okänd",
    },
}

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def fold(text: str) -> str:
    """Fold a header or code value for matching: ``'Födelse-år'`` → ``'fodelse_ar'``."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().translate(_FOLD)
    text = re.sub(r"[\s\-/]+", "_", text)
    return text.strip("_")


def _aliases() -> dict[str, dict[str, str]]:
    """Folded Swedish labels and common spellings accepted for each code list."""
    table: dict[str, dict[str, str]] = {}
    for kind, codes in {
        "kon": SEXES,
        "avslutsanledning": EXIT_REASONS,
        "remittent": REFERRERS,
        "forsorjning": SUPPORT_SOURCES,
        "utbildning": EDUCATION,
    }.items():
        table[kind] = {code: code for code in codes}
    table["kon"].update({"k": "kvinna", "m": "man", "kvinnor": "kvinna", "man_": "man"})
    label_kind = {
        "avslutsanledning": "exit_reason",
        "remittent": "referrer",
        "forsorjning": "support",
        "utbildning": "education",
    }
    for kind, label_key in label_kind.items():
        for code, label in LABELS[label_key].items():
            table[kind][fold(label)] = code
    table["avslutsanledning"].update(
        {
            "annan_arbetslivsinriktad_rehabilitering": "fortsatt_rehabilitering",
            "fortsatt_rehab": "fortsatt_rehabilitering",
            "sjukdom": "sjukdom",
            "ovrigt": "annat",
        }
    )
    table["remittent"].update(
        {
            "arbetsformedlingen": "af",
            "forsakringskassan": "fk",
            "socialtjanst": "kommun",
            "socialtjansten": "kommun",
            "skola": "kommun",
            "region": "region",
            "regionen": "region",
            "landstinget": "region",
        }
    )
    table["forsorjning"].update(
        {
            "sjukpenning_rehabiliteringspenning": "sjukpenning",
            "rehabiliteringspenning": "sjukpenning",
            "akassa": "a_kassa",
            "studiemedel": "studiestod",
            "ingen": "ingen_offentlig",
            "ingen_offentlig_forsorjning": "ingen_offentlig",
        }
    )
    table["utbildning"].update({"saknas": "okand", "okand": "okand", "saknas_okand": "okand"})
    table["ja_nej"] = {"ja": "ja", "j": "ja", "nej": "nej", "n": "nej", "1": "ja", "0": "nej"}
    return table


ALIASES = _aliases()


def label(kind: str, code: str) -> str:
    """Swedish label of a code; unknown codes are returned as they are."""
    return LABELS.get(kind, {}).get(code, code)


# --- Issue 3: optional register columns, survey and follow-up vocabularies -----------------

#: Employment status (*sysselsättning*) before enrolment and after exit (optional columns
#: ``sysselsattning_fore`` / ``sysselsattning_efter``, ``;``-separated like support sources).
EMPLOYMENT = (
    "arbete_osubventionerat",
    "arbete_subventionerat",
    "studier",
    "aktivt_arbetssokande",
    "ingen_sysselsattning",
)

#: Known kinds of "annat"/"sjukdom" exits. Free text in ``avslut_detalj`` is matched to these
#: (after folding); anything else is published only as "annan uppgift", never verbatim.
EXIT_DETAILS = {
    "behov_av_medicinsk_rehabilitering": "Behov av medicinsk rehabilitering",
    "behov_av_vard": "Behov av vård",
    "foraldraledig": "Föräldraledig",
    "vill_inte_delta": "Vill inte delta",
    "upplever_inte_behov_av_insatsen": "Upplever inte behov av insatsen",
    "soker_hel_sjukersattning": "Söker hel sjukersättning",
    "flyttat": "Flyttat",
    "pension": "Pension",
    "avliden": "Avliden",
}

#: The NNS participant questionnaire's six-step scale, lowest first.
SURVEY_SCALE = (
    "inte_alls",
    "till_liten_del",
    "till_viss_del",
    "till_stor_del",
    "till_mycket_stor_del",
    "helt_och_hallet",
)
SURVEY_YES_NO = ("nej", "ja")

#: Status at a follow-up after exit (*uppföljning*); ``ej_nadd`` = the person was not reached.
FOLLOWUP_STATUS = (
    "arbete",
    "studier",
    "aktivt_arbetssokande",
    "fortsatt_rehabilitering",
    "sjukdom",
    "annat",
    "ej_nadd",
)
FOLLOWUP_MONTHS = (6, 12, 18, 24)

#: Payers of public support in the payback model and the members of a samordningsförbund.
PAYBACK_PAYERS = ("kommun", "region", "fk", "af", "staten_ovrigt")

LABELS.update(
    {
        "employment": {
            "arbete_osubventionerat": "Arbete utan subvention",
            "arbete_subventionerat": "Arbete med subvention",
            "studier": "Studier",
            "aktivt_arbetssokande": "Aktivt arbetssökande",
            "ingen_sysselsattning": "Ingen sysselsättning",
        },
        "detail": EXIT_DETAILS,
        "survey": {
            "inte_alls": "Inte alls",
            "till_liten_del": "Till liten del",
            "till_viss_del": "Till viss del",
            "till_stor_del": "Till stor del",
            "till_mycket_stor_del": "Till mycket stor del",
            "helt_och_hallet": "Helt och hållet",
            "ja": "Ja",
            "nej": "Nej",
        },
        "followup": {
            "arbete": "Arbete",
            "studier": "Studier",
            "aktivt_arbetssokande": "Aktivt arbetssökande",
            "fortsatt_rehabilitering": "Fortsatt rehabilitering",
            "sjukdom": "Sjukdom",
            "annat": "Övrigt",
            "ej_nadd": "Ej nådd",
        },
        # The groups that follow-ups and exits are compared in (indicators.followups.GROUPS).
        "followup_group": {
            "arbete_studier": "Arbete eller studier",
            "aktivt_arbetssokande": "Aktivt arbetssökande",
            "fortsatt_rehabilitering": "Fortsatt rehabilitering",
            "sjukdom": "Sjukdom",
            "annat": "Övrigt",
        },
        "payback_payer": {
            "kommun": "Kommunen",
            "region": "Regionen",
            "fk": "Försäkringskassan",
            "af": "Arbetsförmedlingen",
            "staten_ovrigt": "Staten i övrigt",
        },
    }
)

ALIASES["sysselsattning"] = {c: c for c in EMPLOYMENT}
ALIASES["sysselsattning"].update({fold(v): k for k, v in LABELS["employment"].items()})
ALIASES["sysselsattning"].update(
    {
        "ej_sub_arbete": "arbete_osubventionerat",
        "sub_arbete": "arbete_subventionerat",
        "arbete": "arbete_osubventionerat",
        "ingen": "ingen_sysselsattning",
    }
)
ALIASES["svar"] = {c: c for c in SURVEY_SCALE + SURVEY_YES_NO}
ALIASES["svar"].update({fold(v): k for k, v in LABELS["survey"].items()})
ALIASES["svar"].update({str(k + 1): c for k, c in enumerate(SURVEY_SCALE)})
ALIASES["status"] = {c: c for c in FOLLOWUP_STATUS}
ALIASES["status"].update({fold(v): k for k, v in LABELS["followup"].items()})
ALIASES["status"].update(
    {"ovrigt": "annat", "ej_nadd": "ej_nadd", "inte_nadd": "ej_nadd", "fortsatt_rehab": "fortsatt_rehabilitering"}
)


# Code lists of the optional inputs of issue 14 (continued rehabilitation, break-offs, applications,
# self-rated health) live in their own module; importing it adds them to LABELS and ALIASES.
from .codes_more import (  # noqa: E402
    APPLICATION_ACTORS,
    APPLICATION_DECISIONS,
    BREAKOFF_REASONS,
    CONTINUED_DESTINATIONS,
    HEALTH_ROUNDS,
    HEALTH_SCALE,
)

__all__ = [
    "APPLICATION_ACTORS",
    "APPLICATION_DECISIONS",
    "BREAKOFF_REASONS",
    "CONTINUED_DESTINATIONS",
    "HEALTH_ROUNDS",
    "HEALTH_SCALE",
]

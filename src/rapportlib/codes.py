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

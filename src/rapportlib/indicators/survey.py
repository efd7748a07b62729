"""The NNS participant questionnaire (*NNS-enkäten*): answer distributions per round and question."""

from __future__ import annotations

import pandas as pd

from ..codes import SURVEY_SCALE, SURVEY_YES_NO
from ._util import counts, share_or_none

#: Question texts, shipped with the package (seed 002 §2.5.3). Round 1: during the intervention,
#: about three months in; round 2: before exit. Questions 8–10 are asked at exit only; 8 is yes/no.
QUESTIONS = {
    1: {
        1: "Får du stöd på ett sätt som är till stor nytta för dig?",
        2: "Är du med och bestämmer vilket stöd du skall få?",
        3: "Får stödet ta den tid du behöver?",
        4: "Stödjer insatsen dig i kontakterna med myndigheterna och vården?",
        5: "Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?",
        6: "Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?",
        7: "Upplever du att personalen tar tillvara dina erfarenheter, kunskaper och synpunkter?",
    },
    2: {
        1: "Har du fått stöd på ett sätt som är till stor nytta för dig?",
        2: "Har du fått vara med och bestämma vilket stöd du får/har fått?",
        3: "Har stödet fått ta den tid du behövt?",
        4: "Har insatsen stöttat dig i kontakterna med myndigheterna och vården?",
        5: "Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?",
        6: "Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?",
        7: "Upplever du att personalen har tagit tillvara dina erfarenheter, kunskaper och synpunkter?",
        8: "Har ni påbörjat en planering för vad som ska hända efter att nuvarande stöd har upphört?",
        9: "Finns det en tillräcklig planering för vad som ska hända efter att detta stöd upphört?",
        10: "Kommer det som är planerat att påbörjas inom rimlig tid?",
    },
}
YES_NO_QUESTIONS = {(2, 8)}


def top_for(rnd: int, q: int, top: int, top_by_question: dict | None) -> int:
    """How many of the scale's highest steps count as positive for question ``q`` of round ``rnd``:
    ``top_by_question["rnd.q"]``, else ``top_by_question["q"]`` (every round), else ``top``."""
    found = top_by_question or {}
    return int(found.get(f"{rnd}.{q}", found.get(str(q), top)))


def survey_summary(answers: pd.DataFrame, top: int = 2, top_by_question: dict | None = None) -> dict:
    """*Deltagarenkät*: per round and question, the distribution of answers, the number ``n`` of
    answers, ``top_share`` = the share in the ``top`` highest steps of the scale (top two:
    "till mycket stor del" and "helt och hållet"; top three adds "till stor del"), and
    ``any_share`` = the share answering anything above "inte alls" (for yes/no questions both
    shares are the share "ja"). Shares are ``None`` for a question nobody answered.

    ``top_by_question`` sets another ``top`` for some questions (*topp-k per fråga*), keyed
    ``"9"`` (question 9 in every round) or ``"2.9"`` (round 2 only); each question's own ``top``
    is in its result.
    """
    for k in [top, *(top_by_question or {}).values()]:
        if not 1 <= k <= len(SURVEY_SCALE):
            raise ValueError(f"top must be 1–{len(SURVEY_SCALE)}, not {k}")
    result: dict = {"top": top, "rounds": {}}
    for rnd, questions in QUESTIONS.items():
        per_q = {}
        for q, text in questions.items():
            k = top_for(rnd, q, top, top_by_question)
            given = answers.loc[(answers["omgang"] == rnd) & (answers["fraga"] == q), "svar"]
            yes_no = (rnd, q) in YES_NO_QUESTIONS
            scale = SURVEY_YES_NO if yes_no else SURVEY_SCALE
            dist = counts(given, scale)
            n = int(given.isin(scale).sum())
            positive = dist["ja"] if yes_no else sum(dist[c] for c in SURVEY_SCALE[-k:])
            anything = dist["ja"] if yes_no else n - dist["inte_alls"]
            per_q[str(q)] = {
                "text": text,
                "scale": "ja_nej" if yes_no else "sexgradig",
                "n": n,
                "top": k,
                "distribution": dist,
                "top_share": share_or_none(positive, n),
                "any_share": share_or_none(anything, n),
            }
        result["rounds"][str(rnd)] = per_q
    return result

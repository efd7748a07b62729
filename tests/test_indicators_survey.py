"""The NNS participant questionnaire summary (indicators/survey.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from rapportlib.indicators.survey import survey_summary

SCALE = ("inte_alls", "till_liten_del", "till_viss_del", "till_stor_del", "till_mycket_stor_del", "helt_och_hallet")


def answers(*groups):
    """Answers frame from (round, question, answer, how many) groups."""
    rows = [(rnd, q, svar) for rnd, q, svar, k in groups for _ in range(k)]
    return pd.DataFrame.from_records(rows, columns=["omgang", "fraga", "svar"])


def sample():
    return answers(
        # round 1, question 1: 8 answers
        (1, 1, "inte_alls", 1),
        (1, 1, "till_liten_del", 1),
        (1, 1, "till_stor_del", 2),
        (1, 1, "till_mycket_stor_del", 1),
        (1, 1, "helt_och_hallet", 3),
        # round 1, question 2: 2 answers
        (1, 2, "inte_alls", 2),
        # round 2, question 8 (yes/no): 4 answers
        (2, 8, "ja", 3),
        (2, 8, "nej", 1),
        # round 2, question 3: 5 answers
        (2, 3, "till_viss_del", 4),
        (2, 3, "helt_och_hallet", 1),
    )


def test_distribution_and_n():
    q = survey_summary(sample())["rounds"]["1"]["1"]
    assert q["n"] == 8  # 1 + 1 + 2 + 1 + 3
    assert q["distribution"] == {
        "inte_alls": 1,
        "till_liten_del": 1,
        "till_viss_del": 0,
        "till_stor_del": 2,
        "till_mycket_stor_del": 1,
        "helt_och_hallet": 3,
    }
    assert q["scale"] == "sexgradig"
    assert q["text"] == "Får du stöd på ett sätt som är till stor nytta för dig?"


def test_top_two_share():
    result = survey_summary(sample(), top=2)
    assert result["top"] == 2
    q = result["rounds"]["1"]["1"]
    assert q["top_share"] == pytest.approx(0.5)  # (1 mycket stor + 3 helt) / 8
    assert result["rounds"]["2"]["3"]["top_share"] == pytest.approx(0.2)  # 1 helt / 5


def test_top_three_share():
    result = survey_summary(sample(), top=3)
    assert result["top"] == 3
    assert result["rounds"]["1"]["1"]["top_share"] == pytest.approx(0.75)  # (2 stor + 1 + 3) / 8
    assert result["rounds"]["2"]["3"]["top_share"] == pytest.approx(0.2)  # still 1 / 5: no "till stor del"


def test_default_top_is_two():
    assert survey_summary(sample())["rounds"]["1"]["1"]["top_share"] == pytest.approx(0.5)  # 4 / 8


def test_any_share():
    rounds = survey_summary(sample())["rounds"]
    assert rounds["1"]["1"]["any_share"] == pytest.approx(7 / 8)  # all but the 1 "inte alls"
    assert rounds["1"]["2"]["any_share"] == pytest.approx(0.0)  # 2 of 2 "inte alls"
    assert rounds["1"]["2"]["top_share"] == pytest.approx(0.0)
    assert rounds["2"]["3"]["any_share"] == pytest.approx(1.0)  # 5 of 5 above "inte alls"


def test_yes_no_question():
    q = survey_summary(sample(), top=3)["rounds"]["2"]["8"]
    assert q["scale"] == "ja_nej"
    assert q["n"] == 4  # 3 ja + 1 nej
    assert q["distribution"] == {"nej": 1, "ja": 3}
    assert q["top_share"] == pytest.approx(0.75)  # 3 ja / 4, whatever top is
    assert q["any_share"] == pytest.approx(0.75)


def test_question_nobody_answered():
    rounds = survey_summary(sample())["rounds"]
    # round 2, question 1 (round 1's question 1 was answered, round 2's not)
    q = rounds["2"]["1"]
    assert q["n"] == 0
    assert q["distribution"] == dict.fromkeys(SCALE, 0)
    assert q["top_share"] is None
    assert q["any_share"] is None
    assert rounds["2"]["9"]["n"] == 0


def test_every_question_of_both_rounds_is_listed():
    rounds = survey_summary(answers())["rounds"]  # no answers at all
    assert list(rounds) == ["1", "2"]
    assert list(rounds["1"]) == [str(q) for q in range(1, 8)]  # questions 1–7 during the intervention
    assert list(rounds["2"]) == [str(q) for q in range(1, 11)]  # 1–10 at exit
    assert all(q["n"] == 0 and q["top_share"] is None for r in rounds.values() for q in r.values())


@pytest.mark.parametrize("top", [0, 7, -1])
def test_invalid_top_raises(top):
    with pytest.raises(ValueError, match="top"):
        survey_summary(sample(), top=top)


def test_top_six_counts_every_step():
    q = survey_summary(sample(), top=6)["rounds"]["1"]["1"]
    assert q["top_share"] == pytest.approx(1.0)  # all 8 of 8, "inte alls" included


def test_top_one():
    q = survey_summary(sample(), top=1)["rounds"]["1"]["1"]
    assert q["top_share"] == pytest.approx(3 / 8)  # helt och hållet only

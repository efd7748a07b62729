"""Follow-up after exit set beside the result at exit (indicators/followups.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from rapportlib.indicators.followups import followup_summary, result_groups

from helpers_register import enrolment, register

START, END = "2021-01-01", "2021-12-31"
STATUSES = ("arbete", "studier", "aktivt_arbetssokande", "fortsatt_rehabilitering", "sjukdom", "annat")
GROUPS = ("arbete_studier", "aktivt_arbetssokande", "fortsatt_rehabilitering", "sjukdom", "annat")


def followups(*rows):
    """Follow-up frame from (id, month, date, status) tuples."""
    frame = pd.DataFrame.from_records(
        [(i + 2, *row) for i, row in enumerate(rows)], columns=["rad", "deltagar_id", "manad", "datum", "status"]
    )
    frame["manad"] = frame["manad"].astype("int64")
    frame["datum"] = pd.to_datetime(frame["datum"])
    return frame


def the_register():
    return register(
        # p1 is enrolled twice: arbete at the first exit, sjukdom at the second
        enrolment("p1", "2020-01-01", "2020-06-30", anledning="arbete"),
        enrolment("p1", "2020-09-01", "2021-03-31", anledning="sjukdom"),
        enrolment("p2", "2020-06-01", "2020-12-01", anledning="studier"),
        enrolment("p3", "2020-05-01", "2020-11-01", anledning="fortsatt_rehabilitering"),
        enrolment("p4", "2020-06-01", "2021-01-31", anledning="annat"),
        enrolment("p5", "2019-06-01", "2020-06-01", anledning="arbete"),
        enrolment("p6", "2019-06-01", "2020-02-01", anledning="arbete"),
    )


def the_followups():
    return followups(
        # 6 months after p1's second exit: the latest exit on or before 2021-10-01 is 2021-03-31 (sjukdom)
        ("p1", 6, "2021-10-01", "arbete"),
        ("p2", 6, "2021-06-01", "ej_nadd"),
        ("p3", 6, "2021-05-01", "aktivt_arbetssokande"),
        ("p4", 6, "2021-08-01", "arbete"),
        # 12 months after p1's first exit, during the second spell: matched to 2020-06-30 (arbete)
        ("p1", 12, "2021-01-15", "studier"),
        # a person missing from the register: reached, but no exit to match
        ("p7", 12, "2021-06-01", "annat"),
        # outside the period: ignored
        ("p5", 6, "2020-12-01", "sjukdom"),
        ("p6", 24, "2022-02-01", "arbete"),
    )


def summary():
    return followup_summary(the_followups(), the_register(), START, END)


def test_only_months_with_followups_in_the_period():
    assert set(summary()) == {"6", "12"}  # 18: none; 24: only p6, dated after the period


def test_counts_reached_and_not_reached():
    six = summary()["6"]
    assert six["n"] == 4  # p1, p2, p3, p4 (p5's is before the period)
    assert six["reached"] == 3  # p2 was not reached
    assert six["not_reached"] == 1
    assert six["counts"] == {
        "arbete": 2,  # p1, p4
        "studier": 0,
        "aktivt_arbetssokande": 1,  # p3
        "fortsatt_rehabilitering": 0,
        "sjukdom": 0,  # p5's sjukdom is outside the period
        "annat": 0,
    }
    assert "ej_nadd" not in six["counts"]


def test_shares_are_of_the_reached():
    six = summary()["6"]
    assert six["shares"]["arbete"] == pytest.approx(2 / 3)  # 2 of 3 reached (not of 4 followed up)
    assert six["shares"]["aktivt_arbetssokande"] == pytest.approx(1 / 3)
    assert six["shares"]["studier"] == pytest.approx(0.0)
    assert tuple(six["shares"]) == STATUSES


def test_groups_of_the_reached():
    groups = summary()["6"]["groups"]
    assert tuple(groups) == GROUPS
    assert groups["arbete_studier"]["count"] == 2  # p1, p4
    assert groups["arbete_studier"]["share"] == pytest.approx(2 / 3)
    assert groups["aktivt_arbetssokande"]["count"] == 1  # p3
    assert groups["aktivt_arbetssokande"]["share"] == pytest.approx(1 / 3)
    assert groups["sjukdom"] == {"count": 0, "share": pytest.approx(0.0)}


def test_at_exit_matches_the_latest_exit_before_the_followup():
    at_exit = summary()["6"]["at_exit"]
    assert at_exit["matched"] == 3  # p1, p3, p4 (p2 not reached)
    groups = at_exit["groups"]
    # p1 → sjukdom (second exit 2021-03-31, not arbete from the first); p3 → fortsatt; p4 → annat
    assert groups["arbete_studier"]["count"] == 0
    assert groups["sjukdom"]["count"] == 1
    assert groups["sjukdom"]["share"] == pytest.approx(1 / 3)
    assert groups["fortsatt_rehabilitering"]["count"] == 1
    assert groups["annat"]["count"] == 1
    assert groups["annat"]["share"] == pytest.approx(1 / 3)


def test_at_exit_does_not_use_a_later_exit():
    twelve = summary()["12"]
    assert twelve["n"] == 2  # p1, p7
    assert twelve["reached"] == 2
    assert twelve["counts"]["studier"] == 1 and twelve["counts"]["annat"] == 1
    assert twelve["shares"]["studier"] == pytest.approx(0.5)  # 1 of 2 reached
    # p1's follow-up on 2021-01-15 precedes the second exit (2021-03-31): matched to arbete (2020-06-30)
    assert twelve["at_exit"]["matched"] == 1  # p7 has no exit in the register
    assert twelve["at_exit"]["groups"]["arbete_studier"]["count"] == 1
    assert twelve["at_exit"]["groups"]["arbete_studier"]["share"] == pytest.approx(1.0)  # 1 of 1 matched
    assert twelve["at_exit"]["groups"]["sjukdom"]["count"] == 0


def test_followup_on_the_exit_day_matches_that_exit():
    reg = register(enrolment("q", "2020-01-01", "2021-06-01", anledning="studier"))
    result = followup_summary(followups(("q", 6, "2021-06-01", "arbete")), reg, START, END)
    assert result["6"]["at_exit"]["matched"] == 1  # on or before: the same day counts
    assert result["6"]["at_exit"]["groups"]["arbete_studier"]["count"] == 1


def test_period_boundaries_are_included():
    reg = register(enrolment("q", "2020-01-01", "2020-06-01", anledning="studier"))
    rows = followups(("q", 6, "2021-01-01", "arbete"), ("q", 12, "2021-12-31", "ej_nadd"),
                     ("q", 18, "2022-01-01", "arbete"))
    result = followup_summary(rows, reg, START, END)
    assert set(result) == {"6", "12"}  # first and last day in; the day after is not
    assert result["12"]["reached"] == 0
    assert result["12"]["not_reached"] == 1
    assert result["12"]["shares"]["arbete"] is None  # nobody reached
    assert result["12"]["at_exit"]["matched"] == 0
    assert result["12"]["at_exit"]["groups"]["arbete_studier"]["share"] is None


def test_no_followups_in_the_period():
    rows = followups(("p5", 6, "2020-12-01", "sjukdom"))
    assert followup_summary(rows, the_register(), START, END) == {}


# --- result_groups ------------------------------------------------------------------------------


def test_result_groups():
    counts = {"arbete": 2, "studier": 1, "fortsatt_rehabilitering": 1, "aktivt_arbetssokande": 3, "sjukdom": 1,
              "sjukersattning": 1, "annat": 0}
    result = result_groups(counts, 10)
    assert tuple(result) == GROUPS
    assert result["arbete_studier"]["count"] == 3  # 2 + 1
    assert result["arbete_studier"]["share"] == pytest.approx(0.3)  # 3 / 10
    assert result["aktivt_arbetssokande"]["share"] == pytest.approx(0.3)  # 3 / 10
    assert result["fortsatt_rehabilitering"]["share"] == pytest.approx(0.1)
    assert result["sjukdom"]["count"] == 2  # sjukdom 1 + sjukersättning 1
    assert result["sjukdom"]["share"] == pytest.approx(0.2)
    assert result["annat"] == {"count": 0, "share": pytest.approx(0.0)}


def test_result_groups_empty():
    result = result_groups({"arbete": 0}, 0)
    assert all(g["count"] == 0 and g["share"] is None for g in result.values())

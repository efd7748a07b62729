"""Outcomes split by sex, age band and sub-unit; exit details; active job seekers (indicators/outcomes.py)."""

from __future__ import annotations

import json

import pytest

from rapportlib.indicators.outcomes import (
    active_jobseekers,
    exit_details,
    outcomes_by_sex,
    outcomes_by_sex_age_band,
    outcomes_by_unit,
)

from helpers_register import enrolment, period_populations, register

START, END = "2021-01-01", "2021-12-31"
IN_GOAL = ("arbete", "studier", "fortsatt_rehabilitering")
SEXES = ("kvinna", "man")
REASONS = ("arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande", "sjukdom", "sjukersattning", "annat")
BANDS = ("15-29", "30-44", "45-59", "60-74")


def exits_of(*rows):
    return period_populations(register(*rows), START, END)["exits"]


def reason_counts(**found):
    """Counts per exit reason with every reason present (0 unless given)."""
    return {r: found.get(r, 0) for r in REASONS}


# --- outcomes_by_sex ---------------------------------------------------------------------------


def sex_exits():
    return exits_of(
        enrolment("k1", "2020-01-01", "2021-03-01", anledning="arbete", kon="kvinna"),
        enrolment("k2", "2020-01-01", "2021-04-01", anledning="sjukdom", kon="kvinna"),
        enrolment("k3", "2020-01-01", "2021-05-01", anledning="studier", kon="kvinna"),
        # 14 days → dropout by dates, although its reason is a goal reason
        enrolment("k4", "2021-06-01", "2021-06-15", anledning="arbete", kon="kvinna"),
        enrolment("m1", "2020-01-01", "2021-06-01", anledning="annat", kon="man"),
        enrolment("m2", "2021-01-10", "2021-08-01", anledning="arbete", kon="man", avhopp=True),  # dropout by flag
        enrolment("m3", "2020-01-01", kon="man"),  # still enrolled → not an exit
    )


def test_outcomes_by_sex_counts_and_shares():
    result = outcomes_by_sex(sex_exits(), IN_GOAL, SEXES)
    assert set(result) == {"kvinna", "man"}
    women = result["kvinna"]
    assert women["counts"] == reason_counts(arbete=1, studier=1, sjukdom=1)  # k1, k3, k2; k4 is a dropout
    assert women["denominator"] == 3  # k1, k2, k3
    assert women["in_goal"] == 2  # k1 arbete, k3 studier
    assert women["in_goal_share"] == pytest.approx(2 / 3)  # 2 of 3 counted exits
    men = result["man"]
    assert men["counts"] == reason_counts(annat=1)  # m1; m2 is a dropout by its flag
    assert men["denominator"] == 1
    assert men["in_goal"] == 0
    assert men["in_goal_share"] == pytest.approx(0.0)  # 0 of 1


def test_outcomes_by_sex_empty_sex_has_none_share():
    exits = exits_of(enrolment("k1", "2020-01-01", "2021-03-01", anledning="arbete", kon="kvinna"))
    result = outcomes_by_sex(exits, IN_GOAL, ("kvinna", "man", "annat"))
    assert result["man"] == {"counts": reason_counts(), "denominator": 0, "in_goal": 0, "in_goal_share": None}
    assert result["annat"]["denominator"] == 0
    assert result["kvinna"]["in_goal_share"] == pytest.approx(1.0)  # 1 of 1


def test_outcomes_by_sex_follows_the_goal_rule():
    # With aktivt_arbetssokande in goal and arbete not, only the reasons in the rule count.
    result = outcomes_by_sex(sex_exits(), ("aktivt_arbetssokande", "sjukdom"), SEXES)
    assert result["kvinna"]["in_goal"] == 1  # k2 sjukdom
    assert result["kvinna"]["in_goal_share"] == pytest.approx(1 / 3)


# --- outcomes_by_sex_age_band ------------------------------------------------------------------


def test_outcomes_by_sex_age_band_takes_age_in_the_exit_year():
    exits = exits_of(
        # enrolled 2020 aged 29, exits 2021 aged 2021 − 1991 = 30 → 30-44 (not 15-29)
        enrolment("a", "2020-06-01", "2021-03-01", anledning="arbete", kon="kvinna", fodelsear=1991),
        # 2021 − 1992 = 29 → 15-29
        enrolment("b", "2020-06-01", "2021-03-01", anledning="sjukdom", kon="kvinna", fodelsear=1992),
        # 2021 − 1976 = 45 → 45-59
        enrolment("c", "2020-06-01", "2021-04-01", anledning="studier", kon="man", fodelsear=1976),
        # 2021 − 1961 = 60 → 60-74
        enrolment("d", "2020-06-01", "2021-04-01", anledning="annat", kon="man", fodelsear=1961),
        # 2021 − 1962 = 59 → 45-59
        enrolment("e", "2020-06-01", "2021-05-01", anledning="fortsatt_rehabilitering", kon="man", fodelsear=1962),
        # 2021 − 1946 = 75 → no band, counted nowhere
        enrolment("f", "2020-06-01", "2021-05-01", anledning="arbete", kon="man", fodelsear=1946),
        # dropout (flag), 2021 − 1990 = 31 → left out although 30-44
        enrolment("g", "2021-01-10", "2021-05-01", anledning="arbete", kon="kvinna", fodelsear=1990, avhopp=True),
    )
    result = outcomes_by_sex_age_band(exits, IN_GOAL, SEXES)
    assert set(result) == {"kvinna", "man"}
    assert all(tuple(result[sex]) == BANDS for sex in SEXES)
    women, men = result["kvinna"], result["man"]
    assert women["30-44"]["counts"] == reason_counts(arbete=1)  # a only; g is a dropout
    assert women["30-44"]["in_goal_share"] == pytest.approx(1.0)  # 1 of 1
    assert women["15-29"]["counts"] == reason_counts(sjukdom=1)  # b
    assert women["15-29"]["in_goal_share"] == pytest.approx(0.0)  # 0 of 1
    assert women["45-59"]["denominator"] == 0
    assert women["45-59"]["in_goal_share"] is None
    assert men["45-59"]["counts"] == reason_counts(studier=1, fortsatt_rehabilitering=1)  # c, e
    assert men["45-59"]["in_goal"] == 2
    assert men["45-59"]["in_goal_share"] == pytest.approx(1.0)  # 2 of 2
    assert men["60-74"]["counts"] == reason_counts(annat=1)  # d
    assert men["15-29"]["denominator"] == 0 and men["30-44"]["denominator"] == 0
    # f (75) is in no band: men's denominators add up to 3 (c, d, e), not 4
    assert sum(men[band]["denominator"] for band in BANDS) == 3


# --- outcomes_by_unit --------------------------------------------------------------------------


def test_outcomes_by_unit_groups_missing_unit():
    exits = exits_of(
        enrolment("a", "2020-01-01", "2021-03-01", anledning="arbete", delinsats="MAC"),
        enrolment("b", "2020-01-01", "2021-04-01", anledning="sjukdom", delinsats="MAC"),
        enrolment("c", "2020-01-01", "2021-05-01", anledning="studier", delinsats="Salix"),
        enrolment("d", "2020-01-01", "2021-06-01", anledning="annat"),  # no unit
        # dropouts are left out: "Upplevelse" has only a dropout, so it does not appear
        enrolment("e", "2021-02-01", "2021-02-20", delinsats="Upplevelse"),
        enrolment("f", "2021-02-01", "2021-02-20", delinsats="MAC"),
    )
    result = outcomes_by_unit(exits, IN_GOAL)
    assert set(result) == {"MAC", "Salix", "(ingen delinsats)"}
    assert result["MAC"]["counts"] == reason_counts(arbete=1, sjukdom=1)  # a, b; f is a dropout
    assert result["MAC"]["denominator"] == 2
    assert result["MAC"]["in_goal"] == 1  # a
    assert result["MAC"]["in_goal_share"] == pytest.approx(0.5)  # 1 of 2
    assert result["Salix"]["in_goal_share"] == pytest.approx(1.0)  # c: 1 of 1
    assert result["(ingen delinsats)"]["counts"] == reason_counts(annat=1)  # d
    assert result["(ingen delinsats)"]["in_goal_share"] == pytest.approx(0.0)  # 0 of 1


def test_outcomes_by_unit_empty_without_units():
    exits = exits_of(
        enrolment("a", "2020-01-01", "2021-03-01", anledning="arbete"),
        enrolment("b", "2020-01-01", "2021-04-01", anledning="sjukdom"),
    )
    assert outcomes_by_unit(exits, IN_GOAL) == {}


def test_outcomes_by_unit_empty_when_only_dropouts_have_units():
    exits = exits_of(
        enrolment("a", "2020-01-01", "2021-03-01", anledning="arbete"),
        enrolment("e", "2021-02-01", "2021-02-20", delinsats="Salix"),  # 19 days → dropout
    )
    assert outcomes_by_unit(exits, IN_GOAL) == {}


def test_outcomes_by_unit_without_the_column():
    exits = exits_of(enrolment("a", "2020-01-01", "2021-03-01", anledning="arbete")).drop(columns="delinsats")
    assert outcomes_by_unit(exits, IN_GOAL) == {}


# --- exit_details ------------------------------------------------------------------------------

SECRET = "Flyttat till Kalle Anka i Norge"


def detail_exits():
    return exits_of(
        enrolment("a", "2020-01-01", "2021-02-01", anledning="annat", detalj="Föräldraledig"),
        enrolment("b", "2020-01-01", "2021-02-02", anledning="annat", detalj="  FÖRÄLDRALEDIG "),
        enrolment("c", "2020-01-01", "2021-02-03", anledning="annat", detalj="Flyttat"),
        enrolment("d", "2020-01-01", "2021-02-04", anledning="annat", detalj=SECRET),
        enrolment("e", "2020-01-01", "2021-02-05", anledning="annat", detalj=None),
        enrolment("f", "2020-01-01", "2021-02-06", anledning="annat", detalj="   "),
        enrolment("g", "2020-01-01", "2021-02-07", anledning="sjukdom", detalj="Behov av vård"),
        enrolment("h", "2020-01-01", "2021-02-08", anledning="sjukdom", detalj="Behov av medicinsk rehabilitering"),
        enrolment("i", "2020-01-01", "2021-02-09", anledning="sjukdom", detalj="Vill inte delta"),
        # arbete is not among the reasons split up
        enrolment("j", "2020-01-01", "2021-02-10", anledning="arbete", detalj="Flyttat"),
        # a dropout: left out whatever its detail says
        enrolment("k", "2021-03-01", "2021-03-10", anledning="annat", detalj="Pension"),
    )


def test_exit_details_folds_free_text_to_known_kinds():
    result = exit_details(detail_exits())
    assert set(result) == {"annat", "sjukdom", "sjukersattning"}
    assert result["annat"] == {
        "foraldraledig": 2,  # a, b (case, spaces and å/ä/ö folded)
        "flyttat": 1,  # c
        "annan_uppgift": 1,  # d: free text that is no known kind
        "uppgift_saknas": 2,  # e (none), f (blank)
    }  # k (pension) is a dropout
    assert result["sjukdom"] == {
        "behov_av_vard": 1,  # g
        "behov_av_medicinsk_rehabilitering": 1,  # h
        "vill_inte_delta": 1,  # i
    }
    assert result["sjukersattning"] == {}  # nobody exited to sjukersättning


def test_exit_details_never_publishes_free_text():
    text = json.dumps(exit_details(detail_exits()), ensure_ascii=False)
    assert SECRET not in text
    assert "Kalle" not in text and "Norge" not in text
    assert "Föräldraledig" not in text and "FÖRÄLDRALEDIG" not in text  # only folded codes
    assert "pension" not in text  # the dropout's detail is not counted


def test_exit_details_of_chosen_reasons():
    result = exit_details(detail_exits(), reasons=("arbete",))
    assert result == {"arbete": {"flyttat": 1}}  # j


# --- active_jobseekers -------------------------------------------------------------------------


def jobseeker_exits():
    return exits_of(
        enrolment("a", "2020-01-01", "2021-02-01", anledning="aktivt_arbetssokande"),  # by reason
        # by employment status after exit
        enrolment("b", "2020-01-01", "2021-03-01", anledning="annat", syss_efter=("ingen_sysselsattning",
                                                                                  "aktivt_arbetssokande")),
        # in goal: left out although seeking work after exit
        enrolment("c", "2020-01-01", "2021-04-01", anledning="fortsatt_rehabilitering",
                  syss_efter=("aktivt_arbetssokande",)),
        enrolment("d", "2020-01-01", "2021-05-01", anledning="sjukdom", syss_efter=("ingen_sysselsattning",)),
        enrolment("e", "2021-06-01", "2021-06-20", anledning="aktivt_arbetssokande"),  # 19 days → dropout
        enrolment("f", "2020-01-01", "2021-07-01", anledning="arbete"),
        # seeking work *before* enrolment does not count
        enrolment("g", "2020-01-01", "2021-08-01", anledning="sjukersattning", syss_fore=("aktivt_arbetssokande",)),
    )


def test_active_jobseekers_by_reason_or_status_after():
    result = active_jobseekers(jobseeker_exits(), IN_GOAL)
    assert result["count"] == 2  # a (reason), b (status after); c is in goal, e a dropout
    assert result["share"] == pytest.approx(2 / 6)  # counted exits a, b, c, d, f, g = 6
    assert result["by_reason"] == reason_counts(aktivt_arbetssokande=1, annat=1)  # a, b


def test_active_jobseekers_excludes_reasons_in_goal():
    # with aktivt_arbetssokande itself in goal, a is in goal and left out
    result = active_jobseekers(jobseeker_exits(), (*IN_GOAL, "aktivt_arbetssokande"))
    assert result["count"] == 1  # b
    assert result["share"] == pytest.approx(1 / 6)
    assert result["by_reason"] == reason_counts(annat=1)


def test_active_jobseekers_without_employment_columns():
    exits = exits_of(
        enrolment("a", "2020-01-01", "2021-02-01", anledning="aktivt_arbetssokande"),
        enrolment("b", "2020-01-01", "2021-03-01", anledning="annat"),
        enrolment("c", "2020-01-01", "2021-04-01", anledning="arbete"),
    )
    assert "sysselsattning_efter" not in exits
    result = active_jobseekers(exits, IN_GOAL)
    assert result["count"] == 1  # a, by its reason
    assert result["share"] == pytest.approx(1 / 3)  # 1 of 3 counted exits


def test_active_jobseekers_no_counted_exits():
    exits = exits_of(enrolment("e", "2021-06-01", "2021-06-20", anledning="aktivt_arbetssokande"))  # dropout
    result = active_jobseekers(exits, IN_GOAL)
    assert result["count"] == 0
    assert result["share"] is None  # no counted exits

"""Results at exit and the share "i mål" (data contract §3, §5 ``outcomes``)."""

from __future__ import annotations

import json

import pytest

from rapportlib.indicators.outcomes import outcomes

from helpers_register import enrolment, period_populations, register

START, END = "2021-01-01", "2021-12-31"
IN_GOAL = ("arbete", "studier", "fortsatt_rehabilitering")
SEXES = ("kvinna", "man")
REASONS = ("arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande", "sjukdom", "sjukersattning", "annat")


def exits_of(*rows):
    return period_populations(register(*rows), START, END)["exits"]


def mixed_exits():
    return exits_of(
        enrolment("a", "2020-06-01", "2021-03-01", anledning="arbete", kon="kvinna"),
        enrolment("b", "2020-06-01", "2021-04-01", anledning="studier", kon="man"),
        enrolment("c", "2021-02-01", "2021-02-20", kon="kvinna"),  # 19 days, no reason → dropout by dates
        enrolment("d", "2020-01-01", "2021-05-01", anledning="sjukdom", kon="kvinna"),
        # flagged ja: a dropout although it has a goal reason; must not count as arbete
        enrolment("e", "2021-01-10", "2021-06-01", anledning="arbete", avhopp=True, kon="man"),
        enrolment("f", "2020-09-01", "2021-10-01", anledning="fortsatt_rehabilitering", kon="man"),
        # flagged nej: counted although only one month long
        enrolment("g", "2021-03-01", "2021-04-01", anledning="aktivt_arbetssokande", avhopp=False, kon="kvinna"),
        enrolment("h", "2021-03-01", kon="man"),  # open → not an exit
        enrolment("i", "2019-01-01", "2020-12-31", anledning="arbete", kon="kvinna"),  # exit before the period
    )


def test_counts_leave_dropouts_out():
    result = outcomes(mixed_exits(), IN_GOAL, SEXES)
    assert result["counts"] == {
        "arbete": 1,  # a only: e is a dropout, i exited before the period
        "studier": 1,  # b
        "fortsatt_rehabilitering": 1,  # f
        "aktivt_arbetssokande": 1,  # g (nej overrides the one-month duration)
        "sjukdom": 1,  # d
        "sjukersattning": 0,
        "annat": 0,
    }
    assert result["without_reason"] == 0  # c has no reason but is a dropout


def test_denominator_is_exits_minus_dropouts():
    exits = mixed_exits()
    assert len(exits) == 7  # a, b, c, d, e, f, g
    result = outcomes(exits, IN_GOAL, SEXES)
    assert result["denominator"] == 5  # 7 exits − 2 dropouts (c, e)


def test_in_goal_and_share():
    result = outcomes(mixed_exits(), IN_GOAL, SEXES)
    assert result["in_goal"] == 3  # a (arbete), b (studier), f (fortsatt_rehabilitering)
    assert result["in_goal_share"] == pytest.approx(0.6)  # 3 in goal of 5 counted
    assert result["in_goal_by_sex"] == {"kvinna": 1, "man": 2}  # a / b, f (e is a dropout)


def test_in_goal_follows_the_teams_rule():
    result = outcomes(mixed_exits(), ("arbete",), SEXES)
    assert result["in_goal"] == 1  # only a
    assert result["in_goal_share"] == pytest.approx(0.2)  # 1 of 5 counted → 0.2
    assert result["in_goal_by_sex"] == {"kvinna": 1, "man": 0}


def test_counts_have_every_reason_and_ints():
    result = outcomes(mixed_exits(), IN_GOAL, SEXES)
    assert tuple(result["counts"]) == REASONS
    assert all(type(v) is int for v in result["counts"].values())
    assert type(result["denominator"]) is int
    assert type(result["in_goal"]) is int


def test_without_reason_counts_counted_exits_lacking_a_reason():
    exits = exits_of(
        enrolment("a", "2020-06-01", "2021-03-01", kon="kvinna"),  # 9 months, no reason → counted, no reason
        enrolment("b", "2020-06-01", "2021-03-01", anledning="arbete", kon="man"),
    )
    result = outcomes(exits, IN_GOAL, SEXES)
    assert result["without_reason"] == 1
    assert result["denominator"] == 2  # both counted
    assert result["in_goal_share"] == pytest.approx(0.5)


def test_no_exits_gives_none_not_nan_or_zero():
    exits = exits_of(enrolment("h", "2021-03-01"))  # nobody exits
    result = outcomes(exits, IN_GOAL, SEXES)
    assert result["denominator"] == 0
    assert result["in_goal"] == 0
    assert result["in_goal_share"] is None  # 0 / 0 → null, not NaN, not 0
    assert result["counts"] == dict.fromkeys(REASONS, 0)
    assert result["in_goal_by_sex"] == {"kvinna": 0, "man": 0}
    json.dumps(result, allow_nan=False)


def test_only_dropouts_gives_none_share():
    exits = exits_of(
        enrolment("c", "2021-02-01", "2021-02-20"),  # 19 days → dropout
        enrolment("e", "2021-02-01", "2021-09-01", anledning="arbete", avhopp=True),  # ja → dropout
    )
    result = outcomes(exits, IN_GOAL, SEXES)
    assert result["denominator"] == 0  # 2 exits − 2 dropouts
    assert result["in_goal"] == 0
    assert result["in_goal_share"] is None


def test_in_goal_by_sex_with_annat():
    exits = exits_of(
        enrolment("a", "2020-06-01", "2021-03-01", anledning="arbete", kon="annat"),
        enrolment("b", "2020-06-01", "2021-03-01", anledning="studier", kon="kvinna"),
        enrolment("c", "2020-06-01", "2021-03-01", anledning="sjukdom", kon="annat"),  # not in goal
    )
    result = outcomes(exits, IN_GOAL, ("kvinna", "man", "annat"))
    assert result["in_goal_by_sex"] == {"kvinna": 1, "man": 0, "annat": 1}  # b / – / a
    assert result["in_goal_share"] == pytest.approx(2 / 3)  # a, b of 3 counted

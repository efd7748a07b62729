"""Swedish number formats: no-break-space thousands, decimal comma, true minus; ".." for a missing
figure and "–" for a hidden one; periods in words; one rounding per kind of figure."""

from __future__ import annotations

import pytest

from rapportlib import fmt

NBSP = "\u00a0"
MINUS = "\u2212"


def test_number_thousands_with_no_break_space():
    assert fmt.number(2150000) == "2\u00a0150\u00a0000"
    assert fmt.number(999) == "999"  # no separator below a thousand
    assert fmt.number(1000) == "1\u00a0000"
    assert fmt.number(0) == "0"


def test_number_decimal_comma():
    assert fmt.number(16.83, 1) == "16,8"
    assert fmt.number(1234.5, 1) == "1\u00a0234,5"  # both separators at once
    assert fmt.number(999.96, 1) == "1\u00a0000,0"  # rounds up into the thousands
    assert fmt.number(2.0, 2) == "2,00"


def test_negative_numbers_use_true_minus():
    assert fmt.number(-20000) == "\u221220\u00a0000"
    assert fmt.number(-16.84, 1) == MINUS + "16,8"
    assert "-" not in fmt.number(-5)


def test_negative_that_rounds_to_zero_has_no_sign():
    assert fmt.number(-0.04, 1) == "0,0"  # −0.04 shown with one decimal is 0,0, not −0,0
    assert fmt.number(-0.4) == "0"


def test_missing_is_two_dots_and_hidden_is_an_en_dash():
    for func in (fmt.number, fmt.percent, fmt.months, fmt.kronor, fmt.years, fmt.age, fmt.change, fmt.fte):
        assert func(None) == ".."
        assert func(fmt.HIDDEN) == "\u2013"


def test_one_rounding_per_kind_of_figure():
    assert fmt.percent(0.625) == f"62,5{NBSP}%"  # every share: one decimal
    assert fmt.change(-0.7777) == f"{MINUS}78{NBSP}%"  # a relative change: whole per cent
    assert fmt.set_share(0.55) == f"55{NBSP}%" and fmt.set_share(0.225) == f"22,5{NBSP}%"  # as the team set it
    assert fmt.age(38.04) == f"38{NBSP}år" and fmt.age(35.7) == f"36{NBSP}år"  # ages: whole years
    assert fmt.fte(3.61) == "3,61" and fmt.ratio(0.5346) == "0,53"
    assert fmt.set_months(12) == f"12{NBSP}mån" and fmt.duration(12) == f"12{NBSP}månader"
    assert fmt.duration(1) == f"1{NBSP}månad"


def test_count_takes_the_noun_in_the_right_number():
    assert fmt.count(1, "deltagare") == "1 deltagare"
    assert fmt.count(1, "avslut") == "1 avslut"
    assert fmt.count(3, "person", "personer") == "3 personer"
    assert fmt.count(0, "tidigt avhopp", "tidiga avhopp") == "0 tidiga avhopp"


def test_percent():
    assert fmt.percent(0.625) == "62,5\u00a0%"
    assert fmt.percent(1.0) == "100,0\u00a0%"
    assert fmt.percent(0) == "0,0\u00a0%"  # zero is a value, not missing
    assert fmt.percent(0.5, 0) == "50\u00a0%"
    assert fmt.percent(-0.05) == MINUS + "5,0\u00a0%"


def test_months_and_years():
    assert fmt.months(16.8) == "16,8\u00a0mån"
    assert fmt.months(0.0) == "0,0\u00a0mån"  # zero is a value, not missing
    assert fmt.years(7.94) == "7,9\u00a0år"


def test_kronor():
    assert fmt.kronor(2150000) == "2\u00a0150\u00a0000\u00a0kr"
    assert fmt.kronor(-20000) == "\u221220\u00a0000\u00a0kr"
    assert fmt.kronor(0) == "0\u00a0kr"
    assert fmt.kronor(1499.6) == "1\u00a0500\u00a0kr"  # whole kronor


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["arbete"], "arbete"),
        (["arbete", "studier"], "arbete eller studier"),
        (["arbete", "studier", "rehabilitering"], "arbete, studier eller rehabilitering"),
    ],
)
def test_enumeration(items, expected):
    assert fmt.enumeration(items) == expected


def test_window_label_reads_as_months_not_years():
    assert fmt.window("2021-07-01", "2022-06-30") == "juli 2021 \u2013 juni 2022"
    assert fmt.window("2019-01-01", "2019-12-31") == "jan\u2013dec 2019"
    assert fmt.window("2015-07-01", "2016-06-30") == "juli 2015 \u2013 juni 2016"  # not "1507–1606"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2018-01-01", "2018-12-31", "januari\u2013december 2018"),
        ("2021-07-01", "2022-06-30", "juli 2021 \u2013 juni 2022"),  # spaces: its parts are several words
        ("2022-01-01", "2022-06-30", "januari\u2013juni 2022"),
        ("2022-03-01", "2022-03-31", "mars 2022"),
        ("2022-03-15", "2022-06-30", "15 mars \u2013 30 juni 2022"),
        ("2021-03-15", "2022-03-14", "15 mars 2021 \u2013 14 mars 2022"),
    ],
)
def test_period_in_words(start, end, expected):
    assert fmt.period(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        ("2018-01-01", "2018-12-31", "Helårsrapport"),
        ("2021-07-01", "2022-06-30", "Helårsrapport"),
        ("2020-01-01", "2020-12-31", "Helårsrapport"),  # a leap year is twelve months too
        ("2022-01-01", "2022-06-30", "Delårsrapport"),
        ("2022-01-01", "2022-08-31", "Delårsrapport"),
        ("2021-03-15", "2021-09-14", "Delårsrapport"),
        ("2021-01-01", "2022-06-30", "Verksamhetsrapport"),
    ],
)
def test_report_kind_from_the_period(start, end, kind):
    assert fmt.report_kind(start, end) == kind


def test_halves_round_up_as_readers_expect():
    from rapportlib import fmt

    assert fmt.percent(0.625, 0) == "63\u00a0%"  # 62.5 → 63, not banker's 62
    assert fmt.number(2.675, 2) == "2,68"  # the decimal 2.675 as written, not its binary neighbour
    assert fmt.number(-0.4) == "0"  # rounds to zero: no minus sign
    assert fmt.number(-0.5) == "\u22121"  # half away from zero

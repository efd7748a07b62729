"""Swedish number formats: no-break-space thousands, decimal comma, true minus, en dash for missing."""

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


def test_none_is_en_dash():
    for func in (fmt.number, fmt.percent, fmt.months, fmt.kronor, fmt.years):
        assert func(None) == "\u2013"


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


def test_window_label():
    assert fmt.window("2021-07-01", "2022-06-30") == "2107\u20132206"
    assert fmt.window("2019-01-01", "2019-12-31") == "1901\u20131912"


def test_halves_round_up_as_readers_expect():
    from rapportlib import fmt

    assert fmt.percent(0.625, 0) == "63\u00a0%"  # 62.5 → 63, not banker's 62
    assert fmt.number(2.675, 2) == "2,68"  # the decimal 2.675 as written, not its binary neighbour
    assert fmt.number(-0.4) == "0"  # rounds to zero: no minus sign
    assert fmt.number(-0.5) == "\u22121"  # half away from zero

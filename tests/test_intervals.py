"""The disclosure programs (privacy/intervals.py) on a 2 × 2 table computed by hand: the range of a
hidden cell, and the same answers with fewer solves where the solutions found are kept."""

import itertools

import pytest

from rapportlib.privacy.intervals import Intervals
from rapportlib.privacy.model import Model

# a b | 10      a = 2, b = 8, c = 3, d = 7: every cell hidden, the margins published.
# c d | 10      a ranges over 0 … 5 (a + c = 5), b over 5 … 10, c over 0 … 5, d over 5 … 10.
# 5 15  20
VALUES = {"a": 2, "b": 8, "c": 3, "d": 7, "r1": 10, "r2": 10, "k1": 5, "k2": 15, "t": 20}


@pytest.fixture
def model():
    m = Model()
    a, b, c, d = m.cells(4)
    cells = {"a": [a], "b": [b], "c": [c], "d": [d], "r1": [a, b], "r2": [c, d], "k1": [a, c], "k2": [b, d],
             "t": [a, b, c, d]}  # fmt: skip
    for key, which in cells.items():
        m.add(VALUES, [(key,)], which, weight=1, crossed=2 if len(key) == 1 else 1)
    return m


MARGINS = {"r1", "r2", "k1", "k2", "t"}


def _counting(lp: Intervals) -> list:
    solves, solve = [], lp._solve
    lp._solve = lambda *args: solves.append(1) or solve(*args)
    return solves


def test_the_range_of_a_hidden_cell_is_what_the_margins_leave(model):
    lp = Intervals(model, MARGINS)
    ranges = {k: lp.range(model.figures[k]) for k in "abcd"}
    assert {k: (r.low, r.high) for k, r in ranges.items()} == {"a": (0, 5), "b": (5, 10), "c": (0, 5), "d": (5, 10)}
    assert Intervals(model, MARGINS | {"a"}).range(model.figures["d"]).width == 0, "a and the margins pin d"


def test_kept_solutions_answer_the_same_with_fewer_solves(model):
    plain, observing = Intervals(model, MARGINS), Intervals(model, MARGINS, observe=True)
    plain_solves, observing_solves = _counting(plain), _counting(observing)
    for key, need in itertools.product("abcd", (0.5, 1, 3, 5, 6)):
        fig = model.figures[key]
        assert observing.wide_enough(fig, need, 1e-6) == plain.wide_enough(fig, need, 1e-6), (key, need)
        assert observing.width_up_to(fig, need) == plain.width_up_to(fig, need), (key, need)
    assert len(observing_solves) < len(plain_solves)


def test_a_figure_shown_again_forgets_the_solutions_found_without_it(model):
    lp = Intervals(model, MARGINS, observe=True)
    lp.range(model.figures["a"])
    assert lp.seen_width(model.figures["a"]) == 5 and lp.seen_width(model.figures["d"]) == 5
    with lp.without("k1"), lp.without("k2"):
        lp.range(model.figures["a"])  # without the column sums, a can reach 10
        assert lp.seen_width(model.figures["a"]) == 10
    assert lp.seen_width(model.figures["a"]) == 0, "solutions without the column sums may break them"
    assert lp.width_up_to(model.figures["a"], 10) == 5

"""Property-based disclosure control: on random small registers, after protection no hidden small
count can be narrowed down, by everything the report publishes together, below its protection
range (the threshold, or what the always-published one-attribute tables leave when that is less)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapportlib.indicators import compute
from rapportlib.params import Rules
from rapportlib.privacy import audit, protect, ranges
from rapportlib.privacy.figures import build
from rapportlib.privacy.intervals import Intervals
from rapportlib.privacy.model import lookup
from rapportlib.privacy.suppression import always_published, sensitive

from helpers_register import enrolment, register

START, END = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
SOURCES = ("forsorjningsstod", "sjukpenning", "lon")
REASONS = ("arbete", "studier", "fortsatt_rehabilitering", "aktivt_arbetssokande", "sjukdom", "sjukersattning", "annat")


@st.composite
def enrolments(draw, i: int) -> dict:
    """One enrolment around the period 2021: enrolled in 2020–2021, exited or not."""
    start = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 700)))
    stay = draw(st.one_of(st.none(), st.integers(1, 500)))
    exit_ = None if stay is None or start + dt.timedelta(days=stay) > END else start + dt.timedelta(days=stay)
    return enrolment(
        f"p{i}",
        start.isoformat(),
        exit_ and exit_.isoformat(),
        kon=draw(st.sampled_from(["kvinna", "man", "kvinna", "man", "annat"])),
        fodelsear=draw(st.integers(1948, 2007)),
        anledning=draw(st.sampled_from(REASONS)) if exit_ else None,
        avhopp=draw(st.sampled_from([None, None, True, False])) if exit_ else None,
        remittent=draw(st.sampled_from(["af", "fk", "kommun", "region", "annan"])),
        delinsats=draw(st.sampled_from([None, "A", "B", "C"])),
        utbildning=draw(st.sampled_from([None, "grundskola", "gymnasium"])),
        fore=tuple(draw(st.lists(st.sampled_from(SOURCES), max_size=2, unique=True))),
    )


@st.composite
def indicators(draw) -> dict:
    n = draw(st.integers(2, 30))
    rows = [draw(enrolments(i)) for i in range(n)]
    in_goal = tuple(draw(st.lists(st.sampled_from(REASONS), min_size=1, max_size=3, unique=True)))
    population = draw(st.sampled_from(["in_goal", "all_exits"]))
    rules = Rules(in_goal=in_goal, throughput_population=population)
    return compute(register(*rows), team="slump", start=START, end=END, rules=rules)


def _nones(tree, prefix=()):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from [prefix + (key,)] if value is None else _nones(value, prefix + (key,))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from _nones(value, prefix + (str(i),))


@pytest.mark.parametrize(("threshold", "strict"), [(3, False), (5, False), (3, True), (5, True)])
@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(ind=indicators())
def test_no_hidden_small_count_can_be_narrowed_down(ind, threshold, strict):
    pub = protect(ind, threshold, strict)
    assert audit(pub, ind) == []
    # The same, checked here on its own: each hidden small count's range, given everything published,
    # is at least the threshold wide (or unbounded), or as wide as the always-published figures alone
    # leave it, which no suppression can widen.
    model = build(ind)
    small = [f for f in model.figures.values() if sensitive(f, threshold, strict)]
    found = ranges(pub, ind)
    base = Intervals(model, {k for k, f in model.figures.items() if always_published(f, strict)})
    for fig in small:
        assert fig.key in found, f"{fig.key} is published"
        width, alone = found[fig.key].width, base.range(fig).width
        assert width >= threshold or width >= alone - 1e-6, (fig.key, found[fig.key], alone)
    # Every path that protection set to None is listed (itself or a parent) in privacy.suppressed.
    listed = pub["privacy"]["suppressed"]
    for path in _nones(pub):
        if lookup(ind, path, None) is not None:
            key = ".".join(path)
            assert any(key == p or key.startswith(p + ".") for p in listed), key

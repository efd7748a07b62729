"""Disclosure control for the report as a whole (issue 11): the subtraction attack is closed, the
audit catches a table-by-table protection on every render, what the examples publish now and why
that is safe, and figures that belong to one person (the peak day, extreme ages, small means)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from rapportlib.checks import ConsistencyError
from rapportlib.cli import main
from rapportlib.indicators import compute
from rapportlib.params import Rules
from rapportlib.pipeline import indicators_for
from rapportlib.privacy import audit, check, month_text, protect, ranges
from rapportlib.privacy.model import lookup

from helpers_register import enrolment, register

ROOT = Path(__file__).resolve().parents[1]
START, END = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
APPENDIX = "outcomes.by_sex_age_band"


def _path(key: str) -> tuple[str, ...]:
    return tuple(key.split("."))


def _publish(pub: dict, values: dict[str, int]) -> dict:
    """``pub`` with the given figures published (as a table-by-table protection would show them)."""
    leaky = copy.deepcopy(pub)
    for key, value in values.items():
        path = _path(key)
        lookup(leaky, path[:-1])[path[-1]] = value
    return leaky


def _people(n: int, prefix: str, kon: str, born: int, reasons: tuple[str, ...]) -> list[dict]:
    ended = dict(kon=kon, fodelsear=born)
    return [
        enrolment(f"{prefix}{i}", "2020-06-01", "2021-06-30", anledning=reasons[i % len(reasons)], **ended)
        for i in range(n)
    ]


def _attacked_rows() -> list[dict]:
    """Exits in 2021, none early: one woman aged 15–29, six aged 30–44, five aged 45–59; men 5, 6, 6."""
    return (
        _people(1, "a", "kvinna", 2000, ("arbete",))
        + _people(6, "b", "kvinna", 1985, ("studier", "sjukdom", "fortsatt_rehabilitering"))
        + _people(5, "c", "kvinna", 1970, ("sjukdom", "annat", "fortsatt_rehabilitering"))
        + _people(5, "d", "man", 2000, ("arbete", "sjukdom"))
        + _people(6, "e", "man", 1985, ("studier", "annat"))
        + _people(6, "f", "man", 1970, ("fortsatt_rehabilitering", "sjukdom"))
    )


@pytest.fixture(scope="module")
def attacked() -> dict:
    return compute(register(*_attacked_rows()), team="t", start=START, end=END, rules=Rules())


#: The subtraction of the issue: the women's total in the outcome × sex table, minus the appendix's
#: other age bands, minus the exits aged 60–74 (age bands of exits) gives the appendix's hidden cell.
CELL = f"{APPENDIX}.kvinna.15-29.denominator"
TERMS = (
    "outcomes.by_sex.kvinna.denominator",
    f"{APPENDIX}.kvinna.30-44.denominator",
    f"{APPENDIX}.kvinna.45-59.denominator",
    f"{APPENDIX}.kvinna.60-74.denominator",
)


def test_the_subtraction_attack_of_the_issue_is_closed(attacked):
    ind = attacked
    total, b30, b45, b60 = (lookup(ind, _path(k)) for k in TERMS)
    assert (total, b30, b45, b60, ind["age_bands"]["exits"]["60-74"]) == (12, 6, 5, 0, 0)
    assert total - b30 - b45 - b60 == lookup(ind, _path(CELL)) == 1  # one woman aged 15–29
    pub = protect(ind, 5)
    assert lookup(pub, _path(CELL)) is None
    # One of the terms is hidden (the appendix's 45–59), and nothing else published closes the gap:
    # the cell can be anything from 0 to 6 (the six exits aged 15–29).
    assert [lookup(pub, _path(k)) for k in TERMS] == [12, 6, None, 0]
    found = ranges(pub, ind)[CELL]
    assert (found.low, found.high) == (0, 6)
    assert audit(pub, ind) == []


def test_a_table_by_table_protection_fails_the_audit_naming_the_figure_not_its_value(attacked):
    ind = attacked
    pub = protect(ind, 5)
    # Table by table, the appendix's 45–59 (5) was shown: each table on its own hid two cells per line.
    leaky = _publish(pub, {TERMS[2]: 5})
    exposed = {e.key: e for e in audit(leaky, ind)}
    assert (exposed[CELL].range.low, exposed[CELL].range.high) == (1, 1)
    with pytest.raises(ConsistencyError) as caught:
        check(leaky, ind)
    lines = str(caught.value).splitlines()
    assert f"Kontroll misslyckades: Röjandeskydd: {CELL}: döljs men kan räknas ut" in "\n".join(lines)
    for line in lines:  # the figure's path and the width it needs (one number), never a value or a range
        key = line.split("Röjandeskydd: ")[1].split(":")[0]
        assert len(re.findall(r"\d+", line.replace(key, ""))) == 1, line


def test_every_render_runs_the_audit_and_stops_with_exit_3(monkeypatch, capsys, tmp_path):
    from rapportlib import pipeline

    protect_first = pipeline.published_indicators
    monkeypatch.setattr(pipeline, "published_indicators", lambda p, ind: _publish(protect_first(p, ind), {TERMS[2]: 5}))
    rows = ["deltagar_id,kon,fodelsear,inskrivningsdatum,avslutsdatum,avslutsanledning,remittent"]
    for e in _attacked_rows():
        rows.append(f"{e['deltagar_id']},{e['kon']},{e['fodelsear']},2020-06-01,2021-06-30,{e['avslutsanledning']},af")
    (tmp_path / "deltagare.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    params = tmp_path / "t.yml"
    params.write_text(
        "team: t\nname: Test\nperiod: {start: 2021-01-01, end: 2021-12-31}\ndata: {participants: deltagare.csv}\n",
        encoding="utf-8",
    )
    assert main(["indicators", str(params)]) == 3
    err = capsys.readouterr().err
    assert f"Röjandeskydd: {CELL}" in err and "Traceback" not in err


# --- the examples: what is published now that was hidden before, and why that is safe -------------


@pytest.fixture(scope="module")
def examples() -> dict:
    found = {}
    for name in ("avesta/2018", "avesta/2021-22", "vasteras/2020"):
        _, ind = indicators_for(ROOT / f"params/{name}.yml")
        found[name] = (ind, protect(ind, 5))
    return found


#: Figures the table-by-table protection hid and the report publishes now (all were hidden as
#: secondary suppressions beside a hidden small cell of the appendix).
NOW_PUBLISHED = {
    "avesta/2018": {f"{APPENDIX}.kvinna.15-29.in_goal": 0},
    "vasteras/2020": {
        f"{APPENDIX}.kvinna.15-29.in_goal": 0,
        f"{APPENDIX}.kvinna.60-74.denominator": 0,
        f"{APPENDIX}.kvinna.60-74.in_goal": 0,
        f"{APPENDIX}.man.60-74.denominator": 0,
        f"{APPENDIX}.man.60-74.in_goal": 0,
    },
}


def test_the_examples_publish_figures_that_were_hidden_before(examples):
    for name, figures in NOW_PUBLISHED.items():
        ind, pub = examples[name]
        assert {k: lookup(pub, _path(k)) for k in figures} == figures, name
        assert audit(pub, ind) == [], name


def test_why_the_newly_published_figures_are_safe(examples):
    # The appendix's 60–74 cells are 0 because nobody aged 60–74 exited (age bands of exits, always
    # published): hidden, they would still be known to be 0, so hiding them protected nothing.
    ind, pub = examples["vasteras/2020"]
    assert ind["age_bands"]["exits"]["60-74"] == 0
    for key in [k for k in NOW_PUBLISHED["vasteras/2020"] if "60-74" in k]:
        hidden = _publish(pub, {key: None})
        assert (ranges(hidden, ind)[key].low, ranges(hidden, ind)[key].high) == (0, 0), key
    # "0 in goal" of the women aged 15–29 is published, and their number stays hidden: it can still be
    # anything from 0 to all exits aged 15–29 (3 in Avesta 2018, 7 in Västerås 2020), so it says
    # nothing about any one of them.
    for name, band_exits in (("avesta/2018", 3), ("vasteras/2020", 7)):
        ind, pub = examples[name]
        cell = f"{APPENDIX}.kvinna.15-29"
        assert ind["age_bands"]["exits"]["15-29"] == band_exits
        found = ranges(pub, ind)
        for key in (f"{cell}.denominator", f"{cell}.(ej i mål)"):
            assert (found[key].low, found[key].high) == (0, band_exits), (name, key)


#: Figures the table-by-table protection published that gave a hidden small count away.
LEAKS = {
    # early dropouts per sex: exits per sex (sex table) − counted exits per sex (outcome × sex, Summa)
    "avesta/2018": ({"outcomes.by_sex.kvinna.denominator": 9, "outcomes.by_sex.man.denominator": 9}, [
        "outcomes.by_sex.kvinna.(tidiga avhopp)", "outcomes.by_sex.man.(tidiga avhopp)"]),
    # women and men to "annat": counted exits per sex − work − the other small reasons, within 1–4
    "avesta/2021-22": ({"outcomes.by_sex.kvinna.counts.arbete": 7, "outcomes.by_sex.man.counts.arbete": 5}, [
        "outcomes.by_sex.kvinna.counts.annat", "outcomes.by_sex.man.counts.annat"]),
    # the issue's attack on the example: 21 women − 9 (30–44) − 8 (45–59) − 0 (60–74) = 4 aged 15–29
    "vasteras/2020": ({f"{APPENDIX}.kvinna.30-44.denominator": 9, f"{APPENDIX}.kvinna.45-59.denominator": 8,
                       "outcomes.by_sex.kvinna.denominator": 21}, [f"{APPENDIX}.kvinna.15-29.denominator"]),
}


def test_what_the_examples_hide_now_was_giving_small_counts_away(examples):
    for name, (shown_before, exposed) in LEAKS.items():
        ind, pub = examples[name]
        assert all(lookup(pub, _path(k)) is None for k in shown_before), name
        found = {e.key for e in audit(_publish(pub, shown_before), ind)}
        assert set(exposed) <= found, (name, found)


def test_every_hidden_path_is_listed(examples):
    for name, (_, pub) in examples.items():
        listed = pub["privacy"]["suppressed"]
        for s in pub["outcomes"]["by_sex"]:
            if pub["outcomes"]["by_sex"][s]["in_goal"] is None:
                assert f"outcomes.by_sex.{s}.in_goal_share" in listed, name  # derived figures too
        for unit, figures in pub["outcomes"]["by_unit"].items():
            assert (figures["in_goal"] is None) == (f"outcomes.by_unit.{unit}.in_goal" in listed), name


# --- figures that belong to one person ------------------------------------------------------------


def test_the_peak_day_is_published_as_its_month(examples):
    ind, pub = examples["avesta/2021-22"]
    assert ind["capacity"]["peak_date"] == "2021-11-28"
    assert pub["capacity"]["peak_date"] == "november 2021" == month_text("2021-11-28")
    assert "2021-11-28" not in json.dumps(pub)
    assert examples["vasteras/2020"][1]["capacity"]["peak_date"] == "mars 2020"


def _small_team(n_end: int, women_exits: int = 0) -> dict:
    rows = [enrolment(f"s{i}", "2021-02-01", kon="kvinna", fodelsear=1980 + i) for i in range(n_end)]
    rows += [enrolment(f"x{i}", "2021-02-01", "2021-09-30", kon="man", anledning="arbete") for i in range(6)]
    rows += [enrolment(f"w{i}", "2021-02-01", "2021-10-31", anledning="arbete") for i in range(women_exits)]
    return compute(register(*rows), team="t", start=START, end=END, rules=Rules())


def test_youngest_and_oldest_only_for_a_population_at_the_threshold():
    pub = protect(_small_team(3), 5)
    age = pub["age"]["active_end"]
    assert (age["min"], age["max"], age["mean"]) == (None, None, None)
    assert {"age.active_end.min", "age.active_end.max", "age.active_end.mean"} <= set(pub["privacy"]["suppressed"])
    shown = protect(_small_team(5), 5)["age"]["active_end"]
    assert (shown["min"], shown["max"]) == (2021 - 1984, 2021 - 1980)


def test_a_mean_over_fewer_than_the_threshold_is_hidden():
    ind = _small_team(5, women_exits=2)
    assert ind["sex"]["exits"] == {"kvinna": 2, "man": 6}
    assert ind["throughput"]["months"]["kvinna"] is not None and ind["age"]["exits"]["kvinna"] is not None
    pub = protect(ind, 5)
    assert pub["throughput"]["months"]["man"] is not None and pub["age"]["exits"]["man"] is not None
    assert pub["throughput"]["months"]["kvinna"] is None and pub["age"]["exits"]["kvinna"] is None
    assert {"throughput.months.kvinna", "age.exits.kvinna"} <= set(pub["privacy"]["suppressed"])
    assert audit(pub, ind) == []


def test_the_solver_prints_nothing_on_standard_output():
    # HiGHS writes a banner on file descriptor 1 the first time a solver is made; `rapport
    # indicators` prints JSON there.
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "rapportlib.cli", "indicators", "params/avesta/2018.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["capacity"]["peak_date"] == "december 2018"

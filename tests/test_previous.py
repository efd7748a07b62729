"""The previous period beside the key figures (issue 14, part 3): which period it is, when the
register covers it, its figures under the same rules and protection, and how the cover, the summary
and the tables show it."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from rapportlib import fmt
from rapportlib.checks.table_sums import table_sums
from rapportlib.indicators import compute
from rapportlib.indicators.previous import changes, covers, previous_period
from rapportlib.params import Rules
from rapportlib.privacy import audit, protect, ranges
from rapportlib.privacy.model import lookup
from rapportlib.report import Report
from rapportlib.sentences import summary
from rapportlib.tables import flow_table, outcome_table, throughput_table

from helpers_register import enrolment, register

ROOT = Path(__file__).resolve().parents[1]
RULES = Rules(trial_months=2, in_goal=("arbete", "studier"), throughput_population="all_exits")
START, END = dt.date(2021, 1, 1), dt.date(2021, 12, 31)


def _computed(rows: list[dict], start=START, end=END) -> dict:
    """What ``pipeline.compute_indicators`` gives: the period's indicators and, when the register
    covers it, ``previous``."""
    from rapportlib.indicators.previous import comparison

    reg = register(*rows)
    ind = compute(reg, team="t", start=start, end=end, rules=RULES)
    if covers(reg, start, end):
        p_start, p_end = previous_period(start, end)
        ind["previous"] = comparison(ind, compute(reg, team="t", start=p_start, end=p_end, rules=RULES), reg)
    return ind


def _exits(prefix: str, n: int, start: str, end: str, reason: str = "arbete", **kw) -> list[dict]:
    return [enrolment(f"{prefix}{i:03d}", start, end, anledning=reason, **kw) for i in range(n)]


# ---------------------------------------------------------------- the period and its coverage


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        ("2021-01-01", "2021-12-31", ("2020-01-01", "2020-12-31")),
        ("2021-07-01", "2022-06-30", ("2020-07-01", "2021-06-30")),
        ("2022-01-01", "2022-06-30", ("2021-07-01", "2021-12-31")),
        ("2021-03-01", "2021-03-31", ("2021-02-01", "2021-02-28")),
        ("2021-03-15", "2021-04-14", ("2021-02-12", "2021-03-14")),  # not whole months: as many days
    ],
)
def test_the_previous_period_has_the_same_length_and_ends_the_day_before(start, end, before):
    got = previous_period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert tuple(d.isoformat() for d in got) == before


def test_a_register_that_begins_in_the_period_has_no_previous_period():
    ind = _computed(_exits("A", 6, "2021-02-01", "2021-10-01"))
    assert "previous" not in ind
    assert "previous" not in protect(ind)


def test_a_team_that_began_during_the_previous_period_is_compared_with_it():
    rows = _exits("A", 6, "2020-09-01", "2021-03-01") + _exits("B", 5, "2021-02-01", "2021-11-01", "studier")
    ind = _computed(rows)
    before = ind["previous"]
    assert before["period"] == {"start": "2020-01-01", "end": "2020-12-31"} and before["started"] is True
    assert before["flows"]["active_start"] == 0 and before["flows"]["new"] == 6 and before["flows"]["exits"] == 0
    assert before["flows"]["active_end"] == ind["flows"]["active_start"] == 6  # one population, one total
    assert before["change"]["flows"]["served"] == 11 - 6 and before["change"]["flows"]["new"] == 5 - 6
    pub = protect(ind)
    assert pub["previous"]["started"] is True and "Teamet skrev in sina första" in flow_table(pub).note


def test_a_previous_period_with_nobody_is_all_zeros_and_its_result_has_no_figure():
    rows = _exits("O", 6, "2018-01-01", "2018-09-01") + _exits("A", 6, "2021-02-01", "2021-10-01")
    pub = protect(_computed(rows))
    before = pub["previous"]
    assert before["started"] is False
    assert all(v == 0 for v in before["flows"].values())
    assert before["outcomes"]["in_goal_share"] is None and before["throughput"]["months"]["all"] is None
    assert before["change"]["outcomes"]["in_goal_share"] is None and before["change"]["flows"]["served"] == 6
    assert not [k for k in pub["privacy"]["suppressed"] if k.startswith("previous")]  # missing, not hidden
    sentence = summary(pub)
    assert "Jämfört med föregående period (januari–december 2020) hade teamet fler deltagare (6 mot 0)." in sentence
    assert "andel i mål" not in sentence.split("Jämfört")[1]
    assert throughput_table(pub).rows[1][1] == fmt.MISSING


def test_changes_are_now_minus_before_and_missing_with_either_side():
    now = {"flows": {"new": 10}, "outcomes": {"in_goal_share": 0.5}, "throughput": {"months": {"all": None}}}
    before = {"flows": {"new": 14}, "outcomes": {"in_goal_share": 0.25}, "throughput": {"months": {"all": 3.0}}}
    assert changes(now, before) == {
        "flows": {"new": -4},
        "outcomes": {"in_goal_share": 0.25},
        "throughput": {"months": {"all": None}},
    }


# ---------------------------------------------------------------- protection of both periods


def _strict_case() -> dict:
    """Strict protection: 2 exits to work in the previous period (a small count), 9 in all."""
    rows = (
        _exits("P", 2, "2019-06-01", "2020-05-01", "arbete")
        + _exits("Q", 7, "2019-06-01", "2020-06-01", "studier")
        + _exits("R", 6, "2020-06-01", "2021-05-01", "arbete")
        + _exits("S", 6, "2020-06-01", "2021-06-01", "studier")
    )
    return _computed(rows)


def test_a_hidden_previous_count_hides_its_change_too():
    ind = _strict_case()
    pub = protect(ind, threshold=5, strict=True)
    before, suppressed = pub["previous"], pub["privacy"]["suppressed"]
    assert ind["previous"]["outcomes"]["counts"]["arbete"] == 2
    assert before["outcomes"]["counts"]["arbete"] is None and "previous.outcomes.counts.arbete" in suppressed
    assert before["change"]["outcomes"]["counts"]["arbete"] is None
    assert "previous.change.outcomes.counts.arbete" in suppressed
    assert before["outcomes"]["denominator"] == 9 and before["flows"]["exits"] == 9  # totals stay
    assert audit(pub, ind) == []
    # the table shows "–" in both columns, and its sums still hold
    table = outcome_table(pub)
    row = next(r for r in table.rows if r[0] == "Arbete")
    assert row[-2:] == [fmt.DASH, fmt.DASH]
    assert all(c.ok for c in table_sums([("outcome", table)]))


def test_a_change_beside_a_hidden_side_would_give_it_away_and_the_audit_says_so():
    ind = _strict_case()
    pub = protect(ind, threshold=5, strict=True)
    leaky = copy.deepcopy(pub)
    leaky["previous"]["change"]["outcomes"]["counts"]["arbete"] = (
        ind["outcomes"]["counts"]["arbete"] - ind["previous"]["outcomes"]["counts"]["arbete"]
    )
    if lookup(leaky, ("outcomes", "counts", "arbete")) is None:  # the period's own is hidden too: show it
        leaky["outcomes"]["counts"]["arbete"] = ind["outcomes"]["counts"]["arbete"]
    found = [e.key for e in audit(leaky, ind)]
    assert "previous.outcomes.counts.arbete" in found


def test_the_audit_reads_the_previous_period_with_its_own_model():
    ind = _strict_case()
    pub = protect(ind, threshold=5, strict=True)
    leaky = copy.deepcopy(pub)
    leaky["previous"]["outcomes"]["counts"]["arbete"] = 2  # a small count published outright
    found = audit(leaky, ind)
    assert "previous.outcomes.counts.arbete" in [e.key for e in found]
    assert all(e.key.startswith("previous.") for e in found)  # the period's own stay safe
    assert "previous.outcomes.counts.arbete" in ranges(pub, ind)


def test_the_examples_publish_their_previous_period_and_pass_the_audit():
    from rapportlib.prepare import prepare

    prepared = prepare(ROOT / "params/avesta/2018.yml")
    before = prepared.indicators["previous"]
    assert before["period"] == {"start": "2017-01-01", "end": "2017-12-31"}
    # the men's mean throughput time of 2017 rests on fewer than 5: hidden, and its change with it
    assert before["throughput"]["months"]["man"] is None
    assert {"previous.throughput.months.man", "previous.change.throughput.months.man"} <= set(
        prepared.indicators["privacy"]["suppressed"]
    )
    assert set(before) == {"period", "flows", "outcomes", "throughput", "started", "change"}


# ---------------------------------------------------------------- cover, summary and tables


@pytest.fixture(scope="module")
def avesta():
    from rapportlib.prepare import prepare

    return prepare(ROOT / "params/avesta/2021-22.yml")


def test_the_cover_shows_the_previous_value_and_the_change_in_text_and_words(avesta):
    block = Report(avesta).title_block()
    assert "Period: juli 2021 – juni 2022, jämförs med juli 2020 – juni 2021" in block.html
    assert (
        '<span class="kpi-prev">Föregående period: 56 <span aria-hidden="true">(+11)</span>'
        '<span class="visually-hidden">, en ökning med 11</span></span>'
    ) in block.html
    assert "Föregående period: 21,3\u00a0mån" in block.html and "en minskning med 4,5 månader" in block.html
    assert "en ökning med 1,6 procentenheter" in block.html
    assert block.markdown.startswith("| Mått | Värde | Föregående period | Förändring |")
    assert "| Deltagare under perioden | 67 | 56 | \\+11 |" in block.markdown  # "+" escaped for pandoc
    assert ": Nyckeltal; föregående period juli 2020 – juni 2021 {#tbl-kpi}" in block.markdown


def test_without_a_previous_period_the_cover_is_as_before(avesta):
    ind = {k: v for k, v in avesta.indicators.items() if k != "previous"}
    block = Report(dataclasses.replace(avesta, indicators=ind)).title_block()
    assert "kpi-prev" not in block.html and "jämförs med" not in block.html
    assert block.markdown.startswith("| Mått | Värde |\n")
    assert "Jämfört med" not in summary(ind)


def test_the_summary_compares_by_value(avesta):
    text = summary(avesta.indicators)
    assert (
        "Jämfört med föregående period (juli 2020 – juni 2021) hade teamet fler deltagare (67 mot 56), en större "
        "andel i mål (62,5 % mot 60,9 %) och en kortare genomströmningstid (16,8 mot 21,3 månader)."
    ) in text.replace("\u00a0", " ")


def test_the_tables_show_the_previous_period_and_their_sums_hold(avesta):
    ind = avesta.indicators
    flows = flow_table(ind)
    assert flows.columns == ["", "Perioden", "Föregående period", "Förändring"]
    assert flows.rows[0] == ["Inskrivna vid periodens början", "33", "42", "−9"]
    assert "Föregående period: juli 2020 – juni 2021." in flows.note
    outcomes = outcome_table(ind)
    assert outcomes.columns[-2:] == ["Föregående period", "Förändring"]
    assert outcomes.rows[-1][-2:] == ["14 (60,9\u00a0%)", "+1 (+1,6\u00a0procentenheter)"]
    checks = table_sums([("outcome", outcomes)])
    assert checks and all(c.ok for c in checks) and "alla 3 summor" in checks[0].detail  # the changes too
    through = throughput_table(ind)
    assert [r[0] for r in through.rows] == ["Perioden", "Föregående period", "Förändring"]
    assert through.rows[2][1] == "−4,5\u00a0mån"


def test_the_placeholders_of_the_previous_period_read_like_their_figures(avesta):
    from rapportlib.narrative import default_format

    ind = avesta.indicators
    assert default_format("previous.outcomes.in_goal_share", ind["previous"]["outcomes"]["in_goal_share"]) == (
        "60,9\u00a0%"
    )
    assert default_format("previous.throughput.months.all", 21.3) == "21,3\u00a0månader"
    assert default_format("previous.change.flows.served", 11) == "+11"
    assert default_format("previous.change.outcomes.in_goal_share", 0.016) == "+1,6\u00a0procentenheter"
    assert default_format("previous.change.throughput.months.all", -4.5) == "−4,5\u00a0månader"

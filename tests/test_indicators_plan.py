"""A plan's figures on tiny hand-computed inputs (indicators/plan.py, load/context.py, plan.py)."""

from __future__ import annotations

import pytest

from rapportlib.errors import InputError
from rapportlib.indicators.plan import (
    by_kommun,
    capacity_targets,
    context_statistics,
    kommun_share,
    plan_budget,
    staff_roles,
    timeline,
)
from rapportlib.load.context import read_context
from rapportlib.plan import plan_checks, protect_counts

from helpers_register import enrolment, register

HEADER = "kalla,omrade,matt,manad,kon,klass,antal\n"


def _context(tmp_path, body: str):
    path = tmp_path / "kontext.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return read_context(path)


def test_context_sums_classes_and_keeps_the_files_total_row_apart(tmp_path):
    frame = _context(
        tmp_path,
        "FK,Ort,AE,201710,Kvinna,19 år,2\nFK,Ort,AE,2017-10,man,19 år,1\n"
        "FK,Ort,AE,2017-10,kvinna,20–24 år,6\nFK,Ort,AE,2017-10,man,20–24 år,7\n"
        "FK,Ort,AE,2017-10,kvinna,Summa,8\nFK,Ort,AE,2017-10,man,Summa,9\n",
    )
    (series,) = context_statistics(frame)
    assert series["manad"] == "2017-10"
    assert series["classes"] == [
        {"klass": "19 år", "kvinna": 2, "man": 1, "totalt": 3},
        {"klass": "20–24 år", "kvinna": 6, "man": 7, "totalt": 13},
    ]
    assert series["total"] == {"kvinna": 8, "man": 8, "totalt": 16}  # 2 + 6, 1 + 7
    assert series["declared_total"] == {"kvinna": 8, "man": 9}
    checks = plan_checks({"context": [series]})
    assert [c.ok for c in checks] == [True, False]  # the file says 9 men; its rows give 8


def test_context_without_total_row_or_area(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("kalla,matt,manad,kon,klass,antal\nSCB,Befolkning,2020-01,man,Alla,4\n", encoding="utf-8")
    (series,) = context_statistics(read_context(path))
    assert series["omrade"] == "" and series["declared_total"] is None
    assert plan_checks({"context": [series]}) == []


def test_context_problems_name_row_and_column(tmp_path):
    with pytest.raises(InputError) as exc:
        _context(tmp_path, "FK,Ort,AE,oktober,kvinna,19 år,2\nFK,Ort,AE,2017-10,kvinna,19 år,två\n")
    text = [str(p) for p in exc.value.problems]
    assert any("rad 2" in t and "manad" in t for t in text)
    assert any("rad 3" in t and "antal" in t for t in text)


def test_capacity_targets_imply_a_mean_time_enrolled():
    c = capacity_targets({"concurrent": 30, "per_year": 50, "max_months": 12})
    assert c["implied_months"] == pytest.approx(7.2)  # 30 / 50 × 12
    assert capacity_targets({"max_months": 12})["implied_months"] is None


def test_plan_budget_sums_sub_lines_in_kronor():
    b = plan_budget(
        {
            "unit": "tkr",
            "income": {"Förbundet": 600, "Annan": 300},
            "costs": {"Personal": {"A": 0, "B": 320}, "Lokaler": 80},
        }
    )
    assert b["income"]["total"] == 900_000
    assert [(line["post"], line["amount"]) for line in b["costs"]["lines"]] == [
        ("Personal", 320_000),
        ("Lokaler", 80_000),
    ]
    assert b["costs"]["lines"][0]["lines"] == [{"post": "A", "amount": 0.0}, {"post": "B", "amount": 320_000.0}]
    assert b["balance"] == 500_000  # 900 − 400 tkr
    assert plan_budget({"costs": {"X": 5}})["costs"]["total"] == 5  # in kronor by default


def test_staff_roles_and_timeline():
    import datetime as dt

    assert staff_roles([{"roll": "Coach", "organisation": "Kommunen", "fte": 1}]) == [
        {"roll": "Coach", "organisation": "Kommunen", "fte": 1.0}
    ]
    steps = timeline([{"when": dt.date(2018, 4, 1), "what": "Start"}, {"when": "hösten 2018", "what": "Budget"}])
    assert steps == [{"when": "2018-04", "what": "Start"}, {"when": "hösten 2018", "what": "Budget"}]


def test_by_kommun_counts_persons_and_share():
    reg = register(enrolment("a", "2020-01-01"), enrolment("b", "2020-01-01"), enrolment("c", "2020-01-01"))
    reg["kommun"] = ["Säter", "Hedemora", None]
    counts = by_kommun(reg)
    assert counts == {"(uppgift saknas)": 1, "Hedemora": 1, "Säter": 1}
    share = kommun_share(counts, "sater")
    assert (share["count"], share["of"], share["share"]) == (1, 3, pytest.approx(1 / 3))


def test_protect_counts_hides_small_and_the_next_smallest():
    assert protect_counts({"A": 37, "B": 18}, 5) == ({"A": 37, "B": 18}, [])
    assert protect_counts({"A": 37, "B": 3, "C": 9}, 5) == ({"A": 37, "B": None, "C": None}, ["B", "C"])
    assert protect_counts({"A": 37, "B": 3, "C": 2}, 5) == ({"A": 37, "B": None, "C": None}, ["B", "C"])
    assert protect_counts({"A": 3}, 0) == ({"A": 3}, [])


def test_plan_vs_outcome_takes_a_line_with_sub_lines_as_their_sum():
    import pandas as pd

    from rapportlib.indicators.economy import plan_vs_outcome

    budget = pd.DataFrame({"post": ["Personal"], "budget": [700_000.0], "utfall": [600_000.0]})
    result = plan_vs_outcome({"unit": "tkr", "costs": {"Personal": {"Coach": 300, "Ledare": 320}}}, budget)
    (line,) = result["costs"]["lines"]
    assert (line["plan"], line["outcome"], line["difference"]) == (620_000, 600_000, 20_000)

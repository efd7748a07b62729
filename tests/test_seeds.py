"""The example data reproduce the seed reports' published figures (where the seeds agree with themselves)."""

from pathlib import Path

import pytest

from rapportlib.pipeline import indicators_for

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def avesta_2022():
    return indicators_for(ROOT / "params/avesta/2021-22.yml")[1]


@pytest.fixture(scope="module")
def avesta_2018():
    return indicators_for(ROOT / "params/avesta/2018.yml")[1]


@pytest.fixture(scope="module")
def vasteras_2020():
    return indicators_for(ROOT / "params/vasteras/2020.yml")[1]


def test_avesta_2021_22_flows_and_result(avesta_2022):
    ind = avesta_2022
    # Seed 000: 33 + 34 − 24 = 43 (the text's "34 at start" contradicts its own 67 served).
    assert ind["flows"] == {
        "active_start": 33,
        "new": 34,
        "exits": 24,
        "early_dropouts": 0,
        "active_end": 43,
        "served": 67,
        "persons_served": 67,
    }
    assert ind["sex"]["active_end"] == {"kvinna": 23, "man": 20}
    assert ind["sex"]["new"] == {"kvinna": 20, "man": 14}
    assert ind["sex"]["served"] == {"kvinna": 37, "man": 30}
    o = ind["outcomes"]
    assert o["counts"] == {
        "arbete": 12,
        "studier": 2,
        "fortsatt_rehabilitering": 1,
        "aktivt_arbetssokande": 0,
        "sjukdom": 0,
        "sjukersattning": 1,
        "annat": 8,
    }
    assert (o["in_goal"], o["denominator"], o["in_goal_share"]) == (15, 24, 0.625)
    assert o["in_goal_by_sex"] == {"kvinna": 9, "man": 6}


def test_avesta_2021_22_throughput_age_and_tables(avesta_2022):
    ind = avesta_2022
    months = ind["throughput"]["months"]
    assert ind["throughput"]["population"] == "all_exits"
    assert [round(months[k], 1) for k in ("all", "kvinna", "man")] == [16.8, 16.8, 16.8]
    history = ind["throughput"]["history"]
    assert [(h["start"][:7], h["end"][:7]) for h in history] == [
        ("2019-01", "2019-12"),
        ("2019-07", "2020-06"),
        ("2020-01", "2020-12"),
        ("2020-07", "2021-06"),
        ("2021-01", "2021-12"),
        ("2021-07", "2022-06"),
    ]
    assert [round(h["months"], 1) for h in history] == [17.8, 17.8, 20.5, 21.3, 25.2, 16.8]
    age = ind["age"]["active_end"]
    assert (round(age["mean"]), age["min"], age["max"]) == (38, 20, 58)
    assert age["n_30_or_younger"] == 12 and round(age["share_30_or_younger"], 2) == 0.28
    assert [round(ind["age"]["exits"][k], 1) for k in ("mean", "kvinna", "man")] == [35.7, 35.1, 36.5]
    assert [round(ind["benefit_years"]["exits"][k], 1) for k in ("mean", "kvinna", "man")] == [7.0, 7.9, 5.6]
    assert ind["referrer"]["new"] == {"af": 2, "fk": 2, "kommun": 14, "region": 16, "annan": 0}
    assert ind["referrer"]["active_end"] == {"af": 4, "fk": 2, "kommun": 18, "region": 19, "annan": 0}
    assert ind["payer"]["new"] == {"kommun": 16, "fk": 14, "af": 0, "ingen_offentlig": 4}
    assert ind["payer"]["active_end"] == {"kommun": 23, "fk": 16, "af": 0, "ingen_offentlig": 4}


def test_avesta_2021_22_budget(avesta_2022):
    total = avesta_2022["budget"]["total"]
    assert total == {"budget": 2_300_000, "outcome": 1_189_650, "remaining": 1_110_350, "forecast": 10_000}


def test_avesta_2018(avesta_2018):
    ind = avesta_2018
    assert ind["flows"] == {
        "active_start": 38,
        "new": 44,
        "exits": 21,
        "early_dropouts": 3,
        "active_end": 61,
        "served": 82,
        "persons_served": 82,
    }
    assert ind["sex"]["active_end"] == {"kvinna": 39, "man": 22}
    assert ind["sex"]["new"] == {"kvinna": 32, "man": 12}
    o = ind["outcomes"]
    assert (
        o["counts"]["arbete"],
        o["counts"]["studier"],
        o["counts"]["fortsatt_rehabilitering"],
        o["counts"]["sjukersattning"],
        o["counts"]["annat"],
    ) == (5, 3, 3, 0, 7)
    assert (o["in_goal"], o["denominator"], round(o["in_goal_share"], 2)) == (11, 18, 0.61)
    months = ind["throughput"]["months"]
    assert ind["throughput"]["population"] == "in_goal"
    assert [round(months[k], 1) for k in ("all", "kvinna", "man")] == [17.4, 16.3, 18.4]
    # Seed 001's history table (1601–1612 … 1801–1812); the contract asks for six windows.
    assert [round(h["months"], 1) for h in ind["throughput"]["history"][1:]] == [13.2, 13.0, 14.0, 15.6, 17.4]
    age = ind["age"]["active_end"]
    assert (round(age["mean"]), age["min"], age["max"]) == (42, 21, 60)
    assert round(ind["benefit_years"]["exits"]["mean"], 1) == 4.2
    assert ind["payer"]["new"] == {"kommun": 25, "fk": 16, "af": 2, "ingen_offentlig": 1}
    assert ind["budget"]["total"]["budget"] == 2_700_000
    assert ind["budget"]["total"]["outcome"] == 2_212_598
    assert ind["budget"]["total"]["remaining"] == 487_402


def test_vasteras_2020(vasteras_2020):
    ind = vasteras_2020
    # Seed 002: 47 new (the text's "26" is the number of women), 49 exits, 5 in the trial period.
    assert ind["flows"]["new"] == 47 and ind["flows"]["exits"] == 49 and ind["flows"]["early_dropouts"] == 5
    assert ind["flows"]["served"] == 85 and ind["flows"]["active_end"] == 36
    assert ind["sex"]["new"] == {"kvinna": 26, "man": 21}
    assert ind["sex"]["exits"] == {"kvinna": 24, "man": 25}
    assert ind["sex"]["active_end"] == {"kvinna": 24, "man": 12}
    o = ind["outcomes"]
    assert (o["in_goal"], o["denominator"], round(o["in_goal_share"] * 100)) == (8, 44, 18)
    assert (
        o["counts"]["arbete"],
        o["counts"]["studier"],
        o["counts"]["sjukdom"],
        o["counts"]["fortsatt_rehabilitering"],
        o["counts"]["annat"],
    ) == (4, 4, 11, 15, 1)
    assert ind["age_bands"]["new"] == {"15-29": 8, "30-44": 21, "45-59": 17, "60-74": 1}
    support = ind["support"]["exits"]
    assert {k: v["before"] for k, v in support.items() if v["before"]} == {
        "forsorjningsstod": 33,
        "sjukpenning": 7,
        "aktivitetsersattning": 1,
        "sjukersattning": 2,
        "aktivitetsstod": 6,
        "a_kassa": 3,
        "ingen_offentlig": 1,
    }
    assert {k: v["after"] for k, v in support.items() if v["after"]} == {
        "forsorjningsstod": 19,
        "sjukpenning": 4,
        "aktivitetsersattning": 2,
        "aktivitetsstod": 15,
        "studiestod": 3,
        "ingen_offentlig": 5,
    }


def test_avesta_register_has_a_person_enrolled_twice():
    from rapportlib.load import read_register

    reg = read_register(ROOT / "data/example/avesta/deltagare.csv")
    assert reg["deltagar_id"].duplicated().sum() == 1


def test_vasteras_2020_background_tables(vasteras_2020):
    ind = vasteras_2020
    # Seed 002 §2.3: education and years on public support of the 47 new.
    assert ind["education"]["new"] == {
        "grundskola": 17,
        "gymnasium": 21,
        "hogskola_upp_till_1": 2,
        "hogskola_upp_till_3": 2,
        "hogskola_over_3": 1,
        "okand": 4,
    }
    bins = ind["benefit_year_bins"]["new"]
    assert [bins[f"upp_till_{k}"] for k in range(1, 10)] == [8, 4, 4, 4, 4, 3, 0, 2, 1]
    assert bins["9_eller_mer"] == 17 and bins["uppgift_saknas"] == 0


def test_vasteras_2020_result_employment_and_support_shares(vasteras_2020):
    ind = vasteras_2020
    # Seed 002 §4.1.1: 16 of 44 (36 %) active job seekers beside the result, outside work and studies.
    seekers = ind["outcomes"]["active_jobseekers"]
    assert (seekers["count"], round(seekers["share"] * 100)) == (16, 36)
    status = ind["employment"]["exits"]["status"]
    assert {k: (v["before"], v["after"]) for k, v in status.items() if k != "ingen_sysselsattning"} == {
        "arbete_osubventionerat": (0, 2),
        "arbete_subventionerat": (0, 2),
        "studier": (0, 4),
        "aktivt_arbetssokande": (20, 16),
    }
    assert round(status["aktivt_arbetssokande"]["change_pct"] * 100) == -20
    assert ind["employment"]["exits"]["work_or_studies"]["after"] == 8
    assert ind["employment"]["exits"]["without_measurement"] == 5
    # Seed 002 §4.1.2: shares of sources (53 before; 48 after plus 5 with none) and change in per cent.
    support = ind["support"]["exits"]
    assert round(support["forsorjningsstod"]["share_before"] * 100, 1) == 62.3
    assert round(support["forsorjningsstod"]["share_after"] * 100, 1) == 35.8
    assert round(support["aktivitetsstod"]["share_after"] * 100, 1) == 28.3
    assert [
        round(support[c]["change_pct"] * 100)
        for c in ("aktivitetsersattning", "aktivitetsstod", "forsorjningsstod", "ingen_offentlig")
    ] == [100, 150, -42, 400]
    totals = ind["support"]["exits_totals"]
    assert (totals["denominator_before"], totals["denominator_after"], totals["missing_after"]) == (53, 53, 5)


def test_vasteras_2020_survey(vasteras_2020):
    rounds = vasteras_2020["survey"]["rounds"]
    # Seed 002 §2.5.3: 98 % (3 months) and 100 % (exit) got support with authorities and care (q 4);
    # 70 % and 55 % in the top two steps on questions 5 and 6.
    assert rounds["1"]["4"]["any_share"] == 0.98 and rounds["2"]["4"]["any_share"] == 1.0
    assert rounds["2"]["5"]["top_share"] == 0.7 and rounds["2"]["6"]["top_share"] == 0.55
    assert set(rounds["1"]) == {str(q) for q in range(1, 8)} and set(rounds["2"]) == {str(q) for q in range(1, 11)}
    assert rounds["2"]["8"]["scale"] == "ja_nej"


def test_vasteras_2020_followups(vasteras_2020):
    months = vasteras_2020["followups"]["months"]
    six, eighteen = months["6"], months["18"]
    assert six["reached"] == 17 and eighteen["reached"] == 32
    share = lambda m, g: round(m["groups"][g]["share"] * 100)  # noqa: E731
    # 6 months: work, studies or job seeking 29 %, continued rehabilitation 41 %, illness 29 %.
    assert six["groups"]["arbete_studier"]["count"] + six["groups"]["aktivt_arbetssokande"]["count"] == 5
    assert (share(six, "fortsatt_rehabilitering"), share(six, "sjukdom")) == (41, 29)
    # 18 months: 24 (75 %) in work, studies or job seeking; 0; 6 ill (19 %); 2 other (6 %).
    assert eighteen["groups"]["arbete_studier"]["count"] + eighteen["groups"]["aktivt_arbetssokande"]["count"] == 24
    assert (
        eighteen["groups"]["fortsatt_rehabilitering"]["count"],
        share(eighteen, "sjukdom"),
        share(eighteen, "annat"),
    ) == (0, 19, 6)
    # The result at exit uses the same groups: work and studies 8 of 44, job seekers separate.
    at_exit = vasteras_2020["followups"]["result_at_exit"]
    assert at_exit["arbete_studier"]["count"] == 8 and at_exit["aktivt_arbetssokande"]["count"] == 9


def test_exit_details_reproduce_the_annat_breakdowns(avesta_2022, avesta_2018):
    # Seed 000 §3: annat 8 = 6 medical rehabilitation, 1 does not want to take part, 1 parental leave.
    assert avesta_2022["outcomes"]["details"]["annat"] == {
        "behov_av_medicinsk_rehabilitering": 6,
        "foraldraledig": 1,
        "vill_inte_delta": 1,
    }
    # Seed 001 §3: annat 7 = 5 medical rehabilitation, 1 feels no need, 1 parental leave.
    assert avesta_2018["outcomes"]["details"]["annat"] == {
        "behov_av_medicinsk_rehabilitering": 5,
        "foraldraledig": 1,
        "upplever_inte_behov_av_insatsen": 1,
    }


def test_every_consistency_check_holds_for_the_examples(avesta_2018, avesta_2022, vasteras_2020):
    for ind in (avesta_2018, avesta_2022, vasteras_2020):
        assert ind["checks"] and all(c["ok"] for c in ind["checks"]), [c for c in ind["checks"] if not c["ok"]]


def test_avesta_2021_22_capacity(avesta_2022):
    # Seed 000 §Sammanfattning: "on average about 45 enrolled" during the period.
    assert round(avesta_2022["capacity"]["mean_enrolled"]) == 45
    assert avesta_2022["staff"]["by_owner"]["Avesta kommun"] == 3.2


def test_vasteras_2020_exits_by_reason_and_sex(vasteras_2020):
    # Seed 002 §4.1.1 (SUS table by sex): "Utskrivning" (work, studies, job seeking) 7 women and 10 men,
    # illness 5 / 6, continued rehabilitation 9 / 6, other 0 / 1; 21 women and 23 men counted.
    by_sex = vasteras_2020["outcomes"]["by_sex"]
    k, m = by_sex["kvinna"]["counts"], by_sex["man"]["counts"]
    utskrivning = ("arbete", "studier", "aktivt_arbetssokande")
    assert (sum(k[c] for c in utskrivning), sum(m[c] for c in utskrivning)) == (7, 10)
    assert (k["sjukdom"], m["sjukdom"], k["fortsatt_rehabilitering"], m["fortsatt_rehabilitering"]) == (5, 6, 9, 6)
    assert (k["annat"], m["annat"]) == (0, 1)
    assert (by_sex["kvinna"]["denominator"], by_sex["man"]["denominator"]) == (21, 23)


@pytest.fixture(scope="module")
def vasteras_2018():
    return indicators_for(ROOT / "params/vasteras/2018.yml")[1]


def test_vasteras_2018_flows(vasteras_2018):
    ind = vasteras_2018
    # Seed 004: 127 took part, 52 completed, 22 broke off; 127 − 52 − 22 = 53 enrolled at the year's
    # end (the seed's 64 contradicts its own figures; see demo/vasteras2018.py).
    f = ind["flows"]
    assert (f["served"], f["exits"], f["early_dropouts"], f["active_end"]) == (127, 74, 22, 53)
    assert ind["outcomes"]["denominator"] == 52
    assert not [c for c in ind["checks"] if not c["ok"]]


def test_vasteras_2018_results_per_sub_unit(vasteras_2018):
    o = vasteras_2018["outcomes"]
    # Seed 004, "Sammanställning per insats": 13 (25 %) work, 5 (10 %) studies, 34 (65 %) continued.
    assert (o["counts"]["arbete"], o["counts"]["studier"], o["counts"]["fortsatt_rehabilitering"]) == (13, 5, 34)
    assert [
        round(o["counts"][c] / o["denominator"] * 100) for c in ("arbete", "studier", "fortsatt_rehabilitering")
    ] == [
        25,
        10,
        65,
    ]
    per_unit = {
        u: [v["counts"][c] for c in ("arbete", "studier", "fortsatt_rehabilitering")] for u, v in o["by_unit"].items()
    }
    assert per_unit == {"MAC": [5, 3, 12], "Odling/Trädgård": [5, 1, 7], "Salix": [2, 1, 3], "Upplevelse": [1, 0, 12]}
    shares = {u: round(v["denominator"] / o["denominator"] * 100, 1) for u, v in o["by_unit"].items()}
    assert shares == {"MAC": 38.5, "Odling/Trädgård": 25.0, "Salix": 11.5, "Upplevelse": 25.0}


def test_vasteras_2018_continued_and_breakoffs(vasteras_2018):
    c = vasteras_2018["continued"]
    # 34 to continued rehabilitation: 47 % to the reinforced cooperation AF/FK, 44 % back to the referrer.
    assert (c["total"], c["counts"]["forstarkt_samarbete"], c["back_to_referrer"]) == (34, 16, 15)
    assert (round(c["shares"]["forstarkt_samarbete"] * 100), round(c["back_to_referrer_share"] * 100)) == (47, 44)
    b = vasteras_2018["breakoffs"]
    # 22 broke off: 21 back to the referrer for ill health (12 FK, 6 AF, 2 kommun; the seed does not
    # name the 21st referrer, here the region), one of whom never started; 1 could not be reached.
    assert b["total"] == 22
    assert (b["by_referrer"]["fk"], b["by_referrer"]["af"], b["by_referrer"]["kommun"]) == (12, 6, 2)
    assert b["by_reason"]["ohalsa"] + b["by_reason"]["startade_inte"] == 21 and b["by_reason"]["ej_nabar"] == 1


def test_vasteras_2018_goals_payback_and_budget(vasteras_2018):
    g = vasteras_2018["goals"]
    assert {k: g[k]["target"] for k in ("arbete", "studier", "fortsatt_rehabilitering", "payback_months")} == {
        "arbete": 0.25,
        "studier": 0.2,
        "fortsatt_rehabilitering": 0.55,
        "payback_months": 34.0,
    }
    assert (g["arbete"]["met"], g["studier"]["met"], g["budget_balance"]["met"]) == (True, False, True)
    p = vasteras_2018["payback"]
    # Society 45 months, the city (kommun) 27, FK 15, AF not computable ("—"); 70 months in 2017.
    # The seed's 49 for the state and 3902 for the region do not add up with these under the FINSAM
    # shares, so the example does not reproduce them.
    assert round(p["months"]) == 45 and round(p["by_financier"]["kommun"]["months"]) == 27
    assert round(p["by_state_payer"]["fk"]["months"]) == 15 and p["by_state_payer"]["af"]["months"] is None
    assert (p["previous"]["months"], round(p["change_months"])) == (70.0, -25)
    assert [a["title"] for a in vasteras_2018["goal_areas"]] == [
        "Egen försörjning",
        "Bättre hälsa",
        "Budget i balans",
        "Samhällsnytta",
    ]


def test_vasteras_2018_followups_and_survey(vasteras_2018):
    six = vasteras_2018["followups"]["months"]["6"]
    # 30 tried at six months, 11 not reached; of 19, 9 in some kind of work and 1 in studies.
    assert (six["n"], six["reached"], six["not_reached"]) == (30, 19, 11)
    assert (six["counts"]["arbete"], six["counts"]["studier"]) == (9, 1)
    at_exit = vasteras_2018["survey"]["rounds"]["2"]
    # NNS at exit: 65, 83, 68, 97, 72, 64, 86 % (top two); 75 % yes on q 8; 76 % (n = 21) and
    # 80 % (n = 20) in the top three on q 9 and 10.
    assert [round(at_exit[str(q)]["top_share"] * 100) for q in range(1, 11)] == [65, 83, 68, 97, 72, 64, 86, 75, 76, 80]
    assert (at_exit["9"]["n"], at_exit["9"]["top"], at_exit["10"]["n"], at_exit["10"]["top"]) == (21, 3, 20, 3)
    assert max(v["n"] for v in at_exit.values()) == 29


@pytest.fixture(scope="module")
def sater_plan():
    """Seed 003, the Säter plan, as it is published (the plan's figures are made in ``prepare``)."""
    from rapportlib.prepare import prepare

    return prepare(ROOT / "params/sater/plan-2018.yml").indicators


def test_sater_plan_context_statistics(sater_plan):
    # Seed 003: aktivitetsersättning in Säter, 2017-10: 19 år 2+1=3, 20–24 år 6+7=13, 25–29 år 10+11=21, summa 18+19=37.
    (series,) = sater_plan["context"]
    assert (series["manad"], series["omrade"]) == ("2017-10", "2082 Säter")
    assert [(c["klass"], c["kvinna"], c["man"], c["totalt"]) for c in series["classes"]] == [
        ("19 år", 2, 1, 3),
        ("20–24 år", 6, 7, 13),
        ("25–29 år", 10, 11, 21),
    ]
    assert series["total"] == {"kvinna": 18, "man": 19, "totalt": 37}
    assert series["declared_total"] == {"kvinna": 18, "man": 19}


def test_sater_plan_capacity_staff_and_budget(sater_plan):
    ind = sater_plan
    c = ind["capacity_plan"]
    assert (c["concurrent"], c["per_year"], c["max_months"]) == (30, 50, 12)
    # Four posts of 20 % lent by the authorities and two full-time posts in the kommun.
    assert sorted(r["fte"] for r in ind["staff_roles"]) == [0.2, 0.2, 0.2, 0.2, 1.0, 1.0]
    assert ind["staff"]["by_owner"] == pytest.approx(
        {"Arbetsförmedlingen": 0.2, "Försäkringskassan": 0.2, "Landstinget Dalarna": 0.2, "Säters kommun": 2.2}
    )
    assert ind["staff"]["total"] == pytest.approx(2.8)
    b = ind["budget_plan"]
    assert b["unit"] == "tkr"
    assert [(line["post"], line["amount"] / 1000) for line in b["income"]["lines"]] == [
        ("Finansiering från samordningsförbundet", 600),
        ("Finansiering från Kraften", 300),
    ]
    assert b["income"]["total"] == 900_000
    assert {line["post"]: line["amount"] / 1000 for line in b["costs"]["lines"]} == {
        "Personal": 620,
        "Lokaler": 80,
        "Övriga kostnader": 200,
    }
    personal = b["costs"]["lines"][0]["lines"]
    assert [s["amount"] / 1000 for s in personal] == [0, 0, 0, 0, 300, 320]
    assert [s["amount"] / 1000 for s in b["costs"]["lines"][2]["lines"]] == [30, 20, 20, 40, 10, 60, 20]
    assert b["costs"]["total"] == 900_000 and b["balance"] == 0


def test_sater_plan_predecessor(sater_plan):
    # Seed 003: Kraften Hedemora/Säter, 55 participants, 33 % registered in Säter, 55 % of all exits
    # to work or studies, throughput time 19 months.
    pred = sater_plan["predecessor"]
    assert pred["flows"]["persons_served"] == 55 and pred["flows"]["early_dropouts"] == 0
    assert (pred["kommun"]["count"], round(pred["kommun"]["share"] * 100)) == (18, 33)
    o = pred["outcomes"]
    assert (o["in_goal"], o["denominator"], o["in_goal_share"]) == (11, 20, 0.55)
    assert pred["throughput"]["population"] == "all_exits"
    assert round(pred["throughput"]["months"]["all"]) == 19
    assert all(c["ok"] for c in sater_plan["checks"])

# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3 (rapport)
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# Parameters (papermill replaces these values). The defaults render an example report, so
# "Run all" works as it is. final=True refuses missing texts and failed consistency checks.
params_path = "../params/vasteras/2020.yml"
final = False
prepared_path = None  # set by `rapport render`: the report already prepared

# %% tags=["remove-input"]
from rapportlib.report import Report

rep = Report.load(params_path, final=final, prepared_path=prepared_path)
rep.title_block()

# %% tags=["remove-input"]
rep.heading("Sammanfattning", 2)

# %% tags=["remove-input"]
rep.summary()

# %% tags=["remove-input"]
rep.text("sammanfattning")

# %% tags=["remove-input"]
rep.table("sex")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Deltagare/arbetssökande", 2)

# %% tags=["remove-input"]
rep.heading("Förutsättningar och genomförandeprocess", 3)

# %% tags=["remove-input"]
rep.text("deltagare", "Förutsättningar och genomförandeprocess")

# %% tags=["remove-input"]
rep.heading("Jämställdhetsintegrering", 3)

# %% tags=["remove-input"]
rep.text("deltagare", "Jämställdhetsintegrering")

# %% tags=["remove-input"]
rep.table("outcome_by_sex")

# %% tags=["remove-input"]
rep.figure("sex_age")

# %% tags=["remove-input"]
rep.heading("Deltagarnas förutsättningar vid start", 3)

# %% tags=["remove-input"]
rep.text("deltagare", "Förutsättningar vid start")

# %% tags=["remove-input"]
rep.table("age_band")

# %% tags=["remove-input"]
rep.figure("age")

# %% tags=["remove-input"]
rep.table("education")

# %% tags=["remove-input"]
rep.table("benefit_bins")

# %% tags=["remove-input"]
rep.side_by_side(rep.table("referrer", "new"), rep.table("payer", "new"))

# %% tags=["remove-input"]
rep.heading("Genomförandeprocessen", 3)

# %% tags=["remove-input"]
rep.text("deltagare", "Genomförandeprocessen")

# %% tags=["remove-input"]
rep.table("capacity")

# %% tags=["remove-input"]
rep.table("applications_actor")

# %% tags=["remove-input"]
rep.table("applications_unit")

# %% tags=["remove-input"]
rep.heading("Mål och indikatorer på individnivå", 3)

# %% tags=["remove-input"]
rep.text("deltagare", "Mål och indikatorer på individnivå")

# %% tags=["remove-input"]
rep.heading("Förflyttning enligt processtrappan", 4)

# %% tags=["remove-input"]
rep.text("deltagare", "Processtrappan")

# %% tags=["remove-input"]
rep.heading("Egenupplevd hälsa", 4)

# %% tags=["remove-input"]
rep.text("deltagare", "Egenupplevd hälsa")

# %% tags=["remove-input"]
rep.table("health")

# %% tags=["remove-input"]
rep.heading("Deltagarnas upplevelse av insatsen (NNS-enkät)", 4, needs="survey")

# %% tags=["remove-input"]
rep.text("deltagare", "Deltagarenkät")

# %% tags=["remove-input"]
rep.table("survey", "1")

# %% tags=["remove-input"]
rep.figure("survey", "1")

# %% tags=["remove-input"]
rep.table("survey", "2")

# %% tags=["remove-input"]
rep.figure("survey", "2")

# %% tags=["remove-input"]
rep.heading("Personal", 2)

# %% tags=["remove-input"]
rep.text("personal")

# %% tags=["remove-input"]
rep.table("staff")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Organisation", 2)

# %% tags=["remove-input"]
rep.heading("Mål och indikatorer på insatsnivå", 3)

# %% tags=["remove-input"]
rep.text("organisation", "Mål och indikatorer på insatsnivå")

# %% tags=["remove-input"]
rep.goal_areas()

# %% tags=["remove-input"]
rep.heading("Resultat: arbete, studier och aktivt arbetssökande", 4)

# %% tags=["remove-input"]
rep.text("organisation", "Resultat")

# %% tags=["remove-input"]
rep.table("flow")

# %% tags=["remove-input"]
rep.table("outcome")

# %% tags=["remove-input"]
rep.figure("outcome")

# %% tags=["remove-input"]
rep.table("outcome_by_unit")

# %% tags=["remove-input"]
rep.table("continued")

# %% tags=["remove-input"]
rep.table("breakoffs")

# %% tags=["remove-input"]
rep.table("employment")

# %% tags=["remove-input"]
rep.table("details")

# %% tags=["remove-input"]
rep.table("throughput")

# %% tags=["remove-input"]
rep.table("throughput_history")

# %% tags=["remove-input"]
rep.figure("throughput_history")

# %% tags=["remove-input"]
rep.heading("Effekt på längre sikt", 4)

# %% tags=["remove-input"]
rep.text("organisation", "Effekt på längre sikt")

# %% tags=["remove-input"]
rep.table("support_shares")

# %% tags=["remove-input"]
rep.figure("support")

# %% tags=["remove-input"]
rep.table("followup")

# %% tags=["remove-input"]
rep.figure("followup")

# %% tags=["remove-input"]
rep.heading("Sammanfattning av resultat på insatsnivå", 4)

# %% tags=["remove-input"]
rep.text("organisation", "Sammanfattning")

# %% tags=["remove-input"]
rep.heading("Återbetalning och strategisk samverkan", 3)

# %% tags=["remove-input"]
rep.text("organisation", "Återbetalning och strategisk samverkan")

# %% tags=["remove-input"]
rep.table("goals")

# %% tags=["remove-input"]
rep.table("payback")

# %% tags=["remove-input"]
rep.heading("Ekonomi", 3, needs="budget")

# %% tags=["remove-input"]
rep.table("budget")

# %% tags=["remove-input"]
rep.figure("budget")

# %% tags=["remove-input"]
rep.table("plan")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Tankar om framtiden", 2)

# %% tags=["remove-input"]
rep.text("framtiden")

# %% tags=["remove-input"]
rep.heading("Om rapporten", 2, numbered=False)

# %% tags=["remove-input"]
rep.about()

# %% tags=["remove-input"]
rep.data_quality()

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
params_path = "../params/avesta/2021-22.yml"
final = False
prepared_path = None  # set by `rapport render`: the report already prepared

# %% tags=["remove-input"]
from rapportlib.report import Report

rep = Report.load(params_path, final=final, prepared_path=prepared_path)
rep.title_block()

# %% tags=["remove-input"]
rep.heading("Sammanfattning", 2, numbered=False)

# %% tags=["remove-input"]
rep.summary()

# %% tags=["remove-input"]
rep.heading("Deltagare", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("sammanfattning", "Deltagare")

# %% tags=["remove-input"]
rep.heading("Personal", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("sammanfattning", "Personal")

# %% tags=["remove-input"]
rep.heading("Organisation", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("sammanfattning", "Organisation")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Deltagare – insatsens förutsättningar", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-forutsattningar", "Beskrivning")

# %% tags=["remove-input"]
rep.side_by_side(rep.table("referrer", "new"), rep.table("payer", "new"))

# %% tags=["remove-input"]
rep.side_by_side(rep.table("referrer", "active_end"), rep.table("payer", "active_end"))

# %% tags=["remove-input"]
rep.figure("referrer")

# %% tags=["remove-input"]
rep.table("sex")

# %% tags=["remove-input"]
rep.figure("sex_age")

# %% tags=["remove-input"]
rep.table("age")

# %% tags=["remove-input"]
rep.table("age_bands")

# %% tags=["remove-input"]
rep.figure("age")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-forutsattningar", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-forutsattningar", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Deltagare – genomförande och process", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-process", "Beskrivning")

# %% tags=["remove-input"]
rep.table("capacity")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-process", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-process", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Deltagare – resultat och effekter", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-resultat", "Beskrivning")

# %% tags=["remove-input"]
rep.table("flow")

# %% tags=["remove-input"]
rep.table("outcome")

# %% tags=["remove-input"]
rep.figure("outcome")

# %% tags=["remove-input"]
rep.table("outcome_by_sex")

# %% tags=["remove-input"]
rep.table("details")

# %% tags=["remove-input"]
rep.table("outcome_by_unit")

# %% tags=["remove-input"]
rep.table("continued")

# %% tags=["remove-input"]
rep.table("breakoffs")

# %% tags=["remove-input"]
rep.table("throughput")

# %% tags=["remove-input"]
rep.table("throughput_history")

# %% tags=["remove-input"]
rep.figure("throughput_history")

# %% tags=["remove-input"]
rep.table("support_shares")

# %% tags=["remove-input"]
rep.figure("support")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-resultat", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("deltagare-resultat", "Reflektion")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Personal – insatsens förutsättningar", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Beskrivning")

# %% tags=["remove-input"]
rep.table("staff")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Personal – genomförande och process", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-process", "Beskrivning")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-process", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-process", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Personal – resultat och effekter", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-resultat", "Beskrivning")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-resultat", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("personal-resultat", "Reflektion")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Organisation – insatsens förutsättningar", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Beskrivning")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Organisation – genomförande och process", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-process", "Beskrivning")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-process", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-process", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Organisation – resultat och effekter", 2)

# %% tags=["remove-input"]
rep.heading("Beskrivning", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-resultat", "Beskrivning")

# %% tags=["remove-input"]
rep.table("budget")

# %% tags=["remove-input"]
rep.figure("budget")

# %% tags=["remove-input"]
rep.table("payback")

# %% tags=["remove-input"]
rep.heading("Analys", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-resultat", "Analys")

# %% tags=["remove-input"]
rep.heading("Reflektion", 3, numbered=False)

# %% tags=["remove-input"]
rep.text("organisation-resultat", "Reflektion")

# %% tags=["remove-input"]
rep.heading("Plan och utfall", 2, needs="plan")

# %% tags=["remove-input"]
rep.table("plan")

# %% tags=["remove-input"]
rep.table("goals")

# %% tags=["remove-input"]
rep.new_page()

# %% tags=["remove-input"]
rep.heading("Bilaga 1: Resultat per kön och ålder", 2, numbered=False)

# %% tags=["remove-input"]
rep.table("outcome_by_sex_age")

# %% tags=["remove-input"]
rep.heading("Om rapporten", 2, numbered=False)

# %% tags=["remove-input"]
rep.about()

# %% tags=["remove-input"]
rep.data_quality()

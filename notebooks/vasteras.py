# ---
# title: "Verksamhetsrapport"
# lang: sv
# format:
#   html:
#     embed-resources: true
#     toc: true
#     number-sections: true
#   typst:
#     toc: true
#     papersize: a4
#     number-sections: true
# execute:
#   echo: false
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
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

# %% [markdown]
# ## Sammanfattning

# %% tags=["remove-input"]
rep.summary()

# %% tags=["remove-input"]
rep.text("sammanfattning")

# %% tags=["remove-input"]
rep.table("sex")

# %% tags=["remove-input"]
rep.new_page()

# %% [markdown]
# ## Deltagare/arbetssökande

# %% [markdown]
# ### Förutsättningar och genomförandeprocess

# %% tags=["remove-input"]
rep.text("deltagare", "Förutsättningar och genomförandeprocess")

# %% [markdown]
# ### Jämställdhetsintegrering

# %% tags=["remove-input"]
rep.text("deltagare", "Jämställdhetsintegrering")

# %% tags=["remove-input"]
rep.table("outcome_by_sex")

# %% tags=["remove-input"]
rep.figure("sex_age")

# %% [markdown]
# ### Deltagarnas förutsättningar vid start

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

# %% [markdown]
# ### Genomförandeprocessen

# %% tags=["remove-input"]
rep.text("deltagare", "Genomförandeprocessen")

# %% tags=["remove-input"]
rep.table("capacity")

# %% [markdown]
# ### Mål och indikatorer på individnivå

# %% tags=["remove-input"]
rep.text("deltagare", "Mål och indikatorer på individnivå")

# %% [markdown]
# #### Förflyttning enligt processtrappan

# %% tags=["remove-input"]
rep.text("deltagare", "Processtrappan")

# %% [markdown]
# #### Egenupplevd hälsa

# %% tags=["remove-input"]
rep.text("deltagare", "Egenupplevd hälsa")

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
rep.new_page()

# %% [markdown]
# ## Personal

# %% tags=["remove-input"]
rep.text("personal")

# %% tags=["remove-input"]
rep.table("staff")

# %% tags=["remove-input"]
rep.new_page()

# %% [markdown]
# ## Organisation

# %% [markdown]
# ### Mål och indikatorer på insatsnivå

# %% tags=["remove-input"]
rep.text("organisation", "Mål och indikatorer på insatsnivå")

# %% [markdown]
# #### Resultat: arbete, studier och aktivt arbetssökande

# %% tags=["remove-input"]
rep.text("organisation", "Resultat")

# %% tags=["remove-input"]
rep.table("flow")

# %% tags=["remove-input"]
rep.table("outcome")

# %% tags=["remove-input"]
rep.figure("outcome")

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

# %% [markdown]
# #### Effekt på längre sikt

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

# %% [markdown]
# #### Sammanfattning av resultat på insatsnivå

# %% tags=["remove-input"]
rep.text("organisation", "Sammanfattning")

# %% [markdown]
# ### Återbetalning och strategisk samverkan

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

# %% [markdown]
# ## Tankar om framtiden

# %% tags=["remove-input"]
rep.text("framtiden")

# %% [markdown]
# ## Om rapporten {.unnumbered}

# %% tags=["remove-input"]
rep.about()

# %% tags=["remove-input"]
rep.data_quality()

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
params_path = "../params/avesta/2021-22.yml"
final = False
prepared_path = None  # set by `rapport render`: the report already prepared

# %% tags=["remove-input"]
from rapportlib.report import Report

rep = Report.load(params_path, final=final, prepared_path=prepared_path)
rep.title_block()

# %% [markdown]
# ## Sammanfattning {.unnumbered}

# %% tags=["remove-input"]
rep.summary()

# %% [markdown]
# ### Deltagare {.unnumbered}

# %% tags=["remove-input"]
rep.text("sammanfattning", "Deltagare")

# %% [markdown]
# ### Personal {.unnumbered}

# %% tags=["remove-input"]
rep.text("sammanfattning", "Personal")

# %% [markdown]
# ### Organisation {.unnumbered}

# %% tags=["remove-input"]
rep.text("sammanfattning", "Organisation")

# %% tags=["remove-input"]
rep.new_page()

# %% [markdown]
# ## Deltagare – insatsens förutsättningar

# %% [markdown]
# ### Beskrivning {.unnumbered}

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

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-forutsattningar", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-forutsattningar", "Reflektion")

# %% [markdown]
# ## Deltagare – genomförande och process

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-process", "Beskrivning")

# %% tags=["remove-input"]
rep.table("capacity")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-process", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-process", "Reflektion")

# %% [markdown]
# ## Deltagare – resultat och effekter

# %% [markdown]
# ### Beskrivning {.unnumbered}

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
rep.table("throughput")

# %% tags=["remove-input"]
rep.table("throughput_history")

# %% tags=["remove-input"]
rep.figure("throughput_history")

# %% tags=["remove-input"]
rep.table("support_shares")

# %% tags=["remove-input"]
rep.figure("support")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-resultat", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("deltagare-resultat", "Reflektion")

# %% tags=["remove-input"]
rep.new_page()

# %% [markdown]
# ## Personal – insatsens förutsättningar

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Beskrivning")

# %% tags=["remove-input"]
rep.table("staff")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-forutsattningar", "Reflektion")

# %% [markdown]
# ## Personal – genomförande och process

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-process", "Beskrivning")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-process", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-process", "Reflektion")

# %% [markdown]
# ## Personal – resultat och effekter

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-resultat", "Beskrivning")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-resultat", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("personal-resultat", "Reflektion")

# %% tags=["remove-input"]
rep.new_page()

# %% [markdown]
# ## Organisation – insatsens förutsättningar

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Beskrivning")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-forutsattningar", "Reflektion")

# %% [markdown]
# ## Organisation – genomförande och process

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-process", "Beskrivning")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-process", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-process", "Reflektion")

# %% [markdown]
# ## Organisation – resultat och effekter

# %% [markdown]
# ### Beskrivning {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-resultat", "Beskrivning")

# %% tags=["remove-input"]
rep.table("budget")

# %% tags=["remove-input"]
rep.figure("budget")

# %% tags=["remove-input"]
rep.table("payback")

# %% [markdown]
# ### Analys {.unnumbered}

# %% tags=["remove-input"]
rep.text("organisation-resultat", "Analys")

# %% [markdown]
# ### Reflektion {.unnumbered}

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

# %% [markdown]
# ## Bilaga 1: Resultat per kön och ålder {.unnumbered}

# %% tags=["remove-input"]
rep.table("outcome_by_sex_age")

# %% [markdown]
# ## Om rapporten {.unnumbered}

# %% tags=["remove-input"]
rep.about()

# %% tags=["remove-input"]
rep.data_quality()

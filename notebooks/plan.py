# ---
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
# Parameters (papermill replaces these values). The defaults render an example plan, so
# "Run all" works as it is. final=True refuses missing texts and failed consistency checks.
params_path = "../params/sater/plan-2018.yml"
final = False
prepared_path = None  # set by `rapport render`: the plan already prepared

# %% tags=["remove-input"]
from rapportlib.report import Report

rep = Report.load(params_path, final=final, prepared_path=prepared_path)
rep.title_block()

# %% tags=["remove-input"]
rep.heading("Sammanfattning", 2, numbered=False)

# %% tags=["remove-input"]
rep.text("sammanfattning")

# %% tags=["remove-input"]
rep.heading("Syfte och målgrupp", 2)

# %% tags=["remove-input"]
rep.heading("Syfte", 3)

# %% tags=["remove-input"]
rep.text("syfte", "Syfte")

# %% tags=["remove-input"]
rep.heading("Målgrupp", 3)

# %% tags=["remove-input"]
rep.text("syfte", "Målgrupp")

# %% tags=["remove-input"]
rep.table("context")

# %% tags=["remove-input"]
rep.heading("Kapacitet", 2)

# %% tags=["remove-input"]
rep.text("kapacitet")

# %% tags=["remove-input"]
rep.table("capacity_plan")

# %% tags=["remove-input"]
rep.heading("Bemanning och organisation", 2)

# %% tags=["remove-input"]
rep.text("bemanning")

# %% tags=["remove-input"]
rep.table("staff_plan")

# %% tags=["remove-input"]
rep.table("staff")

# %% tags=["remove-input"]
rep.heading("Budget", 2)

# %% tags=["remove-input"]
rep.text("budget")

# %% tags=["remove-input"]
rep.side_by_side(rep.table("income_plan"), rep.table("costs_plan"))

# %% tags=["remove-input"]
rep.table("cost_details")

# %% tags=["remove-input"]
rep.heading("Tidplan", 2, needs="timeline")

# %% tags=["remove-input"]
rep.text("tidplan")

# %% tags=["remove-input"]
rep.table("timeline")

# %% tags=["remove-input"]
rep.heading("Jämförelse med tidigare insats", 2, needs="predecessor")

# %% tags=["remove-input"]
rep.text("jamforelse")

# %% tags=["remove-input"]
rep.table("predecessor")

# %% tags=["remove-input"]
rep.heading("Uppföljning", 2)

# %% tags=["remove-input"]
rep.text("uppfoljning")

# %% tags=["remove-input"]
rep.heading("Om planen", 2, numbered=False)

# %% tags=["remove-input"]
rep.about()

# %% tags=["remove-input"]
rep.data_quality()

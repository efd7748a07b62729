"""Report tables built from the indicators (aggregates only), rendered to HTML, Markdown and text.

:data:`TABLES` maps the name a notebook passes to ``rep.table(name, …)`` to its builder. The
builders live in modules that mirror :mod:`rapportlib.indicators`; :mod:`.base` holds the
:class:`Table` value and its renderers.
"""

from __future__ import annotations

from .base import Table, TableBuilder
from .capacity import capacity_table, staff_table
from .checks import checks_table
from .economy import budget_table, plan_table
from .employment import employment_table
from .flows import flow_table, sex_table
from .followups import followup_table
from .goals import goals_table
from .outcomes import (
    details_table,
    outcome_by_sex_age_table,
    outcome_by_sex_table,
    outcome_by_unit_table,
    outcome_table,
)
from .participants import (
    age_band_table,
    age_bands_table,
    age_table,
    benefit_bins_table,
    education_table,
    payer_table,
    referrer_table,
    support_shares_table,
    support_table,
)
from .pathways import (
    applications_actor_table,
    applications_unit_table,
    breakoffs_table,
    continued_table,
    health_table,
)
from .payback import payback_table
from .plan import (
    capacity_plan_table,
    context_table,
    cost_details_table,
    costs_plan_table,
    income_plan_table,
    predecessor_table,
    staff_plan_table,
    timeline_table,
)
from .survey import survey_table
from .throughput import throughput_history_table, throughput_table

#: Every table a report can show, by the name ``rep.table(name, …)`` takes.
TABLES: dict[str, TableBuilder] = {
    # flows
    "flow": flow_table,
    "sex": sex_table,
    # participants
    "age": age_table,
    "age_band": age_band_table,
    "age_bands": age_bands_table,
    "referrer": referrer_table,
    "payer": payer_table,
    "education": education_table,
    "benefit_bins": benefit_bins_table,
    "support": support_table,
    "support_shares": support_shares_table,
    # outcomes
    "outcome": outcome_table,
    "outcome_by_sex": outcome_by_sex_table,
    "outcome_by_sex_age": outcome_by_sex_age_table,
    "outcome_by_unit": outcome_by_unit_table,
    "details": details_table,
    "continued": continued_table,
    "breakoffs": breakoffs_table,
    # throughput
    "throughput": throughput_table,
    "throughput_history": throughput_history_table,
    # employment, survey, follow-ups, goals
    "employment": employment_table,
    "survey": survey_table,
    "followup": followup_table,
    "goals": goals_table,
    "health": health_table,
    "applications_actor": applications_actor_table,
    "applications_unit": applications_unit_table,
    # economy, payback, capacity
    "budget": budget_table,
    "plan": plan_table,
    "payback": payback_table,
    "capacity": capacity_table,
    "staff": staff_table,
    # a plan (insatsplan)
    "context": context_table,
    "capacity_plan": capacity_plan_table,
    "staff_plan": staff_plan_table,
    "income_plan": income_plan_table,
    "costs_plan": costs_plan_table,
    "cost_details": cost_details_table,
    "timeline": timeline_table,
    "predecessor": predecessor_table,
    # data quality
    "checks": checks_table,
}

__all__ = [
    "TABLES",
    "Table",
    "TableBuilder",
    "applications_actor_table",
    "applications_unit_table",
    "breakoffs_table",
    "continued_table",
    "health_table",
    "age_band_table",
    "age_bands_table",
    "age_table",
    "benefit_bins_table",
    "budget_table",
    "capacity_table",
    "checks_table",
    "details_table",
    "education_table",
    "employment_table",
    "flow_table",
    "followup_table",
    "goals_table",
    "outcome_by_sex_age_table",
    "outcome_by_sex_table",
    "outcome_by_unit_table",
    "outcome_table",
    "payback_table",
    "payer_table",
    "plan_table",
    "referrer_table",
    "sex_table",
    "staff_table",
    "support_shares_table",
    "support_table",
    "survey_table",
    "throughput_history_table",
    "throughput_table",
]

"""Calculators: small pure functions over rule data (corpus/rules.yaml)."""
from .base import Calculation, InputError, Rule, load_rules
from .deadlines import (graduate_interview, inbeq_end, integration_office, jobcoaching, leave_days, market_prognosis,
                        occupancy_check, planning_meeting, reporting_date, review, termination,
                        termination_latest)
from .staffing import staffing_2016, staffing_pre2016

__all__ = [
    "Calculation", "InputError", "Rule", "load_rules", "graduate_interview", "inbeq_end", "integration_office", "jobcoaching",
    "leave_days", "market_prognosis", "occupancy_check", "planning_meeting", "reporting_date", "review", "termination", "termination_latest",
    "staffing_2016", "staffing_pre2016",
]

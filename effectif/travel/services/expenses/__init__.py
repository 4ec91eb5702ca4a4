"""Writes of expense reports (notes de frais): create and edit a draft, add, edit and delete its
lines with their receipts, submit it (the lines are checked), decide each line (accept, reduce,
reject), approve it as the manager, check it as HR (exempt and taxable parts, advance
deducted), or reject it.

Each function validates first, then writes and audits in one transaction: bad input raises a
ValidationError in French, on the field when there is one, and writes nothing.


The package re-exports the public names of its modules, so that
`from effectif.travel.services.expenses import X` keeps working."""

from effectif.travel.services.expenses.lines import (
    LINE_FIELDS,
    LineInput,
    line_delete,
    line_save,
    prior_mileage_km,
    vehicle_facts,
)
from effectif.travel.services.expenses.reports import (
    EURO,
    REPORT_FIELDS,
    report_create,
    report_update,
    trips_for_report,
)
from effectif.travel.services.expenses.workflow import (
    can_decide_lines,
    checks_today,
    line_decide,
    report_approve,
    report_check,
    report_reject,
    report_submit,
)

__all__ = [
    "EURO",
    "LINE_FIELDS",
    "REPORT_FIELDS",
    "LineInput",
    "can_decide_lines",
    "checks_today",
    "line_decide",
    "line_delete",
    "line_save",
    "prior_mileage_km",
    "report_approve",
    "report_check",
    "report_create",
    "report_reject",
    "report_submit",
    "report_update",
    "trips_for_report",
    "vehicle_facts",
]

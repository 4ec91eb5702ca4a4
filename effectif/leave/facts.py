"""Facts the leave rules need, gathered from the other apps: when the employee works (the
working calendar of the timekeeping app), the public holidays of their place of work, and
their contracts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from effectif.contracts.models import ContractTerms
from effectif.employees.models import Employee
from effectif.rules.leave.counting import RETURN_LOOKAHEAD_DAYS
from effectif.rules.working_time.holidays import holidays_between
from effectif.timekeeping.calendar import planned_hours


def establishment_department(employee: Employee, on: dt.date) -> str | None:
    """The département of the establishment where the employee works on a day."""
    terms = (
        ContractTerms.objects.filter(contract__employee=employee, effective_date__lte=on)
        .select_related("establishment")
        .order_by("-effective_date")
        .first()
    )
    return terms.establishment.department if terms is not None else None


def public_holidays(department: str | None, start: dt.date, end: dt.date) -> frozenset[dt.date]:
    """Public holidays from `start` to `end` where the employee works (Alsace-Moselle has
    Good Friday and 26 December too), from the working-time rules."""
    return frozenset(holidays_between(start, end, department))


def working_calendar(
    employee: Employee, start: dt.date, end: dt.date
) -> tuple[dict[dt.date, Decimal], frozenset[dt.date]]:
    """Hours planned each day (and public holidays) from `start` to a fortnight after `end`:
    enough to find the return to work when counting jours ouvrables."""
    until = end + dt.timedelta(days=RETURN_LOOKAHEAD_DAYS)
    department = establishment_department(employee, start)
    return planned_hours(employee, start, until), public_holidays(department, start, until)

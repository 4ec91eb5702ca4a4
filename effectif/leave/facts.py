"""Facts the leave rules need, gathered from the other apps: when the employee works (the
working calendar of the timekeeping app), the public holidays of their place of work, and
their contracts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import holidays

from effectif.contracts.models import ContractTerms
from effectif.employees.models import Employee
from effectif.rules.leave.counting import RETURN_LOOKAHEAD_DAYS
from effectif.timekeeping.calendar import planned_hours

#: Subdivisions of the `holidays` package for Alsace-Moselle (C. trav. L3134-13).
_SUBDIVISIONS = {"57": "57", "67": "6AE", "68": "6AE"}


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
    Good Friday and 26 December too)."""
    years = range(start.year, end.year + 1)
    subdivision = _SUBDIVISIONS.get(department or "")
    calendar = holidays.country_holidays("FR", subdiv=subdivision, years=years)
    return frozenset(day for day in calendar if start <= day <= end)


def working_calendar(
    employee: Employee, start: dt.date, end: dt.date
) -> tuple[dict[dt.date, Decimal], frozenset[dt.date]]:
    """Hours planned each day (and public holidays) from `start` to a fortnight after `end`:
    enough to find the return to work when counting jours ouvrables."""
    until = end + dt.timedelta(days=RETURN_LOOKAHEAD_DAYS)
    department = establishment_department(employee, start)
    return planned_hours(employee, start, until), public_holidays(department, start, until)

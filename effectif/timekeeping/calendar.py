"""The working calendar of an employee: the hours planned on each day.

This is the interface the other apps use to know when someone works (to count leave as the
employer counts it, to draw the planning): `planned_hours(employee, start, end)`, and
`planned_hours_many(employees, start, end)` for a team or an establishment, with a fixed number
of queries whatever their number. `planned_shifts_many` gives the stretches of each day too.

The hours come from the employee's schedule in force each day (weekly patterns, rotating
cycles, forfait jours), the shifts the planning changed, the public holidays of their
establishment (the journée de solidarité of their employer is worked), and their contracts
(no hours outside them). Without a schedule, an employee works the legal week: 7 hours a day,
Monday to Friday. See `calendar_data` for the precedence of these sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import QuerySet

from effectif.employees.models import Employee
from effectif.timekeeping.calendar_data import CalendarData
from effectif.timekeeping.shifts import Shift

DEFAULT_DAY_HOURS = Decimal("7.00")


def planned_shifts_many(
    employees: Iterable[Employee] | QuerySet[Employee], start: dt.date, end: dt.date
) -> dict[int, dict[dt.date, Shift]]:
    """Each employee's planned shift on each day from `start` to `end` (inclusive)."""
    data = CalendarData(employees, start, end)
    return {pk: data.shifts(pk) for pk in data.calendars}


def planned_hours_many(
    employees: Iterable[Employee] | QuerySet[Employee], start: dt.date, end: dt.date
) -> dict[int, dict[dt.date, Decimal]]:
    """Hours planned for each employee (by id) on each day from `start` to `end` (inclusive);
    0 on a rest day."""
    return {
        pk: {day: shift.hours for day, shift in shifts.items()}
        for pk, shifts in planned_shifts_many(employees, start, end).items()
    }


def planned_hours(employee: Employee, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """Hours planned for the employee on each day from `start` to `end` (inclusive); 0 on a rest
    day. Without a schedule: the legal 35-hour week, Monday to Friday."""
    hours: dict[dt.date, Decimal] = planned_hours_many([employee], start, end).get(employee.pk, {})
    return hours

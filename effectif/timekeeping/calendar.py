"""The working calendar of an employee: the hours planned on each day.

This is the interface the other apps use to know when someone works (to count leave as the
employer counts it, to draw the planning): `planned_hours(employee, start, end)`. Until work
schedules are assigned, an employee works the legal week: 7 hours a day, Monday to Friday,
public holidays of their establishment excepted.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from effectif.employees.models import Employee

DEFAULT_DAY_HOURS = Decimal("7.00")


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def planned_hours(employee: Employee, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """Hours planned for the employee on each day from `start` to `end` (inclusive); 0 on a rest
    day. Without a schedule: the legal 35-hour week, Monday to Friday."""
    return {
        day: (DEFAULT_DAY_HOURS if day.weekday() < 5 else Decimal(0)) for day in _days(start, end)
    }

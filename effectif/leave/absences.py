"""The days off that the legal checks of working time take into account, for timekeeping's
registry of absences (`effectif.timekeeping.absences`, registered in `apps.ready`).

Approved requests only — leave granted and absences HR recorded: a pending request may still
be refused, and a refused or cancelled one never took the employee away. One query per range,
whatever the number of employees and days.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from effectif.leave.models import Category, LeaveRequest, Status, Unit
from effectif.rules.leave.periods import days_between
from effectif.timekeeping.absences import AFTERNOON, FULL, MORNING, DayOff


def _part(day: dt.date, first: dt.date, last: dt.date, afternoon: bool, morning: bool) -> str:
    """The part of `day` off: a request from the afternoon leaves its first morning worked, one
    until noon its last afternoon."""
    if day == first and afternoon:
        return AFTERNOON
    if day == last and morning:
        return MORNING
    return FULL


def approved_days_off(
    ids: Any, start: dt.date, end: dt.date
) -> dict[int, dict[dt.date, list[DayOff]]]:
    """{employee id: {day: its absences}} from `start` to `end`, for the employees `ids` (a
    list, or a queryset of their ids)."""
    rows = LeaveRequest.objects.filter(
        employee_id__in=ids, status=Status.APPROVED, start_date__lte=end, end_date__gte=start
    ).values_list(
        "employee_id",
        "start_date",
        "end_date",
        "start_afternoon",
        "end_morning",
        "hours",
        "leave_type__unit",
        "leave_type__category",
    )
    found: dict[int, dict[dt.date, list[DayOff]]] = defaultdict(dict)
    for employee_id, first, last, afternoon, morning, hours, unit, category in rows:
        # Hours given for one day of a type counted in hours: only those hours are off.
        hours_off = hours if unit == Unit.HOURS and hours is not None and first == last else None
        paid = category == Category.PAID_LEAVE
        days = found[employee_id]
        for day in days_between(max(start, first), min(end, last)):
            days.setdefault(day, []).append(
                DayOff(_part(day, first, last, afternoon, morning), hours_off, paid)
            )
    return dict(found)

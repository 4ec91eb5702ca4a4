"""Schedules and sheets for tests, written as people write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from effectif.timekeeping.models import (
    ScheduleAssignment,
    ScheduleDay,
    ScheduleKind,
    WorkSchedule,
)
from effectif.timekeeping.shifts import clock_minutes

#: Monday to Friday, 09:00–17:00 with lunch 12:00–13:00: 35 h.
OFFICE = dict.fromkeys(range(5), ("09:00", "17:00", "12:00", "13:00"))


def _time(text: str | None) -> dt.time | None:
    if text is None:
        return None
    minutes = clock_minutes(text)
    return dt.time(minutes // 60, minutes % 60)


def make_schedule(employer, name="Bureau 35 h", days=None, cycle=None, **extra) -> WorkSchedule:
    """`days` maps a weekday (week 1) or (week, weekday) to (start, end, break start, break
    end), or to hours for a forfait jours."""
    schedule = WorkSchedule.objects.create(
        employer=employer, name=name, cycle_weeks=cycle or 1, **extra
    )
    for key, value in (days if days is not None else OFFICE).items():
        week, weekday = key if isinstance(key, tuple) else (1, key)
        day = ScheduleDay(schedule=schedule, week=week, weekday=weekday, hours=Decimal(0))
        if isinstance(value, Decimal | int):
            day.hours = Decimal(value)
        else:
            start, end, *pause = [*value, None, None][:4]
            day.start_time, day.end_time = _time(start), _time(end)
            day.break_start, day.break_end = _time(pause[0]), _time(pause[1])
        day.full_clean(exclude=["schedule"], validate_unique=False)
        day.save()
    return schedule


def days_package(employer, name="Forfait jours") -> WorkSchedule:
    return make_schedule(employer, name, {d: Decimal(7) for d in range(5)}, kind=ScheduleKind.DAYS)


def assign(employee, schedule, start=dt.date(2024, 1, 1), end=None, cycle_start_week=1):
    return ScheduleAssignment.objects.create(
        employee=employee,
        schedule=schedule,
        start_date=start,
        end_date=end,
        cycle_start_week=cycle_start_week,
    )

"""Work schedules for the benchmarks' populations (planning, working time): the patterns
created for an employer and assigned to all its employees in turn (Django set up)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

#: {(week, weekday): (start, end[, break start, break end])}
Days = dict[tuple[int, int], tuple[str, ...]]
#: (name, days, cycle weeks)
Pattern = tuple[str, Days, int]


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def schedules_for_everyone(
    employer: Any, patterns: Sequence[Pattern]
) -> tuple[list[Any], list[int]]:
    """Create the work schedules of `patterns` for `employer` and assign them to its employees
    in turn (by primary key) from 6 January 2020, rotating cycles starting on different weeks.

    Returns the schedules and the employees' ids, in that order."""
    from effectif.employees.models import Employee
    from effectif.timekeeping.models import ScheduleAssignment, ScheduleDay, WorkSchedule

    schedules = []
    for name, days, cycle in patterns:
        schedule = WorkSchedule.objects.create(employer=employer, name=name, cycle_weeks=cycle)
        rows = []
        for (week, weekday), times in days.items():
            clock = [*times, None, None]
            day = ScheduleDay(
                schedule=schedule,
                week=week,
                weekday=weekday,
                start_time=_time(clock[0]),
                end_time=_time(clock[1]),
                break_start=_time(clock[2]),
                break_end=_time(clock[3]),
                hours=Decimal(0),
            )
            day.hours = day.shift().hours
            rows.append(day)
        ScheduleDay.objects.bulk_create(rows)
        schedules.append(schedule)
    ids = list(
        Employee.objects.filter(employer=employer).order_by("pk").values_list("pk", flat=True)
    )
    ScheduleAssignment.objects.bulk_create(
        [
            ScheduleAssignment(
                employee_id=pk,
                schedule=schedules[n % len(schedules)],
                start_date=dt.date(2020, 1, 6),
                cycle_start_week=1 + n % schedules[n % len(schedules)].cycle_weeks,
            )
            for n, pk in enumerate(ids)
        ],
        batch_size=2000,
    )
    return schedules, ids


def planning_changes(
    ids: Sequence[int],
    start: dt.date,
    offsets: Sequence[int],
    intervals: list[list[str]],
    hours: str,
) -> int:
    """Planning changes: each employee of `ids` works `intervals` (`hours` in all) instead of
    their schedule on the days `offsets` after `start`. Returns how many were created."""
    from effectif.timekeeping.models import ShiftOverride

    overrides = [
        ShiftOverride(
            employee_id=pk,
            day=start + dt.timedelta(days=offset),
            intervals=[list(interval) for interval in intervals],
            hours=Decimal(hours),
        )
        for pk in ids
        for offset in offsets
    ]
    ShiftOverride.objects.bulk_create(overrides, batch_size=2000)
    return len(overrides)

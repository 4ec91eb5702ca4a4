"""Legal checks of working time: the facts and the worked time of many employees gathered from
the database with a fixed number of queries, then judged by `rules.working_time`.

Worked time on a day is what the time sheet records, when there is one; a week submitted or
validated is entirely what its sheet says (a day without hours there was not worked); other
days are what is planned (schedule, planning changes, holidays), less the days off that the
upper apps register in `absences` (approved leave, recorded absences: one query per range).
The eleven weeks before the period are read as well, for the 12-week average, and the year's
validated overtime for the annual contingent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, QuerySet, Sum

from effectif.employees.models import Employee
from effectif.rules.contracts.kinds import WorkingTime
from effectif.rules.working_time.breaches import Breach
from effectif.rules.working_time.engine import check
from effectif.rules.working_time.facts import AccordSettings, PersonFacts
from effectif.rules.working_time.timeline import MINUTES_PER_DAY, Timeline, minutes_of
from effectif.timekeeping.absences import DayOff, absence_sources, worked_on_day_off
from effectif.timekeeping.calendar_data import CalendarData, EmployeeCalendar
from effectif.timekeeping.models import SheetStatus, TimeRecord, TimeSheet, WorkingTimeSettings
from effectif.timekeeping.shifts import REST, Shift, shift_from_pairs, untimed_shift

#: Weeks read before the checked period: the 12-week average needs the eleven before.
CONTEXT_WEEKS = 11


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def employee_ids(employees: Iterable[Any] | QuerySet[Employee]) -> Any:
    if isinstance(employees, QuerySet):
        return employees.values("pk")
    return [getattr(e, "pk", e) for e in employees]


def recorded_shifts(ids: Any, start: dt.date, end: dt.date) -> dict[int, dict[dt.date, Shift]]:
    """The days of time sheets, whatever their status: what the employee says they worked."""
    found: dict[int, dict[dt.date, Shift]] = defaultdict(dict)
    read: dict[Any, Shift] = {}  # the same stretches recur from day to day: read them once
    rows = TimeRecord.objects.filter(
        sheet__employee_id__in=ids, day__gte=start, day__lte=end
    ).values_list("sheet__employee_id", "day", "intervals", "hours")
    for employee_id, day, intervals, hours in rows:
        key = (tuple(tuple(pair) for pair in intervals), hours)
        shift = read.get(key)
        if shift is None:
            if intervals:
                shift = shift_from_pairs(intervals)
            else:
                shift = untimed_shift(hours) if hours else REST
            read[key] = shift
        found[employee_id][day] = shift
    return found


def declared_weeks(ids: Any, start: dt.date, end: dt.date) -> dict[int, set[dt.date]]:
    """The Mondays of the weeks whose sheet is submitted or validated, by employee."""
    found: dict[int, set[dt.date]] = defaultdict(set)
    for employee_id, monday in TimeSheet.objects.filter(
        employee_id__in=ids,
        status__in=[SheetStatus.SUBMITTED, SheetStatus.APPROVED],
        week_start__gte=monday_of(start),
        week_start__lte=end,
    ).values_list("employee_id", "week_start"):
        found[employee_id].add(monday)
    return found


def timeline_from(
    first: dt.date, shifts: Sequence[Shift], paid_leave: Mapping[int, int] | None = None
) -> Timeline:
    """The timeline of consecutive days' shifts from `first`, with the minutes of paid leave
    of some of them (by index). A stretch running into the next day's shift is cut where that
    shift starts (the sheets and the planning refuse such overlaps; this only keeps older data
    readable)."""
    intervals: list[tuple[int, int, int]] = []
    untimed: dict[int, int] = {}
    previous_end = -MINUTES_PER_DAY
    for index, shift in enumerate(shifts):
        if shift.timed:
            base = index * MINUTES_PER_DAY
            for start, end in shift.intervals:
                start, end = base + start, base + end
                if start < previous_end:
                    start = previous_end
                if end > start:
                    intervals.append((start, end, index))
                    previous_end = end
        elif shift.hours:
            untimed[index] = minutes_of(shift.hours)
    last = first + dt.timedelta(days=len(shifts) - 1)
    return Timeline(first, last, intervals, untimed, dict(paid_leave or {}))


def timeline_of(first: dt.date, last: dt.date, shifts: Mapping[dt.date, Shift]) -> Timeline:
    """The timeline of the shifts from `first` to `last` (a day missing is a rest day)."""
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return timeline_from(first, [shifts.get(day, REST) for day in days])


@dataclass
class Gathered:
    """The worked time and facts of many employees around a period."""

    data: CalendarData
    recorded: dict[int, dict[dt.date, Shift]]
    declared: dict[int, set[dt.date]]
    birth_dates: dict[int, dt.date]
    accords: dict[int, AccordSettings]
    overtime_before: dict[int, Decimal]
    absences: dict[int, dict[dt.date, list[DayOff]]] = field(default_factory=dict)

    def worked_with_leave(
        self, employee_id: int, changes: Mapping[dt.date, Shift] | None = None
    ) -> tuple[list[Shift], dict[int, int]]:
        """Each day's shift — recorded when a sheet has it, else planned (with the planning
        `changes`) less the day's absences — and the minutes of paid leave by day index."""
        shifts = self.data.shift_list(employee_id)
        start = self.data.start
        for day, shift in (changes or {}).items():
            shifts[(day - start).days] = shift
        paid: dict[int, int] = {}
        planned: dict[int, int] = {}
        for day, offs in self.absences.get(employee_id, {}).items():
            index = (day - start).days
            if 0 <= index < len(shifts):
                planned[index] = minutes_of(shifts[index].hours)
                shifts[index], minutes = worked_on_day_off(shifts[index], offs)
                if minutes > 0:
                    paid[index] = minutes
        for monday in self.declared.get(employee_id, ()):
            first = (monday - start).days
            for index in range(max(first, 0), min(first + 7, len(shifts))):
                shifts[index] = REST
        for day, shift in self.recorded.get(employee_id, {}).items():
            index = (day - start).days
            shifts[index] = shift
            if index in paid:  # the leave is at most what the sheet says was not worked
                paid[index] = min(paid[index], max(planned[index] - minutes_of(shift.hours), 0))
        return shifts, paid

    def worked_list(self, employee_id: int) -> list[Shift]:
        """Each day's shift: recorded when a sheet has it, planned (less absences) otherwise."""
        return self.worked_with_leave(employee_id)[0]

    def worked(self, employee_id: int) -> dict[dt.date, Shift]:
        return dict(zip(self.data.dates, self.worked_list(employee_id), strict=True))

    def facts(self, calendar: EmployeeCalendar, on: dt.date) -> PersonFacts:
        terms = calendar.latest_terms(on)
        department = terms.department if terms is not None else None
        return PersonFacts(
            birth_date=self.birth_dates.get(calendar.employee_id),
            part_time_weekly_hours=terms.weekly_part_time_hours if terms is not None else None,
            days_package=terms is not None and terms.working_time == WorkingTime.DAYS_PACKAGE,
            accord=self.accords.get(calendar.employer_id, AccordSettings()),
            solidarity_days=self.data.solidarity_days(calendar.employer_id, department),
            overtime_before=self.overtime_before.get(calendar.employee_id, Decimal(0)),
        )


def gather(employees: Iterable[Any] | QuerySet[Employee], start: dt.date, end: dt.date) -> Gathered:
    """Everything needed to check `start`–`end`: a fixed number of queries, whatever the
    headcount."""
    ids = employee_ids(employees)
    first = monday_of(start) - dt.timedelta(weeks=CONTEXT_WEEKS)
    last = monday_of(end) + dt.timedelta(days=6)
    data = CalendarData(employees, first, last)
    people = Employee.objects.filter(pk__in=ids).values_list("pk", "birth_date")
    accords = {
        settings.employer_id: settings.accord()
        for settings in WorkingTimeSettings.objects.filter(
            employer_id__in={c.employer_id for c in data.calendars.values()}
        )
    }
    return Gathered(
        data=data,
        recorded=recorded_shifts(ids, first, last),
        declared=declared_weeks(ids, first, last),
        birth_dates=dict(people),
        accords=accords,
        overtime_before=overtime_before(ids, monday_of(start)),
        absences=absence_sources.days_off(ids, first, last),
    )


def overtime_before(ids: Any, monday: dt.date) -> dict[int, Decimal]:
    """Overtime of the validated weeks of the contingent's year (a week counts in the year of its
    Sunday) before the week of `monday`."""
    year = (monday + dt.timedelta(days=6)).year
    first_week = monday_of(dt.date(year, 1, 1))  # its Sunday is in `year`
    rows = (
        TimeSheet.objects.filter(
            employee_id__in=ids,
            status=SheetStatus.APPROVED,
            week_start__gte=first_week,
            week_start__lt=monday,
        )
        .values("employee_id")
        .annotate(total=Sum(F("overtime_first_hours") + F("overtime_second_hours")))
        .values_list("employee_id", "total")
    )
    return {employee_id: total or Decimal(0) for employee_id, total in rows}


def check_gathered(
    gathered: Gathered,
    employee_id: int,
    start: dt.date,
    end: dt.date,
    changes: Mapping[dt.date, Shift] | None = None,
) -> list[Breach]:
    """The breaches of one gathered employee, with the planning `changes` applied."""
    data = gathered.data
    calendar = data.calendars[employee_id]
    first = data.start
    if calendar.has_contracts:
        if not calendar.terms:
            return []
        first = max(first, calendar.terms[0].start)
    if first > data.end:
        return []
    shifts, paid = gathered.worked_with_leave(employee_id, changes)
    offset = (first - data.start).days
    paid_leave = {index - offset: minutes for index, minutes in paid.items() if index >= offset}
    timeline = timeline_from(first, shifts[offset:], paid_leave)
    return check(gathered.facts(calendar, end), timeline, start, end)


def legal_check_many(
    employees: Iterable[Any] | QuerySet[Employee], start: dt.date, end: dt.date
) -> dict[int, list[Breach]]:
    """Every breach of every employee from `start` to `end`, by employee id (employees without
    a breach are left out)."""
    gathered = gather(employees, start, end)
    found = {}
    for employee_id in gathered.data.calendars:
        breaches = check_gathered(gathered, employee_id, start, end)
        if breaches:
            found[employee_id] = breaches
    return found

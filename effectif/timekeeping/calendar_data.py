"""Everything that decides when people work, loaded for many employees with a fixed number of
queries, then expanded day by day in memory.

A day's shift, by precedence:
1. outside any contract: none (for someone with no contract recorded at all, the legal week);
2. a shift set on that day by the planning (`ShiftOverride`);
3. a public holiday of the establishment where the contract places them: none, unless their
   schedule runs through holidays or the day is the employer's journée de solidarité;
4. their schedule in force that day (the week of its cycle counted from the assignment);
5. without a schedule, the legal week: 7 h from Monday to Friday.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from effectif.contracts.models import Contract, ContractTerms
from effectif.employees.models import Employee
from effectif.rules.contracts.kinds import WorkingTime
from effectif.rules.working_time.holidays import holidays_between, solidarity_day
from effectif.timekeeping.models import (
    ScheduleAssignment,
    ScheduleDay,
    ShiftOverride,
    WorkingTimeSettings,
)
from effectif.timekeeping.shifts import REST, Shift, shift_from_pairs, timed_shift

#: The legal week when no schedule is assigned: 09:00–12:00 and 13:00–17:00, Monday to Friday.
LEGAL_DAY = timed_shift([(9 * 60, 12 * 60), (13 * 60, 17 * 60)])
LEGAL_WEEK = [LEGAL_DAY] * 5 + [REST] * 2
FAR_FUTURE = dt.date.max


@dataclass(frozen=True, slots=True)
class Terms:
    """A stretch of one contract's terms: where, and how much, the employee works."""

    start: dt.date
    end: dt.date
    department: str | None
    working_time: str
    monthly_hours: Decimal | None

    @property
    def weekly_part_time_hours(self) -> Decimal | None:
        if self.working_time != WorkingTime.PART_TIME or not self.monthly_hours:
            return None
        return (self.monthly_hours * 12 / 52).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class Pattern:
    """A schedule's days by (week of the cycle, weekday)."""

    cycle_weeks: int
    works_public_holidays: bool
    days_package: bool
    days: dict[tuple[int, int], Shift]

    def rows(self) -> list[list[Shift]]:
        """Each week of the cycle as seven shifts, Monday first."""
        return [
            [self.days.get((week, weekday), REST) for weekday in range(7)]
            for week in range(1, self.cycle_weeks + 1)
        ]


@dataclass(frozen=True, slots=True)
class Assignment:
    start: dt.date
    end: dt.date
    pattern: Pattern
    cycle_start_week: int
    rows: list[list[Shift]]


@dataclass
class EmployeeCalendar:
    employee_id: int
    employer_id: int
    has_contracts: bool = False
    terms: list[Terms] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    overrides: dict[dt.date, Shift] = field(default_factory=dict)

    def terms_on(self, day: dt.date) -> Terms | None:
        index = bisect_right([t.start for t in self.terms], day) - 1
        if index >= 0 and self.terms[index].end >= day:
            return self.terms[index]
        return None

    def latest_terms(self, day: dt.date) -> Terms | None:
        """The terms in force on `day`, or else the last ones before it."""
        before = [t for t in self.terms if t.start <= day]
        return before[-1] if before else None


def _employee_filter(employees: Iterable[Any] | QuerySet[Employee]) -> tuple[Any, list[Any]]:
    """A filter value for `employee_id__in`, and the employees as objects when given so."""
    if isinstance(employees, QuerySet):
        return employees.values("pk"), []
    items = list(employees)
    return [getattr(e, "pk", e) for e in items], items


class CalendarData:
    """The working calendars of many employees over a period."""

    def __init__(
        self, employees: Iterable[Any] | QuerySet[Employee], start: dt.date, end: dt.date
    ) -> None:
        self.start, self.end = start, end
        ids, given = _employee_filter(employees)
        if given and all(isinstance(e, Employee) for e in given):
            employers = {e.pk: e.employer_id for e in given}
        else:
            employers = dict(Employee.objects.filter(pk__in=ids).values_list("pk", "employer_id"))
        self.calendars = {pk: EmployeeCalendar(pk, employer) for pk, employer in employers.items()}
        self._load_terms(ids)
        self._load_assignments(ids)
        for employee_id, day, intervals in ShiftOverride.objects.filter(
            employee_id__in=ids, day__gte=start, day__lte=end
        ).values_list("employee_id", "day", "intervals"):
            self.calendars[employee_id].overrides[day] = (
                shift_from_pairs(intervals) if intervals else REST
            )
        self.solidarity_keys = dict(
            WorkingTimeSettings.objects.filter(employer_id__in=set(employers.values()))
            .exclude(solidarity_day="")
            .values_list("employer_id", "solidarity_day")
        )
        self._holidays: dict[str | None, frozenset[dt.date]] = {}
        self._solidarity: dict[tuple[int, str | None], frozenset[dt.date]] = {}
        self._days_off_cache: dict[tuple[int, str | None], list[int]] = {}
        count = (end - start).days + 1
        self.dates = [start + dt.timedelta(days=n) for n in range(count)]
        self._weekdays = [day.weekday() for day in self.dates]

    def _load_terms(self, ids: Any) -> None:
        running = Q(contract__end_date__isnull=True) | Q(contract__end_date__gte=self.start)
        rows = (
            ContractTerms.objects.filter(
                running, contract__employee_id__in=ids, contract__start_date__lte=self.end
            )
            .order_by("contract__employee_id", "contract__start_date", "effective_date")
            .values_list(
                "contract__employee_id",
                "contract_id",
                "contract__start_date",
                "contract__end_date",
                "effective_date",
                "establishment__department",
                "working_time",
                "monthly_hours",
            )
        )
        by_contract: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for row in rows:
            by_contract[row[1]].append(row)
        for versions in by_contract.values():
            calendar = self.calendars[versions[0][0]]
            calendar.has_contracts = True
            contract_start, contract_end = versions[0][2], versions[0][3] or FAR_FUTURE
            for position, row in enumerate(versions):
                following = versions[position + 1][4] if position + 1 < len(versions) else None
                calendar.terms.append(
                    Terms(
                        start=max(row[4], contract_start),
                        end=following - dt.timedelta(days=1) if following else contract_end,
                        department=row[5],
                        working_time=row[6],
                        monthly_hours=row[7],
                    )
                )
        for calendar in self.calendars.values():
            calendar.terms.sort(key=lambda t: t.start)
        without = [pk for pk, c in self.calendars.items() if not c.has_contracts]
        if without:
            for pk in (
                Contract.objects.filter(employee_id__in=without)
                .values_list("employee_id", flat=True)
                .distinct()
            ):
                self.calendars[pk].has_contracts = True

    def _load_assignments(self, ids: Any) -> None:
        rows = list(
            ScheduleAssignment.objects.filter(employee_id__in=ids, start_date__lte=self.end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=self.start))
            .order_by("employee_id", "start_date")
            .values_list("employee_id", "schedule_id", "start_date", "end_date", "cycle_start_week")
        )
        patterns: dict[int, Pattern] = {}
        days: dict[int, dict[tuple[int, int], Shift]] = defaultdict(dict)
        for day in ScheduleDay.objects.filter(
            schedule_id__in={row[1] for row in rows}
        ).select_related("schedule"):
            days[day.schedule_id][(day.week, day.weekday)] = day.shift()
            if day.schedule_id not in patterns:
                schedule = day.schedule
                patterns[day.schedule_id] = Pattern(
                    schedule.cycle_weeks,
                    schedule.works_public_holidays,
                    schedule.is_days_package,
                    days[day.schedule_id],
                )
        empty = Pattern(1, False, False, {})
        rows_of: dict[int, list[list[Shift]]] = {}
        for employee_id, schedule_id, start, end, cycle_start_week in rows:
            pattern = patterns.get(schedule_id, empty)
            if schedule_id not in rows_of:
                rows_of[schedule_id] = pattern.rows()
            self.calendars[employee_id].assignments.append(
                Assignment(
                    start, end or FAR_FUTURE, pattern, cycle_start_week, rows_of[schedule_id]
                )
            )

    def holidays(self, department: str | None) -> frozenset[dt.date]:
        if department not in self._holidays:
            self._holidays[department] = frozenset(
                holidays_between(self.start, self.end, department)
            )
        return self._holidays[department]

    def solidarity_days(self, employer_id: int, department: str | None) -> frozenset[dt.date]:
        key = (employer_id, department)
        if key not in self._solidarity:
            setting = self.solidarity_keys.get(employer_id)
            found = (
                solidarity_day(year, setting, department)
                for year in range(self.start.year, self.end.year + 1)
            )
            self._solidarity[key] = frozenset(day for day in found if day is not None)
        return self._solidarity[key]

    def _index(self, day: dt.date) -> int:
        return (day - self.start).days

    def _days_off(self, employer_id: int, department: str | None) -> list[int]:
        """Indexes of the holidays not worked (the journée de solidarité is worked)."""
        key = (employer_id, department)
        if key not in self._days_off_cache:
            worked = self.solidarity_days(employer_id, department)
            self._days_off_cache[key] = sorted(
                self._index(day) for day in self.holidays(department) if day not in worked
            )
        return self._days_off_cache[key]

    def _fill(
        self,
        out: list[Shift],
        first: int,
        last: int,
        assignment: Assignment | None,
        days_off: list[int],
    ) -> None:
        """Days `first` to `last` (indexes) from the schedule, or the legal week without one;
        then the holidays off, unless the schedule runs through them."""
        weekdays = self._weekdays
        if assignment is None:
            out[first : last + 1] = [LEGAL_WEEK[w] for w in weekdays[first : last + 1]]
        else:
            rows = assignment.rows
            if len(rows) == 1:
                row = rows[0]
                out[first : last + 1] = [row[w] for w in weekdays[first : last + 1]]
            else:
                origin = self._index(assignment.start) - assignment.start.weekday()
                shift = assignment.cycle_start_week - 1
                cycle = len(rows)
                for i in range(first, last + 1):
                    out[i] = rows[(shift + (i - origin) // 7) % cycle][weekdays[i]]
            if assignment.pattern.works_public_holidays:
                return
        for index in days_off:
            if first <= index <= last:
                out[index] = REST

    def shift_list(self, employee_id: int) -> list[Shift]:
        """The planned shift of each day of the period, in date order."""
        calendar = self.calendars[employee_id]
        count = len(self._weekdays)
        out = [REST] * count
        if calendar.has_contracts:
            stretches = [
                (max(self._index(t.start), 0), min(self._index(t.end), count - 1), t.department)
                for t in calendar.terms
            ]
        else:
            stretches = [(0, count - 1, None)]
        covered = []
        for first, last, department in stretches:
            if first > last:
                continue
            covered.append((first, last))
            days_off = self._days_off(calendar.employer_id, department)
            position = first
            for assignment in calendar.assignments:
                a_first = max(first, self._index(assignment.start))
                a_last = (
                    min(last, self._index(assignment.end)) if assignment.end < FAR_FUTURE else last
                )
                if a_first > a_last:
                    continue
                if position < a_first:
                    self._fill(out, position, a_first - 1, None, days_off)
                self._fill(out, a_first, a_last, assignment, days_off)
                position = a_last + 1
            if position <= last:
                self._fill(out, position, last, None, days_off)
        for day, shift in calendar.overrides.items():
            index = self._index(day)
            if any(first <= index <= last for first, last in covered):
                out[index] = shift
        return out

    def shifts(self, employee_id: int) -> dict[dt.date, Shift]:
        """The planned shift of each day of the period."""
        return dict(zip(self.dates, self.shift_list(employee_id), strict=True))

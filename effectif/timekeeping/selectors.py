"""Reads of working time, always through the requesting user's scope: HR sees the employers it
is granted, a manager their team, an employee themself."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum

from effectif.contracts.models import ContractTerms
from effectif.core.roles import is_hr, is_manager
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for
from effectif.organisation.models import Department, Employer, Establishment
from effectif.organisation.selectors import (
    departments_for,
    establishments_for,
    hr_employers_for,
    managed_department_ids,
    subtree_ids,
)
from effectif.rules.working_time.holidays import PublicHoliday, holidays_between
from effectif.timekeeping.calendar_data import CalendarData
from effectif.timekeeping.models import (
    ClockImport,
    ScheduleAssignment,
    SheetStatus,
    TimeSheet,
    WorkingTimeSettings,
    WorkSchedule,
)
from effectif.timekeeping.shifts import Shift

if TYPE_CHECKING:
    from effectif.accounts.models import User

# --- Schedules and settings (HR) ------------------------------------------------------------


def schedules_for(user: User) -> QuerySet[WorkSchedule]:
    return (
        WorkSchedule.objects.filter(employer__in=hr_employers_for(user))
        .select_related("employer")
        .annotate(assigned=Count("assignments", distinct=True))
    )


def schedule_get(user: User, pk: Any) -> WorkSchedule:
    return get_in_scope(schedules_for(user), pk)


def schedules_of_employer(employer_id: int) -> QuerySet[WorkSchedule]:
    return WorkSchedule.objects.filter(employer_id=employer_id, active=True).order_by("name")


def assignments_of(employee: Employee) -> QuerySet[ScheduleAssignment]:
    return (
        ScheduleAssignment.objects.filter(employee=employee)
        .select_related("schedule")
        .order_by("-start_date")
    )


def assignment_get(employee: Employee, pk: Any) -> ScheduleAssignment:
    return get_in_scope(assignments_of(employee), pk)


def settings_employer_get(user: User, pk: Any) -> Employer:
    return get_in_scope(hr_employers_for(user), pk)


def working_time_settings_of(employer: Employer) -> WorkingTimeSettings:
    """The employer's settings, or unsaved legal defaults."""
    found = WorkingTimeSettings.objects.filter(employer=employer).first()
    return found if found is not None else WorkingTimeSettings(employer=employer)


# --- Time sheets ----------------------------------------------------------------------------


def sheets_for(user: User) -> QuerySet[TimeSheet]:
    return TimeSheet.objects.filter(employee__in=employees_for(user)).select_related(
        "employee", "employee__employer", "employee__department", "manager_decided_by"
    )


def sheet_get(user: User, pk: Any) -> TimeSheet:
    return get_in_scope(sheets_for(user), pk)


def sheet_of_week(employee: Employee, monday: dt.date) -> TimeSheet | None:
    return (
        TimeSheet.objects.filter(employee=employee, week_start=monday)
        .prefetch_related("records")
        .first()
    )


def validatable_employees(user: User) -> QuerySet[Employee]:
    """Employees whose weeks the user validates: HR, those of its employers; a manager, their
    team; never oneself."""
    if not user.is_authenticated:
        return Employee.objects.none()
    if is_manager(user):
        team = Employee.objects.filter(department_id__in=managed_department_ids(user))
    else:
        team = employees_for(user) if is_hr(user) else Employee.objects.none()
    return team.exclude(user=user)


def sheets_to_validate(user: User) -> QuerySet[TimeSheet]:
    return (
        TimeSheet.objects.filter(
            employee__in=validatable_employees(user), status=SheetStatus.SUBMITTED
        )
        .select_related("employee", "employee__department")
        .order_by("week_start", "employee__last_name", "employee__first_names")
    )


@dataclass(frozen=True)
class SheetFilters:
    employer_id: int | None = None
    status: str = ""
    week_start: dt.date | None = None
    q: str = ""


def sheet_list(user: User, filters: SheetFilters) -> QuerySet[TimeSheet]:
    sheets = sheets_for(user).order_by("-week_start", "employee__last_name", "employee__pk")
    if filters.employer_id:
        sheets = sheets.filter(employee__employer_id=filters.employer_id)
    if filters.status:
        sheets = sheets.filter(status=filters.status)
    if filters.week_start:
        sheets = sheets.filter(week_start=filters.week_start)
    for term in filters.q.split():
        sheets = sheets.filter(
            Q(employee__last_name__icontains=term)
            | Q(employee__first_names__icontains=term)
            | Q(employee__matricule__icontains=term)
        )
    return sheets


# --- The month's variable elements (HR) -----------------------------------------------------


def weeks_of_month(month: dt.date) -> tuple[dt.date, dt.date]:
    """First and last Monday of the weeks paid with `month`: a week is paid with the month in
    which it ends (its Sunday)."""
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])

    def monday(day: dt.date) -> dt.date:
        return day - dt.timedelta(days=day.weekday())

    return monday(first), monday(last - dt.timedelta(days=6))


@dataclass
class VariableElements:
    """One employee's hours for payroll in a month."""

    employee: Employee
    weeks: int = 0
    worked: Decimal = Decimal("0.00")
    overtime_first: Decimal = Decimal("0.00")
    overtime_second: Decimal = Decimal("0.00")
    complementary_first: Decimal = Decimal("0.00")
    complementary_second: Decimal = Decimal("0.00")
    pending: int = 0  # weeks of the month not validated yet


def variable_elements(user: User, employer: Employer, month: dt.date) -> list[VariableElements]:
    """Overtime and complementary hours of the validated weeks ending in `month`, by employee,
    with the weeks still to validate; employees with nothing to pay and nothing pending are
    left out."""
    if not hr_employers_for(user).filter(pk=employer.pk).exists():
        return []
    first, last = weeks_of_month(month)
    sheets = TimeSheet.objects.filter(
        employee__employer=employer, week_start__gte=first, week_start__lte=last
    )
    validated = Q(status=SheetStatus.APPROVED)
    totals = (
        sheets.values("employee_id")
        .annotate(
            weeks=Count("pk", filter=validated),
            worked=Sum("worked_hours", filter=validated),
            overtime_first=Sum("overtime_first_hours", filter=validated),
            overtime_second=Sum("overtime_second_hours", filter=validated),
            complementary_first=Sum("complementary_first_hours", filter=validated),
            complementary_second=Sum("complementary_second_hours", filter=validated),
            pending=Count("pk", filter=~validated),
        )
        .order_by()
    )
    by_employee = {row["employee_id"]: row for row in totals}
    people = Employee.objects.filter(pk__in=by_employee).order_by("last_name", "first_names", "pk")
    rows = []
    for person in people:
        row = by_employee[person.pk]
        element = VariableElements(
            employee=person,
            weeks=row["weeks"],
            worked=row["worked"] or Decimal("0.00"),
            overtime_first=row["overtime_first"] or Decimal("0.00"),
            overtime_second=row["overtime_second"] or Decimal("0.00"),
            complementary_first=row["complementary_first"] or Decimal("0.00"),
            complementary_second=row["complementary_second"] or Decimal("0.00"),
            pending=row["pending"],
        )
        rows.append(element)
    return rows


# --- Legal checks ---------------------------------------------------------------------------


def check_establishments(user: User) -> QuerySet[Establishment]:
    """Establishments whose people the user may check: HR only (a manager checks a team)."""
    return establishments_for(user).filter(employer__in=hr_employers_for(user))


def check_departments(user: User) -> QuerySet[Department]:
    if is_manager(user):
        return Department.objects.filter(pk__in=managed_department_ids(user)).select_related(
            "employer"
        )
    return departments_for(user).filter(employer__in=hr_employers_for(user))


def employees_to_check(
    user: User,
    start: dt.date,
    end: dt.date,
    establishment: Establishment | None = None,
    department: Department | None = None,
) -> QuerySet[Employee]:
    """Employees in scope under contract during the period, in the establishment or the
    department (and those below it)."""
    running = Q(contract__end_date__isnull=True) | Q(contract__end_date__gte=start)
    terms = ContractTerms.objects.filter(running, contract__start_date__lte=end)
    if establishment is not None:
        terms = terms.filter(establishment=establishment)
    people = employees_for(user).filter(pk__in=terms.values("contract__employee_id"))
    if department is not None:
        parents = dict(
            Department.objects.filter(employer_id=department.employer_id).values_list(
                "id", "parent_id"
            )
        )
        people = people.filter(department_id__in=subtree_ids({department.pk}, parents))
    return people.select_related("department").order_by("last_name", "first_names", "pk")


# --- Imports of clocked hours (HR) ----------------------------------------------------------


def clock_imports_for(user: User) -> QuerySet[ClockImport]:
    return ClockImport.objects.filter(employer__in=hr_employers_for(user)).select_related(
        "employer", "user"
    )


def clock_import_get(user: User, pk: Any) -> ClockImport:
    return get_in_scope(clock_imports_for(user), pk)


# --- The planning's days --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """One employee's day as the planning draws it."""

    shift: Shift
    under_contract: bool  # False before the hiring, after the departure, between contracts
    changed: bool  # planned otherwise than by the schedule (a change of the planning)
    holiday: PublicHoliday | None  # a public holiday where they work that day, worked or not


def planned_days_many(
    employees: list[Employee], start: dt.date, end: dt.date
) -> dict[int, dict[dt.date, PlannedDay]]:
    """Each employee's planned days from `start` to `end`, with the public holiday (and its
    name) of the establishment where their contract places them, in the fixed number of queries
    of the working calendar. Someone with no contract recorded at all is taken as under one.
    Identical days share one (immutable) `PlannedDay`."""
    data = CalendarData(employees, start, end)
    names: dict[str | None, dict[dt.date, PublicHoliday]] = {}
    shared: dict[tuple[int, bool, bool, int], PlannedDay] = {}
    days: dict[int, dict[dt.date, PlannedDay]] = {}
    for pk, employee_calendar in data.calendars.items():
        contracts = employee_calendar.has_contracts
        place: dict[dt.date, str | None] = {}
        for terms in employee_calendar.terms if contracts else ():
            day, last = max(terms.start, start), min(terms.end, end)
            while day <= last:
                place[day] = terms.department
                day += dt.timedelta(days=1)
        overrides = employee_calendar.overrides
        mine: dict[dt.date, PlannedDay] = {}
        for day, shift in data.shifts(pk).items():
            under_contract = day in place or not contracts
            holiday = None
            if under_contract:
                department = place.get(day)
                if department not in names:
                    names[department] = holidays_between(start, end, department)
                holiday = names[department].get(day)
            changed = under_contract and day in overrides
            key = (id(shift), under_contract, changed, id(holiday))
            planned = shared.get(key)
            if planned is None:
                planned = shared[key] = PlannedDay(shift, under_contract, changed, holiday)
            mine[day] = planned
        days[pk] = mine
    return days

"""Reads of leave, always through the requesting user's scope (the personnel files they may
see): HR their employers, a manager their team, an employee themself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from effectif.accounts.models import User
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for
from effectif.leave.ledger import ZERO, Bucket, buckets_by_employee
from effectif.leave.models import (
    HOLDING,
    LeaveRequest,
    LeaveType,
    LedgerEntry,
    Notification,
    Status,
)
from effectif.organisation.selectors import employers_for, hr_employers_for

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def requests_for(user: User) -> QuerySet[LeaveRequest]:
    return LeaveRequest.objects.filter(employee__in=employees_for(user)).select_related(
        "employee", "employee__employer", "employee__department", "leave_type", "decided_by"
    )


#: What a row of a list of requests reads (`{% request_rows %}`): the request's dates, amount and
#: status, its employee's name, account and department, its type as a reader may read it.
ROW_FIELDS = (
    "employee",
    "leave_type",
    "start_date",
    "end_date",
    "start_afternoon",
    "end_morning",
    "amount",
    "status",
    "employee__last_name",
    "employee__usage_name",
    "employee__first_names",
    "employee__user",
    "employee__department",
    "employee__department__name",
    "leave_type__employer",
    "leave_type__code",
    "leave_type__label",
    "leave_type__category",
    "leave_type__unit",
    "leave_type__colour",
    "leave_type__shown_to_managers",
)


def as_rows(requests: QuerySet[LeaveRequest]) -> QuerySet[LeaveRequest]:
    """`requests` reading only what their rows in a list show (not the whole personnel file,
    employer and decider of each)."""
    return (
        requests.select_related(None)
        .select_related("employee__department", "leave_type")
        .only(*ROW_FIELDS)
    )


def request_get(user: User, pk: Any) -> LeaveRequest:
    return get_in_scope(requests_for(user), pk)


def to_decide(user: User) -> QuerySet[LeaveRequest]:
    """Pending requests the user may decide on: their team's or, for HR, their employers'
    (never their own)."""
    return (
        requests_for(user)
        .filter(status=Status.SUBMITTED)
        .exclude(employee__user=user)
        .order_by("start_date", "id")
    )


def leave_types_for(user: User) -> QuerySet[LeaveType]:
    return LeaveType.objects.filter(employer__in=employers_for(user)).select_related("employer")


def managed_leave_types(user: User) -> QuerySet[LeaveType]:
    return LeaveType.objects.filter(employer__in=hr_employers_for(user)).select_related("employer")


def leave_type_get(user: User, pk: Any) -> LeaveType:
    return get_in_scope(managed_leave_types(user), pk)


def requestable_types(employee: Employee, *, on_behalf: bool) -> QuerySet[LeaveType]:
    types = LeaveType.objects.filter(employer_id=employee.employer_id, active=True)
    if not on_behalf:
        types = types.filter(employee_can_request=True)
    return types.order_by("label")


def colleagues_away(request: LeaveRequest) -> list[LeaveRequest]:
    """Others of the employee's department away on some of the same days (pending or
    approved), for the one who decides."""
    if request.employee.department_id is None:
        return []
    return list(
        LeaveRequest.objects.filter(
            employee__department_id=request.employee.department_id,
            status__in=HOLDING,
            start_date__lte=request.end_date,
            end_date__gte=request.start_date,
        )
        .exclude(employee_id=request.employee_id)
        .select_related("employee", "leave_type")
        .order_by("start_date")
    )


@dataclass
class TypeBalance:
    leave_type: LeaveType
    buckets: list[Bucket] = field(default_factory=list)

    def total(self, name: str) -> Decimal:
        return sum((getattr(b, name) for b in self.buckets), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.total("remaining")

    @property
    def next_deadline(self) -> Bucket | None:
        dated = [b for b in self.buckets if b.available_until and b.remaining > 0]
        return dated[0] if dated else None


@dataclass
class Statement:
    employee: Employee
    on: dt.date
    balances: list[TypeBalance]


def statement(employee: Employee, on: dt.date) -> Statement:
    """An employee's balances as of `on`, per type and per reference period: acquired, taken,
    remaining, expiring (the employee has been fetched through the scope)."""
    entries = LedgerEntry.objects.filter(employee=employee)
    found = buckets_by_employee(entries, on).get(employee.pk, {})
    types = LeaveType.objects.filter(pk__in=list(found)).order_by("label")
    return Statement(employee, on, [TypeBalance(t, found[t.pk]) for t in types])


def ledger_entries(employee: Employee, leave_type: LeaveType | None = None) -> QuerySet[Any]:
    entries = LedgerEntry.objects.filter(employee=employee).select_related("leave_type", "request")
    if leave_type is not None:
        entries = entries.filter(leave_type=leave_type)
    return entries.order_by("-entry_date", "-id")


@dataclass
class BalanceRow:
    employee: Employee
    balances: dict[int, TypeBalance]


def balances_as_of(
    employees: QuerySet[Employee], on: dt.date, types: list[LeaveType]
) -> list[BalanceRow]:
    """The balances of many employees as of a date: one query for the ledger, one for the
    employees, whatever their number."""
    by_type = {t.pk: t for t in types}
    entries = LedgerEntry.objects.filter(employee__in=employees, leave_type_id__in=list(by_type))
    found = buckets_by_employee(entries, on)
    rows = []
    for employee in employees:
        mine = found.get(employee.pk, {})
        rows.append(
            BalanceRow(
                employee,
                {pk: TypeBalance(by_type[pk], buckets) for pk, buckets in mine.items()},
            )
        )
    return rows


def must_take_before(
    employees: QuerySet[Employee],
    leave_type: LeaveType,
    on: dt.date,
    until: dt.date | None = None,
) -> list[tuple[Employee, Bucket]]:
    """Who still has days of `leave_type` to take, and by when (earliest deadline first): the
    buckets whose deadline falls on `on` or after (and by `until`, when given)."""
    # A bucket's entries share its deadline: the database keeps only the buckets of the
    # window, rather than every employee's since their hiring.
    window = {"available_until__gte": on}
    if until is not None:
        window["available_until__lte"] = until
    entries = LedgerEntry.objects.filter(employee__in=employees, leave_type=leave_type, **window)
    found = buckets_by_employee(entries, dt.date.max)
    if not found:
        return []
    people = {e.pk: e for e in employees.filter(pk__in=list(found))}
    rows = [
        (people[employee_id], bucket)
        for employee_id, types in found.items()
        if employee_id in people
        for bucket in types.get(leave_type.pk, [])
        if bucket.remaining > 0
    ]
    return sorted(rows, key=lambda r: (r[1].available_until or dt.date.max, r[0].last_name))


def notifications_for(user: Actor) -> QuerySet[Notification]:
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user)


def request_filters(
    requests: QuerySet[LeaveRequest],
    *,
    status: str = "",
    employer: int | None = None,
    leave_type: int | None = None,
    q: str = "",
) -> QuerySet[LeaveRequest]:
    if status:
        requests = requests.filter(status=status)
    if employer:
        requests = requests.filter(employee__employer_id=employer)
    if leave_type:
        requests = requests.filter(leave_type_id=leave_type)
    for term in q.split():
        requests = requests.filter(
            Q(employee__last_name__icontains=term)
            | Q(employee__usage_name__icontains=term)
            | Q(employee__first_names__icontains=term)
            | Q(employee__matricule__icontains=term)
        )
    return requests

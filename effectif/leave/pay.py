"""Leave pay for payroll: for each period of paid leave taken in a month, the indemnity by
maintien de salaire and by the tenth rule, and the higher (C. trav. L3141-24).

The gross pay of the reference period is estimated from the contracts' monthly base pay
(pro rata of the days under contract): variable pay joins it once payroll results exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from effectif.contracts.models import ContractTerms
from effectif.employees.models import Employee
from effectif.leave.ledger import ZERO, period_of
from effectif.leave.models import (
    CREDIT_KINDS,
    Category,
    EntryKind,
    LeaveRequest,
    LedgerEntry,
    Status,
)
from effectif.organisation.models import Employer
from effectif.rules.leave.pay import LeavePay, LeavePayFacts, leave_pay
from effectif.rules.leave.periods import Period, month_end, period_starting
from effectif.rules.leave.reference_pay import PayVersion, pro_rata_gross
from effectif.timekeeping.calendar import planned_hours_many


@dataclass
class LeavePayLine:
    request: LeaveRequest
    employee: Employee
    first_day: dt.date
    last_day: dt.date
    days: Decimal
    monthly_gross: Decimal
    reference_gross: Decimal
    days_acquired: Decimal
    pay: LeavePay


def _terms(employee: Employee, on: dt.date) -> ContractTerms | None:
    return (
        ContractTerms.objects.filter(contract__employee=employee, effective_date__lte=on)
        .filter(contract__start_date__lte=on)
        .order_by("-effective_date")
        .first()
    )


def pay_versions(employee_id: int) -> list[PayVersion]:
    """The monthly base pay of each version of the employee's contracts' terms, in order."""
    return [
        PayVersion(
            v.effective_date, v.contract.start_date, v.contract.end_date, v.monthly_gross_amount
        )
        for v in ContractTerms.objects.filter(contract__employee_id=employee_id)
        .select_related("contract")
        .order_by("effective_date")
    ]


def reference_gross(employee: Employee, period: Period) -> Decimal:
    """Base gross pay over the reference period: each month's pay in force, pro rata of the
    days under contract."""
    return pro_rata_gross(pay_versions(employee.pk), period.start, period.end)


def leave_pay_lines(employer: Employer, month: dt.date) -> list[LeavePayLine]:
    """Each approved period of paid leave within `month`, with its leave pay."""
    first, last = month, month_end(month)
    requests = list(
        LeaveRequest.objects.filter(
            employee__employer=employer,
            leave_type__category=Category.PAID_LEAVE,
            status=Status.APPROVED,
            start_date__lte=last,
            end_date__gte=first,
        )
        .select_related("employee", "leave_type")
        .order_by("employee__last_name", "start_date")
    )
    # Everyone's planned hours of the month at once (the calendar reads in fixed queries).
    planned_by_employee = planned_hours_many(
        list({r.employee_id: r.employee for r in requests}.values()), first, last
    )
    lines = []
    for request in requests:
        detail = {
            dt.date.fromisoformat(day): Decimal(value)
            for day, value in (request.days_detail or {}).items()
        }
        days_in_month = {day: v for day, v in detail.items() if first <= day <= last}
        if not days_in_month:
            continue
        employee = request.employee
        terms = _terms(employee, min(days_in_month))
        planned = planned_by_employee.get(employee.pk, {})
        leave_hours = sum(
            (planned.get(day, ZERO) * min(v, Decimal(1)) for day, v in days_in_month.items()),
            ZERO,
        )
        taking = (
            LedgerEntry.objects.filter(request=request, kind=EntryKind.TAKING)
            .order_by("id")
            .first()
        )
        source = (
            period_starting(taking.period_start)
            if taking
            else period_of(request.leave_type, request.start_date).previous()
        )
        acquired = (
            LedgerEntry.objects.filter(
                employee=employee,
                leave_type=request.leave_type,
                period_start=source.start,
                kind__in=CREDIT_KINDS,
            ).aggregate(total=Sum("amount"))["total"]
            or ZERO
        )
        monthly = terms.monthly_gross_amount if terms else ZERO
        gross = reference_gross(employee, source)
        days = sum(days_in_month.values(), ZERO)
        facts = LeavePayFacts(
            on=min(days_in_month),
            days_taken=days,
            monthly_gross=monthly,
            month_hours=sum(planned.values(), ZERO),
            leave_hours=leave_hours,
            reference_gross=gross,
            days_acquired=acquired,
        )
        lines.append(
            LeavePayLine(
                request=request,
                employee=employee,
                first_day=min(days_in_month),
                last_day=max(days_in_month),
                days=days,
                monthly_gross=monthly,
                reference_gross=gross,
                days_acquired=acquired,
                pay=leave_pay(facts),
            )
        )
    return lines

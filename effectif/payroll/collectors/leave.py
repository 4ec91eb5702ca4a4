"""Leave and absences of the month, from the leave app (approved requests only, and only the part
of each request inside the month).

- **Paid leave** (`Category.PAID_LEAVE`): one « CP » element per request, valued by the leave
  app itself (`leave.pay.leave_pay_lines`): the days taken in the month as the quantity, the
  gross pay of the reference period as the base and the days acquired over it as the rate (what
  the engine needs for the tenth rule); the detail keeps both valuations (maintien de salaire
  and dixième) and the one that wins (C. trav. L3141-24).
- **Unpaid leave** (`Category.UNPAID`) and the absences that suspend the contract (sickness,
  work accident or occupational disease, maternity, paternity, sick child): the hours the
  employee would have worked on the days of the request in the month (the working calendar,
  `timekeeping.calendar.planned_hours_many`; half a day's hours on a half day of
  `days_detail`), as « ABS_H ». An employer who deducts absences by working days
  (`AbsenceMethod.WORKING_DAYS`) gets « ABS_J » instead, the working days of the absence, since
  the engine reads only the quantity of its method. The absences other than unpaid leave carry
  their nature in `detail["category"]`: the waiting days, the employer's salary maintenance and
  the IJSS are the engine's work on sick leave (not done yet), which will read them from there;
  until then the absence is deducted and nothing is maintained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from effectif.employees.models import Employee
from effectif.leave.models import Category, LeaveRequest, Status
from effectif.leave.models import Unit as LeaveUnit
from effectif.leave.pay import LeavePayLine, leave_pay_lines
from effectif.payroll.catalogue import KINDS
from effectif.payroll.collectors import Draft
from effectif.payroll.facts import employer_settings, month_end
from effectif.payroll.models import ElementSource
from effectif.rules.leave.counting import Span
from effectif.rules.money import round_amount
from effectif.rules.payroll.inputs import AbsenceMethod
from effectif.timekeeping.calendar import planned_hours_many

if TYPE_CHECKING:
    from effectif.payroll.facts import Paid
    from effectif.payroll.models import PayrollPeriod

ZERO = Decimal(0)
ONE = Decimal(1)
HALF = Decimal("0.5")

#: The absences deducted from the month's salary (as hours, or days by the employer's method).
ABSENCE_CATEGORIES = (
    Category.UNPAID,
    Category.SICKNESS,
    Category.WORK_ACCIDENT,
    Category.MATERNITY,
    Category.PATERNITY,
    Category.SICK_CHILD,
)

#: Said in the detail of an absence whose pay the engine does not compute yet.
SUSPENSION_NOTE = (
    "Délai de carence, maintien de salaire (C. trav. L1226-1, D1226-1 à D1226-8) et IJSS : "
    "calcul du moteur à venir ; seule la retenue pour absence est appliquée."
)


def collect(period: PayrollPeriod, paid: list[Paid]) -> list[Draft]:
    """The paid leave and the absences of the people paid in the period."""
    ids = {person.employee.pk for person in paid}
    return [*_paid_leave(period, ids), *_absences(period, ids)]


def source_key(request: LeaveRequest) -> str:
    return f"leave.leaverequest:{request.pk}"


def _source_label(request: LeaveRequest, first: dt.date, last: dt.date) -> str:
    """« Congés payés du 04/05 au 08/05 »: the type and the part of the request in the month."""
    if first == last:
        when = _("le %(day)s") % {"day": first.strftime("%d/%m")}
    else:
        when = _("du %(start)s au %(end)s") % {
            "start": first.strftime("%d/%m"),
            "end": last.strftime("%d/%m"),
        }
    return f"{request.leave_type.label} {when}"


def _url(request: LeaveRequest) -> str:
    return reverse("leave:request_detail", args=[request.pk])


def _paid_leave(period: PayrollPeriod, ids: set[int]) -> list[Draft]:
    kind = KINDS["CP"]
    return [
        Draft(
            employee_id=line.employee.pk,
            code=kind.code,
            label=str(kind.label),
            source=ElementSource.LEAVE,
            source_key=source_key(line.request),
            source_label=_source_label(line.request, line.first_day, line.last_day),
            source_url=_url(line.request),
            quantity=line.days,
            base_amount=round_amount(line.reference_gross),
            rate=line.days_acquired,
            start_date=line.first_day,
            end_date=line.last_day,
            detail=_pay_detail(line),
        )
        for line in leave_pay_lines(period.employer, period.month)
        if line.employee.pk in ids
    ]


def _pay_detail(line: LeavePayLine) -> dict[str, str]:
    pay = line.pay
    return {
        "category": str(Category.PAID_LEAVE),
        "counting": line.request.leave_type.counting,
        "monthly_gross_amount": str(line.monthly_gross),
        "maintien_amount": str(pay.maintien_amount),
        "tenth_amount": str(pay.tenth_amount),
        "method": pay.method,
        "amount": str(pay.amount),
        "basis": pay.basis,
    }


def days_in_month(request: LeaveRequest, first: dt.date, last: dt.date) -> dict[dt.date, Decimal]:
    """What each day of the request inside the month counts: its `days_detail` (half days at
    0.5, hours for a type counted in hours), or, for a request stored without it, 1 per day of
    its span and 0.5 for a half day at either end."""
    if request.days_detail:
        counted = {
            dt.date.fromisoformat(day): Decimal(value) for day, value in request.days_detail.items()
        }
    else:
        span = Span(
            request.start_date, request.end_date, request.start_afternoon, request.end_morning
        )
        counted = {}
        for day, _part in span.halves():
            counted[day] = counted.get(day, ZERO) + HALF
    return {day: value for day, value in sorted(counted.items()) if first <= day <= last}


def _absences(period: PayrollPeriod, ids: set[int]) -> list[Draft]:
    first, last = period.month, month_end(period.month)
    requests = [
        request
        for request in LeaveRequest.objects.filter(
            employee__employer_id=period.employer_id,
            leave_type__category__in=ABSENCE_CATEGORIES,
            status=Status.APPROVED,
            start_date__lte=last,
            end_date__gte=first,
        )
        .select_related("employee", "leave_type")
        .order_by("employee_id", "start_date", "pk")
        if request.employee_id in ids
    ]
    if not requests:
        return []
    by_days = AbsenceMethod(employer_settings(period).absence_method) is AbsenceMethod.WORKING_DAYS
    kind = KINDS["ABS_J" if by_days else "ABS_H"]
    planned = planned_hours_many(_employees(requests), first, last)
    drafts = []
    for request in requests:
        days = days_in_month(request, first, last)
        if not days:
            continue
        hours, working_days = _absent(request, days, planned.get(request.employee_id, {}))
        category = request.leave_type.category
        detail: dict[str, str | bool | int] = {
            "category": category,
            "hours": str(hours),
            "working_days": str(working_days),
            "calendar_days": (min(request.end_date, last) - max(request.start_date, first)).days
            + 1,
            "request_start_date": request.start_date.isoformat(),
            "request_end_date": request.end_date.isoformat(),
        }
        if category != Category.UNPAID:
            detail |= {"subrogation": request.subrogation, "note": SUSPENSION_NOTE}
        drafts.append(
            Draft(
                employee_id=request.employee_id,
                code=kind.code,
                label=_label(category, kind.label),
                source=ElementSource.LEAVE,
                source_key=source_key(request),
                source_label=_source_label(request, min(days), max(days)),
                source_url=_url(request),
                quantity=working_days if by_days else hours,
                start_date=min(days),
                end_date=max(days),
                detail=detail,
            )
        )
    return drafts


def _employees(requests: Iterable[LeaveRequest]) -> list[Employee]:
    return list({request.employee_id: request.employee for request in requests}.values())


def _absent(
    request: LeaveRequest, days: dict[dt.date, Decimal], planned: dict[dt.date, Decimal]
) -> tuple[Decimal, Decimal]:
    """The hours and the working days the employee would have worked on the days of absence."""
    hours = working_days = ZERO
    for day, value in days.items():
        day_hours = planned.get(day, ZERO)
        if day_hours <= 0:
            continue
        if request.leave_type.unit == LeaveUnit.HOURS:
            share = min(value / day_hours, ONE)
        else:
            share = min(value, ONE)
        hours += day_hours * share
        working_days += share
    return round_amount(hours), round_amount(working_days)


def _label(category: str, default: Promise) -> str:
    if category == Category.UNPAID:
        return str(default)
    return _("Absence : %(nature)s") % {"nature": Category(category).label}

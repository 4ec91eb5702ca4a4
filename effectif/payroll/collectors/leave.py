"""Leave and absences of the month, from the leave app (approved requests only, and only the part
of each request inside the month).

- **Paid leave** (`Category.PAID_LEAVE`): one « CP » element per request, valued by the leave
  app itself (`leave.pay.leave_pay_lines`): the days taken in the month as the quantity, the
  gross pay of the reference period as the base and the days acquired over it as the rate (what
  the engine needs for the tenth rule); the detail keeps both valuations (maintien de salaire
  and dixième) and the one that wins (C. trav. L3141-24).
- **Unpaid leave** (`Category.UNPAID`) and the other absences that suspend the contract
  (maternity, paternity, sick child): the hours the employee would have worked on the days of
  the request in the month (the working calendar, `timekeeping.calendar.planned_hours_many`;
  half a day's hours on a half day of `days_detail`), as « ABS_H ». An employer who deducts
  absences by working days (`AbsenceMethod.WORKING_DAYS`) gets « ABS_J » instead, the working
  days of the absence, since the engine reads only the quantity of its method. The absences
  other than unpaid leave carry their nature in `detail["category"]`; nothing is maintained.
- **Sickness** (`Category.SICKNESS`) and **work accident or occupational disease**
  (`Category.WORK_ACCIDENT`): one « MALADIE » or « AT_MP » element per stop (request), the same
  hours or working days as the quantity (`detail["unit"]` says which), and the facts of the
  engine's `SickLeave` in the detail (`catalogue.sick_leave_of` reads them back): the stop's
  whole dates; the seniority on its first day (`departures.facts.service_start`, continuous
  contracts, and `rules.contracts.seniority`); the gross pay of the three months before it
  (the payslips stored for those months, else the contracts' base pay, each month saying
  which); the days of other stops already maintained in the 12 months before it (recomputed
  from their elements by the engine's own rule, or 0 with a note where no period is in the
  application); and the request's subrogation (refused below one year of seniority, when
  nothing is maintained, CSS R323-11). The engine deducts the stop's hours, pays the
  maintenance net of the IJSS and, with subrogation, the IJSS after the net: no « ABS_H » for
  these days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.departures.facts import service_start
from effectif.employees.models import Employee
from effectif.leave.models import Category, LeaveRequest, Status
from effectif.leave.models import Unit as LeaveUnit
from effectif.leave.pay import LeavePayLine, leave_pay_lines, pay_versions
from effectif.payroll.catalogue import KINDS, Unit, sick_leave_of
from effectif.payroll.collectors import Draft
from effectif.payroll.facts import employer_settings, month_end
from effectif.payroll.models import (
    ElementSource,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
)
from effectif.rules.contracts.seniority import seniority
from effectif.rules.leave.counting import Span
from effectif.rules.leave.periods import add_months, month_start
from effectif.rules.leave.reference_pay import pro_rata_gross
from effectif.rules.money import round_amount
from effectif.rules.parameters.sickness import LEGAL_MAINTENANCE
from effectif.rules.payroll.inputs import AbsenceMethod
from effectif.rules.payroll.sickness import compute_sick_leave
from effectif.timekeeping.calendar import planned_hours_many

if TYPE_CHECKING:
    from effectif.payroll.facts import Paid

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

#: The stops whose waiting days, maintenance and IJSS the engine computes: their element code.
STOP_CODES: dict[str, str] = {Category.SICKNESS: "MALADIE", Category.WORK_ACCIDENT: "AT_MP"}

#: Said in the detail of an absence whose pay the engine does not compute.
SUSPENSION_NOTE = (
    "Maintien de salaire et indemnités journalières (maternité, paternité, enfant malade) : "
    "non calculés ; seule la retenue pour absence est appliquée."
)


def collect(period: PayrollPeriod, paid: list[Paid]) -> list[Draft]:
    """The paid leave and the absences of the people paid in the period."""
    contracts = {person.employee.pk: person.contract for person in paid}
    return [*_paid_leave(period, set(contracts)), *_absences(period, contracts)]


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


def _absences(period: PayrollPeriod, contracts: dict[int, Contract]) -> list[Draft]:
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
        if request.employee_id in contracts
    ]
    if not requests:
        return []
    by_days = AbsenceMethod(employer_settings(period).absence_method) is AbsenceMethod.WORKING_DAYS
    absence = KINDS["ABS_J" if by_days else "ABS_H"]
    planned = planned_hours_many(_employees(requests), first, last)
    drafts: list[Draft] = []
    stops: list[Draft] = []
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
        kind = absence
        if category in STOP_CODES:
            kind = KINDS[STOP_CODES[category]]
            detail |= {"unit": Unit.DAYS if by_days else Unit.HOURS}
            detail |= _stop_facts(request, contracts[request.employee_id], period, stops)
        elif category != Category.UNPAID:
            detail |= {"subrogation": request.subrogation, "note": SUSPENSION_NOTE}
        draft = Draft(
            employee_id=request.employee_id,
            code=kind.code,
            label=_label(category, kind.label) if kind is absence else str(kind.label),
            source=ElementSource.LEAVE,
            source_key=source_key(request),
            source_label=_source_label(request, min(days), max(days)),
            source_url=_url(request),
            quantity=working_days if by_days else hours,
            start_date=min(days),
            end_date=max(days),
            detail=detail,
        )
        drafts.append(draft)
        if kind is not absence:
            stops.append(draft)
    return drafts


def _stop_facts(
    request: LeaveRequest, contract: Contract, period: PayrollPeriod, earlier: list[Draft]
) -> dict[str, Any]:
    """The facts of a sickness or work-accident stop the engine needs besides its hours, with
    notes where a fact is assumed; `earlier` are the stops gathered before it in this period."""
    start = request.start_date
    service = service_start(contract)
    years = seniority(service, start - dt.timedelta(days=1)).years
    notes: list[str] = []
    months = _reference_months(request, period, notes)
    subrogation = request.subrogation
    if subrogation and years < LEGAL_MAINTENANCE.at(start).min_seniority_years:
        subrogation = False
        notes.append(
            _(
                "Subrogation demandée mais non appliquée : moins d'un an d'ancienneté, "
                "pas de maintien de salaire (C. trav. L1226-1 ; CSS R323-11) ; la CPAM verse "
                "les indemnités au salarié."
            )
        )
    return {
        "service_start_date": service.isoformat(),
        "seniority_years": years,
        "reference_months": months,
        "reference_gross_amounts": [month["gross_amount"] for month in months],
        "previous_maintained_days": _maintained_before(request, service, period, earlier, notes),
        "subrogation": subrogation,
        "subrogation_requested": request.subrogation,
        "notes": notes,
    }


def _reference_months(
    request: LeaveRequest, period: PayrollPeriod, notes: list[str]
) -> list[dict[str, str]]:
    """The gross pay of the three calendar months before the stop, oldest first (CSS R323-4):
    the payslip stored for the month, else the base pay of the contracts in force (pro rata of
    the days under contract); a month without contract is left out, and a stop in the first
    month of employment takes the base pay in force on its first day."""
    start = request.start_date
    wanted = [add_months(month_start(start), -n) for n in (3, 2, 1)]
    stored = dict(
        Payslip.objects.filter(
            employee_id=request.employee_id,
            period__employer_id=period.employer_id,
            period__month__in=wanted,
            status=PayslipStatus.COMPUTED,
        ).values_list("period__month", "gross_amount")
    )
    versions = pay_versions(request.employee_id)
    months = []
    from_contract = []
    for month in wanted:
        if month in stored:
            months.append(_month(month, stored[month], "bulletin"))
            continue
        gross = round_amount(pro_rata_gross(versions, month, month_end(month)))
        if gross > 0:
            months.append(_month(month, gross, "contrat"))
            from_contract.append(month.strftime("%m/%Y"))
    if from_contract:
        notes.append(
            _(
                "Brut de référence de %(months)s : pas de bulletin dans l'application, salaire "
                "de base du contrat retenu."
            )
            % {"months": ", ".join(from_contract)}
        )
    if not months:
        in_force = [v.monthly_gross for v in versions if v.in_force(start)]
        months.append(_month(month_start(start), in_force[-1] if in_force else ZERO, "contrat"))
        notes.append(
            _(
                "Aucun mois de paie avant l'arrêt : salaire de base du contrat au premier jour "
                "retenu comme brut de référence."
            )
        )
    return months


def _month(month: dt.date, gross: Decimal, source: str) -> dict[str, str]:
    return {"month": month.isoformat()[:7], "gross_amount": str(gross), "source": source}


def _maintained_before(
    request: LeaveRequest,
    service: dt.date,
    period: PayrollPeriod,
    earlier: list[Draft],
    notes: list[str],
) -> int:
    """The days of other stops the employer maintained in the 12 months before this one
    (C. trav. D1226-4): each earlier stop's month recomputed by the engine's rule from its
    element (the days maintained do not depend on the pay). A month is counted whole when it
    ends inside the 12 months. Months of service without a payroll period in the application are
    unknown: counted 0, with a note."""
    start = request.start_date
    since = max(add_months(start, -12), service)
    elements: list[tuple[dt.date, PayrollElement | Draft]] = [
        (element.period.month, element)
        for element in PayrollElement.objects.filter(
            period__employer_id=period.employer_id,
            period__month__gte=month_start(since),
            period__month__lt=period.month,
            employee_id=request.employee_id,
            code__in=STOP_CODES.values(),
        )
        .exclude(source_key=source_key(request))
        .select_related("period")
    ]
    elements += [(period.month, d) for d in earlier if d.employee_id == request.employee_id]
    days = 0
    for month, element in elements:
        leave = sick_leave_of(element)
        if leave.start_date < start and (element.end_date is None or element.end_date >= since):
            days += sum(compute_sick_leave(leave, month, ZERO).maintained_days)
    known = set(
        PayrollPeriod.objects.filter(
            employer_id=period.employer_id, month__gte=month_start(since), month__lt=period.month
        ).values_list("month", flat=True)
    )
    missing = []
    month = month_start(since)
    while month < period.month and month <= start:
        if month not in known:
            missing.append(month.strftime("%m/%Y"))
        month = add_months(month, 1)
    if missing:
        notes.append(
            _(
                "Jours déjà maintenus au titre d'autres arrêts dans les 12 mois : inconnus pour "
                "%(months)s (pas de période de paie dans l'application), comptés 0."
            )
            % {"months": ", ".join(missing)}
        )
    return days


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

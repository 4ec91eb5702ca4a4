"""Posting the paid leave acquired month after month (`manage.py post_leave_acquisitions`).

For each complete month, the days acquired are computed from the contracts and the absences
recorded (rules in `effectif.rules.leave.acquisition`) and compared with what the ledger
already holds for that month: only the difference is posted. A second run posts nothing; a
sick note recorded late posts its correction at the next run.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.contracts.models import Contract
from effectif.core.audit import audit_many, build_entry
from effectif.core.models import AuditAction
from effectif.leave.ledger import deadline_of, period_of
from effectif.leave.models import (
    AcquisitionEffect,
    Category,
    EntryKind,
    LeaveRequest,
    LeaveType,
    LedgerEntry,
    Status,
)
from effectif.organisation.models import Employer
from effectif.rules.leave.acquisition import MonthActivity, period_acquisition
from effectif.rules.leave.periods import Period, add_months, days_between, month_end

Interval = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class PostingReport:
    employees: int
    entries: int
    days: Decimal


def _overlap(a: Interval, b: Interval) -> int:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (end - start).days + 1 if end >= start else 0


def month_activity(
    month: dt.date, contracts: list[Interval], sick: set[dt.date], unpaid: set[dt.date]
) -> MonthActivity:
    """Calendar days of the month under contract, split as the rules need them."""
    span = (month, month_end(month))
    covered = sum(_overlap(span, contract) for contract in contracts)
    if not sick and not unpaid:
        return MonthActivity(month, covered)
    days = {
        day
        for contract in contracts
        for day in days_between(max(span[0], contract[0]), min(span[1], contract[1]))
    }
    sick_days = len(days & sick)
    unpaid_days = len((days & unpaid) - sick)
    return MonthActivity(month, len(days) - sick_days - unpaid_days, sick_days)


def _absence_days(
    employer: Employer, start: dt.date, end: dt.date
) -> dict[int, dict[str, set[dt.date]]]:
    """Days of absence that reduce or change the acquisition, per employee."""
    found: dict[int, dict[str, set[dt.date]]] = defaultdict(lambda: {"sick": set(), "none": set()})
    absences = LeaveRequest.objects.filter(
        employee__employer=employer,
        status=Status.APPROVED,
        start_date__lte=end,
        end_date__gte=start,
        leave_type__acquisition_effect__in=(AcquisitionEffect.SICK, AcquisitionEffect.NONE),
    ).values_list("employee_id", "start_date", "end_date", "leave_type__acquisition_effect")
    for employee_id, first, last, effect in absences:
        key = "sick" if effect == AcquisitionEffect.SICK else "none"
        found[employee_id][key].update(days_between(max(first, start), min(last, end)))
    return found


def _months(period: Period, up_to: dt.date) -> list[dt.date]:
    return [m for m in period.months() if month_end(m) <= up_to]


def expected_acquisitions(
    leave_type: LeaveType, period: Period, up_to: dt.date
) -> dict[tuple[int, dt.date], tuple[Decimal, str]]:
    """{(employee id, month): (days, legal basis)} for the complete months of `period`."""
    months = _months(period, up_to)
    if not months:
        return {}
    first, last = months[0], month_end(months[-1])
    contracts: dict[int, list[Interval]] = defaultdict(list)
    rows = Contract.objects.filter(
        employee__employer_id=leave_type.employer_id, start_date__lte=last
    ).values_list("employee_id", "start_date", "end_date")
    for employee_id, start, end in rows:
        if end is None or end >= first:
            contracts[employee_id].append((start, end or dt.date.max))
    absences = _absence_days(leave_type.employer, first, last)
    expected: dict[tuple[int, dt.date], tuple[Decimal, str]] = {}
    empty: dict[str, set[dt.date]] = {"sick": set(), "none": set()}
    for employee_id, spans in contracts.items():
        days = absences.get(employee_id, empty)
        activities = [month_activity(m, spans, days["sick"], days["none"]) for m in months]
        for result in period_acquisition(activities, leave_type.counting):
            expected[(employee_id, result.month)] = (result.days, result.basis)
    return expected


def posted_acquisitions(
    leave_type: LeaveType, period: Period
) -> dict[tuple[int, dt.date], Decimal]:
    rows = (
        LedgerEntry.objects.filter(
            leave_type=leave_type,
            kind=EntryKind.ACQUISITION,
            month__gte=period.start,
            month__lte=period.end,
        )
        .values("employee_id", "month")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {(row["employee_id"], row["month"]): row["total"] for row in rows if row["month"]}


def _month_label(month: dt.date) -> str:
    return date_format(month, "F Y")


@transaction.atomic
def acquisitions_post(
    *, leave_type: LeaveType, up_to: dt.date, by: User | None = None, periods: int = 2
) -> PostingReport:
    """Post what is missing for the complete months up to `up_to`, over the period running
    then and the `periods - 1` before it."""
    if leave_type.category != Category.PAID_LEAVE or not leave_type.has_balance:
        return PostingReport(0, 0, Decimal(0))
    current = period_of(leave_type, up_to)
    entries: list[LedgerEntry] = []
    for back in range(periods - 1, -1, -1):
        period = period_of(leave_type, add_months(current.start, -12 * back))
        expected = expected_acquisitions(leave_type, period, up_to)
        posted = posted_acquisitions(leave_type, period)
        deadline = deadline_of(leave_type, period)
        for (employee_id, month), (days, basis) in sorted(expected.items()):
            difference = days - posted.get((employee_id, month), Decimal(0))
            if difference == 0:
                continue
            label = _("Acquisition de %(month)s") % {"month": _month_label(month)}
            if (employee_id, month) in posted:
                label = _("Régularisation de l'acquisition de %(month)s") % {
                    "month": _month_label(month)
                }
            entries.append(
                LedgerEntry(
                    employee_id=employee_id,
                    leave_type=leave_type,
                    kind=EntryKind.ACQUISITION,
                    entry_date=month_end(month),
                    amount=difference,
                    period_start=period.start,
                    available_until=deadline,
                    month=month,
                    label=label,
                    basis=basis[:300],
                    created_by=by,
                )
            )
    LedgerEntry.objects.bulk_create(entries, batch_size=2000)
    employees = sorted({entry.employee_id for entry in entries})
    audit_many(
        [
            build_entry(
                actor=by,
                action=AuditAction.CREATE,
                employer_id=leave_type.employer_id,
                employee_id=employee_id,
                target_label=leave_type.label,
                detail=_("Acquisition des congés payés jusqu'au %(day)s")
                % {"day": up_to.strftime("%d/%m/%Y")},
            )
            for employee_id in employees
        ]
    )
    return PostingReport(len(employees), len(entries), sum((e.amount for e in entries), Decimal(0)))

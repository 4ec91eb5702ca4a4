"""Closing a leave year (clôture au 31 mai).

When a reference period ends, for one paid-leave type of one employer:
1. the days acquired over it are rounded up to a whole day (L3141-7) and become « to be
   taken » until the end of the next period;
2. the fractionnement days earned by the leave taken during it are credited (L3141-23);
3. the days of the previous period not taken are lost, unless illness prevented taking them:
   then they are carried over for 15 months (L3141-19-1).
A closing is done once; the report lists who must still take leave, and by when. The law's
decisions are in `effectif.rules.leave.closing`; this service reads the ledger and writes it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.leave.ledger import ZERO, Bucket, buckets_by_employee, deadline_of
from effectif.leave.models import (
    Category,
    EntryKind,
    LeaveClosing,
    LeaveRequest,
    LeaveType,
    LedgerEntry,
    Status,
)
from effectif.rules.leave.acquisition import rounded_entitlement
from effectif.rules.leave.closing import (
    ROUNDING_BASIS,
    SPLITTING_BASIS,
    UnusedDays,
    preventing_illness_from,
    unused_days,
)
from effectif.rules.leave.periods import Period
from effectif.rules.leave.splitting import splitting_days

SICK_CATEGORIES = (Category.SICKNESS, Category.WORK_ACCIDENT)


@dataclass
class ClosingLine:
    employee_id: int
    acquired: Decimal = ZERO
    rounding: Decimal = ZERO
    splitting: Decimal = ZERO
    expiring: Decimal = ZERO
    carried_over: Decimal = ZERO
    carried_until: dt.date | None = None


def _taken_days(leave_type: LeaveType, period: Period) -> dict[int, list[tuple[dt.date, Decimal]]]:
    taken: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    requests = LeaveRequest.objects.filter(
        leave_type=leave_type,
        status=Status.APPROVED,
        start_date__lte=period.end,
        end_date__gte=period.start,
    ).values_list("employee_id", "days_detail")
    for employee_id, detail in requests:
        for day, amount in (detail or {}).items():
            when = dt.date.fromisoformat(day)
            if period.contains(when):
                taken[employee_id].append((when, Decimal(amount)))
    return taken


def _sick_spells(leave_type: LeaveType, period: Period) -> dict[int, tuple[dt.date, dt.date]]:
    """The absence for illness or accident of each employee that ran into the last month of
    `period` (the days could not be taken before the deadline: L3141-19-1)."""
    spells: dict[int, tuple[dt.date, dt.date]] = {}
    rows = (
        LeaveRequest.objects.filter(
            employee__employer_id=leave_type.employer_id,
            leave_type__category__in=SICK_CATEGORIES,
            status=Status.APPROVED,
            start_date__lte=period.end,
            end_date__gte=preventing_illness_from(period),
        )
        .order_by("end_date")
        .values_list("employee_id", "start_date", "end_date")
    )
    for employee_id, start, end in rows:
        spells[employee_id] = (start, end)
    return spells


def _unused(
    period: Period, bucket: Bucket, spells: dict[int, tuple[dt.date, dt.date]], employee_id: int
) -> UnusedDays | None:
    return unused_days(period, bucket.available_until, bucket.remaining, spells.get(employee_id))


def closing_preview(leave_type: LeaveType, period: Period) -> list[ClosingLine]:
    """What closing `period` would post, employee by employee (nothing is written)."""
    return _preview(leave_type, period)[0]


def _preview(
    leave_type: LeaveType, period: Period
) -> tuple[list[ClosingLine], dict[int, tuple[dt.date, dt.date]]]:
    everything = LedgerEntry.objects.filter(leave_type=leave_type)
    buckets = buckets_by_employee(everything, dt.date.max)
    taken = _taken_days(leave_type, period) if leave_type.splitting else {}
    spells = _sick_spells(leave_type, period)
    lines = []
    for employee_id in sorted(set(buckets) | set(taken)):
        line = ClosingLine(employee_id)
        for bucket in buckets.get(employee_id, {}).get(leave_type.pk, []):
            if bucket.period_start == period.start:
                line.acquired += bucket.acquired
            elif fate := _unused(period, bucket, spells, employee_id):
                if fate.expire:
                    line.expiring += bucket.remaining
                else:
                    line.carried_over += bucket.remaining
                    line.carried_until = fate.carried_until
        if line.acquired:
            line.rounding = rounded_entitlement(line.acquired, leave_type.counting, period.end)
            line.rounding -= line.acquired
        if employee_id in taken:
            line.splitting = Decimal(
                splitting_days(taken[employee_id], leave_type.counting, period.end)
            )
        if line.acquired or line.splitting or line.expiring or line.carried_over:
            lines.append(line)
    return lines, spells


def _entry(leave_type: LeaveType, employee_id: int, by: User | None, **values: Any) -> LedgerEntry:
    return LedgerEntry(
        employee_id=employee_id,
        leave_type=leave_type,
        created_by=by,
        **values,
    )


@transaction.atomic
def leave_year_close(
    *, leave_type: LeaveType, period: Period, by: User | None, today: dt.date
) -> list[ClosingLine]:
    """Close `period` once it has ended: rounding, fractionnement, expiry or carry-over."""
    if today <= period.end:
        raise ValidationError(
            _("La période %(label)s ne se termine que le %(day)s.")
            % {"label": period.label, "day": period.end.strftime("%d/%m/%Y")}
        )
    LeaveType.objects.select_for_update().filter(pk=leave_type.pk).first()
    if LeaveClosing.objects.filter(leave_type=leave_type, period_start=period.start).exists():
        raise ValidationError(
            _("La période %(label)s est déjà clôturée.") % {"label": period.label}
        )
    lines, spells = _preview(leave_type, period)
    next_deadline = deadline_of(leave_type, period)
    day_after = period.end + dt.timedelta(days=1)
    entries: list[LedgerEntry] = []
    label = period.label
    for line in lines:
        common = {"entry_date": period.end, "period_start": period.start}
        if line.rounding > 0:
            entries.append(
                _entry(
                    leave_type,
                    line.employee_id,
                    by,
                    kind=EntryKind.ROUNDING,
                    amount=line.rounding,
                    available_until=next_deadline,
                    label=_("Arrondi au jour supérieur (période %(p)s)") % {"p": label},
                    basis=ROUNDING_BASIS,
                    **common,
                )
            )
        if line.splitting > 0:
            entries.append(
                _entry(
                    leave_type,
                    line.employee_id,
                    by,
                    kind=EntryKind.SPLITTING,
                    amount=line.splitting,
                    available_until=next_deadline,
                    label=_("Jours de fractionnement (congés pris en %(p)s)") % {"p": label},
                    basis=SPLITTING_BASIS,
                    **common,
                )
            )
    everything = buckets_by_employee(LedgerEntry.objects.filter(leave_type=leave_type), dt.date.max)
    for employee_id, types in everything.items():
        for bucket in types.get(leave_type.pk, []):
            fate = _unused(period, bucket, spells, employee_id)
            if fate is None:
                continue
            old = {
                "entry_date": day_after,
                "period_start": bucket.period_start,
                "available_until": bucket.available_until,
            }
            if fate.carried_until is not None:
                what = _("Report pour maladie jusqu'au %(day)s") % {
                    "day": fate.carried_until.strftime("%d/%m/%Y")
                }
                entries.append(
                    _entry(
                        leave_type,
                        employee_id,
                        by,
                        kind=EntryKind.CARRY_OVER,
                        amount=-bucket.remaining,
                        label=what,
                        basis=fate.basis,
                        **old,
                    )
                )
                entries.append(
                    _entry(
                        leave_type,
                        employee_id,
                        by,
                        kind=EntryKind.CARRY_OVER,
                        amount=bucket.remaining,
                        entry_date=day_after,
                        period_start=bucket.period_start,
                        available_until=fate.carried_until,
                        label=what,
                        basis=fate.basis,
                    )
                )
            else:
                entries.append(
                    _entry(
                        leave_type,
                        employee_id,
                        by,
                        kind=EntryKind.EXPIRY,
                        amount=-bucket.remaining,
                        label=_("Congés non pris perdus au %(day)s")
                        % {"day": fate.due.strftime("%d/%m/%Y")},
                        **old,
                    )
                )
    LedgerEntry.objects.bulk_create(entries, batch_size=2000)
    summary = {
        "employees": len(lines),
        "rounding": str(sum((line.rounding for line in lines), ZERO)),
        "splitting": str(sum((line.splitting for line in lines), ZERO)),
        "expired": str(sum((line.expiring for line in lines), ZERO)),
        "carried_over": str(sum((line.carried_over for line in lines), ZERO)),
    }
    closing = LeaveClosing.objects.create(
        leave_type=leave_type,
        period_start=period.start,
        closed_by=by,
        summary=summary,
    )
    audit(
        actor=by,
        action=AuditAction.CREATE,
        target=closing,
        employer_id=leave_type.employer_id,
        changes={key: ["", value] for key, value in summary.items()},
        detail=_("Clôture de la période %(p)s") % {"p": label},
    )
    return lines

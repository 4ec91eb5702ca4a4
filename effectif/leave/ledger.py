"""Balances from the ledger: sums of dated entries, grouped into buckets.

A bucket is the days of one type acquired over one reference period (`period_start`) with one
deadline (`available_until`). A taking is drawn from the buckets whose deadline comes first.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from effectif.employees.models import Employee
from effectif.leave.models import (
    CREDIT_KINDS,
    TAKING_KINDS,
    EntryKind,
    LeaveType,
    LedgerEntry,
)
from effectif.rules.leave.periods import Period, end_of_validity, period_starting, reference_period

ZERO = Decimal("0.00")
FAR = dt.date.max


def period_of(leave_type: LeaveType, on: dt.date) -> Period:
    return reference_period(on, leave_type.period_start_month)


def deadline_of(leave_type: LeaveType, period: Period) -> dt.date | None:
    if leave_type.validity_months is None:
        return None
    return end_of_validity(period, leave_type.validity_months)


@dataclass
class Bucket:
    leave_type_id: int
    period_start: dt.date
    available_until: dt.date | None
    acquired: Decimal = ZERO  # acquisitions, fractionnement, rounding
    taken: Decimal = ZERO  # takings less reversals (positive)
    other: Decimal = ZERO  # adjustments and carry-overs (signed)
    expired: Decimal = ZERO  # lost at the deadline (positive)
    planned: Decimal = ZERO  # approved takings dated after the statement date (positive)

    @property
    def remaining(self) -> Decimal:
        return self.acquired + self.other - self.taken - self.expired

    @property
    def after_planned(self) -> Decimal:
        return self.remaining - self.planned

    @property
    def period(self) -> Period:
        return period_starting(self.period_start)

    def expiring_on(self, on: dt.date) -> bool:
        return self.available_until is not None and self.available_until >= on


def _sum(condition: Q) -> Coalesce:
    return Coalesce(
        Sum("amount", filter=condition),
        Value(ZERO),
        output_field=DecimalField(max_digits=10, decimal_places=2),
    )


def bucket_rows(entries: QuerySet[LedgerEntry], on: dt.date) -> QuerySet[Any]:
    """One row per employee, type and bucket, with the statement's columns as of `on`: one
    query, whatever the number of employees."""
    past = Q(entry_date__lte=on)
    return (
        entries.values("employee_id", "leave_type_id", "period_start", "available_until")
        .annotate(
            acquired=_sum(past & Q(kind__in=CREDIT_KINDS)),
            taken=_sum(past & Q(kind__in=TAKING_KINDS)),
            other=_sum(past & Q(kind__in=(EntryKind.ADJUSTMENT, EntryKind.CARRY_OVER))),
            expired=_sum(past & Q(kind=EntryKind.EXPIRY)),
            planned=_sum(Q(entry_date__gt=on, kind__in=TAKING_KINDS)),
        )
        .order_by()
    )


def buckets_by_employee(
    entries: QuerySet[LedgerEntry], on: dt.date
) -> dict[int, dict[int, list[Bucket]]]:
    """{employee id: {type id: [buckets, earliest deadline first]}} as of `on`."""
    result: dict[int, dict[int, list[Bucket]]] = defaultdict(lambda: defaultdict(list))
    for row in bucket_rows(entries, on):
        bucket = Bucket(
            leave_type_id=row["leave_type_id"],
            period_start=row["period_start"],
            available_until=row["available_until"],
            acquired=row["acquired"],
            taken=-row["taken"],
            other=row["other"],
            expired=-row["expired"],
            planned=-row["planned"],
        )
        result[row["employee_id"]][row["leave_type_id"]].append(bucket)
    for types in result.values():
        for buckets in types.values():
            buckets.sort(key=lambda b: (b.available_until or FAR, b.period_start))
    return result


def employee_buckets(employee: Employee, leave_type: LeaveType, on: dt.date = FAR) -> list[Bucket]:
    """The buckets of one employee and type, with every entry up to `on` (by default all of
    them, future takings included)."""
    entries = LedgerEntry.objects.filter(employee=employee, leave_type=leave_type)
    return buckets_by_employee(entries, on).get(employee.pk, {}).get(leave_type.pk, [])


def available(
    employee: Employee, leave_type: LeaveType, on: dt.date, buckets: list[Bucket] | None = None
) -> Decimal:
    """Days one may still take on `on`: every bucket not expired by then, all entries counted
    (approved leave to come included). `buckets`: the employee's `employee_buckets` of the
    type when the caller has already read them."""
    if buckets is None:
        buckets = employee_buckets(employee, leave_type)
    return sum(
        (b.remaining for b in buckets if b.available_until is None or b.available_until >= on),
        ZERO,
    )


@dataclass
class Allocation:
    period_start: dt.date
    available_until: dt.date | None
    amount: Decimal


@dataclass
class Draw:
    parts: list[Allocation] = field(default_factory=list)


def allocate(
    employee: Employee,
    leave_type: LeaveType,
    amount: Decimal,
    on: dt.date,
    buckets: list[Bucket] | None = None,
) -> Draw:
    """Where a taking of `amount` on `on` is drawn from: the buckets still valid then, earliest
    deadline first; what they lack comes from the period running on `on` (taken in advance,
    L3141-12), which may go below zero when the type allows it. `buckets`: as for
    `available`, the employee's buckets of the type already read (none written since)."""
    draw = Draw()
    left = amount
    if buckets is None:
        buckets = employee_buckets(employee, leave_type)
    for bucket in buckets:
        if left <= 0:
            break
        if bucket.available_until is not None and bucket.available_until < on:
            continue
        if bucket.remaining <= 0:
            continue
        part = min(left, bucket.remaining)
        draw.parts.append(Allocation(bucket.period_start, bucket.available_until, part))
        left -= part
    if left > 0:
        period = period_of(leave_type, on)
        current = next(
            (p for p in draw.parts if p.period_start == period.start),
            None,
        )
        if current is not None:
            current.amount += left
        else:
            draw.parts.append(Allocation(period.start, deadline_of(leave_type, period), left))
    return draw

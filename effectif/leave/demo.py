"""Leave for the demo organisation: the default types, two years of acquisitions, leave taken
last summer, requests waiting for the manager, a sick leave, RTT credited. Loaded once: a
second call finds the types and does nothing."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from effectif.accounts.models import User
from effectif.employees.models import Employee
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveRequest, LeaveType
from effectif.leave.services import leave_request_submit, ledger_adjust
from effectif.organisation.models import Employer
from effectif.rules.leave.counting import Span
from effectif.rules.leave.periods import add_months

SEED = 4_2026


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _submit(
    employee: Employee, leave_type: LeaveType, start: dt.date, end: dt.date, by: User | None
) -> LeaveRequest | None:
    """A request through the service; one the rules refuse (an overlap, a holiday week) is
    skipped, as a user would pick other dates."""
    try:
        return leave_request_submit(
            employee=employee, leave_type=leave_type, span=Span(start, end), by=by
        ).request
    except ValidationError:
        return None


@transaction.atomic
def load_leave_demo(*, employers: QuerySet[Employer], today: dt.date, by: User | None) -> bool:
    """False when the demo employers already have their leave types."""
    if LeaveType.objects.filter(employer__in=employers).exists():
        return False
    rng = random.Random(SEED)
    for employer in employers:
        types = {t.code: t for t in leave_types_install_defaults(employer=employer, by=by)}
        acquisitions_post(leave_type=types["cp"], up_to=today, by=by)
        people = list(
            Employee.objects.filter(employer=employer, contracts__end_date__isnull=True)
            .select_related("user", "department__manager")
            .distinct()
            .order_by("matricule")
        )
        last_summer = _monday(dt.date(today.year if today.month > 8 else today.year - 1, 7, 1))
        soon = _monday(today + dt.timedelta(days=21))
        for index, employee in enumerate(people):
            week = last_summer + dt.timedelta(weeks=rng.randint(0, 6))
            _submit(employee, types["cp"], week, week + dt.timedelta(days=11), by)
            if employee.user is not None or index % 4 == 0:
                # Accounts ask (pending, for their manager); HR records the others' leave.
                start = soon + dt.timedelta(days=rng.choice((0, 7)))
                _submit(
                    employee, types["cp"], start, start + dt.timedelta(days=4), employee.user or by
                )
            if index % 9 == 4:
                start = _monday(add_months(today, -2))
                _submit(employee, types["maladie"], start, start + dt.timedelta(days=9), by)
            if index % 5 == 0:
                ledger_adjust(
                    employee=employee,
                    leave_type=types["rtt"],
                    amount=Decimal(10),
                    entry_date=dt.date(today.year, 1, 1),
                    label="RTT de l'année (accord d'entreprise)",
                    by=by,
                )
    return True

"""Payroll of the demo organisation: last month's period computed, checked, validated and
closed (payslips, journal and transfer file), and this month's period open with its variable
elements gathered from leave, time sheets and expenses, and a few entered by hand. Written
through the services, so audited; loaded once: a second call finds the periods and does
nothing."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from effectif.core.services import save_audited
from effectif.leave.models import Category, LeaveType
from effectif.leave.services import absence_record
from effectif.organisation.models import Employer
from effectif.payroll import services
from effectif.payroll.collecting import collect
from effectif.payroll.computing import compute
from effectif.payroll.facts import month_end, paid_in
from effectif.payroll.models import (
    EmployeePayrollSettings,
    EmployerPayrollSettings,
    PasOrigin,
    PayrollPeriod,
    Severity,
)
from effectif.rules.leave.counting import Span

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Personalised withholding rates handed out in turn (one person in five stays on the grid).
PAS_RATES = (Decimal("0.045"), Decimal("0.075"), Decimal("0.021"), Decimal("0.118"), None)
HEALTH_PREMIUM = Decimal("92.00")


def _first_of_previous(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def _settings(employer: Employer, month: dt.date, by: User) -> None:
    save_audited(instance=EmployerPayrollSettings(employer=employer), by=by)
    period = PayrollPeriod(employer=employer, month=month, pay_date=month, cutoff_date=month)
    for index, person in enumerate(paid_in(period)):
        rate = PAS_RATES[index % len(PAS_RATES)]
        save_audited(
            instance=EmployeePayrollSettings(
                employee=person.employee,
                effective_date=min(person.contract.start_date, month),
                pas_origin=PasOrigin.NEUTRAL if rate is None else PasOrigin.NOTIFIED,
                pas_rate=rate,
                health_premium_amount=HEALTH_PREMIUM,
            ),
            by=by,
        )


def _open(employer: Employer, month: dt.date, by: User) -> PayrollPeriod:
    return services.period_open(
        employer=employer,
        month=month,
        pay_date=month_end(month),
        cutoff_date=month.replace(day=20),
        by=by,
    )


def _close(period: PayrollPeriod, by: User) -> None:
    """Compute, accept the warnings with a comment, then check, validate and close — as far
    as the anomalies allow (a blocking one leaves the period computed, as it would for HR)."""
    compute(period.pk)
    period.refresh_from_db()
    for anomaly in period.anomalies.filter(severity=Severity.WARNING):
        services.anomaly_acknowledge(
            anomaly=anomaly, comment="Vérifié lors du contrôle de la paie.", by=by
        )
    if period.anomalies.filter(severity=Severity.BLOCKING).exists():
        return
    services.period_check(period=period, by=by)
    services.period_validate(period=period, by=by)
    services.period_close(period=period, by=by)


def _sick_leave(period: PayrollPeriod, by: User) -> None:
    """A sickness recorded by HR with subrogation, from ten days before the month to its
    fourth day, for the first person paid with more than a year's seniority."""
    start = period.month - dt.timedelta(days=10)
    sickness = LeaveType.objects.filter(
        employer_id=period.employer_id, category=Category.SICKNESS
    ).first()
    if sickness is None:
        return
    for person in paid_in(period):
        if person.contract.start_date <= start.replace(year=start.year - 1):
            with suppress(ValidationError):  # already absent then: the next person
                absence_record(
                    employee=person.employee,
                    leave_type=sickness,
                    span=Span(start, period.month + dt.timedelta(days=3)),
                    subrogation=True,
                    by=by,
                )
                return


#: Elements HR types for the month (code, quantity, face value, employer share, amount,
#: comment): an exceptional bonus, overtime, meal vouchers.
MANUAL: tuple[
    tuple[str, Decimal | None, Decimal | None, Decimal | None, Decimal | None, str], ...
] = (
    ("PRIME", None, None, None, Decimal("350.00"), "Prime exceptionnelle de fin d'année"),
    ("HS25", Decimal("8"), None, None, None, "Inventaire de fin d'année"),
    ("TR", Decimal("20"), Decimal("9.00"), Decimal("0.5"), None, ""),
)


def _manual(period: PayrollPeriod, by: User) -> None:
    for person, row in zip(paid_in(period)[1:], MANUAL, strict=False):
        code, quantity, base, rate, amount, comment = row
        services.element_add(
            period=period,
            employee=person.employee,
            code=code,
            quantity=quantity,
            base_amount=base,
            rate=rate,
            amount=amount,
            comment=comment,
            by=by,
        )


def load_payroll_demo(*, employers: QuerySet[Employer], today: dt.date, by: User) -> bool:
    """False when the demo employers already have payroll periods."""
    if PayrollPeriod.objects.filter(employer__in=employers).exists():
        return False
    current = today.replace(day=1)
    previous = _first_of_previous(current)
    for employer in employers.order_by("name"):
        _settings(employer, previous, by)
        _close(_open(employer, previous, by), by)
        period = _open(employer, current, by)
        _sick_leave(period, by)
        _manual(period, by)
        collect(period, by=by)
    return True

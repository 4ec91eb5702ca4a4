"""Payroll of the demo organisation: last month's period computed, checked, validated and
closed (payslips, journal and transfer file), and this month's period open with its variable
elements gathered from leave, time sheets and expenses, and a few entered by hand. Written
through the services, so audited; loaded once: a second call finds the periods and does
nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from effectif.core.services import save_audited
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
        collect(period, by=by)
    return True

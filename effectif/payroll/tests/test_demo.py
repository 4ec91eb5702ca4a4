from __future__ import annotations

import datetime as dt

import pytest

from effectif.core.models import AuditEntry
from effectif.organisation.models import Employer
from effectif.payroll.demo import load_payroll_demo
from effectif.payroll.models import EmployeePayrollSettings, PayrollPeriod, PeriodStatus

pytestmark = pytest.mark.django_db


def test_demo_payroll_closes_last_month_and_opens_this_one_once(world, hr_manager):
    for person in (world.member, world.colleague, world.manager_file):
        person.iban = "FR7630006000011234567890189"
        person.save()
    employers = Employer.objects.filter(pk=world.employer.pk)
    assert load_payroll_demo(employers=employers, today=dt.date(2026, 6, 1), by=hr_manager)
    may = PayrollPeriod.objects.get(employer=world.employer, month=dt.date(2026, 5, 1))
    june = PayrollPeriod.objects.get(employer=world.employer, month=dt.date(2026, 6, 1))
    assert may.status == PeriodStatus.CLOSED
    assert may.payslips.count() == 3
    assert may.closed_by == hr_manager
    assert june.status == PeriodStatus.COLLECTING
    # HR's entries of the month (one per person after the first): a bonus, then overtime.
    assert sorted(june.elements.filter(source="manual").values_list("code", flat=True)) == [
        "HS25",
        "PRIME",
    ]
    assert EmployeePayrollSettings.objects.filter(employee__employer=world.employer).count() == 3
    assert AuditEntry.objects.filter(
        target_type="payroll.PayrollPeriod", detail="Période close"
    ).exists()
    assert not load_payroll_demo(employers=employers, today=dt.date(2026, 6, 1), by=hr_manager)
    assert not PayrollPeriod.objects.filter(employer=world.other_employer).exists()

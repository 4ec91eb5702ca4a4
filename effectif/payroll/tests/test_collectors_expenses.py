"""The expense collector: the checked reports HR assigned to the month's pay, split as the travel
app split them (exempt part, excess over the URSSAF limits, advance deducted), and their effect
on the payslip computed for May 2026. Reports are carried through the travel app's services
(`travel.tests.builders`) or stored by its factories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from effectif.payroll.collecting import collect as gather
from effectif.payroll.collectors import collectors
from effectif.payroll.collectors.expenses import collect
from effectif.payroll.computing import compute
from effectif.payroll.facts import paid_in
from effectif.payroll.models import ElementSource, PayrollElement, Payslip, PayslipStatus
from effectif.payroll.tests.factories import PayrollPeriodFactory
from effectif.travel.models import ExpenseStatus, ReimbursementMethod
from effectif.travel.services.payments import reimbursement_choose
from effectif.travel.tests.builders import checked_with_advance
from effectif.travel.tests.factories import ExpenseLineFactory, ExpenseReportFactory

pytestmark = pytest.mark.django_db

MAY = dt.date(2026, 5, 1)


def assigned(employee, month=MAY, **values):
    """A report as the travel app stores it once checked and assigned to `month`'s pay."""
    report = ExpenseReportFactory(
        employee=employee,
        status=values.pop("status", ExpenseStatus.CHECKED),
        reimbursement_method=values.pop("method", ReimbursementMethod.PAYROLL),
        payroll_month=month,
        **{name: D(value) for name, value in values.items()},
    )
    ExpenseLineFactory(report=report, expense_date=dt.date(2026, 4, 14))
    ExpenseLineFactory(report=report, expense_date=dt.date(2026, 4, 16))
    return report


def test_the_collector_is_registered():
    assert collect in collectors()


def test_exempt_and_taxable_parts_and_the_advance(
    world, period, employee_user, manager_user, hr_manager
):
    # A 30 € meal and a 95 € Paris hotel night, 40 € advanced for the trip.
    report = checked_with_advance(world, employee_user, manager_user, hr_manager)
    assert collect(period, paid_in(period)) == []  # not assigned to a pay month yet
    reimbursement_choose(
        report=report, method=ReimbursementMethod.PAYROLL, payroll_month=MAY, by=hr_manager
    )
    report.refresh_from_db()
    assert report.taxable_amount > 0  # both lines are above their URSSAF limits
    exempt, taxable, advance = report.exempt_amount, report.taxable_amount, D("40.00")
    assert exempt + taxable == D("125.00")
    drafts = collect(period, paid_in(period))
    assert [(d.code, d.amount) for d in drafts] == [
        ("FRAIS", exempt),
        ("FRAIS_SOUMIS", taxable),
        ("FRAIS", -advance),
    ]
    assert [d.label for d in drafts] == [
        "Remboursement de frais professionnels",
        "Remboursement de frais soumis à cotisations",
        "Avance sur frais déjà versée (déduite)",
    ]
    first = drafts[0]
    assert first.employee_id == world.member.pk
    assert first.source == ElementSource.TRAVEL
    assert {d.source_key for d in drafts} == {f"travel.expensereport:{report.pk}"}
    assert first.source_label == f"Note de frais {report.reference} — Salon"
    assert first.source_url == report.get_absolute_url()
    assert first.start_date == first.end_date == dt.date(2026, 3, 12)
    assert first.detail["payable_amount"] == "85.00"
    assert first.detail["advance_not_deducted_amount"] == "0.00"


def test_the_reimbursement_reaches_the_payslip(world, period):
    compute(period.pk)
    before = Payslip.objects.get(period=period, employee=world.member)
    assigned(
        world.member,
        accepted_amount="150",
        exempt_amount="120",
        taxable_amount="30",
        advance_deducted_amount="20",
        payable_amount="130",
    )
    gather(period, by=None)  # after the cut-off, the period is gathered again on demand
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.status == PayslipStatus.COMPUTED
    assert payslip.element_count == 3
    variables = payslip.engine_input["variables"]
    # 120 € exempt less the 20 € advanced, paid with the net; 30 € added to the gross.
    assert D(variables["expense_allowance_amount"]) == D("100")
    assert D(variables["bonus_amount"]) == D("30")
    assert payslip.gross_amount == before.gross_amount + D("30.00")
    # The net grows by the 100 € paid free of contributions and by what is left of the 30 €.
    assert before.net_paid_amount + D("100") < payslip.net_paid_amount
    assert payslip.net_paid_amount < before.net_paid_amount + D("130")


def test_only_the_reports_assigned_to_the_month(world, period):
    kept = assigned(world.member, exempt_amount="50", status=ExpenseStatus.REIMBURSED)
    assigned(world.member, month=dt.date(2026, 6, 1), exempt_amount="60")
    assigned(world.member, exempt_amount="70", method=ReimbursementMethod.TRANSFER)
    assigned(world.member, exempt_amount="80", status=ExpenseStatus.MANAGER_APPROVED)
    assigned(world.stranger, exempt_amount="90")
    (draft,) = collect(period, paid_in(period))
    assert draft.source_key == f"travel.expensereport:{kept.pk}"
    assert (draft.code, draft.amount) == ("FRAIS", D("50"))
    assert (draft.start_date, draft.end_date) == (dt.date(2026, 4, 14), dt.date(2026, 4, 16))


def test_a_report_already_in_another_period_is_not_paid_again(world, period):
    report = assigned(world.member, exempt_amount="50")
    april = PayrollPeriodFactory(
        employer=world.employer,
        month=dt.date(2026, 4, 1),
        pay_date=dt.date(2026, 4, 30),
        cutoff_date=dt.date(2026, 4, 20),
    )
    PayrollElement.objects.create(
        period=april,
        employee=world.member,
        code="FRAIS",
        label="Remboursement de frais professionnels",
        amount=D("50"),
        source=ElementSource.TRAVEL,
        source_key=f"travel.expensereport:{report.pk}",
    )
    assert collect(period, paid_in(period)) == []


def test_an_advance_above_the_exempt_part_is_deducted_from_it_only(world, period):
    assigned(
        world.member,
        accepted_amount="60",
        exempt_amount="10",
        taxable_amount="50",
        advance_deducted_amount="30",
        payable_amount="30",
    )
    drafts = collect(period, paid_in(period))
    assert [(d.code, d.amount) for d in drafts] == [
        ("FRAIS", D("10")),
        ("FRAIS_SOUMIS", D("50")),
        ("FRAIS", D("-10")),
    ]
    assert drafts[0].detail["advance_not_deducted_amount"] == "20.00"

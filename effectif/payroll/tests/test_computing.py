"""Computing a period in the worker: one payslip per person under a payroll contract, equal to
the engine's own result for the same input, stored with its lines and year-to-date figures;
running again gives the same payslips; progress is kept on the period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.payroll.computing import compute
from effectif.payroll.facts import employer_facts, paid_in, payslip_input
from effectif.payroll.models import (
    ElementSource,
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
    PeriodStatus,
    TaskStatus,
)
from effectif.payroll.services import computation_request
from effectif.payroll.tests.factories import PayrollPeriodFactory
from effectif.rules.payroll import compute_payslip

pytestmark = pytest.mark.django_db


def test_the_worker_computes_one_payslip_per_person(
    period, world, hr_assistant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        computation_request(period=period, by=hr_assistant)
    period.refresh_from_db()
    assert period.status == PeriodStatus.COMPUTED
    assert period.task_status == TaskStatus.DONE
    assert period.progress_done == period.progress_total == 3
    payslips = Payslip.objects.filter(period=period)
    assert {p.employee for p in payslips} == {world.manager_file, world.member, world.colleague}
    member = payslips.get(employee=world.member)
    assert member.status == PayslipStatus.COMPUTED
    assert member.gross_amount == D("2200.00")
    assert member.net_paid_amount > 0
    assert member.employer_cost_amount > member.gross_amount
    assert member.result["lines"]
    assert member.parameters_version
    assert member.result["lines"][0]["heading_label"]


def test_stored_payslips_equal_the_engines_one_by_one(period, world):
    PayrollElement.objects.create(
        period=period,
        employee=world.member,
        code="HS25",
        label="HS",
        quantity=D("8"),
        source=ElementSource.MANUAL,
    )
    PayrollElement.objects.create(
        period=period,
        employee=world.member,
        code="PRIME",
        label="Prime",
        amount=D("150"),
        source=ElementSource.MANUAL,
    )
    compute(period.pk)
    employer = employer_facts(period)
    for person in paid_in(period):
        elements = PayrollElement.objects.filter(period=period, employee=person.employee)
        expected = compute_payslip(
            payslip_input(
                period, person, employer=employer, elements=elements, planned=None, ytd=None
            )
        )
        stored = Payslip.objects.get(period=period, employee=person.employee)
        assert stored.gross_amount == expected.gross_amount
        assert stored.net_paid_amount == expected.net_paid_amount
        assert stored.employer_cost_amount == expected.employer_cost_amount
        assert stored.withheld_amount == expected.withholding.amount
        assert len(stored.result["lines"]) == len(expected.lines)
    member = Payslip.objects.get(period=period, employee=world.member)
    assert member.element_count == 2
    # 2 200 € + 8 h at 125 % of 2 200 / 151,67 (18,1315 €) + a 150 € bonus.
    assert member.gross_amount == D("2200.00") + D("145.05") + D("150.00")


def test_running_again_is_idempotent(period):
    compute(period.pk)
    first = {p.employee_id: (p.net_paid_amount, p.result) for p in Payslip.objects.all()}
    period.refresh_from_db()
    compute(period.pk)
    assert Payslip.objects.count() == len(first)
    assert {p.employee_id: (p.net_paid_amount, p.result) for p in Payslip.objects.all()} == first


def test_year_to_date_follows_the_previous_month(world, period):
    compute(period.pk)
    june = PayrollPeriodFactory(
        employer=world.employer,
        month=date(2026, 6, 1),
        pay_date=date(2026, 6, 30),
        cutoff_date=date(2026, 6, 20),
    )
    compute(june.pk)
    may = Payslip.objects.get(period=period, employee=world.member)
    later = Payslip.objects.get(period=june, employee=world.member)
    assert D(later.result["year_to_date"]["gross_amount"]) == (
        may.gross_amount + later.gross_amount
    )


def test_an_entry_during_the_month_is_prorated(world, period):
    newcomer = EmployeeFactory(employer=world.employer)
    hire(
        newcomer,
        start=date(2026, 5, 16),
        establishment=world.establishment,
        monthly_gross_amount=D("3100.00"),
    )
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=newcomer)
    # 16 of 31 calendar days (CSS R242-2 for the ceiling; salary by calendar days).
    assert payslip.gross_amount == D("1600.00")


def test_people_without_a_payroll_contract_get_no_payslip_but_an_anomaly(world, period):
    intern = EmployeeFactory(employer=world.employer)
    hire(
        intern,
        start=date(2026, 5, 1),
        end=date(2026, 7, 31),
        kind="stage",
        establishment=world.establishment,
    )
    compute(period.pk)
    assert not Payslip.objects.filter(employee=intern).exists()
    anomaly = period.anomalies.get(employee=intern)
    assert anomaly.code == "sans_bulletin"
    assert anomaly.severity == "warning"


def test_a_failed_input_is_a_failed_payslip_and_a_blocking_anomaly(world, period):
    terms = world.contract.versions.get()
    terms.monthly_gross_amount = D("0")
    terms.save()
    PayrollElement.objects.create(
        period=period,
        employee=world.member,
        code="ABS_H",
        label="Absence",
        quantity=D("500"),
        source=ElementSource.MANUAL,
    )
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.status == PayslipStatus.FAILED
    assert payslip.error
    assert period.anomalies.filter(
        employee=world.member, code="calcul_impossible", severity="blocking"
    ).exists()


def test_a_closed_period_is_not_computed_again(period):
    compute(period.pk)
    PayrollPeriod.objects.filter(pk=period.pk).update(status=PeriodStatus.CLOSED)
    before = list(Payslip.objects.values_list("pk", flat=True))
    compute(period.pk)
    assert list(Payslip.objects.values_list("pk", flat=True)) == before


def test_a_part_time_contract_without_its_hours_is_a_failed_payslip(world, period):
    terms = world.contract.versions.get()
    terms.working_time = "temps_partiel"
    terms.monthly_hours = None
    terms.save()
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.status == PayslipStatus.FAILED
    assert "durée mensuelle" in payslip.error
    # Full time without a figure is the legal duration.
    colleague = Payslip.objects.get(period=period, employee=world.colleague)
    assert colleague.engine_input["employee"]["monthly_hours"] == "151.67"

"""The leave collector: approved paid leave of the month as « CP » valued by the leave app,
unpaid leave and the absences that suspend the contract as hours (« ABS_H », or days under the
working-days method) but sickness and work accidents, which are stops (« MALADIE », « AT_MP »,
see test_sickness.py), only the part of each request inside the month, and their effect on the
payslip computed for May 2026.

The world's member works the legal week (no schedule: 7 h Monday to Friday) for 2 200 € a
month. May 2026 has 21 weekdays, four of them public holidays (Friday 1, Friday 8, Thursday 14
Ascension, Monday 25 Whit Monday): 17 working days, 119 hours.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from effectif.leave.models import Category, Counting, EntryKind, LedgerEntry, Status
from effectif.leave.tests.factories import LeaveRequestFactory, LeaveTypeFactory
from effectif.payroll.collectors import collectors
from effectif.payroll.collectors.leave import collect
from effectif.payroll.computing import compute
from effectif.payroll.facts import paid_in
from effectif.payroll.models import (
    ElementSource,
    EmployerPayrollSettings,
    PayrollElement,
    Payslip,
    PayslipStatus,
)
from effectif.rules.payroll.inputs import AbsenceMethod

pytestmark = pytest.mark.django_db


def gross_lines(payslip: Payslip) -> dict[str, dict]:
    return {line["code"]: line for line in payslip.result["gross_lines"]}


def of_employer(world, code: str, label: str, category: str, counting: str = Counting.OUVRABLES):
    return LeaveTypeFactory(
        employer=world.employer, code=code, label=label, category=category, counting=counting
    )


@pytest.fixture
def paid_leave(world):
    return of_employer(world, "cp", "Congés payés", Category.PAID_LEAVE)


@pytest.fixture
def unpaid(world):
    return of_employer(world, "sans_solde", "Congé sans solde", Category.UNPAID, Counting.OUVRES)


@pytest.fixture
def sickness(world):
    return of_employer(world, "maladie", "Maladie", Category.SICKNESS, Counting.CALENDAR)


def taken(employee, leave_type, start: str, end: str = "", detail=None, **extra):
    """An approved request from `start` to `end` (ISO dates) with the days it counts (`detail`;
    none: stored without it)."""
    return LeaveRequestFactory(
        employee=employee,
        leave_type=leave_type,
        start_date=dt.date.fromisoformat(start),
        end_date=dt.date.fromisoformat(end or start),
        amount=sum((D(v) for v in (detail or {}).values()), D(0)) or D(1),
        days_detail=detail or {},
        **extra,
    )


def every_day(first: str, last: str) -> dict[str, str]:
    """Each day from `first` to `last` counting 1."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return {(start + dt.timedelta(days=n)).isoformat(): "1" for n in range((end - start).days + 1)}


def acquired(employee, leave_type, amount: str) -> None:
    """Days acquired over June 2024 – May 2025, the period paid leave taken in May 2026 uses."""
    LedgerEntry.objects.create(
        employee=employee,
        leave_type=leave_type,
        kind=EntryKind.ACQUISITION,
        entry_date=dt.date(2025, 5, 31),
        amount=D(amount),
        period_start=dt.date(2024, 6, 1),
        label="Acquisition",
    )


def week_of_leave(world, paid_leave):
    """Monday 18 to Friday 22 May, counted in jours ouvrables: six days (the Saturday too)."""
    acquired(world.member, paid_leave, "30")
    return taken(
        world.member, paid_leave, "2026-05-18", "2026-05-22", every_day("2026-05-18", "2026-05-23")
    )


def afternoon_and_a_day(world, leave_type):
    """Wednesday 20 May from noon and Thursday 21 May."""
    detail = {"2026-05-20": "0.5", "2026-05-21": "1"}
    return taken(world.member, leave_type, "2026-05-20", "2026-05-21", detail, start_afternoon=True)


def test_the_collector_is_registered():
    assert collect in collectors()


def test_paid_leave_is_valued_by_the_leave_app(world, period, paid_leave):
    request = week_of_leave(world, paid_leave)
    (draft,) = collect(period, paid_in(period))
    assert draft.employee_id == world.member.pk
    assert (draft.code, draft.source) == ("CP", ElementSource.LEAVE)
    assert draft.source_key == f"leave.leaverequest:{request.pk}"
    assert draft.source_label == "Congés payés du 18/05 au 23/05"
    assert draft.source_url == reverse("leave:request_detail", args=[request.pk])
    assert (draft.start_date, draft.end_date) == (dt.date(2026, 5, 18), dt.date(2026, 5, 23))
    # Six days; the reference period's gross pay: 12 × 2 200 €; 30 days acquired over it.
    assert (draft.quantity, draft.base_amount, draft.rate) == (D(6), D("26400.00"), D(30))
    # Maintien: 2 200 × 35 h / 119 h = 647,06 €. Dixième: 26 400 × 10 % × 6 / 30 = 528,00 €.
    assert draft.detail["maintien_amount"] == "647.06"
    assert draft.detail["tenth_amount"] == "528.00"
    assert draft.detail["method"] == "maintien"
    assert draft.detail["amount"] == "647.06"


def test_paid_leave_reaches_the_payslip(world, period, paid_leave):
    week_of_leave(world, paid_leave)
    compute(period.pk)
    element = PayrollElement.objects.get(period=period, employee=world.member)
    assert (element.code, element.quantity, element.rate) == ("CP", D("6.00"), D("30.0000"))
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.status == PayslipStatus.COMPUTED
    assert payslip.element_count == 1
    lines = gross_lines(payslip)
    # The engine replaces the days' salary by the higher valuation: 2 200 × 6 / 17 = 776,47 €
    # either way here (the tenth, 26 400 × 6 / 300 = 528 €, is lower), so the gross is unchanged.
    assert D(lines["absence_conges_payes"]["amount"]) == D("-776.47")
    assert D(lines["indemnite_conges_payes"]["amount"]) == D("776.47")
    assert payslip.gross_amount == D("2200.00")


def test_paid_leave_across_two_months_counts_the_days_of_the_month(world, period, paid_leave):
    acquired(world.member, paid_leave, "30")
    detail = every_day("2026-05-28", "2026-06-03")
    del detail["2026-05-31"]  # a Sunday
    taken(world.member, paid_leave, "2026-05-28", "2026-06-03", detail)
    (draft,) = collect(period, paid_in(period))
    assert draft.quantity == D(3)
    assert (draft.start_date, draft.end_date) == (dt.date(2026, 5, 28), dt.date(2026, 5, 30))
    assert draft.source_label == "Congés payés du 28/05 au 30/05"


def test_unpaid_leave_counts_the_planned_hours_and_half_days(world, period, unpaid):
    request = afternoon_and_a_day(world, unpaid)
    (draft,) = collect(period, paid_in(period))
    # Wednesday afternoon (3 h 30) and Thursday (7 h).
    assert (draft.code, draft.quantity) == ("ABS_H", D("10.50"))
    assert draft.label == "Absence non rémunérée (heures)"
    assert draft.source_key == f"leave.leaverequest:{request.pk}"
    assert draft.source_label == "Congé sans solde du 20/05 au 21/05"
    assert draft.detail["category"] == Category.UNPAID
    assert draft.detail["working_days"] == "1.50"
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    # Deducted at the month's actual hours: 2 200 × 10,5 / 119 = 194,12 €.
    assert D(gross_lines(payslip)["absence"]["amount"]) == D("-194.12")
    assert payslip.gross_amount == D("2005.88")


def test_only_the_part_inside_the_month_is_gathered(world, period, unpaid):
    # Stored without its detail: counted from its span, ending at noon on Tuesday 5 May.
    taken(world.member, unpaid, "2026-04-28", "2026-05-05", end_morning=True)
    (draft,) = collect(period, paid_in(period))
    # Friday 1 May is a holiday, then the weekend: Monday 4 (7 h) and Tuesday morning (3 h 30).
    assert draft.quantity == D("10.50")
    assert (draft.start_date, draft.end_date) == (dt.date(2026, 5, 1), dt.date(2026, 5, 5))
    assert draft.source_label == "Congé sans solde du 01/05 au 05/05"


def test_sickness_is_a_stop_with_its_nature(world, period, sickness):
    calendar_days = every_day("2026-05-09", "2026-05-13")
    request = taken(
        world.member, sickness, "2026-05-09", "2026-05-13", calendar_days, subrogation=True
    )
    (draft,) = collect(period, paid_in(period))
    # Saturday and Sunday are rest days; Monday 11 to Wednesday 13: 3 × 7 h. A stop is computed
    # by the engine (test_sickness.py), not deducted as « ABS_H ».
    assert (draft.code, draft.quantity) == ("MALADIE", D("21.00"))
    assert draft.label == "Arrêt de travail : maladie"
    assert draft.source_key == f"leave.leaverequest:{request.pk}"
    assert draft.detail["category"] == Category.SICKNESS
    assert draft.detail["calendar_days"] == 5
    assert draft.detail["subrogation"] is True


def test_a_work_accident_is_a_stop_too(world, period):
    leave_type = of_employer(world, "absence", "Absence", Category.WORK_ACCIDENT)
    taken(world.member, leave_type, "2026-05-04", detail={"2026-05-04": "1"})
    (draft,) = collect(period, paid_in(period))
    assert (draft.code, draft.quantity, draft.detail["category"]) == (
        "AT_MP",
        D("7.00"),
        Category.WORK_ACCIDENT,
    )


@pytest.mark.parametrize("category", [Category.MATERNITY, Category.PATERNITY, Category.SICK_CHILD])
def test_other_suspensions_are_absences(world, period, category):
    leave_type = of_employer(world, "absence", "Absence", category)
    taken(world.member, leave_type, "2026-05-04", detail={"2026-05-04": "1"}, subrogation=True)
    (draft,) = collect(period, paid_in(period))
    assert (draft.code, draft.quantity, draft.detail["category"]) == ("ABS_H", D("7.00"), category)
    assert draft.label == f"Absence : {Category(category).label}"
    assert draft.detail["subrogation"] is True
    assert "non calculés" in draft.detail["note"]


def test_the_working_days_method_gets_days(world, period, unpaid):
    EmployerPayrollSettings.objects.create(
        employer=world.employer, absence_method=AbsenceMethod.WORKING_DAYS.value
    )
    afternoon_and_a_day(world, unpaid)
    (draft,) = collect(period, paid_in(period))
    assert (draft.code, draft.quantity) == ("ABS_J", D("1.50"))
    assert draft.detail["hours"] == "10.50"
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    # 2 200 × 1,5 / 17 working days = 194,12 €.
    assert D(gross_lines(payslip)["absence"]["amount"]) == D("-194.12")


def test_what_is_not_gathered(world, period, paid_leave, unpaid):
    acquired(world.member, paid_leave, "30")
    may_day = {"2026-05-20": "1"}
    for status in (Status.SUBMITTED, Status.REJECTED, Status.CANCELLED):
        taken(world.member, unpaid, "2026-05-20", detail=may_day, status=status)
    # Another month, another employer, a training (paid as work).
    taken(world.member, unpaid, "2026-06-10", detail={"2026-06-10": "1"})
    elsewhere = LeaveTypeFactory(employer=world.other_employer, category=Category.UNPAID)
    taken(world.stranger, elsewhere, "2026-05-20", detail=may_day)
    training = of_employer(world, "formation", "Formation", Category.TRAINING)
    taken(world.member, training, "2026-05-20", detail=may_day)
    assert collect(period, paid_in(period)) == []

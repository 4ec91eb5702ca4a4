"""Sick leave and work accidents from the leave app to the payslip: one « MALADIE » or « AT_MP »
element per stop carrying the engine's `SickLeave` facts, the engine's lines (absence,
maintenance, IJSS after net with subrogation), no second deduction, no false anomaly.

The world's member was hired on 1 January 2024 (two years of seniority in May 2026), works the
legal week (7 h Monday to Friday) for 2 200 € a month, under the actual-hours method: May 2026
has 119 working hours (four public holidays). A stop from Monday 4 to Wednesday 13 May (ten
calendar days) takes 7 working days from the month (Friday 8 is a holiday): 49 h, 2 200 × 49 /
119 = 905,88 €. No payslip is stored before May: each reference month is the contract's 2 200 €.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.leave.models import Category, Counting
from effectif.leave.tests.factories import LeaveRequestFactory, LeaveTypeFactory
from effectif.payroll.catalogue import KINDS, month_variables, sick_leave_of
from effectif.payroll.collectors.leave import collect
from effectif.payroll.computing import compute
from effectif.payroll.facts import paid_in
from effectif.payroll.models import EmployerPayrollSettings, PayrollElement, Payslip
from effectif.payroll.tests.factories import PayrollPeriodFactory
from effectif.rules.payroll import month_parameters
from effectif.rules.payroll.inputs import AbsenceMethod, SickLeave

pytestmark = pytest.mark.django_db


def stop(employee, category: str, start: str, end: str, **extra):
    """An approved stop, counted in calendar days, every day of it in `days_detail`."""
    leave_type = LeaveTypeFactory(
        employer=employee.employer,
        code=category,
        label=Category(category).label,
        category=category,
        counting=Counting.CALENDAR,
    )
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    days = {(first + dt.timedelta(days=n)).isoformat(): "1" for n in range((last - first).days + 1)}
    return LeaveRequestFactory(
        employee=employee,
        leave_type=leave_type,
        start_date=first,
        end_date=last,
        amount=D(len(days)),
        days_detail=days,
        **extra,
    )


def computed(period, employee) -> Payslip:
    compute(period.pk)
    return Payslip.objects.get(period=period, employee=employee)


def gross_lines(payslip: Payslip) -> dict[str, dict]:
    return {line["code"]: line for line in payslip.result["gross_lines"]}


def after_net(payslip: Payslip) -> dict[str, D]:
    return {line["code"]: D(line["amount"]) for line in payslip.result["after_net_lines"]}


def anomalies(period, employee) -> set[str]:
    return set(period.anomalies.filter(employee=employee).values_list("code", flat=True))


def test_a_stop_is_one_element_with_the_facts_of_the_engine(world, period):
    request = stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13", subrogation=True)
    (draft,) = collect(period, paid_in(period))
    assert (draft.code, draft.label) == ("MALADIE", str(KINDS["MALADIE"].label))
    assert draft.source_key == f"leave.leaverequest:{request.pk}"
    assert draft.quantity == D("49.00")
    detail = draft.detail
    assert detail["unit"] == "hours"
    assert (detail["request_start_date"], detail["request_end_date"]) == (
        "2026-05-04",
        "2026-05-13",
    )
    assert (detail["service_start_date"], detail["seniority_years"]) == ("2024-01-01", 2)
    assert detail["reference_gross_amounts"] == ["2200.00", "2200.00", "2200.00"]
    assert [m["month"] for m in detail["reference_months"]] == ["2026-02", "2026-03", "2026-04"]
    assert {m["source"] for m in detail["reference_months"]} == {"contrat"}
    assert detail["subrogation"] is True
    # No period before May in the application: the days of earlier stops are unknown.
    assert detail["previous_maintained_days"] == 0
    notes = " ".join(detail["notes"])
    assert "02/2026, 03/2026, 04/2026" in notes  # reference gross from the contract
    assert "comptés 0" in notes
    assert sick_leave_of(draft) == SickLeave(
        start_date=dt.date(2026, 5, 4),
        end_date=dt.date(2026, 5, 13),
        seniority_years=2,
        reference_gross_amounts=(D("2200.00"), D("2200.00"), D("2200.00")),
        absence_hours=D("49.00"),
        subrogation=True,
    )
    variables = month_variables([draft])
    assert variables.sick_leaves == (sick_leave_of(draft),)
    assert variables.absence_hours == 0


def test_ten_days_of_illness_give_the_engines_lines_without_subrogation(world, period):
    stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13")
    payslip = computed(period, world.member)
    lines = gross_lines(payslip)
    # Deducted once, by the engine: 49 h at the month's actual hours.
    assert (D(lines["absence_maladie"]["quantity"]), D(lines["absence_maladie"]["amount"])) == (
        D("49.00"),
        D("-905.88"),
    )
    assert "absence" not in lines
    # Employer's waiting days 1 to 7 (4 to 10 May), days 8 to 10 maintained at 90 % of the pay
    # of the days spread over the ten calendar days (905,88 × 3 × 90 % / 10 = 244,59 €) less the
    # IJSS of those days (3 × 36,16 €: 6 600 / 91,25 × 50 %).
    maintained = lines["maintien_salaire"]
    assert (D(maintained["quantity"]), D(maintained["amount"])) == (D(3), D("136.11"))
    assert payslip.gross_amount == D("2200.00") - D("905.88") + D("136.11")
    # Without subrogation the CPAM pays the IJSS to the employee: nothing after net.
    assert payslip.result["after_net_lines"] == []
    assert not PayrollElement.objects.filter(period=period, code__in=("ABS_H", "ABS_J")).exists()


def test_with_subrogation_the_ijss_are_paid_after_net(world, period):
    stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13", subrogation=True)
    without = D("2200.00") - D("905.88") + D("136.11")
    payslip = computed(period, world.member)
    assert payslip.gross_amount == without  # the IJSS are not gross pay
    lines = after_net(payslip)
    # IJSS from day 4 (7 to 13 May): 7 × 36,16 €; CSG 3,8 % + 2,4 % and CRDS 0,5 % withheld.
    assert lines == {
        "ijss_subrogees": D("253.12"),
        "csg_deductible_ijss": D("-9.62"),
        "csg_non_deductible_ijss": D("-6.07"),
        "crds_ijss": D("-1.27"),
    }
    contributions = payslip.employee_contributions_amount
    assert payslip.net_before_tax_amount == without - contributions + D("236.16")
    assert "net_superieur_brut" not in anomalies(period, world.member)


def test_a_work_accident_has_no_waiting_days(world, period):
    stop(world.member, Category.WORK_ACCIDENT, "2026-05-04", "2026-05-13", subrogation=True)
    (draft,) = collect(period, paid_in(period))
    assert (draft.code, draft.quantity) == ("AT_MP", D("49.00"))
    assert sick_leave_of(draft).occupational is True
    payslip = computed(period, world.member)
    lines = gross_lines(payslip)
    assert D(lines["absence_at_mp"]["amount"]) == D("-905.88")
    assert "absence" not in lines
    assert "absence_maladie" not in lines
    # Maintained from day 1, all ten days at 90 % (815,29 €), less ten IJ at 60 % of
    # 2 200 / 30,42 (43,39 €).
    maintained = lines["maintien_salaire"]
    assert (D(maintained["quantity"]), D(maintained["amount"])) == (D(10), D("381.39"))
    assert after_net(payslip)["ijss_subrogees"] == D("433.90")


def test_the_working_days_method_gives_the_stop_in_days(world, period):
    EmployerPayrollSettings.objects.create(
        employer=world.employer, absence_method=AbsenceMethod.WORKING_DAYS.value
    )
    stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13")
    (draft,) = collect(period, paid_in(period))
    assert (draft.quantity, draft.detail["unit"]) == (D("7.00"), "days")
    leave = sick_leave_of(draft)
    assert (leave.absence_days, leave.absence_hours) == (D("7.00"), D(0))
    payslip = computed(period, world.member)
    # 2 200 × 7 / 17 working days.
    assert D(gross_lines(payslip)["absence_maladie"]["amount"]) == D("-905.88")


def test_a_whole_month_with_subrogation_is_no_anomaly(world, period):
    stop(world.member, Category.SICKNESS, "2026-05-01", "2026-05-31", subrogation=True)
    payslip = computed(period, world.member)
    # The month's pay is mostly the IJSS, paid after net: the net exceeds the gross.
    assert payslip.net_paid_amount > payslip.gross_amount
    assert after_net(payslip)["ijss_subrogees"] == D("36.16") * 28
    found = anomalies(period, world.member)
    assert "net_superieur_brut" not in found
    assert "sous_smic" not in found


def test_a_stop_at_the_smic_is_not_below_the_smic(world, period):
    smic_hourly = month_parameters(period.month).smic_hourly
    worker = EmployeeFactory(employer=world.employer, iban="FR7630006000011234567890189")
    hire(
        worker,
        start=dt.date(2024, 1, 1),
        establishment=world.establishment,
        monthly_gross_amount=(smic_hourly * D("151.67")).quantize(D("0.01")),
    )
    stop(worker, Category.SICKNESS, "2026-05-04", "2026-05-13")
    computed(period, worker)
    assert "sous_smic" not in anomalies(period, worker)


def test_days_maintained_for_an_earlier_stop_are_counted(world, period):
    april = PayrollPeriodFactory(
        employer=world.employer,
        month=dt.date(2026, 4, 1),
        pay_date=dt.date(2026, 4, 30),
        cutoff_date=dt.date(2026, 4, 20),
    )
    stop(world.member, Category.SICKNESS, "2026-04-01", "2026-04-20")
    earlier = computed(april, world.member)
    # Days 8 to 20 maintained in April.
    assert D(gross_lines(earlier)["maintien_salaire"]["quantity"]) == D(13)
    stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13")
    (draft,) = collect(period, paid_in(period))
    assert draft.detail["previous_maintained_days"] == 13
    # April's stored payslip is the last reference month; February and March the contract's.
    assert [m["source"] for m in draft.detail["reference_months"]] == [
        "contrat",
        "contrat",
        "bulletin",
    ]
    assert draft.detail["reference_gross_amounts"][-1] == str(earlier.gross_amount)
    # The April stop itself, gathered again for May, is not counted against itself.
    assert sick_leave_of(draft).previous_maintained_days == 13


def test_two_stops_of_the_month_share_the_bands(world, period):
    stop(world.member, Category.SICKNESS, "2026-05-01", "2026-05-12")
    stop(world.member, Category.SICKNESS, "2026-05-18", "2026-05-22")
    first, second = collect(period, paid_in(period))
    # The first stop's days 8 to 12 are maintained (5 days) before the second one.
    assert (
        first.detail["previous_maintained_days"],
        second.detail["previous_maintained_days"],
    ) == (
        0,
        5,
    )


def test_subrogation_needs_a_year_of_seniority(world, period):
    newcomer = EmployeeFactory(employer=world.employer)
    hire(newcomer, start=dt.date(2026, 3, 16), establishment=world.establishment)
    stop(newcomer, Category.SICKNESS, "2026-05-04", "2026-05-13", subrogation=True)
    (draft,) = collect(period, paid_in(period))
    assert draft.detail["seniority_years"] == 0
    assert (draft.detail["subrogation"], draft.detail["subrogation_requested"]) == (False, True)
    assert any("moins d'un an" in note for note in draft.detail["notes"])
    # February is before the hire; March from the 16th: 2 200 × 16 / 31.
    assert draft.detail["reference_gross_amounts"] == ["1135.48", "2200.00"]
    payslip = computed(period, newcomer)
    assert payslip.status == "computed"
    assert "maintien_salaire" not in gross_lines(payslip)
    assert payslip.result["after_net_lines"] == []


def test_the_payslip_page_shows_the_subrogated_ijss(world, period, client, hr_manager):
    stop(world.member, Category.SICKNESS, "2026-05-04", "2026-05-13", subrogation=True)
    payslip = computed(period, world.member)
    client.force_login(hr_manager)
    page = client.get(reverse("payroll:payslip", args=[payslip.pk])).content.decode()
    for label in (
        "Absence maladie",
        "Maintien de salaire",
        "IJSS subrogées (brutes)",
        "CRDS sur IJSS (précomptée par la CPAM)",
    ):
        assert label in page

"""The time-sheet collector: the hours by band of each validated week ending in the month, as
the timekeeping app computed them when the week was validated, and their effect on the payslip
computed for May 2026. The sheets are declared, submitted and validated by the app's services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.payroll.collectors import collectors
from effectif.payroll.collectors.time_sheets import collect
from effectif.payroll.computing import compute
from effectif.payroll.facts import paid_in
from effectif.payroll.models import ElementSource, Payslip, PayslipStatus
from effectif.timekeeping.services.sheets import (
    DayEntry,
    timesheet_save,
    timesheet_submit,
    timesheet_validate,
)

pytestmark = pytest.mark.django_db


def week(employee, monday: str, hours: str, *, by, days: int = 5, validate: bool = True):
    """A week of `days` days of `hours` each from `monday`, submitted, and validated unless
    told."""
    start = dt.date.fromisoformat(monday)
    entries = {start + dt.timedelta(days=n): DayEntry(hours=D(hours)) for n in range(days)}
    sheet = timesheet_submit(
        sheet=timesheet_save(employee=employee, week_start=start, days=entries, by=by), by=by
    )
    return timesheet_validate(sheet=sheet, by=by) if validate else sheet


def by_code(drafts) -> dict[str, list]:
    found: dict[str, list] = {}
    for draft in drafts:
        found.setdefault(draft.code, []).append(draft)
    return found


def test_the_collector_is_registered():
    assert collect in collectors()


def test_overtime_of_a_validated_week(world, period, hr_manager):
    # 5 × 9 h 12 = 46 h: 8 h at the first band (+25 %), 3 h at the second (+50 %), L3121-36.
    sheet = week(world.member, "2026-05-18", "9.20", by=hr_manager)
    drafts = by_code(collect(period, paid_in(period)))
    assert set(drafts) == {"HS25", "HS50"}
    (first,), (second,) = drafts["HS25"], drafts["HS50"]
    assert (first.quantity, second.quantity) == (D("8.00"), D("3.00"))
    assert first.employee_id == world.member.pk
    assert first.source == ElementSource.TIMEKEEPING
    assert first.source_key == second.source_key == f"timekeeping.timesheet:{sheet.pk}"
    assert first.source_label == "Feuille de temps de la semaine du 18/05/2026"
    assert first.source_url == reverse("timekeeping:sheet_detail", args=[sheet.pk])
    assert (first.start_date, first.end_date) == (dt.date(2026, 5, 18), dt.date(2026, 5, 24))
    assert first.label == "Heures supplémentaires à 25 %"
    assert first.detail["worked_hours"] == "46.00"
    assert first.detail["parameters_version"] == sheet.parameters_version


def test_the_overtime_reaches_the_payslip(world, period, hr_manager):
    week(world.member, "2026-05-18", "9.20", by=hr_manager)
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=world.member)
    assert payslip.status == PayslipStatus.COMPUTED
    assert payslip.element_count == 2
    lines = {line["code"]: line for line in payslip.result["gross_lines"]}
    # Hourly rate 2 200 / 151,67 = 14,5052 €: 8 h × 125 % = 145,05 €; 3 h × 150 % = 65,27 €.
    assert D(lines["heures_supplementaires_25"]["amount"]) == D("145.05")
    assert D(lines["heures_supplementaires_50"]["amount"]) == D("65.27")
    assert payslip.gross_amount == D("2410.32")


def test_a_week_is_paid_with_the_month_of_its_sunday(world, period, hr_manager):
    # 4 × 10 h = 40 h each week: 5 h of overtime.
    for monday in ("2026-04-20", "2026-04-27", "2026-06-01"):
        week(world.member, monday, "10", by=hr_manager, days=4)
    (draft,) = collect(period, paid_in(period))
    # The week of 27 April ends on Sunday 3 May: May's; 20 April is April's, 1 June June's.
    assert (draft.code, draft.quantity) == ("HS25", D("5.00"))
    assert (draft.start_date, draft.end_date) == (dt.date(2026, 4, 27), dt.date(2026, 5, 3))


def test_complementary_hours_of_a_part_timer(world, period, hr_manager):
    person = EmployeeFactory(employer=world.employer)
    hire(
        person,
        establishment=world.establishment,
        working_time="temps_partiel",
        monthly_hours=D("104.00"),
        monthly_gross_amount=D("1560.00"),
    )  # 104 × 12 / 52 = 24 h a week, 15 € an hour
    # 4 × 6 h 45 = 27 h: 2 h 24 within a tenth at +10 %, 0 h 36 beyond at +25 % (L3123-29).
    week(person, "2026-05-11", "6.75", by=hr_manager, days=4)
    drafts = by_code(collect(period, paid_in(period)))
    assert {code: [d.quantity for d in found] for code, found in drafts.items()} == {
        "HC10": [D("2.40")],
        "HC25": [D("0.60")],
    }
    compute(period.pk)
    payslip = Payslip.objects.get(period=period, employee=person)
    lines = {line["code"]: line for line in payslip.result["gross_lines"]}
    # 2,4 h × 15 € × 110 % = 39,60 €; 0,6 h × 15 € × 125 % = 11,25 €.
    assert D(lines["heures_complementaires_10"]["amount"]) == D("39.60")
    assert D(lines["heures_complementaires_25"]["amount"]) == D("11.25")


def test_what_is_not_gathered(world, period, hr_manager):
    # A week not validated yet, a week without overtime, another employer's week.
    week(world.member, "2026-05-11", "9.20", by=hr_manager, validate=False)
    week(world.colleague, "2026-05-11", "7", by=hr_manager)
    week(world.stranger, "2026-05-11", "9.20", by=hr_manager)
    assert collect(period, paid_in(period)) == []

"""Time sheets: declared by the week, submitted, validated with the week's overtime computed,
returned with a comment, reopened by HR."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.timekeeping.models import SheetStatus
from effectif.timekeeping.services.sheets import (
    DayEntry,
    timesheet_reopen,
    timesheet_return,
    timesheet_save,
    timesheet_submit,
    timesheet_validate,
)

pytestmark = pytest.mark.django_db

D = Decimal
MONDAY = dt.date(2026, 3, 2)


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def long_week(monday: dt.date = MONDAY) -> dict[dt.date, DayEntry]:
    """5 × (08:00–12:00 + 13:00–17:36) = 5 × 8 h 36 = 43 h."""
    day = DayEntry(intervals=[(t("08:00"), t("12:00")), (t("13:00"), t("17:36"))])
    return {monday + dt.timedelta(days=n): day for n in range(5)}


def test_declare_submit_validate_computes_the_overtime(world, employee_user, manager_user) -> None:
    sheet = timesheet_save(
        employee=world.member, week_start=MONDAY, days=long_week(), by=employee_user
    )
    assert sheet.records.count() == 5
    sheet = timesheet_submit(sheet=sheet, by=employee_user)
    sheet = timesheet_validate(sheet=sheet, by=manager_user)
    # 43 h − 35 h = 8 h, all in the first band (+25 %, L3121-36).
    assert sheet.status == SheetStatus.APPROVED
    assert (sheet.worked_hours, sheet.overtime_first_hours, sheet.overtime_second_hours) == (
        D("43.00"),
        D("8.00"),
        D("0.00"),
    )
    assert "heures_supplementaires@2016-08-10" in sheet.parameters_version


def test_part_time_complementary_hours(world, employee_user, hr_manager) -> None:
    person = EmployeeFactory(employer=world.employer)
    hire(
        person,
        establishment=world.establishment,
        working_time="temps_partiel",
        monthly_hours=D("104.00"),
    )  # 104 × 12 / 52 = 24 h a week
    days = {MONDAY + dt.timedelta(days=n): DayEntry(hours=D("6.75")) for n in range(4)}
    sheet = timesheet_save(employee=person, week_start=MONDAY, days=days, by=hr_manager)
    timesheet_submit(sheet=sheet, by=hr_manager)
    sheet = timesheet_validate(sheet=sheet, by=hr_manager)
    # 27 h − 24 h = 3 h: 2 h 24 within a tenth at +10 %, 0 h 36 beyond at +25 % (L3123-29).
    assert (sheet.complementary_first_hours, sheet.complementary_second_hours) == (
        D("2.40"),
        D("0.60"),
    )
    assert sheet.overtime_hours == 0


def test_a_submitted_week_cannot_be_changed_until_returned(
    world, employee_user, manager_user
) -> None:
    sheet = timesheet_save(
        employee=world.member, week_start=MONDAY, days=long_week(), by=employee_user
    )
    timesheet_submit(sheet=sheet, by=employee_user)
    with pytest.raises(ValidationError, match="à valider : elle ne peut plus être modifiée"):
        timesheet_save(employee=world.member, week_start=MONDAY, days={}, by=employee_user)
    with pytest.raises(ValidationError):
        timesheet_return(sheet=sheet, by=manager_user, comment="  ")
    sheet = timesheet_return(sheet=sheet, by=manager_user, comment="Mercredi : 16 h, pas 17 h 36.")
    assert (sheet.status, sheet.decision_comment) == (
        SheetStatus.DRAFT,
        "Mercredi : 16 h, pas 17 h 36.",
    )
    timesheet_save(employee=world.member, week_start=MONDAY, days={}, by=employee_user)
    assert sheet.records.count() == 0


def test_hr_reopens_a_validated_week(world, employee_user, manager_user, hr_manager) -> None:
    sheet = timesheet_save(
        employee=world.member, week_start=MONDAY, days=long_week(), by=employee_user
    )
    timesheet_submit(sheet=sheet, by=employee_user)
    timesheet_validate(sheet=sheet, by=manager_user)
    sheet = timesheet_reopen(sheet=sheet, by=hr_manager, reason="Badge oublié le jeudi")
    assert (sheet.status, sheet.overtime_first_hours) == (SheetStatus.DRAFT, D(0))


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (
            {MONDAY: DayEntry(intervals=[(t("08:00"), t("12:00")), (t("11:00"), t("14:00"))])},
            "se suivre sans se chevaucher",
        ),
        ({MONDAY: DayEntry(hours=D(25))}, "entre 0 et 24 heures"),
        (
            {
                MONDAY: DayEntry(intervals=[(t("22:00"), t("07:00"))]),
                MONDAY + dt.timedelta(days=1): DayEntry(intervals=[(t("06:00"), t("10:00"))]),
            },
            "chevauchent ceux de la veille",
        ),
    ],
)
def test_bad_days_are_refused_under_their_day(world, employee_user, days, message) -> None:
    with pytest.raises(ValidationError, match=message):
        timesheet_save(employee=world.member, week_start=MONDAY, days=days, by=employee_user)


def test_a_week_starts_on_monday_and_within_a_contract(world, employee_user) -> None:
    with pytest.raises(ValidationError, match="commence un lundi"):
        timesheet_save(
            employee=world.member,
            week_start=MONDAY + dt.timedelta(days=1),
            days={},
            by=employee_user,
        )
    monday_2023 = dt.date(2023, 3, 6)
    with pytest.raises(ValidationError, match="Aucun contrat ne couvre ce jour"):
        timesheet_save(
            employee=world.member,
            week_start=monday_2023,
            days=long_week(monday_2023),
            by=employee_user,
        )

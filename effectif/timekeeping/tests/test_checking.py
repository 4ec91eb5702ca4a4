"""Legal checks for many employees: recorded hours where there are some, planned ones
elsewhere, the facts of each person, a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.rules.working_time.breaches import Rule
from effectif.timekeeping.checking import legal_check_many
from effectif.timekeeping.models import ShiftOverride, WorkingTimeSettings
from effectif.timekeeping.services.sheets import DayEntry, timesheet_save, timesheet_submit
from effectif.timekeeping.tests.factories import assign, make_schedule

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)
SUNDAY = dt.date(2026, 3, 8)


def test_recorded_and_planned_time_are_checked(world, employee_user) -> None:
    # The member declares 11 h on Tuesday; the colleague's planning has a 23:00 finish on
    # Monday before the usual 09:00 start; the manager works the legal week.
    timesheet_save(
        employee=world.member,
        week_start=MONDAY,
        days={MONDAY + dt.timedelta(days=1): DayEntry(hours=Decimal(11))},
        by=employee_user,
    )
    ShiftOverride.objects.create(
        employee=world.colleague,
        day=MONDAY,
        intervals=[["14:00", "18:00"], ["18:30", "23:00"]],
        hours=Decimal("8.50"),
    )
    found = legal_check_many(Employee.objects.filter(employer=world.employer), MONDAY, SUNDAY)
    assert set(found) == {world.member.pk, world.colleague.pk}
    assert [(b.rule, b.start_date) for b in found[world.member.pk]] == [
        (Rule.DAILY_MAXIMUM, dt.date(2026, 3, 3))
    ]
    assert [(b.rule, b.measured) for b in found[world.colleague.pk]] == [
        (Rule.DAILY_REST, Decimal("10.00"))
    ]


def test_the_employers_agreement_and_the_persons_age_apply(world) -> None:
    young = EmployeeFactory(employer=world.employer, birth_date=dt.date(2009, 6, 1))
    hire(young, establishment=world.establishment)
    long_days = make_schedule(
        world.employer,
        "Longues journées",
        dict.fromkeys(range(4), ("08:00", "19:00", "12:00", "13:00")),
    )
    for person in (young, world.member):
        assign(person, long_days)
    found = legal_check_many([young, world.member], MONDAY, SUNDAY)
    # 10 h a day, 40 h a week, afternoons of 6 h: lawful for an adult; for a 16-year-old,
    # 8 h a day and 35 h a week (L3162-1), a break after 4 h 30 (L3162-3).
    assert world.member.pk not in found
    assert {b.rule for b in found[young.pk]} == {
        Rule.DAILY_MAXIMUM,
        Rule.WEEKLY_MAXIMUM,
        Rule.BREAK,
    }
    WorkingTimeSettings.objects.create(employer=world.employer, daily_max_hours=Decimal(9))
    assert {b.rule for b in legal_check_many([world.member], MONDAY, SUNDAY)[world.member.pk]} == {
        Rule.DAILY_MAXIMUM
    }


def test_queries_do_not_grow_with_the_headcount(world, django_assert_max_num_queries) -> None:
    for _n in range(15):
        hire(EmployeeFactory(employer=world.employer), establishment=world.establishment)
    # A fixed number: the calendars, the sheets, the facts, and one for the registered days
    # off (approved leave and absences), whatever the headcount and the range.
    with django_assert_max_num_queries(11):
        legal_check_many(
            Employee.objects.filter(employer=world.employer), MONDAY, dt.date(2026, 3, 31)
        )


def test_a_submitted_week_is_what_its_sheet_says(world, employee_user) -> None:
    # The planning has a 12-hour Tuesday; the sheet says Monday 7 h only.
    ShiftOverride.objects.create(
        employee=world.member,
        day=MONDAY + dt.timedelta(days=1),
        intervals=[["08:00", "12:00"], ["12:30", "20:30"]],
        hours=Decimal(12),
    )
    draft = timesheet_save(
        employee=world.member,
        week_start=MONDAY,
        days={MONDAY: DayEntry(hours=Decimal(7))},
        by=employee_user,
    )
    # Being filled in, the sheet only replaces the days it has: Tuesday is still planned.
    rules = {b.rule for b in legal_check_many([world.member], MONDAY, SUNDAY)[world.member.pk]}
    assert Rule.DAILY_MAXIMUM in rules
    timesheet_submit(sheet=draft, by=employee_user)
    # Submitted, the week is what the sheet says: Tuesday was not worked.
    assert legal_check_many([world.member], MONDAY, SUNDAY) == {}

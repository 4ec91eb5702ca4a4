"""The working calendar: schedules, cycles, holidays of the place of work, the journée de
solidarité, planning changes and contracts, for one employee and for many at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EstablishmentFactory
from effectif.timekeeping.calendar import planned_hours, planned_hours_many, planned_shifts_many
from effectif.timekeeping.models import ShiftOverride, WorkingTimeSettings
from effectif.timekeeping.tests.factories import assign, days_package, make_schedule

pytestmark = pytest.mark.django_db

D = Decimal
MONDAY = dt.date(2026, 3, 2)


def week_of(hours: dict[dt.date, Decimal], monday: dt.date) -> list[Decimal]:
    return [hours[monday + dt.timedelta(days=n)] for n in range(7)]


def test_without_schedule_the_legal_week(world) -> None:
    hours = planned_hours(world.member, MONDAY, MONDAY + dt.timedelta(days=6))
    assert week_of(hours, MONDAY) == [D(7)] * 5 + [D(0)] * 2


def test_someone_without_any_contract_gets_the_legal_week(db) -> None:
    nobody = EmployeeFactory()
    hours = planned_hours(nobody, MONDAY, MONDAY + dt.timedelta(days=6))
    assert sum(hours.values()) == D(35)


def test_no_hours_outside_the_contract(world) -> None:
    person = EmployeeFactory(employer=world.employer)
    hire(
        person,
        start=dt.date(2026, 3, 4),
        end=dt.date(2026, 3, 5),
        kind="cdd",
        establishment=world.establishment,
    )
    hours = planned_hours(person, MONDAY, MONDAY + dt.timedelta(days=6))
    assert week_of(hours, MONDAY) == [D(0), D(0), D(7), D(7), D(0), D(0), D(0)]


def test_a_four_day_week(world) -> None:
    schedule = make_schedule(
        world.employer, "4 jours", dict.fromkeys(range(4), ("08:00", "18:00", "12:00", "13:00"))
    )
    assign(world.member, schedule)
    hours = planned_hours(world.member, MONDAY, MONDAY + dt.timedelta(days=6))
    assert week_of(hours, MONDAY) == [D(9)] * 4 + [D(0)] * 3


def test_a_two_week_cycle_starts_where_the_assignment_says(world) -> None:
    # Week 1: Monday to Friday 7 h; week 2: Monday to Wednesday 7 h. Assigned from Wednesday
    # 4 March 2026 in week 2 of the cycle: the week of 2 March is week 2, that of 9 March week 1.
    days = {(1, d): ("09:00", "17:00", "12:00", "13:00") for d in range(5)}
    days |= {(2, d): ("09:00", "17:00", "12:00", "13:00") for d in range(3)}
    schedule = make_schedule(world.employer, "Cycle", days, cycle=2)
    assign(world.member, schedule, start=dt.date(2026, 3, 4), cycle_start_week=2)
    hours = planned_hours(world.member, MONDAY, MONDAY + dt.timedelta(days=20))
    assert week_of(hours, MONDAY)[2:] == [D(7), D(0), D(0), D(0), D(0)]
    assert week_of(hours, dt.date(2026, 3, 9)) == [D(7)] * 5 + [D(0)] * 2
    assert week_of(hours, dt.date(2026, 3, 16)) == [D(7)] * 3 + [D(0)] * 4


def test_holidays_of_the_establishment(world) -> None:
    # Good Friday (3 April 2026) is a holiday in Moselle, not in Paris; 1 May everywhere.
    metz = EstablishmentFactory(employer=world.employer, postal_code="57000", department="57")
    mosellan = EmployeeFactory(employer=world.employer)
    hire(mosellan, establishment=metz)
    hours = planned_hours_many([world.member, mosellan], dt.date(2026, 4, 3), dt.date(2026, 5, 1))
    assert hours[world.member.pk][dt.date(2026, 4, 3)] == D(7)
    assert hours[mosellan.pk][dt.date(2026, 4, 3)] == D(0)
    assert hours[world.member.pk][dt.date(2026, 5, 1)] == D(0)


def test_the_solidarity_day_is_worked(world) -> None:
    whit_monday = dt.date(2026, 5, 25)
    assert planned_hours(world.member, whit_monday, whit_monday)[whit_monday] == D(0)
    WorkingTimeSettings.objects.create(employer=world.employer, solidarity_day="lundi_de_pentecote")
    assert planned_hours(world.member, whit_monday, whit_monday)[whit_monday] == D(7)


def test_continuous_activity_works_public_holidays(world) -> None:
    schedule = make_schedule(world.employer, "Continu", works_public_holidays=True)
    assign(world.member, schedule)
    may_day = dt.date(2026, 5, 1)
    assert planned_hours(world.member, may_day, may_day)[may_day] == D(7)


def test_a_planning_change_wins_over_the_schedule_and_holidays(world) -> None:
    ShiftOverride.objects.create(
        employee=world.member,
        day=MONDAY,
        intervals=[["22:00", "02:00"], ["02:30", "06:00"]],
        hours=D("7.50"),
    )
    ShiftOverride.objects.create(employee=world.member, day=MONDAY + dt.timedelta(days=1))
    shifts = planned_shifts_many([world.member], MONDAY, MONDAY + dt.timedelta(days=1))
    night, off = (
        shifts[world.member.pk][MONDAY],
        shifts[world.member.pk][MONDAY + dt.timedelta(days=1)],
    )
    assert night.hours == D("7.50")
    assert night.intervals == ((22 * 60, 26 * 60), (26 * 60 + 30, 30 * 60))
    assert off.hours == D(0)


def test_forfait_jours_days_have_hours_without_times(world) -> None:
    assign(world.member, days_package(world.employer))
    shift = planned_shifts_many([world.member], MONDAY, MONDAY)[world.member.pk][MONDAY]
    assert (shift.hours, shift.timed, shift.intervals) == (D(7), False, ())


def test_a_new_assignment_takes_over_from_its_date(world) -> None:
    assign(world.member, make_schedule(world.employer, "A"), end=dt.date(2026, 3, 3))
    assign(
        world.member,
        make_schedule(world.employer, "B", {0: ("08:00", "12:00")}),
        start=dt.date(2026, 3, 4),
    )
    hours = planned_hours(world.member, MONDAY, dt.date(2026, 3, 9))
    assert [hours[MONDAY], hours[dt.date(2026, 3, 4)], hours[dt.date(2026, 3, 9)]] == [
        D(7),
        D(0),
        D(4),
    ]


def test_many_employees_in_a_constant_number_of_queries(
    world, django_assert_max_num_queries
) -> None:
    schedule = make_schedule(world.employer)
    people = []
    for n in range(12):
        person = EmployeeFactory(employer=world.employer)
        hire(person, establishment=world.establishment)
        if n % 2:
            assign(person, schedule)
        ShiftOverride.objects.create(employee=person, day=MONDAY)
        people.append(person)
    with django_assert_max_num_queries(6):
        hours = planned_hours_many(people, MONDAY, MONDAY + dt.timedelta(days=30))
    assert len(hours) == 12
    assert all(h[MONDAY] == 0 and h[MONDAY + dt.timedelta(days=1)] == 7 for h in hours.values())

"""`planned_days_many`: the planning's view of the working calendar (shift, contract, change,
public holiday of the place of work with its name), for many employees in fixed queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.organisation.tests.factories import EstablishmentFactory
from effectif.timekeeping.models import ShiftOverride
from effectif.timekeeping.selectors import planned_days_many

pytestmark = pytest.mark.django_db

GOOD_FRIDAY = dt.date(2026, 4, 3)
EASTER_MONDAY = dt.date(2026, 4, 6)


def test_holidays_are_named_after_the_place_of_work(world) -> None:
    strasbourg = EstablishmentFactory(employer=world.employer, postal_code="67000", department="67")
    alsatian = EmployeeFactory(employer=world.employer, department=world.team)
    hire(alsatian, establishment=strasbourg)
    days = planned_days_many([world.member, alsatian], GOOD_FRIDAY, EASTER_MONDAY)
    assert days[world.member.pk][GOOD_FRIDAY].holiday is None
    assert days[world.member.pk][GOOD_FRIDAY].shift.hours == Decimal(7)
    assert days[alsatian.pk][GOOD_FRIDAY].holiday.name == "Vendredi saint"
    assert not days[alsatian.pk][GOOD_FRIDAY].shift.works
    monday = days[world.member.pk][EASTER_MONDAY]
    assert monday.holiday.name == "Lundi de Pâques"
    assert not monday.shift.works


def test_days_outside_the_contract_and_changed_days(world) -> None:
    newcomer = EmployeeFactory(employer=world.employer, department=world.team)
    hire(newcomer, start=dt.date(2026, 3, 4), establishment=world.establishment)
    ShiftOverride.objects.create(
        employee=newcomer, day=dt.date(2026, 3, 5), intervals=[["08:00", "12:00"]], hours=4
    )
    days = planned_days_many([newcomer], dt.date(2026, 3, 2), dt.date(2026, 3, 6))[newcomer.pk]
    assert [days[dt.date(2026, 3, d)].under_contract for d in range(2, 7)] == [
        False,
        False,
        True,
        True,
        True,
    ]
    changed = days[dt.date(2026, 3, 5)]
    assert changed.changed
    assert changed.shift.label() == "08:00–12:00"
    assert not days[dt.date(2026, 3, 4)].changed


def test_queries_do_not_grow_with_the_people(world) -> None:
    def count(people: int) -> int:
        staff = [EmployeeFactory(employer=world.employer) for _ in range(people)]
        for person in staff:
            hire(person, establishment=world.establishment)
        with CaptureQueriesContext(connection) as queries:
            planned_days_many(staff, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
        return len(queries)

    assert count(2) == count(12)

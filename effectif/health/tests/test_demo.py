"""The demo's medical follow-up: visits held, visits to come, one overdue; loaded once."""

from __future__ import annotations

import datetime as dt

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.health.demo import load_health_demo
from effectif.health.models import MedicalVisit, Outcome, Status
from effectif.organisation.models import Employer

pytestmark = pytest.mark.django_db


def test_the_demo_follow_up_is_loaded_once(world, health_service, hr_manager, today):
    for start in (dt.date(2025, 9, 1), dt.date(2026, 2, 16), dt.date(2026, 2, 23)):
        person = EmployeeFactory(employer=world.employer, department=world.team)
        hire(person, start=start, establishment=world.establishment)
    employers = Employer.objects.filter(pk=world.employer.pk)
    assert load_health_demo(employers=employers, today=today, by=hr_manager)
    visits = MedicalVisit.objects.filter(employee__employer=world.employer)
    done = visits.filter(status=Status.DONE)
    # The three world files hired in 2024 and the hire of September 2025 had their VIP due;
    # one of them is left overdue.
    assert done.count() == 3
    assert set(done.values_list("outcome", flat=True)) <= {o.value for o in Outcome}
    assert all(v.held_on <= today for v in done)
    overdue = visits.filter(status__in=(Status.TO_PLAN, Status.PLANNED), due_date__lt=today)
    assert overdue.count() == 1
    assert visits.filter(status=Status.PLANNED, due_date__gte=today).count() == 2
    counts = (visits.count(), done.count())
    assert not load_health_demo(employers=employers, today=today, by=hr_manager)
    assert (visits.count(), done.count()) == counts

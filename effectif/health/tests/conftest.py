"""The shared `world` on a fixed day, with an occupational health service, a newcomer, posts with
risks, and helpers to record absences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from effectif.contracts.tests.factories import hire
from effectif.employees.tests.factories import EmployeeFactory
from effectif.health.tests.factories import HealthServiceFactory
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveRequest, LeaveType
from effectif.organisation.tests.factories import PositionFactory

#: A Monday. The world's member was hired on 1 January 2024 (born 2 April 1990).
TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def today(time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
    return TODAY


@pytest.fixture
def health_service(world):
    service = HealthServiceFactory(
        name="SPST du Rhône",
        address="10 quai du Rhône, 69007 Lyon",
        phone="04 72 00 00 01",
        email="accueil@spst.example",
    )
    world.establishment.health_service = service
    world.establishment.save()
    return service


@pytest.fixture
def newcomer(world, health_service, today):
    """Hired on 2 February 2026 in the team of the manager: VIP due by 2 May."""
    person = EmployeeFactory(
        employer=world.employer, department=world.team, last_name="Nouvelle", first_names="Inès"
    )
    hire(person, start=dt.date(2026, 2, 2), establishment=world.establishment)
    return person


@pytest.fixture
def risky_position(world):
    return PositionFactory(
        employer=world.employer, title="Désamiantage", risk_exposures=["amiante"]
    )


@pytest.fixture
def night_position(world):
    return PositionFactory(
        employer=world.employer, title="Veilleur de nuit", risk_exposures=["nuit"]
    )


@pytest.fixture
def leave_types(world, hr_manager):
    return {t.code: t for t in leave_types_install_defaults(employer=world.employer, by=hr_manager)}


def absence(employee, leave_type: LeaveType, start: dt.date, end: dt.date, status="approved"):
    return LeaveRequest.objects.create(
        employee=employee,
        leave_type=leave_type,
        start_date=start,
        end_date=end,
        amount=Decimal((end - start).days + 1),
        status=status,
    )

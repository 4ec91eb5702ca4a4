"""Planning fixtures: the shared `world` on Monday 2 March 2026, with its employer's default
leave types, and a way to put people on leave."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveType, Status
from effectif.leave.tests.factories import LeaveRequestFactory

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _today(time_machine):
    """The tests run on Monday 2 March 2026, 9 a.m. in Paris."""
    time_machine.move_to(datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)


@pytest.fixture
def types(world, hr_manager):
    leave_types_install_defaults(employer=world.employer, by=hr_manager)
    return {t.code: t for t in LeaveType.objects.filter(employer=world.employer)}


@pytest.fixture
def away(types):
    """Put someone on leave as the leave app stores it (`status` approved unless told)."""

    def put(employee, code, start, end=None, *, status=Status.APPROVED, **halves):
        return LeaveRequestFactory(
            employee=employee,
            leave_type=types[code],
            start_date=start,
            end_date=end or start,
            status=status,
            **halves,
        )

    return put

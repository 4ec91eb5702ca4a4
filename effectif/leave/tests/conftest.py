"""Leave fixtures: the shared `world` with the default leave types of its employer."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveType


@pytest.fixture
def types(world, hr_manager):
    leave_types_install_defaults(employer=world.employer, by=hr_manager)
    leave_types_install_defaults(employer=world.other_employer, by=None)
    return {t.code: t for t in LeaveType.objects.filter(employer=world.employer)}


@pytest.fixture(autouse=True)
def _today(time_machine):
    """The tests run on Monday 1 June 2026, 9 a.m. in Paris: a leave year has just ended."""
    time_machine.move_to(datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)

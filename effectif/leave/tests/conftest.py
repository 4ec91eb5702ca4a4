"""Leave fixtures: the shared `world` with the default leave types of its employer."""

from __future__ import annotations

import pytest

from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveType


@pytest.fixture
def types(world, hr_manager):
    leave_types_install_defaults(employer=world.employer, by=hr_manager)
    leave_types_install_defaults(employer=world.other_employer, by=None)
    return {t.code: t for t in LeaveType.objects.filter(employer=world.employer)}

"""A dismissal to walk through: the member of the shared `world` (hired 1 January 2024)."""

from __future__ import annotations

from datetime import date

import pytest

from effectif.departures.services import departure_start
from effectif.departures.workflows import Reason


@pytest.fixture
def dismissal(world, hr_manager):
    return departure_start(contract=world.contract, reason=Reason.DISMISSAL, by=hr_manager)


@pytest.fixture
def notified(dismissal, hr_manager):
    from effectif.departures.services import departure_update

    return departure_update(
        departure=dismissal,
        values={
            "convocation_date": date(2026, 3, 2),
            "interview_date": date(2026, 3, 10),
            "notification_date": date(2026, 3, 13),
            "notification_received_date": date(2026, 3, 16),
        },
        by=hr_manager,
    )

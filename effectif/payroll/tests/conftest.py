"""Payroll fixtures: a fixed today (Monday 1 June 2026), tasks run at once (the immediate
backend), and May 2026's period of employer A of the shared `world`."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from effectif.payroll.tests.factories import PayrollPeriodFactory


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)


@pytest.fixture(autouse=True)
def _tasks_at_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def period(world):
    return PayrollPeriodFactory(employer=world.employer)

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from effectif.budgets.demo import load_budgets_demo
from effectif.budgets.models import Budget
from effectif.core.models import AuditAction, AuditEntry
from effectif.organisation.models import Employer

pytestmark = pytest.mark.django_db


def test_demo_budgets_are_loaded_once_through_the_services(world, hr_manager):
    employers = Employer.objects.filter(pk=world.employer.pk)
    assert load_budgets_demo(employers=employers, today=dt.date(2026, 5, 1), by=hr_manager)
    budgets = Budget.objects.filter(department__employer=world.employer)
    assert budgets.count() == 2 * 2  # « Équipe » and « Ailleurs », 2025 and 2026
    team = budgets.get(department=world.team, year=2026)
    assert team.amount == Decimal("3000")  # one person: the floor
    elsewhere = budgets.get(department=world.elsewhere, year=2025)
    assert elsewhere.amount == Decimal("2700")  # two people, 3000 × 0,9
    assert (
        AuditEntry.objects.filter(action=AuditAction.CREATE, target_type="budgets.Budget").count()
        == 4
    )
    assert not load_budgets_demo(employers=employers, today=dt.date(2026, 5, 1), by=hr_manager)
    assert not Budget.objects.filter(department__employer=world.other_employer).exists()

"""Writing budgets: audited, one per department and year, never negative, HR's scope only."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from effectif.budgets.models import Budget
from effectif.budgets.services import budget_create, budget_delete, budget_update
from effectif.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_create_is_audited(world, hr_manager):
    budget = budget_create(department=world.team, year=2026, amount=D("15000"), by=hr_manager)
    entry = AuditEntry.objects.get(target_id=str(budget.pk), action=AuditAction.CREATE)
    assert (entry.actor, entry.employer_id) == (hr_manager, world.employer.pk)
    assert entry.changes["amount"] == ["", "15000,00"]


def test_one_budget_per_department_and_year(world, hr_manager):
    budget_create(department=world.team, year=2026, amount=D("100"), by=hr_manager)
    with pytest.raises(ValidationError) as caught:
        budget_create(department=world.team, year=2026, amount=D("200"), by=hr_manager)
    assert caught.value.message_dict == {
        "year": ["Ce service a déjà un budget de cette nature pour 2026."]
    }
    assert Budget.objects.count() == 1
    budget_create(department=world.team, year=2027, amount=D("200"), by=hr_manager)
    assert Budget.objects.count() == 2


def test_a_negative_amount_is_refused_and_nothing_written(world, hr_manager):
    with pytest.raises(ValidationError) as caught:
        budget_create(department=world.team, year=2026, amount=D("-1"), by=hr_manager)
    assert caught.value.message_dict == {
        "amount": ["Le montant du budget ne peut pas être négatif."]
    }
    assert not Budget.objects.exists()
    assert not AuditEntry.objects.filter(target_type="budgets.Budget").exists()


def test_a_department_out_of_scope_is_refused(world, hr_manager, manager_user):
    for user, department in ((hr_manager, world.other_department), (manager_user, world.team)):
        with pytest.raises(ValidationError) as caught:
            budget_create(department=department, year=2026, amount=D("1"), by=user)
        assert caught.value.message_dict == {
            "department": ["Ce service n'est pas dans votre périmètre."]
        }
    assert not Budget.objects.exists()


def test_update_and_delete_are_audited(world, hr_manager):
    budget = budget_create(department=world.team, year=2026, amount=D("100"), by=hr_manager)
    budget_update(budget=budget, year=2026, amount=D("150.50"), comment="Salon", by=hr_manager)
    update = AuditEntry.objects.get(target_id=str(budget.pk), action=AuditAction.UPDATE)
    assert update.changes["amount"] == ["100,00", "150,50"]
    with pytest.raises(ValidationError):
        budget_update(budget=budget, year=2026, amount=D("-5"), by=hr_manager)
    budget.refresh_from_db()
    assert budget.amount == D("150.50")
    pk = budget.pk
    budget_delete(budget=budget, by=hr_manager)
    assert not Budget.objects.filter(pk=pk).exists()
    assert AuditEntry.objects.filter(target_id=str(pk), action=AuditAction.DELETE).exists()


def test_moving_a_year_onto_an_existing_one_is_refused(world, hr_manager):
    budget_create(department=world.team, year=2026, amount=D("100"), by=hr_manager)
    other = budget_create(department=world.team, year=2027, amount=D("100"), by=hr_manager)
    with pytest.raises(ValidationError) as caught:
        budget_update(budget=other, year=2026, amount=D("100"), by=hr_manager)
    assert "year" in caught.value.message_dict

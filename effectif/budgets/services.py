"""Writes of budgets: HR of the department's employer create, change and delete them; each
write is validated (one budget per department, nature and year; no negative amount) and
audited in the same transaction."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.budgets.models import Budget, BudgetKind
from effectif.budgets.selectors import budget_departments
from effectif.core.audit import audit, snapshot
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.organisation.models import Department
from effectif.rules.money import round_amount

if TYPE_CHECKING:
    from effectif.accounts.models import User

AUDITED = ("department", "kind", "year", "amount", "comment")


def _check(*, user: User, department: Department, amount: Decimal) -> None:
    errors: dict[str, list[str]] = {}
    if not budget_departments(user).filter(pk=department.pk).exists():
        errors["department"] = [_("Ce service n'est pas dans votre périmètre.")]
    if amount is None or amount < 0:
        errors["amount"] = [_("Le montant du budget ne peut pas être négatif.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def budget_create(
    *,
    department: Department,
    year: int,
    amount: Decimal,
    comment: str = "",
    kind: str = BudgetKind.TRAVEL,
    by: User,
) -> Budget:
    _check(user=by, department=department, amount=amount)
    budget = Budget(
        department=department, kind=kind, year=year, amount=round_amount(amount), comment=comment
    )
    return save_audited(instance=budget, by=by, fields=AUDITED)


@transaction.atomic
def budget_update(
    *, budget: Budget, year: int, amount: Decimal, comment: str = "", by: User
) -> Budget:
    """Change the year, the amount or the comment (the department stays: delete and create
    again to move a budget)."""
    budget = Budget.objects.select_for_update().select_related("department").get(pk=budget.pk)
    _check(user=by, department=budget.department, amount=amount)
    budget.year, budget.amount, budget.comment = year, round_amount(amount), comment
    return save_audited(instance=budget, by=by, fields=AUDITED)


@transaction.atomic
def budget_delete(*, budget: Budget, by: User) -> None:
    budget = Budget.objects.select_for_update().select_related("department").get(pk=budget.pk)
    _check(user=by, department=budget.department, amount=budget.amount)
    values = snapshot(budget, AUDITED)
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=budget,
        changes={name: [value, ""] for name, value in values.items() if value},
    )
    budget.delete()

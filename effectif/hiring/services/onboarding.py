"""Onboarding: checklist templates, the checklist of each new hire, tasks ticked off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.core.audit import audit, audit_creation
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.employees.models import Employee
from effectif.hiring.defaults import DEFAULT_CHECKLIST
from effectif.hiring.models import (
    Onboarding,
    OnboardingTask,
    OnboardingTemplate,
    OnboardingTemplateItem,
    OwnerKind,
)
from effectif.organisation.models import Employer

if TYPE_CHECKING:
    from effectif.accounts.models import User

TEMPLATE_FIELDS = ["employer", "name", "position", "establishment", "is_active"]
ITEM_FIELDS = ["label", "category", "owner_kind", "owner", "days_from_start", "order"]
TASK_FIELDS = ["label", "category", "owner", "due_date"]


@dataclass(frozen=True)
class Step:
    label: str
    category: str
    owner_kind: str
    days_from_start: int
    owner: User | None = None


@transaction.atomic
def template_save(*, template: OnboardingTemplate, by: User) -> OnboardingTemplate:
    return save_audited(instance=template, by=by, fields=TEMPLATE_FIELDS)


@transaction.atomic
def template_install_default(*, employer: Employer, by: User) -> OnboardingTemplate:
    """The employer's general checklist, from the shipped standard list."""
    template = template_save(
        template=OnboardingTemplate(employer=employer, name=_("Intégration — général")), by=by
    )
    for order, (label, category, owner_kind, days) in enumerate(DEFAULT_CHECKLIST, start=1):
        item_save(
            item=OnboardingTemplateItem(
                template=template,
                label=str(label),
                category=category,
                owner_kind=owner_kind,
                days_from_start=days,
                order=order,
            ),
            by=by,
        )
    return template


@transaction.atomic
def item_save(*, item: OnboardingTemplateItem, by: User) -> OnboardingTemplateItem:
    return save_audited(instance=item, by=by, fields=ITEM_FIELDS)


@transaction.atomic
def item_delete(*, item: OnboardingTemplateItem, by: User) -> None:
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=item,
        changes={"label": [item.label, ""]},
        detail=str(item.template),
    )
    item.delete()


def steps_of(template: OnboardingTemplate | None) -> list[Step]:
    if template is None:
        return [
            Step(str(label), category, owner_kind, days)
            for label, category, owner_kind, days in DEFAULT_CHECKLIST
        ]
    return [
        Step(i.label, i.category, i.owner_kind, i.days_from_start, i.owner)
        for i in template.items.select_related("owner").order_by("order", "days_from_start", "id")
    ]


def owner_for(step: Step, employee: Employee, hr_user: User) -> User:
    """Who does a step: the designated person, the department's manager, the new hire (if
    they have an account), else the HR person who hires."""
    if step.owner_kind == OwnerKind.USER and step.owner is not None:
        return step.owner
    if step.owner_kind == OwnerKind.MANAGER and employee.department is not None:
        return employee.department.manager or hr_user
    if step.owner_kind == OwnerKind.NEW_HIRE and employee.user is not None:
        return employee.user
    return hr_user


@transaction.atomic
def onboarding_start(
    *,
    employee: Employee,
    start_date: dt.date,
    by: User,
    template: OnboardingTemplate | None = None,
    contract: Contract | None = None,
    steps: Iterable[Step] | None = None,
) -> Onboarding:
    """The new hire's checklist from a template (or the standard list), due dates counted from
    the start date."""
    onboarding = Onboarding.objects.create(
        employee=employee,
        contract=contract,
        template=template,
        start_date=start_date,
        created_by=by,
    )
    audit_creation(actor=by, target=onboarding, fields=["start_date", "template"])
    tasks = [
        OnboardingTask(
            onboarding=onboarding,
            label=step.label,
            category=step.category,
            owner=owner_for(step, employee, by),
            due_date=start_date + dt.timedelta(days=step.days_from_start),
            order=order,
        )
        for order, step in enumerate(steps if steps is not None else steps_of(template), start=1)
    ]
    OnboardingTask.objects.bulk_create(tasks)
    return onboarding


@transaction.atomic
def task_add(*, task: OnboardingTask, by: User) -> OnboardingTask:
    return save_audited(instance=task, by=by, fields=TASK_FIELDS)


@transaction.atomic
def task_tick(*, task: OnboardingTask, by: User, done: bool, note: str = "") -> OnboardingTask:
    """Tick a task off (or back on); who and when is recorded."""
    locked = OnboardingTask.objects.select_for_update().get(pk=task.pk)
    if done == (locked.done_at is not None):
        raise ValidationError(
            _("Cette tâche est déjà faite.") if done else _("Cette tâche n'est pas faite.")
        )
    locked.done_at = timezone.now() if done else None
    locked.done_by = by if done else None
    if note:
        locked.note = note[:300]
    locked.save(update_fields=["done_at", "done_by", "note", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"done": [_("non") if done else _("oui"), _("oui") if done else _("non")]},
        detail=locked.note,
    )
    return locked

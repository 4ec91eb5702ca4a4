"""Keeping the visits to organise in step with the rules.

For each person, the rules list the obligations not yet met (`rules.health.schedule`); each
obligation has a key. Recomputing creates a visit « à planifier » for a new obligation, moves
the due date of the open visit of an obligation whose facts changed (a stoppage extended, a
new post), and removes the visits « à planifier » whose obligation is gone (a visit held, an
absence cancelled). A planned visit is never removed: HR cancels it. An obligation HR cancelled
is not proposed again; one whose visit was missed is.

Run on demand (the employee's file, the list of visits), after each outcome, and every night by
`manage.py health_recompute`. Only obligations due within a year are kept as visits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import ContractTerms
from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.health.facts import HORIZON, followed_employees, situation_of, with_related
from effectif.health.models import VISIT_FIELDS, MedicalVisit, Status
from effectif.organisation.models import Establishment
from effectif.rules.health.facts import DueVisit
from effectif.rules.health.schedule import visits_due

if TYPE_CHECKING:
    from effectif.accounts.models import User

_COMPUTED = ("kind", "reason", "basis", "due_date", "key")


@dataclass
class Recomputed:
    created: int = 0
    updated: int = 0
    removed: int = 0

    def __iadd__(self, other: Recomputed) -> Recomputed:
        self.created += other.created
        self.updated += other.updated
        self.removed += other.removed
        return self

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def current_establishment(employee: Employee, on: dt.date) -> Establishment | None:
    """Where the employee works on `on` (or starts to, or last worked)."""
    terms = ContractTerms.objects.filter(contract__employee=employee).select_related(
        "establishment__health_service"
    )
    found = (
        terms.filter(effective_date__lte=on).order_by("-effective_date").first()
        or terms.order_by("effective_date").first()
    )
    return found.establishment if found is not None else None


def _apply(visit: MedicalVisit, due: DueVisit) -> None:
    visit.kind = str(due.kind)
    visit.reason = str(due.reason)
    visit.basis = due.basis[:300]
    visit.due_date = due.due_date
    visit.key = due.key


def _recompute(employee: Employee, by: User | None, on: dt.date) -> Recomputed:
    result = Recomputed()
    if employee.is_closed:
        return result
    situation = situation_of(employee, on)
    due = visits_due(situation.facts, on) if situation is not None else []
    due = [d for d in due if d.due_date <= on + HORIZON]
    establishment = situation.establishment if situation is not None else None
    visits = list(MedicalVisit.objects.select_for_update().filter(employee=employee))
    open_by_key = {v.key: v for v in visits if v.is_open and v.key}
    manual = [v for v in visits if v.is_open and not v.key]
    cancelled = {v.key for v in visits if v.status == Status.CANCELLED and v.key}
    for obligation in due:
        visit = open_by_key.pop(obligation.key, None)
        if visit is None and obligation.key in cancelled:
            continue
        if visit is None:  # a visit HR added by hand for the same purpose answers it
            visit = next((v for v in manual if v.kind == obligation.kind), None)
            if visit is not None:
                manual.remove(visit)
        if visit is None:
            visit = MedicalVisit(employee=employee, establishment=establishment)
            if establishment is not None and establishment.health_service is not None:
                visit.health_service = establishment.health_service
                visit.place = establishment.health_service.address
            _apply(visit, obligation)
            visit.save()  # values from the rules and the database; the table's checks hold
            audit_creation(actor=by, target=visit, fields=VISIT_FIELDS)
            result.created += 1
            continue
        before = snapshot(visit, _COMPUTED)
        _apply(visit, obligation)
        if visit.establishment is None and establishment is not None:
            visit.establishment = establishment
            visit.health_service = visit.health_service or establishment.health_service
        after = snapshot(visit, _COMPUTED)
        if after != before:
            visit.save()
            audit_update(
                actor=by,
                target=visit,
                before=before,
                after=after,
                detail=_("Échéance recalculée"),
            )
            result.updated += 1
    for visit in open_by_key.values():
        if visit.status != Status.TO_PLAN:
            continue  # planned: HR decides
        audit(
            actor=by,
            action=AuditAction.DELETE,
            target=visit,
            changes={"due_date": [visit.due_date.strftime("%d/%m/%Y"), ""]},
            detail=_("Visite plus due : %(kind)s") % {"kind": visit.get_kind_display()},
        )
        visit.delete()
        result.removed += 1
    return result


def visits_recompute(*, employee: Employee, by: User, on: dt.date | None = None) -> Recomputed:
    """Recompute one person's visits (their file's button, after an outcome)."""
    on = on or timezone.localdate()
    with transaction.atomic():
        Employee.objects.select_for_update().filter(pk=employee.pk).first()
        fresh = with_related(Employee.objects.filter(pk=employee.pk), on).first()
        if fresh is None:
            return Recomputed()
        return _recompute(fresh, by, on)


def visits_recompute_many(
    *, employees: QuerySet[Employee], by: User | None, on: dt.date | None = None, chunk: int = 500
) -> Recomputed:
    """Recompute the visits of many people (the list's button, the nightly command): those
    followed, and those who still have open visits computed for them."""
    on = on or timezone.localdate()
    total = Recomputed()
    with_open = employees.filter(
        medical_visits__status=Status.TO_PLAN, file_closed_at__isnull=True
    ).exclude(medical_visits__key="")
    ids = sorted(
        set(followed_employees(employees, on).values_list("pk", flat=True))
        | set(with_open.values_list("pk", flat=True))
    )
    for start in range(0, len(ids), chunk):
        batch = with_related(Employee.objects.filter(pk__in=ids[start : start + chunk]), on)
        for employee in batch:
            with transaction.atomic():
                total += _recompute(employee, by, on)
    return total

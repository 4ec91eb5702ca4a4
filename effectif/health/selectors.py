"""Reads of medical visits, through the requesting user's scope.

HR sees the visits of the employers it is granted; anyone else sees only their own (a manager
never sees their team's). Showing a visit's outcome is a read of health data, recorded in the
audit trail like the sensitive fields of the personnel file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_read
from effectif.core.models import AuditAction
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.health.facts import HORIZON, situation_of
from effectif.health.models import (
    OPEN_STATUSES,
    FollowUpSettings,
    MedicalVisit,
    Reason,
    Status,
    VisitKind,
)
from effectif.health.permissions import can_see_health
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for
from effectif.rules.health.schedule import visits_due

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: What a read of a visit shows (the audit names it).
HEALTH_FIELDS = ("kind", "status", "held_on", "outcome", "restrictions")


def visits_for(user: User) -> QuerySet[MedicalVisit]:
    if not user.is_authenticated or not user.is_active:
        return MedicalVisit.objects.none()
    visits = MedicalVisit.objects.select_related(
        "employee", "employee__employer", "health_service", "establishment"
    )
    if is_hr(user):
        return visits.filter(employee__employer__in=hr_employers_for(user))
    return visits.filter(employee__user=user)


def visit_get(user: User, pk: Any) -> MedicalVisit:
    return get_in_scope(visits_for(user), pk)


def visit_read(user: User, visit: MedicalVisit) -> MedicalVisit:
    """Record that `user` was shown a visit and its outcome."""
    audit_read(actor=user, target=visit, fields=HEALTH_FIELDS)
    return visit


STATES = {
    "a_faire": Q(status__in=OPEN_STATUSES),
    "a_planifier": Q(status=Status.TO_PLAN),
    "planifiees": Q(status=Status.PLANNED),
    "realisees": Q(status=Status.DONE),
    "annulees": Q(status__in=(Status.CANCELLED, Status.MISSED)),
    "toutes": Q(),
}
SORTS = {
    "due": ("due_date", "id"),
    "name": ("employee__last_name", "employee__first_names", "due_date"),
    "kind": ("kind", "due_date"),
    "planned": ("planned_at", "due_date"),
}


@dataclass(frozen=True)
class VisitFilters:
    q: str = ""
    employer_id: int | None = None
    establishment_id: int | None = None
    kind: str = ""
    state: str = "a_faire"
    until: dt.date | None = None  # due on or before
    overdue: bool = False
    sort: str = "due"
    descending: bool = False


def visit_list(user: User, filters: VisitFilters, today: dt.date) -> QuerySet[MedicalVisit]:
    visits = visits_for(user).filter(STATES.get(filters.state, STATES["a_faire"]))
    for term in filters.q.split():
        visits = visits.filter(
            Q(employee__last_name__icontains=term)
            | Q(employee__usage_name__icontains=term)
            | Q(employee__first_names__icontains=term)
            | Q(employee__matricule__icontains=term)
        )
    if filters.employer_id:
        visits = visits.filter(employee__employer_id=filters.employer_id)
    if filters.establishment_id:
        visits = visits.filter(establishment_id=filters.establishment_id)
    if filters.kind:
        visits = visits.filter(kind=filters.kind)
    if filters.until:
        visits = visits.filter(due_date__lte=filters.until)
    if filters.overdue:
        visits = visits.filter(status__in=OPEN_STATUSES, due_date__lt=today)
    order = SORTS.get(filters.sort, SORTS["due"])
    if filters.descending:
        order = tuple(f"-{name}" for name in order)
    return visits.order_by(*order)


def list_read(user: User, employer_id: int | None, count: int) -> None:
    """A list of visits is recorded as one read (it shows no outcome)."""
    audit(
        actor=user,
        action=AuditAction.READ,
        employer_id=employer_id,
        detail=_("Liste des visites médicales (%(n)s)") % {"n": count},
    )


@dataclass(frozen=True)
class EmployeeHealth:
    open: list[MedicalVisit]
    history: list[MedicalVisit]

    @property
    def overdue(self) -> int:
        today = timezone.localdate()
        return sum(1 for v in self.open if v.due_date < today)


def employee_health(
    user: User, employee: Employee, *, audited: bool = True
) -> EmployeeHealth | None:
    """The follow-up of one person, for HR and the person; each display is an audited read."""
    if not can_see_health(user, employee):
        return None
    visits = list(visits_for(user).filter(employee=employee).order_by("due_date", "id"))
    if audited:
        audit_read(actor=user, target=employee, fields=("suivi médical",))
    return EmployeeHealth(
        open=[v for v in visits if v.is_open],
        history=sorted(
            (v for v in visits if not v.is_open),
            key=lambda v: (v.held_on or v.due_date, v.pk),
            reverse=True,
        ),
    )


@dataclass(frozen=True)
class Later:
    kind: str
    reason: str
    due_date: dt.date
    basis: str


def later_obligations(employee: Employee, on: dt.date) -> list[Later]:
    """The obligations the rules foresee beyond the year kept as visits (computed, not
    stored): the next periodic visit, the mid-career visit…"""
    situation = situation_of(employee, on)
    if situation is None or employee.is_closed:
        return []
    return [
        Later(
            str(VisitKind(due.kind).label),
            str(Reason(due.reason).label),
            due.due_date,
            due.basis,
        )
        for due in visits_due(situation.facts, on)
        if due.due_date > on + HORIZON
    ]


def open_count(employee: Employee, today: dt.date) -> tuple[int, int]:
    """(visits to take place, of which overdue): counts only, no health data."""
    visits = MedicalVisit.objects.filter(employee=employee, status__in=OPEN_STATUSES)
    return visits.count(), visits.filter(due_date__lt=today).count()


def settings_employers(user: User) -> QuerySet[Employer]:
    return hr_employers_for(user).order_by("name")


def settings_for(employer: Employer) -> FollowUpSettings:
    return FollowUpSettings.objects.filter(employer=employer).first() or FollowUpSettings(
        employer=employer
    )

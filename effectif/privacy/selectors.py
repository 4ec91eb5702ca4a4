"""Reads of the privacy app, scoped: the audit trail (administrators see all of it, HR managers
the entries of the employers they are granted), rights requests and archives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from effectif.core.models import AuditEntry
from effectif.core.roles import can_read_audit, is_admin
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for
from effectif.organisation.selectors import hr_employers_for
from effectif.privacy.models import DataExport, RightsRequest
from effectif.privacy.permissions import is_privacy_officer

if TYPE_CHECKING:
    from effectif.accounts.models import User


def audit_entries_for(user: User) -> QuerySet[AuditEntry]:
    if not can_read_audit(user):
        return AuditEntry.objects.none()
    if is_admin(user):
        return AuditEntry.objects.all()
    employer_ids = list(hr_employers_for(user).values_list("pk", flat=True))
    return AuditEntry.objects.filter(employer_id__in=employer_ids)


@dataclass(frozen=True)
class AuditFilters:
    start: dt.date | None = None
    end: dt.date | None = None
    actor: str = ""
    action: str = ""
    target_type: str = ""
    employer_id: int | None = None
    q: str = ""


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_search(user: User, filters: AuditFilters) -> QuerySet[AuditEntry]:
    entries = audit_entries_for(user).select_related("actor")
    if filters.start:
        entries = entries.filter(at__gte=_day_start(filters.start))
    if filters.end:
        entries = entries.filter(at__lt=_day_start(filters.end + dt.timedelta(days=1)))
    if filters.actor:
        entries = entries.filter(actor_label__icontains=filters.actor)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.target_type:
        entries = entries.filter(target_type=filters.target_type)
    if filters.employer_id:
        entries = entries.filter(employer_id=filters.employer_id)
    if filters.q:
        entries = entries.filter(
            Q(target_label__icontains=filters.q) | Q(detail__icontains=filters.q)
        )
    return entries.order_by("-at", "-id")


# --- Rights requests and archives ------------------------------------------------------------


def rights_requests_for(user: User) -> QuerySet[RightsRequest]:
    """The requests of the employers the user handles (all of them for an administrator)."""
    if not is_privacy_officer(user):
        return RightsRequest.objects.none()
    requests = RightsRequest.objects.select_related("employee", "employer")
    if is_admin(user):
        return requests
    return requests.filter(employer__in=hr_employers_for(user))


def rights_request_get(user: User, pk: Any) -> RightsRequest:
    return get_in_scope(rights_requests_for(user), pk)


def subjects_for(user: User) -> QuerySet[Employee]:
    """The people whose rights the user may handle."""
    if not is_privacy_officer(user):
        return Employee.objects.none()
    return employees_for(user)


def subject_get(user: User, pk: Any) -> Employee:
    return get_in_scope(subjects_for(user).select_related("employer"), pk)


def exports_of(employee: Employee) -> QuerySet[DataExport]:
    return DataExport.objects.filter(employee=employee).select_related("requested_by")


def export_get(user: User, pk: Any) -> DataExport:
    """An archive of the user's own data, or of someone whose rights they handle."""
    exports = DataExport.objects.filter(Q(employee__user=user) | Q(employee__in=subjects_for(user)))
    return get_in_scope(exports.select_related("employee"), pk)

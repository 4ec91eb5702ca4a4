"""Reads of the audit trail, scoped: administrators see all of it, HR managers the entries of
the employers they are granted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from effectif.core.models import AuditEntry
from effectif.core.roles import AUDIT_READER_ROLES, Role
from effectif.organisation.selectors import hr_employers_for


def audit_entries_for(user: Any) -> QuerySet[AuditEntry]:
    if not getattr(user, "is_authenticated", False) or user.role not in AUDIT_READER_ROLES:
        return AuditEntry.objects.none()
    if user.role == Role.ADMIN:
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


def audit_search(user: Any, filters: AuditFilters) -> QuerySet[AuditEntry]:
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

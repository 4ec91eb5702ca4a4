"""Writes of the planning, each in one transaction with its audit entry. Shifts themselves are
changed by `timekeeping.services.shift_set`, which runs the legal checks."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.organisation.models import Department
from effectif.planning.models import CalendarFeed, StaffingMinimum, Weekday
from effectif.planning.selectors import token_hash

TOKEN_BYTES = 32  # 256 bits: not guessable, so a plain SHA-256 of it is enough to store


@transaction.atomic
def staffing_minimums_save(
    *, department: Department, minimums: Mapping[int, int | None], by: User
) -> list[StaffingMinimum]:
    """Set a team's minimum staffing for each day of the week (None or 0: no minimum)."""
    current = {m.weekday: m for m in StaffingMinimum.objects.filter(department=department)}
    labels = dict(Weekday.choices)
    changes: dict[str, list[str]] = {}
    kept = []
    for weekday in Weekday.values:
        wanted = minimums.get(weekday) or None
        existing = current.get(weekday)
        before = str(existing.minimum) if existing is not None else ""
        if wanted is None:
            if existing is not None:
                existing.delete()
        elif existing is None:
            existing = StaffingMinimum.objects.create(
                department=department, weekday=weekday, minimum=wanted
            )
        elif existing.minimum != wanted:
            existing.minimum = wanted
            existing.save(update_fields=["minimum", "updated_at"])
        if wanted is not None:
            kept.append(existing)
        after = str(wanted) if wanted is not None else ""
        if before != after:
            changes[str(labels[weekday])] = [before, after]
    if changes:
        audit(
            actor=by,
            action=AuditAction.UPDATE,
            target=department,
            changes=changes,
            detail=_("Effectif minimum par jour"),
        )
    return [m for m in kept if m is not None]


@transaction.atomic
def calendar_feed_issue(*, employee: Employee, by: User) -> str:
    """A new secret address for the employee's calendar; the previous one stops working.
    Returns the token, which is shown once and never stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed.objects.select_for_update().filter(employee=employee).first()
    renewed = feed is not None
    if feed is None:
        feed = CalendarFeed(employee=employee)
    feed.token_hash = token_hash(token)
    feed.last_read_at = None
    feed.save()
    audit(
        actor=by,
        action=AuditAction.UPDATE if renewed else AuditAction.CREATE,
        target=feed,
        detail=_("Adresse d'abonnement à l'agenda régénérée")
        if renewed
        else _("Adresse d'abonnement à l'agenda créée"),
    )
    return token


@transaction.atomic
def calendar_feed_revoke(*, employee: Employee, by: User) -> bool:
    """Stop the employee's calendar address; False when there was none."""
    feed = CalendarFeed.objects.select_for_update().filter(employee=employee).first()
    if feed is None:
        return False
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=feed,
        detail=_("Adresse d'abonnement à l'agenda révoquée"),
    )
    feed.delete()
    return True


def calendar_feed_touch(*, feed: CalendarFeed) -> None:
    """Note when a calendar application last read the address (shown to the employee). Not
    audited: applications poll every few hours, and the read changes nothing."""
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())

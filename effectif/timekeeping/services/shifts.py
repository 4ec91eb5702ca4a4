"""Changing one day of an employee's planning, with the legal checks.

The planning's edits go through `shift_set`: the change is checked against the working-time
limits over its week (and the next day's rest); a change that breaks a limit the planning did
not break before is refused, unless a reason for the override is given, in which case both the
breaches and the reason are kept in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.rules.working_time.breaches import Breach
from effectif.rules.working_time.timeline import UnorderedShift
from effectif.timekeeping.breach_text import breach_summary
from effectif.timekeeping.checking import Gathered, check_gathered, gather, monday_of
from effectif.timekeeping.models import ShiftOverride
from effectif.timekeeping.shifts import REST, Shift, first_overlap, shift_from_times

if TYPE_CHECKING:
    from effectif.accounts.models import User

Stretches = Sequence[tuple[dt.time, dt.time]]


class LegalLimitBreached(ValidationError):
    """The change breaks working-time limits; `breaches` lists them."""

    def __init__(self, breaches: list[Breach]) -> None:
        self.breaches = breaches
        message = _(
            "Cette modification enfreint la réglementation du temps de travail : %(list)s. "
            "Pour l'enregistrer malgré tout, indiquez le motif de la dérogation."
        ) % {"list": " ; ".join(breach_summary(b) for b in breaches)}
        super().__init__(message, code="legal_limit")


def shift_of(intervals: Stretches) -> Shift:
    try:
        return shift_from_times(intervals) if intervals else REST
    except UnorderedShift as error:
        raise ValidationError(
            _(
                "Les plages de travail doivent se suivre sans se chevaucher, et le poste durer "
                "moins de 24 heures."
            ),
            code="unordered",
        ) from error


def _gather(employee: Employee, day: dt.date) -> tuple[Gathered, dt.date, dt.date]:
    """The facts around a change of `day`: its week, and the next day for its rest."""
    start = monday_of(day)
    end = max(start + dt.timedelta(days=6), day + dt.timedelta(days=1))
    gathered = gather([employee], start, end)
    calendar = gathered.data.calendars[employee.pk]
    if calendar.has_contracts and calendar.terms_on(day) is None:
        raise ValidationError(
            _("%(name)s n'est pas sous contrat le %(day)s.")
            % {"name": employee.display_name, "day": day.strftime("%d/%m/%Y")},
            code="no_contract",
        )
    return gathered, start, end


def _new_breaches(
    gathered: Gathered, employee: Employee, day: dt.date, start: dt.date, end: dt.date, shift: Shift
) -> list[Breach]:
    """The breaches `shift` on `day` brings that the planning did not have before."""
    worked = gathered.worked(employee.pk)
    one = dt.timedelta(days=1)
    around = {day - one: worked.get(day - one, REST), day: shift}
    around[day + one] = worked.get(day + one, REST)
    if first_overlap(around) is not None:
        raise ValidationError(
            _("Ce poste chevauche celui de la veille ou du lendemain."), code="overlap"
        )
    before = {b.key for b in check_gathered(gathered, employee.pk, start, end)}
    after = check_gathered(gathered, employee.pk, start, end, {day: shift})
    return [b for b in after if b.key not in before]


def _audit_detail(breaches: list[Breach], reason: str) -> str:
    if not breaches:
        return ""
    return _("Dérogation : %(reason)s — %(list)s") % {
        "reason": reason,
        "list": " ; ".join(breach_summary(b) for b in breaches),
    }


@transaction.atomic
def shift_set(
    *,
    employee: Employee,
    day: dt.date,
    intervals: Stretches,
    by: User,
    override_reason: str | None = None,
) -> ShiftOverride:
    """Plan `day` for `employee` as `intervals` (pairs of clock times; a time earlier than the
    one before runs into the next day; none at all is a day off)."""
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    shift = shift_of(intervals)
    gathered, start, end = _gather(employee, day)
    breaches = _new_breaches(gathered, employee, day, start, end, shift)
    reason = (override_reason or "").strip()
    if breaches and not reason:
        raise LegalLimitBreached(breaches)
    override = ShiftOverride.objects.filter(employee=employee, day=day).first()
    before = (
        override.shift().label() or _("repos") if override is not None else _("horaire habituel")
    )
    if override is None:
        override = ShiftOverride(employee=employee, day=day)
    override.intervals = shift.pairs()
    override.hours = shift.hours
    override.override_reason = reason if breaches else ""
    override.changed_by = by
    override.save()
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=override,
        changes={"intervals": [before, shift.label() or _("repos")]},
        detail=_audit_detail(breaches, reason),
    )
    return override


@transaction.atomic
def shift_reset(
    *, employee: Employee, day: dt.date, by: User, override_reason: str | None = None
) -> None:
    """Back to the schedule on `day`, with the same legal checks as `shift_set`."""
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    override = ShiftOverride.objects.filter(employee=employee, day=day).first()
    if override is None:
        return
    gathered, start, end = _gather(employee, day)
    gathered.data.calendars[employee.pk].overrides.pop(day, None)
    scheduled = gathered.data.shifts(employee.pk)[day]
    gathered.data.calendars[employee.pk].overrides[day] = override.shift()
    breaches = _new_breaches(gathered, employee, day, start, end, scheduled)
    reason = (override_reason or "").strip()
    if breaches and not reason:
        raise LegalLimitBreached(breaches)
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=override,
        changes={"intervals": [override.shift().label() or _("repos"), _("horaire habituel")]},
        detail=_audit_detail(breaches, reason),
    )
    override.delete()

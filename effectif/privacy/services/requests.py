"""Requests to exercise a right: received, answered within a month (RGPD art. 12.3), extended
by two months when announced in time and with a reason, and what was done for them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.privacy.models import RequestStatus, RightKind, RightsRequest
from effectif.rules.privacy.dates import response_deadline

if TYPE_CHECKING:
    from effectif.accounts.models import User

AUDITED = ("kind", "received_date", "details", "deadline_date", "status", "answer")


@transaction.atomic
def request_create(
    *, employee: Employee, kind: str, received_date: dt.date, details: str, by: User
) -> RightsRequest:
    if kind not in RightKind.values:
        raise ValidationError({"kind": [_("Choisissez le droit exercé.")]})
    if received_date > timezone.localdate():
        raise ValidationError(
            {"received_date": [_("La date de réception ne peut pas être dans le futur.")]}
        )
    request = RightsRequest.objects.create(
        employer_id=employee.employer_id,
        employee=employee,
        kind=kind,
        received_date=received_date,
        details=details.strip(),
        deadline_date=response_deadline(received_date),
        created_by=by,
    )
    audit_creation(actor=by, target=request, fields=AUDITED)
    return request


def _locked_open(request: RightsRequest) -> RightsRequest:
    locked = RightsRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_open:
        raise ValidationError(_("Cette demande a déjà reçu sa réponse."))
    return locked


@transaction.atomic
def request_extend(*, request: RightsRequest, reason: str, by: User) -> RightsRequest:
    """Extend the deadline by two months; the person must be told, with the reasons, within
    the first month."""
    locked = _locked_open(request)
    if locked.extended:
        raise ValidationError(_("Le délai de cette demande a déjà été prolongé."))
    if not reason.strip():
        raise ValidationError(
            {
                "extension_reason": [
                    _("Indiquez le motif de la prolongation, communiqué à la personne.")
                ]
            }
        )
    if timezone.localdate() > locked.deadline_date:
        raise ValidationError(
            _(
                "Le délai d'un mois est dépassé : la prolongation devait être annoncée à la "
                "personne dans ce délai (RGPD art. 12.3)."
            )
        )
    before = snapshot(locked, AUDITED)
    locked.extended = True
    locked.extension_reason = reason.strip()[:300]
    locked.deadline_date = response_deadline(locked.received_date, extended=True)
    if locked.status == RequestStatus.RECEIVED:
        locked.status = RequestStatus.IN_PROGRESS
    locked.save()
    audit_update(
        actor=by,
        target=locked,
        before=before,
        after=snapshot(locked, AUDITED),
        detail=_("Délai prolongé de deux mois : %(r)s") % {"r": locked.extension_reason},
    )
    return locked


@transaction.atomic
def request_answer(
    *, request: RightsRequest, status: str, answer: str, answered_date: dt.date, by: User
) -> RightsRequest:
    """Close the request with its answer; a refusal states its reasons and the right to lodge
    a complaint with the CNIL (RGPD art. 12.4)."""
    locked = _locked_open(request)
    errors: dict[str, list[str]] = {}
    if status not in (RequestStatus.ANSWERED, RequestStatus.REFUSED):
        errors["status"] = [_("Choisissez « Répondue » ou « Refusée (motivée) ».")]
    if not answer.strip():
        errors["answer"] = [_("Indiquez la réponse donnée à la personne.")]
    if answered_date < locked.received_date or answered_date > timezone.localdate():
        errors["answered_date"] = [
            _("La date de réponse doit être entre la réception et aujourd'hui.")
        ]
    if status == RequestStatus.REFUSED and "CNIL" not in answer:
        errors.setdefault("answer", []).append(
            _(
                "Un refus indique ses motifs et la possibilité de saisir la CNIL (RGPD art. "
                "12.4) : mentionnez la CNIL dans la réponse."
            )
        )
    if errors:
        raise ValidationError(errors)
    before = snapshot(locked, AUDITED)
    locked.status = status
    locked.answer = answer.strip()
    locked.answered_date = answered_date
    locked.answered_by = by
    locked.save()
    audit_update(actor=by, target=locked, before=before, after=snapshot(locked, AUDITED))
    return locked


def request_record(*, request: RightsRequest, by: User | None, what: str) -> RightsRequest:
    """Note on the request something done for it (an archive, an erasure, a rectification)."""
    with transaction.atomic():
        locked = RightsRequest.objects.select_for_update().get(pk=request.pk)
        name = (by.get_full_name() or by.get_username()) if by is not None else _("système")
        locked.actions = [
            *locked.actions,
            {"at": timezone.now().isoformat(timespec="seconds"), "by": name, "what": what[:1000]},
        ]
        if locked.status == RequestStatus.RECEIVED:
            locked.status = RequestStatus.IN_PROGRESS
        locked.save(update_fields=["actions", "status", "updated_at"])
        audit(actor=by, action=AuditAction.UPDATE, target=locked, detail=what)
    request.actions, request.status = locked.actions, locked.status
    return locked

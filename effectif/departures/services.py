"""Writes of departures. Each gathers every error first (reason, dates, delays), then writes and
audits in one transaction: a refused step leaves nothing half-written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.contracts.selectors import active_on
from effectif.contracts.services import contract_save
from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.departures.checking import contract_errors, date_errors
from effectif.departures.computing import compute_amounts, fmt, schedule
from effectif.departures.models import Departure, Status
from effectif.departures.workflows import CHECKLIST, Procedure, Reason, workflow_of
from effectif.documents.models import GeneratedDocument, TemplateKind
from effectif.employees.services import employee_file_close, employee_file_reopen

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: Fields HR enters; the rest is computed.
INPUT_FIELDS = (
    *Departure.PROCEDURE_FIELDS,
    "executive",
    "cdd_exception",
    "notice_waived",
    "end_date",
    "note",
)
AUDITED = (
    "reason",
    "status",
    *INPUT_FIELDS,
    "notice_label",
    "notice_end_date",
    "last_working_date",
    "severance_amount",
    "cdd_indemnity_amount",
    "leave_indemnity_amount",
)


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _refresh(departure: Departure) -> None:
    """Recompute dates and amounts, then check everything; raises with every error."""
    schedule(departure)
    compute_amounts(departure)
    _raise(date_errors(departure))


def _open_only(departure: Departure) -> None:
    if departure.status != Status.IN_PROGRESS:
        raise ValidationError(_("Ce départ n'est plus en cours : il ne peut plus être modifié."))


@transaction.atomic
def departure_start(
    *, contract: Contract, reason: str, by: User, values: Mapping[str, Any] | None = None
) -> Departure:
    """Open a departure for a contract; `values` are the dates already known."""
    Contract.objects.select_for_update().filter(pk=contract.pk).first()
    departure = Departure(
        employee=contract.employee,
        contract=contract,
        reason=reason,
        created_by=by,
        checklist={key: False for key, _label in CHECKLIST},
    )
    for name, value in (values or {}).items():
        if name in INPUT_FIELDS:
            setattr(departure, name, value)
    if reason not in Reason.values:
        raise ValidationError({"reason": [_("Motif de départ inconnu.")]})
    _raise(contract_errors(departure))
    if Departure.objects.filter(contract=contract).exclude(status=Status.CANCELLED).exists():
        raise ValidationError({"reason": [_("Un départ est déjà engagé pour ce contrat.")]})
    _refresh(departure)
    departure.full_clean()
    departure.save()
    audit_creation(actor=by, target=departure, fields=AUDITED)
    return departure


@transaction.atomic
def departure_update(*, departure: Departure, values: Mapping[str, Any], by: User) -> Departure:
    """Record the dates of a step (convocation, interview, notification, signature…): the
    delays of the law are checked against every date known."""
    departure = (
        Departure.objects.select_for_update().select_related("contract").get(pk=departure.pk)
    )
    _open_only(departure)
    before = snapshot(departure, AUDITED)
    for name, value in values.items():
        if name not in INPUT_FIELDS:
            raise ValidationError({name: [_("Ce champ est calculé, il ne se saisit pas.")]})
        setattr(departure, name, value)
    if (
        workflow_of(departure.reason).procedure == Procedure.CONVENTIONAL
        and values.get("withdrawn_date")
        and not departure.withdrawn_by
    ):
        raise ValidationError({"withdrawn_by": [_("Indiquez qui se rétracte.")]})
    _refresh(departure)
    if departure.withdrawn_date:
        departure.status = Status.CANCELLED
    departure.full_clean()
    departure.save()
    audit_update(actor=by, target=departure, before=before, after=snapshot(departure, AUDITED))
    return departure


@transaction.atomic
def departure_end_contract(*, departure: Departure, by: User) -> Departure:
    """End the contract on the departure date with its DSN end reason (through the contracts
    service, which checks it again)."""
    departure = (
        Departure.objects.select_for_update().select_related("contract").get(pk=departure.pk)
    )
    _open_only(departure)
    flow = workflow_of(departure.reason)
    missing = _missing_steps(departure)
    if missing:
        raise ValidationError(missing)
    _refresh(departure)
    contract = Contract.objects.select_for_update().get(pk=departure.contract_id)
    contract.end_date = departure.end_date
    contract.end_reason = flow.dsn_code
    contract_save(contract=contract, by=by)
    before = snapshot(departure, AUDITED)
    departure.status = Status.ENDED
    departure.ended_at = timezone.now()
    departure.save()
    audit_update(
        actor=by,
        target=departure,
        before=before,
        after=snapshot(departure, AUDITED),
        detail=_("Contrat terminé le %(day)s") % {"day": fmt(departure.end_date)},
    )
    return departure


def _missing_steps(departure: Departure) -> dict[str, list[str]]:
    flow = workflow_of(departure.reason)
    errors: dict[str, list[str]] = {}
    if flow.procedure == Procedure.DISMISSAL and not departure.notification_date:
        errors["notification_date"] = [_("La notification du licenciement n'est pas saisie.")]
    if flow.procedure == Procedure.CONVENTIONAL and not departure.homologation_request_date:
        errors["homologation_request_date"] = [
            _("La rupture conventionnelle attend sa demande d'homologation (C. trav. L1237-14).")
        ]
    if flow.procedure == Procedure.NOTIFIED and not departure.notification_date:
        errors["notification_date"] = [_("La date de notification n'est pas saisie.")]
    if departure.end_date is None:
        errors["end_date"] = [_("La date de sortie n'est pas connue.")]
    return errors


def certificate_generated(departure: Departure) -> bool:
    return GeneratedDocument.objects.filter(
        subject_type="depart", subject_id=str(departure.pk), kind=TemplateKind.WORK_CERTIFICATE
    ).exists()


def pending_checklist(departure: Departure) -> list[str]:
    return [str(label) for key, label in CHECKLIST if not departure.checklist.get(key)]


@transaction.atomic
def departure_close(*, departure: Departure, by: User, today: dt.date | None = None) -> Departure:
    """Close the personnel file once the contract has ended and the certificat de travail was
    issued (C. trav. L1234-19): the file becomes read-only."""
    today = today or timezone.localdate()
    departure = Departure.objects.select_for_update().get(pk=departure.pk)
    if departure.status != Status.ENDED:
        raise ValidationError(_("Terminez d'abord le contrat."))
    assert departure.end_date is not None
    if departure.end_date > today:
        raise ValidationError(
            _("Le dossier se clôt après la sortie, le %(day)s.") % {"day": fmt(departure.end_date)}
        )
    if not certificate_generated(departure):
        raise ValidationError(
            _("Générez d'abord le certificat de travail, remis à la sortie (C. trav. L1234-19).")
        )
    running = Contract.objects.filter(active_on(today), employee_id=departure.employee_id)
    if running.exclude(pk=departure.contract_id).exists():
        raise ValidationError(
            _("Le salarié a un autre contrat en cours : son dossier reste ouvert.")
        )
    employee_file_close(
        employee=departure.employee,
        by=by,
        detail=_("Dossier clos après le départ (%(reason)s)")
        % {"reason": departure.get_reason_display()},
    )
    departure.status = Status.CLOSED
    departure.closed_at = timezone.now()
    departure.save(update_fields=["status", "closed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=departure,
        changes={"status": [str(Status.ENDED.label), str(Status.CLOSED.label)]},
        detail=_("Liste de sortie restant à faire : %(items)s")
        % {"items": ", ".join(pending_checklist(departure)) or "—"},
    )
    return departure


@transaction.atomic
def departure_reopen(*, departure: Departure, by: User, reason: str) -> Departure:
    departure = Departure.objects.select_for_update().get(pk=departure.pk)
    if departure.status != Status.CLOSED:
        raise ValidationError(_("Seul un dossier clos se rouvre."))
    employee_file_reopen(employee=departure.employee, by=by, reason=reason)
    departure.status = Status.ENDED
    departure.closed_at = None
    departure.save(update_fields=["status", "closed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=departure,
        changes={"status": [str(Status.CLOSED.label), str(Status.ENDED.label)]},
        detail=reason,
    )
    return departure


@transaction.atomic
def departure_cancel(*, departure: Departure, by: User, reason: str) -> Departure:
    """Abandon a procedure (the employer does not dismiss after the interview…)."""
    departure = Departure.objects.select_for_update().get(pk=departure.pk)
    _open_only(departure)
    if not reason.strip():
        raise ValidationError({"reason": [_("Indiquez pourquoi la procédure est abandonnée.")]})
    departure.status = Status.CANCELLED
    departure.save(update_fields=["status", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=departure,
        changes={"status": [str(Status.IN_PROGRESS.label), str(Status.CANCELLED.label)]},
        detail=reason.strip(),
    )
    return departure


@transaction.atomic
def checklist_set(*, departure: Departure, key: str, done: bool, by: User) -> Departure:
    departure = Departure.objects.select_for_update().get(pk=departure.pk)
    labels = dict(CHECKLIST)
    if key not in labels:
        raise ValidationError(_("Élément de la liste de sortie inconnu."))
    if departure.status in (Status.CLOSED, Status.CANCELLED):
        raise ValidationError(_("Ce départ n'est plus modifiable."))
    if bool(departure.checklist.get(key)) == done:
        return departure
    departure.checklist = {**departure.checklist, key: done}
    departure.save(update_fields=["checklist", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=departure,
        changes={str(labels[key]): ["non" if done else "oui", "oui" if done else "non"]},
        detail=_("Liste de sortie"),
    )
    return departure


#: The departure reason of a contract ended before departures were recorded, by DSN code.
REASON_OF_CODE = {workflow_of(r).dsn_code: r for r in reversed(Reason.values)}


@transaction.atomic
def departure_record_past(*, contract: Contract, by: User) -> Departure:
    """Record the departure of a contract already ended (with its DSN end reason), to issue its
    documents and close the file: the dates are the contract's."""
    reason = REASON_OF_CODE.get(contract.end_reason)
    if reason is None or contract.end_date is None:
        raise ValidationError(_("Ce contrat n'est pas terminé par un motif connu."))
    if Departure.objects.filter(contract=contract).exclude(status=Status.CANCELLED).exists():
        raise ValidationError(_("Un départ est déjà enregistré pour ce contrat."))
    departure = Departure(
        employee=contract.employee,
        contract=contract,
        reason=reason,
        created_by=by,
        end_date=contract.end_date,
        status=Status.ENDED,
        ended_at=timezone.now(),
        checklist={key: True for key, _label in CHECKLIST},
    )
    schedule(departure)
    departure.end_date = contract.end_date
    departure.last_working_date = departure.last_working_date or contract.end_date
    compute_amounts(departure)
    departure.full_clean()
    departure.save()
    audit_creation(actor=by, target=departure, fields=AUDITED)
    return departure

"""Writes to personnel files. Each validates everything first, then writes and audits in one
transaction: a refused change leaves nothing half-written."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit, audit_creation
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.core.uploads import check_document
from effectif.employees.models import (
    MASKED_IN_AUDIT,
    SELF_SERVICE_FIELDS,
    ChangeRequest,
    ChangeRequestStatus,
    Employee,
    EmployeeDocument,
)


def check_file_open(employee: Employee) -> None:
    """A closed file (after the departure) is read-only: as stored, not as in memory."""
    if (
        employee.pk is not None
        and Employee.objects.filter(pk=employee.pk, file_closed_at__isnull=False).exists()
    ):
        raise ValidationError(
            _(
                "Le dossier de ce salarié est clos depuis son départ : il ne peut plus être "
                "modifié. Un responsable RH peut le rouvrir depuis la page du départ."
            )
        )


def employee_save(*, employee: Employee, by: User, detail: str = "") -> Employee:
    """Create or update a file; the audit records every changed field, old → new."""
    check_file_open(employee)
    return save_audited(
        instance=employee,
        by=by,
        fields=audited_fields(Employee),
        sensitive=MASKED_IN_AUDIT,
        detail=detail,
    )


def check_document_file(upload: UploadedFile[Any], field: str = "file") -> UploadedFile[Any]:
    """A document must be a PDF or an image, checked by its whole content
    (`core.uploads.check_document`), and not too big; returns the file to store (an image
    re-encoded without its metadata)."""
    return check_document(upload, field=field)


@transaction.atomic
def employee_document_add(
    *,
    employee: Employee,
    kind: str,
    title: str,
    upload: UploadedFile[Any],
    expiry_date: date | None,
    by: User,
) -> EmployeeDocument:
    check_file_open(employee)
    upload = check_document_file(upload)
    document = EmployeeDocument(
        employee=employee,
        kind=kind,
        title=title,
        file=upload,
        expiry_date=expiry_date,
        uploaded_by=by,
    )
    document.full_clean()
    document.save()
    audit_creation(actor=by, target=document, fields=["kind", "title", "expiry_date"])
    return document


@transaction.atomic
def employee_document_delete(*, document: EmployeeDocument, by: User) -> None:
    check_file_open(document.employee)
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=document,
        changes={"title": [document.title, ""], "kind": [document.get_kind_display(), ""]},
    )
    document.file.delete(save=False)
    document.delete()


def _apply(employee: Employee, changes: Mapping[str, Any]) -> Employee:
    """A copy of the file with the changes applied and validated (raises ValidationError)."""
    unknown = set(changes) - set(SELF_SERVICE_FIELDS)
    if unknown:
        raise ValidationError(
            _("Ces champs ne peuvent pas être modifiés par le salarié : %s")
            % ", ".join(sorted(unknown))
        )
    candidate = copy.copy(employee)
    for name, value in changes.items():
        setattr(candidate, name, value)
    candidate.full_clean()
    return candidate


@transaction.atomic
def change_request_submit(
    *, employee: Employee, changes: Mapping[str, Any], message: str, by: User
) -> ChangeRequest:
    """An employee asks to change their file. The request is checked now, applied when HR
    validates it."""
    check_file_open(employee)
    changed = {k: v for k, v in changes.items() if getattr(employee, k) != v}
    if not changed:
        raise ValidationError(_("Aucune modification par rapport au dossier actuel."))
    candidate = _apply(employee, changed)
    stored = {name: _json_value(getattr(candidate, name)) for name in changed}
    request = ChangeRequest.objects.create(
        employee=employee, requested_by=by, changes=stored, message=message
    )
    audit(
        actor=by,
        action=AuditAction.CREATE,
        target=request,
        detail=_("Demande de modification : %s") % ", ".join(sorted(stored)),
    )
    return request


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _check_pending(request: ChangeRequest) -> None:
    if request.status != ChangeRequestStatus.SUBMITTED:
        raise ValidationError(_("Cette demande a déjà été traitée."))


@transaction.atomic
def change_request_approve(*, request: ChangeRequest, by: User, comment: str = "") -> ChangeRequest:
    request = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    _check_pending(request)
    employee = Employee.objects.select_for_update().get(pk=request.employee_id)
    updated = _apply(employee, request.changes)
    employee_save(employee=updated, by=by, detail=_("Demande du salarié validée"))
    request.status = ChangeRequestStatus.APPROVED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_comment = comment
    request.save(
        update_fields=["status", "decided_by", "decided_at", "decision_comment", "updated_at"]
    )
    return request


@transaction.atomic
def change_request_reject(*, request: ChangeRequest, by: User, comment: str) -> ChangeRequest:
    request = ChangeRequest.objects.select_for_update().get(pk=request.pk)
    _check_pending(request)
    if not comment.strip():
        raise ValidationError(
            {"comment": [_("Expliquez au salarié pourquoi sa demande est refusée.")]}
        )
    request.status = ChangeRequestStatus.REJECTED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_comment = comment
    request.save(
        update_fields=["status", "decided_by", "decided_at", "decision_comment", "updated_at"]
    )
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=request,
        changes={
            "status": [
                str(ChangeRequestStatus.SUBMITTED.label),
                str(ChangeRequestStatus.REJECTED.label),
            ]
        },
        detail=comment,
    )
    return request


@transaction.atomic
def employee_file_close(*, employee: Employee, by: User, detail: str = "") -> Employee:
    """Close the file of a person who has left: from now on it is read-only."""
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.file_closed_at is not None:
        return employee
    employee.file_closed_at = timezone.now()
    employee.save(update_fields=["file_closed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=employee,
        changes={"file_closed_at": ["", employee.file_closed_at.strftime("%d/%m/%Y %H:%M")]},
        detail=detail or _("Dossier clos"),
    )
    return employee


@transaction.atomic
def employee_file_reopen(*, employee: Employee, by: User, reason: str) -> Employee:
    """Reopen a closed file (a departure recorded by mistake, a late correction)."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Indiquez pourquoi le dossier est rouvert.")]})
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    if employee.file_closed_at is None:
        return employee
    closed = employee.file_closed_at.strftime("%d/%m/%Y %H:%M")
    employee.file_closed_at = None
    employee.save(update_fields=["file_closed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=employee,
        changes={"file_closed_at": [closed, ""]},
        detail=_("Dossier rouvert : %(reason)s") % {"reason": reason.strip()},
    )
    return employee

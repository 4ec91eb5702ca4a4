"""Job requisitions: raised by a manager (or HR), approved or refused by HR, closed once filled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.hiring.models import JobRequisition, RequisitionStatus

if TYPE_CHECKING:
    from effectif.accounts.models import User

REQUISITION_FIELDS = ["employer", *JobRequisition.REQUESTED_FIELDS]


@transaction.atomic
def requisition_save(*, requisition: JobRequisition, by: User) -> JobRequisition:
    """Raise a requisition, or change it while it waits for HR."""
    if requisition.pk is None:
        requisition.requested_by = by
        requisition.status = RequisitionStatus.SUBMITTED
        if requisition.position_id and requisition.department_id is None:
            requisition.department_id = requisition.position.department_id
    elif (
        JobRequisition.objects.select_for_update().get(pk=requisition.pk).status
        != RequisitionStatus.SUBMITTED
    ):
        raise ValidationError(_("Une demande décidée ne se modifie plus."))
    return save_audited(instance=requisition, by=by, fields=REQUISITION_FIELDS)


def _decide(
    requisition: JobRequisition, by: User, status: str, comment: str, allowed_from: set[str]
) -> JobRequisition:
    locked = JobRequisition.objects.select_for_update().get(pk=requisition.pk)
    if locked.status not in allowed_from:
        raise ValidationError(
            _("Cette demande est déjà « %(status)s ».") % {"status": locked.get_status_display()}
        )
    before = locked.get_status_display()
    locked.status = status
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decision_comment = comment
    locked.save(
        update_fields=["status", "decided_by", "decided_at", "decision_comment", "updated_at"]
    )
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"status": [str(before), str(locked.get_status_display())]},
        detail=comment[:500],
    )
    return locked


@transaction.atomic
def requisition_approve(
    *, requisition: JobRequisition, by: User, comment: str = ""
) -> JobRequisition:
    return _decide(
        requisition, by, RequisitionStatus.APPROVED, comment, {RequisitionStatus.SUBMITTED}
    )


@transaction.atomic
def requisition_refuse(*, requisition: JobRequisition, by: User, comment: str) -> JobRequisition:
    if not comment.strip():
        raise ValidationError(
            {"comment": [_("Expliquez au demandeur pourquoi la demande est refusée.")]}
        )
    return _decide(
        requisition, by, RequisitionStatus.REJECTED, comment, {RequisitionStatus.SUBMITTED}
    )


@transaction.atomic
def requisition_close(
    *, requisition: JobRequisition, by: User, comment: str = ""
) -> JobRequisition:
    return _decide(requisition, by, RequisitionStatus.CLOSED, comment, {RequisitionStatus.APPROVED})

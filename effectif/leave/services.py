"""Writes of leave: requests and their decisions, cancellations, absences recorded by HR,
adjustments of a balance. Each validates first, then writes, posts its ledger entries and its
audit entry in one transaction: a refused change leaves nothing half-written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.core.roles import is_self
from effectif.employees.models import DocumentKind, Employee
from effectif.employees.services import employee_document_add
from effectif.leave.checks import Evaluation, amount_label, evaluate
from effectif.leave.ledger import allocate, deadline_of, period_of
from effectif.leave.models import (
    EntryKind,
    LeaveRequest,
    LeaveType,
    LedgerEntry,
    Notification,
    Status,
)
from effectif.leave.notifications import approvers, notify
from effectif.leave.visibility import TypeReader
from effectif.rules.leave.counting import Span

REQUEST_FIELDS = [
    *LeaveRequest.REQUESTED_FIELDS,
    "status",
    "comment",
    "subrogation",
]
DECISION_FIELDS = ["status", "decision_comment"]


@dataclass
class Submission:
    request: LeaveRequest
    evaluation: Evaluation
    warnings: list[str] = field(default_factory=list)


def span_of(request: LeaveRequest) -> Span:
    return Span(request.start_date, request.end_date, request.start_afternoon, request.end_morning)


def describe(request: LeaveRequest, reader: TypeReader | None = None) -> str:
    """« Congés payés du 08/06/2026 au 12/06/2026 (5 j) »; the type as `reader` may read it
    (« Absence »…), or as it is (the ledger, the employee's own notices)."""
    label = request.leave_type.label if reader is None else reader.label(request)
    if request.start_date == request.end_date:
        when = _("le %(day)s") % {"day": request.start_date.strftime("%d/%m/%Y")}
    else:
        when = _("du %(start)s au %(end)s") % {
            "start": request.start_date.strftime("%d/%m/%Y"),
            "end": request.end_date.strftime("%d/%m/%Y"),
        }
    return f"{label} {when} ({amount_label(request.amount, request.leave_type.unit)})"


def _lock(employee: Employee) -> None:
    """Serialise the writes of one employee's leave (two requests checked at once would both
    see no overlap). A decision on a request takes this lock after the request's own
    (`_locked`), never before: see there."""
    Employee.objects.select_for_update().filter(pk=employee.pk).first()


def _locked(request: LeaveRequest) -> LeaveRequest:
    """The request, its row locked, and only its row (`of=("self",)`: the leave type and the
    employee read with it stay unlocked).

    Approve, refuse and cancel all lock the request first, and nothing before it, so that two
    of them on the same request follow one another instead of each holding a row the other
    waits for (a deadlock on PostgreSQL). The one that comes second reads the status the
    first left and is refused in French."""
    return (
        LeaveRequest.objects.select_for_update(of=("self",))
        .select_related("leave_type", "employee")
        .get(pk=request.pk)
    )


def _post_takings(request: LeaveRequest, by: User | None, evaluation: Evaluation) -> None:
    """The request's takings in the ledger, drawn from the buckets its `evaluation` read in
    the same transaction (the employee's leave locked, no entry written since)."""
    leave_type = request.leave_type
    if not leave_type.has_balance:
        return
    draw = allocate(
        request.employee, leave_type, request.amount, request.start_date, evaluation.buckets
    )
    label = _("Prise : %(what)s") % {"what": describe(request)}
    for part in draw.parts:
        LedgerEntry.objects.create(
            employee=request.employee,
            leave_type=leave_type,
            kind=EntryKind.TAKING,
            entry_date=request.start_date,
            amount=-part.amount,
            period_start=part.period_start,
            available_until=part.available_until,
            request=request,
            label=label[:200],
            created_by=by,
        )


def _decide(request: LeaveRequest, status: str, by: User | None, comment: str) -> None:
    before = snapshot(request, DECISION_FIELDS)
    request.status = status
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_comment = comment
    request.save()
    audit_update(actor=by, target=request, before=before, after=snapshot(request, DECISION_FIELDS))


def _url(request: LeaveRequest) -> str:
    return reverse("leave:request_detail", args=[request.pk])


@transaction.atomic
def leave_request_submit(
    *,
    employee: Employee,
    leave_type: LeaveType,
    span: Span,
    by: User | None,
    hours: Decimal | None = None,
    comment: str = "",
    subrogation: bool = False,
    document: Any = None,
) -> Submission:
    """An employee asks for leave, or HR records it on their behalf (then it is approved at
    once, as is a type that needs no approval)."""
    _lock(employee)
    if not leave_type.active:
        raise ValidationError({"leave_type": [_("Ce type d'absence n'est plus utilisé.")]})
    evaluation = evaluate(employee=employee, leave_type=leave_type, span=span, hours=hours)
    request = LeaveRequest(
        employee=employee,
        leave_type=leave_type,
        start_date=span.start,
        end_date=span.end,
        start_afternoon=span.start_afternoon,
        end_morning=span.end_morning,
        hours=hours,
        amount=evaluation.count.total,
        days_detail={d.isoformat(): str(v) for d, v in sorted(evaluation.count.per_day.items())},
        comment=comment,
        requested_by=by,
        subrogation=subrogation,
        document=document,
    )
    request.full_clean()
    request.save()
    audit_creation(actor=by, target=request, fields=REQUEST_FIELDS)
    on_behalf = by is None or not is_self(by, employee)
    if on_behalf or not leave_type.requires_approval:
        _decide(request, Status.APPROVED, by, "")
        _post_takings(request, by, evaluation)
        if on_behalf and by is not None and employee.user is not None:
            notify(
                [employee.user],
                _("%(what)s : enregistré pour vous par %(who)s.")
                % {"what": describe(request), "who": by.get_full_name() or by.get_username()},
                _url(request),
            )
    else:
        notify(
            approvers(employee),
            lambda user: (
                _("%(name)s demande : %(what)s.")
                % {"name": employee.display_name, "what": describe(request, TypeReader(user))}
            ),
            _url(request),
        )
    return Submission(request, evaluation, evaluation.warnings)


def _pending(request: LeaveRequest) -> LeaveRequest:
    current = _locked(request)
    if current.status != Status.SUBMITTED:
        raise ValidationError(
            _("Cette demande a déjà été traitée (%(status)s).")
            % {"status": current.get_status_display().lower()}
        )
    return current


@transaction.atomic
def leave_request_approve(*, request: LeaveRequest, by: User, comment: str = "") -> LeaveRequest:
    """The manager or HR approves: the days are taken from the balance (checked again)."""
    current = _pending(request)
    _lock(current.employee)
    evaluation = evaluate(
        employee=current.employee,
        leave_type=current.leave_type,
        span=span_of(current),
        hours=current.hours,
        exclude=current.pk,
    )
    _decide(current, Status.APPROVED, by, comment)
    _post_takings(current, by, evaluation)
    _tell_employee(current, _("Demande validée : %(what)s."), comment)
    return current


@transaction.atomic
def leave_request_refuse(*, request: LeaveRequest, by: User, comment: str) -> LeaveRequest:
    if not comment.strip():
        raise ValidationError({"comment": [_("Indiquez le motif du refus.")]})
    current = _pending(request)
    _decide(current, Status.REJECTED, by, comment.strip())
    _tell_employee(current, _("Demande refusée : %(what)s."), comment)
    return current


def _tell_employee(request: LeaveRequest, text: str, comment: str) -> None:
    if request.employee.user is None:
        return
    message = text % {"what": describe(request)}
    if comment.strip():
        message = f"{message} « {comment.strip()} »"
    notify([request.employee.user], message, _url(request))


@transaction.atomic
def leave_request_cancel(*, request: LeaveRequest, by: User, comment: str = "") -> LeaveRequest:
    """Cancel a request: its takings get reversing entries (the ledger keeps both)."""
    current = _locked(request)
    if current.status != request.status:
        # Decided (or cancelled) since the page that asked for this was read.
        raise ValidationError(
            _(
                "Cette demande a changé entre-temps : elle est maintenant %(status)s. "
                "Rechargez la page avant de l'annuler."
            )
            % {"status": current.get_status_display().lower()}
        )
    if not current.is_holding:
        raise ValidationError(_("Seule une demande en attente ou validée peut être annulée."))
    before = snapshot(current, DECISION_FIELDS)
    current.status = Status.CANCELLED
    if comment.strip():
        current.decision_comment = comment.strip()
    current.save()
    audit_update(
        actor=by,
        target=current,
        before=before,
        after=snapshot(current, DECISION_FIELDS),
        detail=_("Annulation"),
    )
    today = timezone.localdate()
    for entry in current.entries.filter(kind=EntryKind.TAKING, reversals__isnull=True):
        LedgerEntry.objects.create(
            employee=entry.employee,
            leave_type=entry.leave_type,
            kind=EntryKind.REVERSAL,
            entry_date=max(entry.entry_date, today),
            amount=-entry.amount,
            period_start=entry.period_start,
            available_until=entry.available_until,
            request=current,
            reverses=entry,
            label=(_("Annulation : %(what)s") % {"what": describe(current)})[:200],
            created_by=by,
        )
    message = _("Demande annulée : %(what)s.") % {"what": describe(current)}
    if by is not None and is_self(by, current.employee):
        notify(
            approvers(current.employee),
            lambda user: (
                f"{current.employee.display_name} — "
                + _("Demande annulée : %(what)s.") % {"what": describe(current, TypeReader(user))}
            ),
        )
    elif current.employee.user is not None:
        notify([current.employee.user], message, _url(current))
    return current


@transaction.atomic
def absence_record(
    *,
    employee: Employee,
    leave_type: LeaveType,
    span: Span,
    by: User,
    subrogation: bool = False,
    comment: str = "",
    upload: UploadedFile[Any] | None = None,
) -> Submission:
    """HR records an absence (sickness, work accident…) with its document: the document joins
    the personnel file, the absence is approved as recorded."""
    document = None
    if upload is not None:
        document = employee_document_add(
            employee=employee,
            kind=DocumentKind.CERTIFICATE,
            title=_("Justificatif : %(type)s du %(day)s")
            % {"type": leave_type.label, "day": span.start.strftime("%d/%m/%Y")},
            upload=upload,
            expiry_date=None,
            by=by,
        )
    return leave_request_submit(
        employee=employee,
        leave_type=leave_type,
        span=span,
        by=by,
        comment=comment,
        subrogation=subrogation,
        document=document,
    )


@transaction.atomic
def ledger_adjust(
    *,
    employee: Employee,
    leave_type: LeaveType,
    amount: Decimal,
    entry_date: dt.date,
    label: str,
    by: User | None,
) -> LedgerEntry:
    """HR credits or debits a balance (an agreement's extra days, a correction): a new entry
    in the period running on `entry_date`."""
    if leave_type.employer_id != employee.employer_id:
        raise ValidationError({"leave_type": [_("Ce type d'absence est d'un autre employeur.")]})
    if not leave_type.has_balance:
        raise ValidationError({"leave_type": [_("Ce type d'absence n'a pas de solde.")]})
    if amount == 0:
        raise ValidationError({"amount": [_("Indiquez une quantité non nulle.")]})
    if not label.strip():
        raise ValidationError({"label": [_("Indiquez le motif de l'ajustement.")]})
    period = period_of(leave_type, entry_date)
    entry = LedgerEntry.objects.create(
        employee=employee,
        leave_type=leave_type,
        kind=EntryKind.ADJUSTMENT,
        entry_date=entry_date,
        amount=amount,
        period_start=period.start,
        available_until=deadline_of(leave_type, period),
        label=label.strip()[:200],
        created_by=by,
    )
    audit(
        actor=by,
        action=AuditAction.CREATE,
        target=entry,
        changes={"amount": ["", str(amount)], "label": ["", entry.label]},
        detail=_("Ajustement du solde %(type)s") % {"type": leave_type.label},
    )
    return entry


def notifications_mark_read(*, user: User) -> int:
    """Mark the user's unread notifications read, now; how many there were."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )

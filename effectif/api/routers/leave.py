"""Leave requests (create, list, approve, refuse, cancel) and an employee's balances, through
the same scope and services as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from effectif.accounts.models import User
from effectif.api.assignment import unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, Day, Id
from effectif.api.schemas.leave import BalancesOut, DecisionIn, LeaveRequestIn, LeaveRequestOut
from effectif.core.roles import is_hr, is_self
from effectif.employees.models import Employee
from effectif.employees.selectors import employee_get, employees_for, own_employee
from effectif.leave import permissions as perms
from effectif.leave.models import LeaveRequest, LeaveType
from effectif.leave.models import Status as LeaveStatus
from effectif.leave.selectors import request_get, requests_for, statement
from effectif.leave.services import (
    leave_request_approve,
    leave_request_cancel,
    leave_request_refuse,
    leave_request_submit,
)
from effectif.leave.visibility import ShownType, TypeReader
from effectif.rules.leave.counting import Span

router = Router(tags=["Congés"])


def _employee_ref(employee: Employee) -> dict[str, Any]:
    return {"id": employee.pk, "matricule": employee.matricule, "name": employee.display_name}


def _type_ref(shown: ShownType) -> dict[str, Any]:
    """The type as the caller may read it: « Absence », without identifier nor code, when its
    nature is not theirs to know (`leave.visibility`)."""
    return {"id": shown.id, "code": shown.code, "label": shown.label, "unit": shown.unit}


def request_out(
    request: LeaveRequest, reader: TypeReader, warnings: list[str] | None = None
) -> dict[str, Any]:
    return {
        "id": request.pk,
        "employee": _employee_ref(request.employee),
        "leave_type": _type_ref(reader.shown(request)),
        "start_date": request.start_date,
        "end_date": request.end_date,
        "start_afternoon": request.start_afternoon,
        "end_morning": request.end_morning,
        "hours": request.hours,
        "amount": request.amount,
        "status": request.status,
        "comment": reader.comment(request),
        "decided_by": str(request.decided_by) if request.decided_by else None,
        "decided_at": request.decided_at,
        "decision_comment": request.decision_comment,
        "warnings": warnings or [],
    }


@router.get(
    "/leave-requests", response={200: Page[LeaveRequestOut], **READ_ERRORS}, url_name="leave"
)
def leave_request_list(
    request: HttpRequest,
    paging: Query[Paging],
    status: str | None = None,
    employee: Id | None = None,
    start: Day | None = None,
    end: Day | None = None,
) -> Any:
    """Requests of the files in scope, latest first; `start`/`end`: those overlapping the
    dates; `status`: « submitted », « approved », « rejected », « cancelled »."""
    user = request_user(request)
    reader = TypeReader(user)
    requests = requests_for(user).order_by("-start_date", "-id")
    if status:
        requests = requests.filter(status=status)
    if employee:
        requests = requests.filter(employee_id=employee)
    if start:
        requests = requests.filter(end_date__gte=start)
    if end:
        requests = requests.filter(start_date__lte=end)
    return page_of(
        requests, paging, present=lambda rows: (request_out(row, reader) for row in rows)
    )


@router.get(
    "/leave-requests/{int:request_id}",
    response={200: LeaveRequestOut, **READ_ERRORS},
    url_name="leave_request",
)
def leave_request_detail(request: HttpRequest, request_id: int) -> Any:
    user = request_user(request)
    return request_out(request_get(user, request_id), TypeReader(user))


def _leave_type(employee: Employee, value: int | str) -> LeaveType:
    types = LeaveType.objects.filter(employer_id=employee.employer_id)
    found = (
        types.filter(pk=value).first()
        if isinstance(value, int)
        else types.filter(code=value).first()
    )
    if found is None:
        raise ValidationError({"leave_type": [unknown_reference(value)]})
    return found


@router.post("/leave-requests", response={201: LeaveRequestOut, **WRITE_ERRORS})
def leave_request_create(request: HttpRequest, payload: LeaveRequestIn) -> Any:
    """Ask for leave (for oneself), or record it for an employee (HR: approved at once)."""
    user = request_user(request)
    if payload.employee is None:
        employee = own_employee(user)
        if employee is None:
            raise ValidationError({"employee": [_("Aucun dossier n'est rattaché à votre compte.")]})
    else:
        employee = employees_for(user).filter(pk=payload.employee).first()
        if employee is None:
            raise ValidationError({"employee": [unknown_reference(payload.employee)]})
    if not perms.can_request_for(user, employee):
        raise forbidden()
    leave_type = _leave_type(employee, payload.leave_type)
    if not is_hr(user) and not leave_type.employee_can_request:
        raise forbidden(_("Ce type d'absence est enregistré par les RH."))
    submission = leave_request_submit(
        employee=employee,
        leave_type=leave_type,
        span=Span(
            payload.start_date, payload.end_date, payload.start_afternoon, payload.end_morning
        ),
        by=user,
        hours=payload.hours,
        comment=payload.comment,
    )
    submission.request.refresh_from_db()
    return Status(201, request_out(submission.request, TypeReader(user), submission.warnings))


def _decide(request: HttpRequest, request_id: int, payload: DecisionIn, action: str) -> Any:
    user: User = request_user(request)
    leave = request_get(user, request_id)
    if action == "cancel":
        if not perms.can_cancel(user, leave, timezone.localdate()):
            raise forbidden()
        done = leave_request_cancel(request=leave, by=user, comment=payload.comment)
    else:
        deciders = perms.can_list_requests(user)
        if leave.status != LeaveStatus.SUBMITTED and deciders and not is_self(user, leave.employee):
            raise ValidationError(
                {
                    "status": [
                        _("Cette demande a déjà été traitée (%(status)s).")
                        % {"status": leave.get_status_display().lower()}
                    ]
                }
            )
        if not perms.can_decide(user, leave):
            raise forbidden()
        service = leave_request_approve if action == "approve" else leave_request_refuse
        done = service(request=leave, by=user, comment=payload.comment)
    return request_out(done, TypeReader(user))


@router.post(
    "/leave-requests/{int:request_id}/approve", response={200: LeaveRequestOut, **WRITE_ERRORS}
)
def leave_request_approve_view(request: HttpRequest, request_id: int, payload: DecisionIn) -> Any:
    """The manager of the team, or HR, approves (never one's own request)."""
    return _decide(request, request_id, payload, "approve")


@router.post(
    "/leave-requests/{int:request_id}/refuse", response={200: LeaveRequestOut, **WRITE_ERRORS}
)
def leave_request_refuse_view(request: HttpRequest, request_id: int, payload: DecisionIn) -> Any:
    """Refuse with a reason (`comment` is required)."""
    return _decide(request, request_id, payload, "refuse")


@router.post(
    "/leave-requests/{int:request_id}/cancel", response={200: LeaveRequestOut, **WRITE_ERRORS}
)
def leave_request_cancel_view(request: HttpRequest, request_id: int, payload: DecisionIn) -> Any:
    """The employee cancels before the leave starts; HR at any time (the ledger is reversed)."""
    return _decide(request, request_id, payload, "cancel")


@router.get(
    "/employees/{int:employee_id}/leave-balances",
    response={200: BalancesOut, **READ_ERRORS},
    url_name="leave_balances",
)
def leave_balances(request: HttpRequest, employee_id: int, date: Day | None = None) -> Any:
    """The employee's balances as of `date` (today by default), per type and per reference
    period: acquired, taken, adjusted, expired, remaining, and the deadline."""
    user = request_user(request)
    employee = employee_get(user, employee_id)
    on = date or timezone.localdate()
    reader = TypeReader(user)
    result = reader.statement(statement(employee, on))
    return {
        "employee": _employee_ref(employee),
        "date": on,
        "balances": [
            {
                "leave_type": _type_ref(
                    reader.type_of(balance.leave_type, employee_user_id=employee.user_id)
                ),
                "remaining": balance.remaining,
                "periods": [
                    {
                        "period": b.period.label,
                        "period_start": b.period_start,
                        "available_until": b.available_until,
                        "acquired": b.acquired,
                        "taken": b.taken,
                        "adjusted": b.other,
                        "expired": b.expired,
                        "remaining": b.remaining,
                        "planned": b.planned,
                    }
                    for b in balance.buckets
                ],
            }
            for balance in result.balances
        ],
    }

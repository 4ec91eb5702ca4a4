"""Writing expense reports (notes de frais): a draft with its lines and their receipts, then the
workflow (submit, the approver's decision on each line, the manager's approval, HR's check, the
refusal), through the services and with the checks of the pages. A report out of scope is a
404; an action that is not the user's, a 403; one the user may take, but not at this step, a
422 on `status`. Reimbursement stays in the pages (HR)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile as DjangoUploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Status
from ninja.files import UploadedFile

from effectif.accounts.models import User
from effectif.api.assignment import refuse_nulls, unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import schema_message
from effectif.api.routers import expense_reports
from effectif.api.routers.expense_reports import detailed, line_out, report_detail_out
from effectif.api.schemas.common import WRITE_ERRORS
from effectif.api.schemas.travel import ExpenseLineOut, ExpenseReportDetailOut
from effectif.api.schemas.travel_inputs import (
    CommentIn,
    LineDecisionIn,
    LineFields,
    LineIn,
    LinePatch,
    ReportIn,
    ReportPatch,
)
from effectif.api.travel_access import at_step, checks_for, decides_for, requester
from effectif.employees.models import Employee
from effectif.travel.models import ExpenseCategory, ExpenseLine, ExpenseReport, Trip
from effectif.travel.permissions import (
    can_approve_report_as_manager,
    can_check_report,
    can_edit_report,
    can_write_for,
)
from effectif.travel.selectors.expenses import line_get
from effectif.travel.selectors.scope import report_get, trips_for, vehicles_for
from effectif.travel.services.expenses import (
    LineInput,
    can_decide_lines,
    line_decide,
    line_delete,
    line_save,
    report_approve,
    report_check,
    report_create,
    report_reject,
    report_submit,
    report_update,
)

#: The reads' router: Django serves a path by the first pattern that matches it, so the writes
#: on `""` and `/{id}` must join the router of their reads.
router = expense_reports.router

#: The multipart part that carries a line's receipt (PDF, PNG or JPEG).
RECEIPT = "receipt"
#: The fields of a line a change may empty (the others need a value or keep their default).
LINE_NULLABLE = frozenset({"amount", "original_amount", "exchange_rate", "vehicle", "distance_km"})
LINE_INPUT_FIELDS = tuple(field.name for field in dataclasses.fields(LineInput))


def _multipart_line() -> dict[str, Any]:
    """The OpenAPI request body of a line sent as a multipart form: the fields of `LineIn` as
    form fields, and the receipt as a file."""
    schema = LineIn.model_json_schema(ref_template="#/components/schemas/{model}")
    schema["title"] = "LineForm"
    schema["properties"][RECEIPT] = {
        "type": "string",
        "format": "binary",
        "description": "Le justificatif : PDF, PNG ou JPEG.",
    }
    return {"requestBody": {"content": {"multipart/form-data": {"schema": schema}}}}


# --- the report ----------------------------------------------------------------------------


def _trip(user: User, pk: int | None) -> Trip | None:
    """A trip in the user's scope; the service checks it is an approved trip of the employee."""
    if pk is None:
        return None
    trip = trips_for(user).filter(pk=pk).first()
    if trip is None:
        raise ValidationError({"trip": [unknown_reference(pk)]})
    return trip


def _report(user: User, report: ExpenseReport) -> dict[str, Any]:
    return report_detail_out(detailed(user, report.pk))


def _editable(request: HttpRequest, report_id: int) -> tuple[User, ExpenseReport]:
    """A draft the user may change (the page's `can_edit_report`)."""
    user = request_user(request)
    report = report_get(user, report_id)
    return user, at_step(user, report, allowed=can_edit_report, role=can_write_for)


@router.post("", response={201: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_create_view(request: HttpRequest, payload: ReportIn) -> Any:
    """A draft report for oneself, or (HR) for an employee in scope (`employee`); `trip`: one
    of the employee's approved trips. Then add its lines and submit it."""
    user = request_user(request)
    employee = requester(user, payload.employee)
    report = report_create(
        employee=employee, title=payload.title, trip=_trip(user, payload.trip), by=user
    )
    return Status(201, _report(user, report))


@router.patch("/{int:report_id}", response={200: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_update_view(request: HttpRequest, report_id: int, payload: ReportPatch) -> Any:
    """Change a draft's title or trip (`"trip": null` detaches it from its trip)."""
    user, report = _editable(request, report_id)
    changes = payload.model_dump(exclude_unset=True)
    refuse_nulls(changes, nullable={"trip"})
    title = changes.get("title", report.title)
    trip = _trip(user, changes["trip"]) if "trip" in changes else report.trip
    return _report(user, report_update(report=report, title=title, trip=trip, by=user))


# --- lines ---------------------------------------------------------------------------------


def _current(line: ExpenseLine) -> dict[str, Any]:
    """A line's values as its input, for a change to start from (a foreign amount is given
    by its currency and rate, not by its amount in euros)."""
    values = {name: getattr(line, name) for name in LINE_INPUT_FIELDS}
    if line.currency != "EUR":
        values["amount"] = None
    return values


def _line_input(
    user: User, employee: Employee, base: dict[str, Any], payload: LineFields
) -> LineInput:
    """The input of the service: `base` with the changes given; the vehicle is one of the
    employee's in service, in the user's scope (422 naming the field otherwise)."""
    changes = payload.model_dump(exclude_unset=True, exclude={"remove_receipt"})
    refuse_nulls(changes, nullable=LINE_NULLABLE)
    pk = changes.get("vehicle")
    if pk is not None:
        vehicle = vehicles_for(user).filter(employee=employee, active=True, pk=pk).first()
        if vehicle is None:
            raise ValidationError({"vehicle": [unknown_reference(pk)]})
        changes["vehicle"] = vehicle
    return LineInput(**{**base, **changes})


def _with_receipt(data: LineInput, receipt: DjangoUploadedFile[Any] | None) -> None:
    """Mileage is priced on the fiscal scale and has no receipt (the page offers none)."""
    if receipt is not None and data.category == ExpenseCategory.MILEAGE:
        raise ValidationError(
            {RECEIPT: [_("Des indemnités kilométriques n'ont pas de justificatif à joindre.")]}
        )


def _uploaded_receipt(request: HttpRequest, data: LineInput) -> DjangoUploadedFile[Any] | None:
    """The receipt of a multipart request; any other file is refused, named."""
    others = sorted(name for name in request.FILES if name != RECEIPT)
    if others:
        message = schema_message({"type": "extra_forbidden"})
        raise ValidationError({name: [message] for name in others})
    receipt = request.FILES.get(RECEIPT)
    _with_receipt(data, receipt)
    return receipt


def _line(request: HttpRequest, report_id: int, line_id: int) -> tuple[User, ExpenseLine]:
    user, report = _editable(request, report_id)
    return user, line_get(user, report, line_id)


@router.post(
    "/{int:report_id}/lines",
    response={201: ExpenseLineOut, **WRITE_ERRORS},
    openapi_extra=_multipart_line(),
)
def line_create_view(request: HttpRequest, report_id: int, payload: LineIn) -> Any:
    """Add an expense to a draft, as JSON, or as a multipart form with its receipt in
    `receipt` (PDF, PNG or JPEG). Refused (422, nothing written): a negative amount, a date in
    the future, a foreign currency without its rate, a receipt that is not a PDF or an image
    or is too large."""
    user, report = _editable(request, report_id)
    data = _line_input(user, report.employee, {}, payload)
    receipt = _uploaded_receipt(request, data)
    line = line_save(report=report, data=data, receipt=receipt, by=user)
    return Status(201, line_out(line))


@router.patch(
    "/{int:report_id}/lines/{int:line_id}", response={200: ExpenseLineOut, **WRITE_ERRORS}
)
def line_update_view(request: HttpRequest, report_id: int, line_id: int, payload: LinePatch) -> Any:
    """Change a line of a draft (JSON); `remove_receipt` removes its receipt. A new receipt is
    sent to `…/receipt`."""
    user, line = _line(request, report_id, line_id)
    report = line.report
    data = _line_input(user, report.employee, _current(line), payload)
    saved = line_save(
        report=report, line=line, data=data, remove_receipt=payload.remove_receipt, by=user
    )
    return line_out(saved)


@router.post(
    "/{int:report_id}/lines/{int:line_id}/receipt",
    response={200: ExpenseLineOut, **WRITE_ERRORS},
)
def line_receipt_view(
    request: HttpRequest, report_id: int, line_id: int, receipt: File[UploadedFile]
) -> Any:
    """Attach the receipt of a line of a draft, or replace it (multipart, `receipt`)."""
    user, line = _line(request, report_id, line_id)
    data = LineInput(**_current(line))
    _with_receipt(data, receipt)
    return line_out(line_save(report=line.report, line=line, data=data, receipt=receipt, by=user))


@router.delete("/{int:report_id}/lines/{int:line_id}", response={204: None, **WRITE_ERRORS})
def line_delete_view(request: HttpRequest, report_id: int, line_id: int) -> Any:
    """Remove a line (and its receipt) from a draft."""
    user, line = _line(request, report_id, line_id)
    line_delete(line=line, by=user)
    return Status(204, None)


# --- the workflow --------------------------------------------------------------------------


def _submitted(
    request: HttpRequest,
    report_id: int,
    allowed: Callable[[User, ExpenseReport], bool],
    role: Callable[[User, Employee], bool] = decides_for,
) -> tuple[User, ExpenseReport]:
    """A submitted report the user acts on at this step (`allowed`, the pages' check): the
    manager of the team, then HR (at once for whom has no manager), never for oneself."""
    user = request_user(request)
    return user, at_step(user, report_get(user, report_id), allowed=allowed, role=role)


@router.post("/{int:report_id}/submit", response={200: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_submit_view(request: HttpRequest, report_id: int) -> Any:
    """Send the draft to the manager; its lines are checked and their anomalies stored."""
    user, report = _editable(request, report_id)
    return _report(user, report_submit(report=report, by=user))


@router.post(
    "/{int:report_id}/lines/{int:line_id}/decision",
    response={200: ExpenseLineOut, **WRITE_ERRORS},
)
def line_decide_view(
    request: HttpRequest, report_id: int, line_id: int, payload: LineDecisionIn
) -> Any:
    """The approver's decision on a line: « acceptee », « reduite » to `accepted_amount`, or
    « rejetee »; a reduction or a rejection says why in `comment`. With the line's `version`
    as read, a decision on a line another approver decided since is refused (422 on
    `version`) instead of replacing theirs."""
    user, report = _submitted(request, report_id, can_decide_lines)
    line = line_get(user, report, line_id)
    done = line_decide(
        line=line,
        decision=payload.decision,
        accepted_amount=payload.accepted_amount,
        comment=payload.comment,
        version=payload.version,
        by=user,
    )
    return line_out(done)


@router.post("/{int:report_id}/approve", response={200: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_approve_view(request: HttpRequest, report_id: int, payload: CommentIn) -> Any:
    """The manager's approval (HR's, for whom has no manager): undecided lines are accepted."""
    user, report = _submitted(request, report_id, can_approve_report_as_manager)
    return _report(user, report_approve(report=report, by=user, comment=payload.comment))


@router.post("/{int:report_id}/check", response={200: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_check_view(request: HttpRequest, report_id: int, payload: CommentIn) -> Any:
    """HR's check after the manager: exempt and taxable parts within the URSSAF limits, the
    trip's advance deducted, the net to reimburse."""
    user, report = _submitted(request, report_id, can_check_report, checks_for)
    return _report(user, report_check(report=report, by=user, comment=payload.comment))


@router.post("/{int:report_id}/reject", response={200: ExpenseReportDetailOut, **WRITE_ERRORS})
def report_reject_view(request: HttpRequest, report_id: int, payload: CommentIn) -> Any:
    """Refuse the report, saying why (`comment` is required)."""
    user, report = _submitted(request, report_id, can_decide_lines)
    return _report(user, report_reject(report=report, by=user, comment=payload.comment))

"""Departures: list, start, record the steps of the procedure, end the contract, close the file;
HR of the granted employers only, through the same services as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from effectif.api.assignment import unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from effectif.api.schemas.departures import DepartureIn, DepartureOut, StepsIn
from effectif.core.roles import is_hr
from effectif.departures.models import Departure
from effectif.departures.selectors import departure_get, departures_for, leavable_contracts
from effectif.departures.services import (
    departure_close,
    departure_end_contract,
    departure_start,
    departure_update,
)
from effectif.departures.workflows import workflow_of

router = Router(tags=["Départs"])
TEXT_FIELDS = frozenset({"interview_place", "withdrawn_by", "cdd_exception", "note"})


def departure_out(departure: Departure) -> dict[str, Any]:
    employee = departure.employee
    return {
        **{
            name: getattr(departure, name)
            for name in (
                "id",
                "reason",
                "status",
                "convocation_date",
                "interview_date",
                "notification_date",
                "signature_date",
                "homologation_request_date",
                "homologation_date",
                "withdrawn_date",
                "notice_basis",
                "notice_start_date",
                "notice_end_date",
                "last_working_date",
                "end_date",
                "reference_salary_amount",
                "severance_amount",
                "cdd_indemnity_amount",
                "leave_days",
                "leave_indemnity_amount",
            )
        },
        "employee": {"id": employee.pk, "name": employee.display_name},
        "contract": departure.contract_id,
        "reason_label": departure.get_reason_display(),
        "notice": departure.notice_label,
        "dsn_end_reason": workflow_of(departure.reason).dsn_code,
        "amounts_basis": {k: str(v) for k, v in (departure.amounts_basis or {}).items()},
        "checklist": {k: bool(v) for k, v in (departure.checklist or {}).items()},
    }


def _hr(request: HttpRequest) -> Any:
    user = request_user(request)
    if not is_hr(user):
        raise forbidden()
    return user


@router.get("", response={200: Page[DepartureOut], **READ_ERRORS}, url_name="departures")
def departure_list(request: HttpRequest, paging: Query[Paging], status: str | None = None) -> Any:
    """Departures of the files in scope (HR); `status`: « in_progress », « ended », « closed »,
    « cancelled »."""
    rows = departures_for(request_user(request)).order_by("-id")
    if status:
        rows = rows.filter(status=status)
    return page_of(rows, paging, present=lambda items: map(departure_out, items))


@router.get(
    "/{int:departure_id}", response={200: DepartureOut, **READ_ERRORS}, url_name="departure"
)
def departure_detail(request: HttpRequest, departure_id: int) -> Any:
    return departure_out(departure_get(request_user(request), departure_id))


def _values(payload: StepsIn) -> dict[str, Any]:
    values = payload.dict(exclude_unset=True)
    values.pop("contract", None)
    values.pop("reason", None)
    return {k: ("" if v is None and k in TEXT_FIELDS else v) for k, v in values.items()}


@router.post("", response={201: DepartureOut, **WRITE_ERRORS})
def departure_create(request: HttpRequest, payload: DepartureIn) -> Any:
    """Start a departure for a contract, with the dates already known."""
    user = _hr(request)
    contract = leavable_contracts(user, timezone.localdate()).filter(pk=payload.contract).first()
    if contract is None:
        raise ValidationError({"contract": [unknown_reference(payload.contract)]})
    departure = departure_start(
        contract=contract, reason=payload.reason, by=user, values=_values(payload)
    )
    return Status(201, departure_out(departure))


@router.post("/{int:departure_id}/steps", response={200: DepartureOut, **WRITE_ERRORS})
def departure_steps(request: HttpRequest, departure_id: int, payload: StepsIn) -> Any:
    """Record the dates of steps; a date the law does not allow is refused with its article."""
    departure = departure_get(request_user(request), departure_id)
    user = _hr(request)
    return departure_out(departure_update(departure=departure, values=_values(payload), by=user))


@router.post("/{int:departure_id}/end", response={200: DepartureOut, **WRITE_ERRORS})
def departure_end(request: HttpRequest, departure_id: int) -> Any:
    """End the contract on the departure date with its DSN end reason."""
    departure = departure_get(request_user(request), departure_id)
    user = _hr(request)
    return departure_out(departure_end_contract(departure=departure, by=user))


@router.post("/{int:departure_id}/close", response={200: DepartureOut, **WRITE_ERRORS})
def departure_close_file(request: HttpRequest, departure_id: int) -> Any:
    """Close the personnel file (read-only) once the certificat de travail was generated."""
    departure = departure_get(request_user(request), departure_id)
    user = _hr(request)
    return departure_out(departure_close(departure=departure, by=user))

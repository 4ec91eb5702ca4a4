"""Medical visits: list, add, plan, record the outcome, cancel; through the same scope and
services as the pages. HR sees the visits of its employers, an employee their own; a manager
sees nothing of their team's. Only HR writes; each read of a visit is audited."""

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
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, Day, Id, ref
from effectif.api.schemas.medical_visits import (
    CancelIn,
    MedicalVisitIn,
    MedicalVisitOut,
    OutcomeIn,
    PlanIn,
)
from effectif.core.roles import is_hr
from effectif.employees.selectors import employees_for
from effectif.health.models import OPEN_STATUSES, MedicalVisit
from effectif.health.permissions import can_manage
from effectif.health.selectors import list_read, visit_get, visit_read, visits_for
from effectif.health.services import visit_cancel, visit_create, visit_plan, visit_record_outcome
from effectif.organisation.models import HealthService

router = Router(tags=["Visites médicales"])


def visit_out(visit: MedicalVisit) -> dict[str, Any]:
    employee = visit.employee
    return {
        "id": visit.pk,
        "employee": {
            "id": employee.pk,
            "matricule": employee.matricule,
            "name": employee.display_name,
        },
        "kind": visit.kind,
        "kind_label": visit.get_kind_display(),
        "reason": visit.reason,
        "reason_label": visit.get_reason_display() if visit.reason else "",
        "basis": visit.basis,
        "due_date": visit.due_date,
        "overdue": visit.is_open and visit.due_date < timezone.localdate(),
        "status": visit.status,
        "status_label": visit.get_status_display(),
        "planned_at": visit.planned_at,
        "place": visit.place,
        "health_service": ref(visit.health_service),
        "establishment": ref(visit.establishment),
        "held_on": visit.held_on,
        "outcome": visit.outcome,
        "outcome_label": visit.get_outcome_display() if visit.outcome else "",
        "restrictions": visit.restrictions,
        "next_visit_by": visit.next_visit_by,
        "computed": visit.is_computed,
    }


def _service(pk: int | None) -> HealthService | None:
    if pk is None:
        return None
    found = HealthService.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError({"health_service": [unknown_reference(pk)]})
    return found


def _manageable(request: HttpRequest, visit_id: int) -> tuple[Any, MedicalVisit]:
    user = request_user(request)
    visit = visit_get(user, visit_id)
    if not can_manage(user, visit.employee):
        raise forbidden()
    return user, visit


@router.get("", response={200: Page[MedicalVisitOut], **READ_ERRORS}, url_name="medical_visits")
def medical_visit_list(
    request: HttpRequest,
    paging: Query[Paging],
    status: str | None = None,
    employee: Id | None = None,
    employer: Id | None = None,
    due_before: Day | None = None,
    open: bool | None = None,
) -> Any:
    """Visits in scope by due date; `open=true`: those still to take place; `due_before`:
    due on or before a date (with `open=true`, the visits to plan and the overdue ones)."""
    user = request_user(request)
    visits = visits_for(user).order_by("due_date", "id")
    if status:
        visits = visits.filter(status=status)
    if open is not None:
        visits = (
            visits.filter(status__in=OPEN_STATUSES)
            if open
            else visits.exclude(status__in=OPEN_STATUSES)
        )
    if employee:
        visits = visits.filter(employee_id=employee)
    if employer:
        visits = visits.filter(employee__employer_id=employer)
    if due_before:
        visits = visits.filter(due_date__lte=due_before)
    page = page_of(visits, paging, present=lambda rows: map(visit_out, rows))
    list_read(user, employer, page["count"])
    return page


@router.get(
    "/{int:visit_id}", response={200: MedicalVisitOut, **READ_ERRORS}, url_name="medical_visit"
)
def medical_visit_detail(request: HttpRequest, visit_id: int) -> Any:
    user = request_user(request)
    return visit_out(visit_read(user, visit_get(user, visit_id)))


@router.post("", response={201: MedicalVisitOut, **WRITE_ERRORS})
def medical_visit_create(request: HttpRequest, payload: MedicalVisitIn) -> Any:
    """Add a visit by hand (a pre-return visit, a visit asked for…): HR only."""
    user = request_user(request)
    if not is_hr(user):
        raise forbidden()
    employee = employees_for(user).filter(pk=payload.employee).first()
    if employee is None:
        raise ValidationError({"employee": [unknown_reference(payload.employee)]})
    if not can_manage(user, employee):
        raise forbidden()
    visit = visit_create(
        employee=employee,
        kind=payload.kind,
        due_date=payload.due_date,
        planned_at=payload.planned_at,
        place=payload.place,
        health_service=_service(payload.health_service),
        by=user,
    )
    return Status(201, visit_out(visit))


@router.post("/{int:visit_id}/plan", response={200: MedicalVisitOut, **WRITE_ERRORS})
def medical_visit_plan(request: HttpRequest, visit_id: int, payload: PlanIn) -> Any:
    """Set the date, time and place of the visit."""
    user, visit = _manageable(request, visit_id)
    planned = visit_plan(
        visit=visit,
        planned_at=payload.planned_at,
        place=payload.place,
        health_service=_service(payload.health_service) or visit.health_service,
        by=user,
    )
    return visit_out(planned)


@router.post("/{int:visit_id}/outcome", response={200: MedicalVisitOut, **WRITE_ERRORS})
def medical_visit_outcome(request: HttpRequest, visit_id: int, payload: OutcomeIn) -> Any:
    """Record the outcome: « apte », « apte_amenagements » (with the adaptations of the post,
    never a medical detail) or « inapte »; the next visits are computed again."""
    user, visit = _manageable(request, visit_id)
    done = visit_record_outcome(
        visit=visit,
        held_on=payload.held_on,
        outcome=payload.outcome,
        restrictions=payload.restrictions,
        next_visit_by=payload.next_visit_by,
        by=user,
    )
    return visit_out(done)


@router.post("/{int:visit_id}/cancel", response={200: MedicalVisitOut, **WRITE_ERRORS})
def medical_visit_cancel(request: HttpRequest, visit_id: int, payload: CancelIn) -> Any:
    """Cancel with a reason: the obligation is not proposed again."""
    user, visit = _manageable(request, visit_id)
    return visit_out(visit_cancel(visit=visit, reason=payload.reason, by=user))

"""Job descriptions (fiches de poste); every HR role edits them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from effectif.accounts.models import User
from effectif.api.assignment import assign
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, Id, ref
from effectif.api.schemas.organisation import PositionIn, PositionOut, PositionPatch
from effectif.core.services import save_audited
from effectif.organisation.models import Position
from effectif.organisation.permissions import can_edit_organisation
from effectif.organisation.selectors import (
    departments_for,
    employers_for,
    position_get,
    positions_for,
)

router = Router(tags=["Fiches de poste"])

_TEXTS = (
    "title",
    "purpose",
    "tasks",
    "required_skills",
    "classification",
    "coefficient",
    "pcs_ese",
)


def position_out(position: Position) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(position, name) for name in _TEXTS}
    data.update(
        id=position.pk,
        employer=ref(position.employer),
        department=ref(position.department),
        risk_exposures=list(position.risk_exposures or []),
        reinforced_follow_up=position.needs_reinforced_follow_up,
    )
    return data


def _references(user: User) -> dict[str, Any]:
    return {"employer": employers_for(user), "department": departments_for(user)}


@router.get("", response={200: Page[PositionOut], **READ_ERRORS}, url_name="positions")
def position_list(
    request: HttpRequest, paging: Query[Paging], employer: Id | None = None, q: str = ""
) -> Any:
    user = request_user(request)
    positions = positions_for(user).order_by("employer__name", "title", "id")
    if employer:
        positions = positions.filter(employer_id=employer)
    if q:
        positions = positions.filter(title__icontains=q)
    return page_of(positions, paging, present=lambda rows: map(position_out, rows))


@router.get("/{int:position_id}", response={200: PositionOut, **READ_ERRORS}, url_name="position")
def position_detail(request: HttpRequest, position_id: int) -> Any:
    return position_out(position_get(request_user(request), position_id))


@router.post("", response={201: PositionOut, **WRITE_ERRORS})
def position_create(request: HttpRequest, payload: PositionIn) -> Any:
    user = request_user(request)
    if not can_edit_organisation(user):
        raise forbidden()
    position = Position()
    assign(position, payload.model_dump(), _references(user))
    save_audited(instance=position, by=user)
    return Status(201, position_out(position))


@router.patch("/{int:position_id}", response={200: PositionOut, **WRITE_ERRORS})
def position_update(request: HttpRequest, position_id: int, payload: PositionPatch) -> Any:
    user = request_user(request)
    position = position_get(user, position_id)
    if not can_edit_organisation(user):
        raise forbidden()
    assign(position, payload.model_dump(exclude_unset=True), _references(user))
    save_audited(instance=position, by=user)
    return position_out(position)

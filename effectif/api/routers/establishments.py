"""Establishments: seen with their employer; administrators and HR managers edit them."""

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
from effectif.api.schemas.organisation import (
    EstablishmentIn,
    EstablishmentOut,
    EstablishmentPatch,
)
from effectif.core.services import save_audited
from effectif.organisation.models import Establishment, HealthService
from effectif.organisation.permissions import can_edit_employer, can_view_employer_details
from effectif.organisation.selectors import (
    employers_for,
    establishment_get,
    establishments_for,
)

router = Router(tags=["Établissements"])

_PUBLIC = (
    "id",
    "name",
    "siret",
    "address",
    "postal_code",
    "city",
    "department",
    "alsace_moselle",
    "is_head_office",
)
_DETAILS = ("at_rate", "at_risk_code", "mobility_rate")


def establishment_out(user: User, establishment: Establishment) -> dict[str, Any]:
    data = {name: getattr(establishment, name) for name in _PUBLIC}
    data["employer"] = ref(establishment.employer)
    data["health_service"] = ref(establishment.health_service)
    if can_view_employer_details(user):
        data.update({name: getattr(establishment, name) for name in _DETAILS})
    return data


def _references(user: User) -> dict[str, Any]:
    return {"employer": employers_for(user), "health_service": HealthService.objects.all()}


@router.get(
    "",
    response={200: Page[EstablishmentOut], **READ_ERRORS},
    exclude_unset=True,
    url_name="establishments",
)
def establishment_list(
    request: HttpRequest, paging: Query[Paging], employer: Id | None = None, q: str = ""
) -> Any:
    user = request_user(request)
    establishments = establishments_for(user).order_by("employer__name", "name", "id")
    if employer:
        establishments = establishments.filter(employer_id=employer)
    if q:
        establishments = establishments.filter(name__icontains=q)
    return page_of(
        establishments, paging, present=lambda rows: [establishment_out(user, e) for e in rows]
    )


@router.get(
    "/{int:establishment_id}",
    response={200: EstablishmentOut, **READ_ERRORS},
    exclude_unset=True,
    url_name="establishment",
)
def establishment_detail(request: HttpRequest, establishment_id: int) -> Any:
    user = request_user(request)
    return establishment_out(user, establishment_get(user, establishment_id))


@router.post("", response={201: EstablishmentOut, **WRITE_ERRORS}, exclude_unset=True)
def establishment_create(request: HttpRequest, payload: EstablishmentIn) -> Any:
    """Administrators and HR managers, for an employer they see."""
    user = request_user(request)
    if not can_edit_employer(user):
        raise forbidden()
    establishment = Establishment()
    assign(establishment, payload.model_dump(), _references(user))
    save_audited(instance=establishment, by=user)
    return Status(201, establishment_out(user, establishment))


@router.patch(
    "/{int:establishment_id}",
    response={200: EstablishmentOut, **WRITE_ERRORS},
    exclude_unset=True,
)
def establishment_update(
    request: HttpRequest, establishment_id: int, payload: EstablishmentPatch
) -> Any:
    user = request_user(request)
    establishment = establishment_get(user, establishment_id)
    if not can_edit_employer(user):
        raise forbidden()
    assign(establishment, payload.model_dump(exclude_unset=True), _references(user))
    save_audited(instance=establishment, by=user)
    return establishment_out(user, establishment)

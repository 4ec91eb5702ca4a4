"""The registre unique du personnel of an establishment, as JSON or as a spreadsheet (HR of the
granted employers only)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.schemas.common import WRITE_ERRORS
from effectif.api.schemas.departures import RegisterOut
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.register.selectors import (
    may_read_register,
    register_entries,
    register_establishment_get,
)
from effectif.register.views import download

router = Router(tags=["Registre unique du personnel"])


@router.get(
    "/{int:establishment_id}/personnel-register",
    response={200: RegisterOut, **WRITE_ERRORS},
    url_name="personnel_register",
)
def personnel_register(request: HttpRequest, establishment_id: int, format: str = "json") -> Any:
    """Everyone hired in the establishment, in order of hiring (C. trav. L1221-13);
    `format=xlsx` for the spreadsheet."""
    user = request_user(request)
    if not may_read_register(user):
        raise forbidden()
    establishment = register_establishment_get(user, establishment_id)
    if format == "xlsx":
        return download(establishment, "xlsx", user)
    entries = register_entries(establishment)
    audit(
        actor=user,
        action=AuditAction.EXPORT,
        target=establishment,
        detail=f"Registre unique du personnel (API), {len(entries)} entrées",
    )
    return {
        "establishment": {"id": establishment.pk, "name": str(establishment)},
        "siret": establishment.siret,
        "entries": [
            {**{k: getattr(e, k) for k in RegisterEntryFields}, "temporary_work_agency": e.agency}
            for e in entries
        ],
    }


RegisterEntryFields = (
    "number",
    "last_name",
    "usage_name",
    "first_names",
    "nationality",
    "birth_date",
    "sex",
    "job",
    "qualification",
    "hire_date",
    "departure_date",
    "contract_type",
    "work_permit",
    "intern",
)

"""Employers: every user sees those in their scope; administrators create, HR managers edit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from effectif.accounts.models import User
from effectif.api.assignment import assign
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS
from effectif.api.schemas.organisation import EmployerIn, EmployerOut, EmployerPatch
from effectif.core.services import save_audited
from effectif.organisation.models import Employer
from effectif.organisation.permissions import (
    can_create_employer,
    can_edit_employer,
    can_view_employer_details,
)
from effectif.organisation.selectors import employer_get, employers_for

router = Router(tags=["Employeurs"])

_PUBLIC = ("id", *Employer.IDENTITY_FIELDS)


def employer_out(user: User, employer: Employer) -> dict[str, Any]:
    data = {name: getattr(employer, name) for name in _PUBLIC}
    if can_view_employer_details(user):
        data["subject_to_payroll_tax"] = employer.subject_to_payroll_tax
    return data


@router.get(
    "", response={200: Page[EmployerOut], **READ_ERRORS}, exclude_unset=True, url_name="employers"
)
def employer_list(request: HttpRequest, paging: Query[Paging], q: str = "") -> Any:
    """The employers in the user's scope, by name."""
    user = request_user(request)
    employers = employers_for(user).order_by("name", "id")
    if q:
        employers = employers.filter(name__icontains=q)
    return page_of(employers, paging, present=lambda rows: [employer_out(user, e) for e in rows])


@router.get(
    "/{int:employer_id}",
    response={200: EmployerOut, **READ_ERRORS},
    exclude_unset=True,
    url_name="employer",
)
def employer_detail(request: HttpRequest, employer_id: int) -> Any:
    user = request_user(request)
    return employer_out(user, employer_get(user, employer_id))


@router.post("", response={201: EmployerOut, **WRITE_ERRORS}, exclude_unset=True)
def employer_create(request: HttpRequest, payload: EmployerIn) -> Any:
    """Administrators only."""
    user = request_user(request)
    if not can_create_employer(user):
        raise forbidden()
    employer = Employer()
    assign(employer, payload.model_dump())
    save_audited(instance=employer, by=user)
    return Status(201, employer_out(user, employer))


@router.patch("/{int:employer_id}", response={200: EmployerOut, **WRITE_ERRORS}, exclude_unset=True)
def employer_update(request: HttpRequest, employer_id: int, payload: EmployerPatch) -> Any:
    """Administrators and HR managers, on the employers they see."""
    user = request_user(request)
    employer = employer_get(user, employer_id)
    if not can_edit_employer(user):
        raise forbidden()
    assign(employer, payload.model_dump(exclude_unset=True))
    save_audited(instance=employer, by=user)
    return employer_out(user, employer)

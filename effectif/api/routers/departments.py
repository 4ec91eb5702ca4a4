"""Departments (services): a tree per employer; every HR role edits them."""

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
from effectif.api.schemas.organisation import DepartmentIn, DepartmentOut, DepartmentPatch
from effectif.core.services import save_audited
from effectif.organisation.models import Department
from effectif.organisation.permissions import can_edit_organisation
from effectif.organisation.selectors import (
    department_get,
    departments_for,
    eligible_managers,
    employers_for,
)

router = Router(tags=["Services"])


def department_out(department: Department) -> dict[str, Any]:
    return {
        "id": department.pk,
        "employer": ref(department.employer),
        "name": department.name,
        "code": department.code,
        "parent": ref(department.parent),
        "manager": ref(department.manager),
    }


def _references(user: User) -> dict[str, Any]:
    return {
        "employer": employers_for(user),
        "parent": departments_for(user),
        # As the department form: active managers and HR with access to one of the user's
        # employers; the model then checks they have access to the department's own.
        "manager": eligible_managers(employers_for(user)),
    }


@router.get("", response={200: Page[DepartmentOut], **READ_ERRORS}, url_name="departments")
def department_list(
    request: HttpRequest, paging: Query[Paging], employer: Id | None = None, q: str = ""
) -> Any:
    user = request_user(request)
    departments = departments_for(user).order_by("employer__name", "name", "id")
    if employer:
        departments = departments.filter(employer_id=employer)
    if q:
        departments = departments.filter(name__icontains=q)
    return page_of(departments, paging, present=lambda rows: map(department_out, rows))


@router.get(
    "/{int:department_id}", response={200: DepartmentOut, **READ_ERRORS}, url_name="department"
)
def department_detail(request: HttpRequest, department_id: int) -> Any:
    return department_out(department_get(request_user(request), department_id))


@router.post("", response={201: DepartmentOut, **WRITE_ERRORS})
def department_create(request: HttpRequest, payload: DepartmentIn) -> Any:
    user = request_user(request)
    if not can_edit_organisation(user):
        raise forbidden()
    department = Department()
    assign(department, payload.model_dump(), _references(user))
    save_audited(instance=department, by=user)
    return Status(201, department_out(department))


@router.patch("/{int:department_id}", response={200: DepartmentOut, **WRITE_ERRORS})
def department_update(request: HttpRequest, department_id: int, payload: DepartmentPatch) -> Any:
    user = request_user(request)
    department = department_get(user, department_id)
    if not can_edit_organisation(user):
        raise forbidden()
    assign(department, payload.model_dump(exclude_unset=True), _references(user))
    save_audited(instance=department, by=user)
    return department_out(department)

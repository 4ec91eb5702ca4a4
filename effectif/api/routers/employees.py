"""Personnel files: the list with the page's filters, a file as each role may read it, and HR's
writes through `employee_save` (validated and audited)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from effectif.accounts.models import User
from effectif.api.assignment import assign
from effectif.api.auth import request_user
from effectif.api.errors import forbidden, renamed
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, ref
from effectif.api.schemas.employees import (
    ChangeRequestIn,
    ChangeRequestOut,
    EmployeeIn,
    EmployeeOut,
    EmployeePatch,
    EmployeeQuery,
    EmployeeSummary,
)
from effectif.employees.models import (
    EMERGENCY_CONTACT_FIELDS,
    PERSONAL_CONTACT_FIELDS,
    PROFESSIONAL_FIELDS,
    SELF_SERVICE_FIELDS,
    WORK_PERMIT_FIELDS,
    Employee,
)
from effectif.employees.permissions import (
    can_edit_file,
    can_request_change,
    can_see_personal,
)
from effectif.employees.selectors import (
    EmployeeFilters,
    employee_get,
    employee_list,
    sensitive_data,
)
from effectif.employees.services import change_request_submit, employee_save
from effectif.organisation.selectors import departments_for, hr_employers_for

router = Router(tags=["Salariés"])

#: Read by HR and the employee themself, not by a manager reading a team member's file.
PERSONAL_FIELDS = (
    "sex",
    "birth_date",
    "birth_place",
    "birth_country",
    "nationality",
    *PERSONAL_CONTACT_FIELDS,
    *EMERGENCY_CONTACT_FIELDS,
    "education_level",
    *WORK_PERMIT_FIELDS,
)
_PROFESSIONAL = tuple(name for name in PROFESSIONAL_FIELDS if name != "department")


def employee_out(user: User, employee: Employee) -> dict[str, Any]:
    """A file with the fields `user` may read; reading the sensitive ones is audited."""
    data: dict[str, Any] = {name: getattr(employee, name) for name in _PROFESSIONAL}
    data.update(
        id=employee.pk,
        employer=ref(employee.employer),
        department=ref(employee.department),
        display_name=employee.display_name,
    )
    if can_see_personal(user, employee):
        data.update({name: getattr(employee, name) for name in PERSONAL_FIELDS})
    sensitive = sensitive_data(user, employee)  # None for a manager; audited otherwise
    if sensitive is not None:
        data.update(sensitive)
    return data


def employee_summary(employee: Employee) -> dict[str, Any]:
    """A line of the list, from the row and its `situation_*` annotations (no extra query)."""
    row: Any = employee  # with the annotations of the employment situation, when installed
    situation = None
    if hasattr(row, "situation_kind"):
        situation = {
            "kind": row.situation_kind,
            "start_date": row.situation_start_date,
            "end_date": row.situation_end_date,
            "job_title": row.situation_job_title,
            "establishment": row.situation_establishment,
        }
    return {
        "id": employee.pk,
        "employer": {"id": employee.employer_id, "name": employee.employer.name},
        "matricule": employee.matricule,
        "last_name": employee.last_name,
        "usage_name": employee.usage_name,
        "first_names": employee.first_names,
        "display_name": employee.display_name,
        "department": ref(employee.department),
        "work_email": employee.work_email,
        "work_phone": employee.work_phone,
        "hire_date": getattr(row, "hire_date", None),
        "situation": situation,
    }


def employee_filters(query: EmployeeQuery) -> EmployeeFilters:
    return EmployeeFilters(
        q=query.q.strip(),
        employer_id=query.employer,
        establishment_id=query.establishment,
        department_id=query.department,
        kind=query.kind or None,
        presence=query.presence,
        on=query.on,
        sort=query.sort.removeprefix("-"),
        descending=query.sort.startswith("-"),
    )


def employee_page(user: User, query: EmployeeQuery, paging: Paging) -> dict[str, Any]:
    """One page of the API's employee list as plain data: the operation below, without HTTP.

    Two queries for the rows and the count, whatever the page size (plus the scope's own).
    """
    employees = employee_list(user, employee_filters(query))
    return page_of(employees, paging, present=lambda rows: map(employee_summary, rows))


def _references(user: User) -> dict[str, Any]:
    return {"employer": hr_employers_for(user), "department": departments_for(user)}


@router.get("", response={200: Page[EmployeeSummary], **READ_ERRORS}, url_name="employees")
def employee_list_view(
    request: HttpRequest, paging: Query[Paging], query: Query[EmployeeQuery]
) -> Any:
    """The files in the user's scope, with the page's filters and sorts; professional data only."""
    return employee_page(request_user(request), query, paging)


@router.get(
    "/{int:employee_id}",
    response={200: EmployeeOut, **READ_ERRORS},
    exclude_unset=True,
    url_name="employee",
)
def employee_detail(request: HttpRequest, employee_id: int) -> Any:
    """A file; personal and sensitive fields only for those allowed (each read audited)."""
    user = request_user(request)
    return employee_out(user, employee_get(user, employee_id))


@router.post("", response={201: EmployeeOut, **WRITE_ERRORS}, exclude_unset=True)
def employee_create(request: HttpRequest, payload: EmployeeIn) -> Any:
    """HR, for an employer it is granted."""
    user = request_user(request)
    employee = Employee()
    if not can_edit_file(user, employee):
        raise forbidden()
    assign(employee, payload.model_dump(exclude_unset=True), _references(user))
    employee_save(employee=employee, by=user)
    return Status(201, employee_out(user, employee))


@router.patch("/{int:employee_id}", response={200: EmployeeOut, **WRITE_ERRORS}, exclude_unset=True)
def employee_update(request: HttpRequest, employee_id: int, payload: EmployeePatch) -> Any:
    """HR only: an employee asks HR for changes, a manager does not change files."""
    user = request_user(request)
    employee = employee_get(user, employee_id)
    if not can_edit_file(user, employee):
        raise forbidden()
    assign(employee, payload.model_dump(exclude_unset=True), _references(user))
    employee_save(employee=employee, by=user)
    return employee_out(user, employee)


@router.post(
    "/{int:employee_id}/change-requests",
    response={201: ChangeRequestOut, **WRITE_ERRORS},
    url_name="employee_change_request",
)
def employee_change_request(
    request: HttpRequest, employee_id: int, payload: ChangeRequestIn
) -> Any:
    """The employee asks for changes to their own file (address, bank, family…); HR validates
    them. Checked now: a refused value is named as `changes.<field>`."""
    user = request_user(request)
    employee = employee_get(user, employee_id)
    if not can_request_change(user, employee):
        raise forbidden(_("Seul le salarié peut demander la modification de son propre dossier."))
    unknown = sorted(set(payload.changes) - set(SELF_SERVICE_FIELDS))
    if unknown:
        message = _("Ce champ ne peut pas être modifié par le salarié.")
        raise ValidationError({f"changes.{name}": [message] for name in unknown})
    try:
        change = change_request_submit(
            employee=employee, changes=payload.changes, message=payload.message, by=user
        )
    except ValidationError as error:
        raise renamed(error, {name: f"changes.{name}" for name in SELF_SERVICE_FIELDS}) from error
    return Status(201, change)

"""Reads of personnel files, always through the requesting user's scope.

An administrator sees every file; HR sees the files of the employers it is granted; a manager
sees their own file and their team's (the departments they manage and those below); an
employee sees their own file only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_read
from effectif.core.models import AuditAction
from effectif.core.roles import is_admin, is_hr, is_manager
from effectif.core.scoping import get_in_scope
from effectif.employees.extensions import registry
from effectif.employees.models import (
    HEALTH_DOCUMENT_KINDS,
    SENSITIVE_FIELDS,
    ChangeRequest,
    ChangeRequestStatus,
    Employee,
    EmployeeDocument,
)
from effectif.employees.permissions import can_see_sensitive
from effectif.organisation.selectors import hr_employers_for, managed_department_ids

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def employees_for(user: Actor) -> QuerySet[Employee]:
    if not user.is_authenticated or not user.is_active:
        return Employee.objects.none()
    if is_admin(user):
        return Employee.objects.all()
    if is_hr(user):
        return Employee.objects.filter(employer__in=hr_employers_for(user))
    if is_manager(user):
        return Employee.objects.filter(
            Q(department_id__in=managed_department_ids(user)) | Q(user=user)
        )
    return Employee.objects.filter(user=user)


def employee_get(user: Actor, pk: Any) -> Employee:
    """One file in the user's scope; 404 otherwise, so that a file's existence is not disclosed."""
    return get_in_scope(employees_for(user).select_related("employer", "department", "user"), pk)


def own_employee(user: Actor) -> Employee | None:
    """The user's own file (with its employer), or None. The answer is also kept on the user as
    its `employee` (the reverse one-to-one Django would otherwise read again): the menu asks
    `user.employee` on every page, after the view has asked this."""
    if not user.is_authenticated:
        return None
    employee = Employee.objects.filter(user=user).select_related("employer").first()
    Employee.user.field.remote_field.set_cached_value(user, employee)
    return employee


def sensitive_data(user: Actor, employee: Employee) -> dict[str, Any] | None:
    """The sensitive fields of a file, for those allowed; each read is recorded in the audit."""
    if not can_see_sensitive(user, employee):
        return None
    audit_read(actor=user, target=employee, fields=SENSITIVE_FIELDS)
    return {name: getattr(employee, name) for name in SENSITIVE_FIELDS}


def sensitive_shown(user: Actor, employee: Employee, fields: Iterable[str]) -> None:
    """Record that a page shows `user` these fields of a file (a form filled with its current
    values), when any of them is sensitive: the NIR, the IBAN, the family…"""
    wanted = set(fields)
    shown = [name for name in SENSITIVE_FIELDS if name in wanted]
    if shown:
        audit_read(actor=user, target=employee, fields=shown)


PRESENCE_CHOICES = (("present", "Présents"), ("gone", "Sortis"), ("all", "Tous"))
SORTS = {
    "name": ("last_name", "first_names", "id"),
    "matricule": ("matricule", "id"),
    "employer": ("employer__name", "last_name", "id"),
    "department": ("department__name", "last_name", "id"),
}


@dataclass(frozen=True)
class EmployeeFilters:
    q: str = ""
    employer_id: int | None = None
    establishment_id: int | None = None
    department_id: int | None = None
    kind: str | None = None
    presence: str = "present"
    on: dt.date | None = None
    sort: str = "name"
    descending: bool = False


def employee_list(user: Actor, filters: EmployeeFilters) -> QuerySet[Employee]:
    """The files in scope matching the filters, with their situation on the date, sorted."""
    on = filters.on or timezone.localdate()
    employees = employees_for(user).select_related("employer", "department")
    if filters.q:
        for term in filters.q.split():
            employees = employees.filter(
                Q(last_name__icontains=term)
                | Q(usage_name__icontains=term)
                | Q(first_names__icontains=term)
                | Q(matricule__icontains=term)
            )
    if filters.employer_id:
        employees = employees.filter(employer_id=filters.employer_id)
    if filters.department_id:
        employees = employees.filter(department_id=filters.department_id)
    situation = registry.situation
    sort_fields: dict[str, Any] = dict(SORTS)
    if situation is not None:
        employees = situation.filter(
            employees,
            on=on,
            presence=None if filters.presence == "all" else filters.presence,
            kind=filters.kind or None,
            establishment_id=filters.establishment_id,
        )
        employees = situation.annotate(employees, on)
        sort_fields.update({key: (name, "id") for key, name in situation.sort_fields().items()})
    order = sort_fields.get(filters.sort, SORTS["name"])
    if filters.descending:
        order = tuple(f"-{name}" for name in order)
    return employees.order_by(*order)


def documents_for(user: Actor, employee: Employee) -> QuerySet[EmployeeDocument]:
    """Documents of a file in scope; health documents only for those who may see health data."""
    documents = EmployeeDocument.objects.filter(employee=employee).select_related("uploaded_by")
    if not can_see_sensitive(user, employee):
        documents = documents.exclude(kind__in=HEALTH_DOCUMENT_KINDS)
    return documents


def document_get(user: Actor, employee: Employee, pk: Any) -> EmployeeDocument:
    return get_in_scope(documents_for(user, employee), pk)


def document_downloaded(user: Actor, document: EmployeeDocument) -> None:
    """Record a download of a document of the file: every one, whatever its kind (an identity
    card, a residence permit, a Carte Vitale, a RIB, a medical notice… hold the very data the
    file keeps masked)."""
    audit(
        actor=user,
        action=AuditAction.READ,
        target=document,
        detail=_("Téléchargement : %(title)s (%(kind)s)")
        % {"title": document.title, "kind": document.get_kind_display()},
    )


def pending_change_requests(user: Actor) -> QuerySet[ChangeRequest]:
    """Requests awaiting HR in the user's scope (HR roles only)."""
    if not is_hr(user):
        return ChangeRequest.objects.none()
    return ChangeRequest.objects.filter(
        employee__in=employees_for(user), status=ChangeRequestStatus.SUBMITTED
    ).select_related("employee", "requested_by")


def change_request_get(user: Actor, pk: Any) -> ChangeRequest:
    requests = ChangeRequest.objects.filter(employee__in=employees_for(user)).select_related(
        "employee", "employee__employer"
    )
    return get_in_scope(requests, pk)

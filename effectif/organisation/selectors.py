"""Reads of the organisation, scoped to what the requesting user may see."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from effectif.core.request_cache import per_request
from effectif.core.roles import is_admin, is_hr
from effectif.core.scoping import get_in_scope
from effectif.organisation.models import (
    MANAGER_ROLES,
    Department,
    Employer,
    Establishment,
    Position,
    manager_access_to,
)

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def employers_for(user: Actor) -> QuerySet[Employer]:
    """Employers the user may see: all for an administrator, granted ones for HR, their own
    employer for a manager or an employee."""
    if not user.is_authenticated or not user.is_active:
        return Employer.objects.none()
    if is_admin(user):
        return Employer.objects.all()
    if is_hr(user):
        return Employer.objects.filter(accesses__user=user)
    # Two small subqueries, each found by the user's index, rather than joining every file of
    # the employers and de-duplicating them.
    own = Employer.objects.filter(employees__user=user).values("pk")
    granted = Employer.objects.filter(accesses__user=user).values("pk")
    return Employer.objects.filter(Q(pk__in=own) | Q(pk__in=granted))


def hr_employers_for(user: Actor) -> QuerySet[Employer]:
    """Employers whose personnel the user administers (HR roles only)."""
    if not is_hr(user):
        return Employer.objects.none()
    return employers_for(user)


def employer_get(user: Actor, pk: Any) -> Employer:
    return get_in_scope(employers_for(user), pk)


def establishments_for(user: Actor) -> QuerySet[Establishment]:
    return Establishment.objects.filter(employer__in=employers_for(user)).select_related(
        "employer", "health_service"
    )


def establishment_get(user: Actor, pk: Any) -> Establishment:
    return get_in_scope(establishments_for(user), pk)


def departments_for(user: Actor) -> QuerySet[Department]:
    return Department.objects.filter(employer__in=employers_for(user)).select_related(
        "employer", "parent", "manager"
    )


def department_get(user: Actor, pk: Any) -> Department:
    return get_in_scope(departments_for(user), pk)


def eligible_managers(employers: Employer | QuerySet[Employer]) -> QuerySet[Any]:
    """Who may run a department of `employers` (one, or any of a queryset): active managers
    and HR with access to it (the rule `Department.clean` enforces)."""
    return (
        manager_access_to(employers)
        .filter(is_active=True, role__in=MANAGER_ROLES)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def positions_for(user: Actor) -> QuerySet[Position]:
    return Position.objects.filter(employer__in=employers_for(user)).select_related(
        "employer", "department"
    )


def position_get(user: Actor, pk: Any) -> Position:
    return get_in_scope(positions_for(user), pk)


def subtree_ids(root_ids: set[int], parents: Mapping[int, int | None]) -> set[int]:
    """The given departments and all their descendants."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for dept_id, parent_id in parents.items():
        children[parent_id].append(dept_id)
    found, stack = set(), list(root_ids)
    while stack:
        current = stack.pop()
        if current in found:
            continue
        found.add(current)
        stack.extend(children.get(current, []))
    return found


@per_request
def managed_department_ids(user: Actor) -> frozenset[int]:
    """Departments the user manages, directly or through the tree below them (worked out once
    per request: every list and deadline of a manager's page asks)."""
    if not user.is_authenticated:
        return frozenset()
    roots = set(Department.objects.filter(manager=user).values_list("id", flat=True))
    if not roots:
        return frozenset()
    employer_ids = Department.objects.filter(id__in=roots).values_list("employer_id", flat=True)
    parents = dict(
        Department.objects.filter(employer_id__in=employer_ids).values_list("id", "parent_id")
    )
    return frozenset(subtree_ids(roots, parents))


def people_in_department(on: dt.date) -> Count:
    """Employees of a department under contract on a day (the contract reached by its
    relation name, so that this module needs nothing from the contracts app)."""
    running = Q(employees__contracts__start_date__lte=on) & (
        Q(employees__contracts__end_date__isnull=True) | Q(employees__contracts__end_date__gte=on)
    )
    return Count("employees", filter=running, distinct=True)


def org_chart(employer: Employer, on: dt.date | None = None) -> list[dict[str, Any]]:
    """The department tree of an employer as nested dicts, with headcounts per department."""
    departments = list(
        Department.objects.filter(employer=employer)
        .select_related("manager")
        .annotate(people=people_in_department(on or timezone.localdate()))
        .order_by("name")
    )
    nodes: dict[int, dict[str, Any]] = {
        d.pk: {"department": d, "children": [], "people": d.people} for d in departments
    }
    roots = []
    for department in departments:
        node = nodes[department.pk]
        if department.parent_id is not None and department.parent_id in nodes:
            nodes[department.parent_id]["children"].append(node)
        else:
            roots.append(node)
    return roots

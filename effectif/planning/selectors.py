"""Reads of the planning, through the requesting user's scope.

HR sees the teams and establishments of the employers it is granted; a manager the teams they
manage (with the departments below them); an employee only their own row (« Mon planning »).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.roles import is_hr, is_manager
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.organisation.models import Department, Establishment
from effectif.organisation.selectors import (
    departments_for,
    establishments_for,
    hr_employers_for,
    managed_department_ids,
    subtree_ids,
)
from effectif.planning.models import CalendarFeed, StaffingMinimum
from effectif.timekeeping.selectors import employees_to_check

TEAM = "service"
ESTABLISHMENT = "etablissement"


def planning_departments(user: User) -> QuerySet[Department]:
    """Teams whose planning the user sees and edits, and whose minimum staffing they set."""
    if not user.is_authenticated or not user.is_active:
        return Department.objects.none()
    if is_hr(user):
        departments = departments_for(user).filter(employer__in=hr_employers_for(user))
    elif is_manager(user):
        departments = Department.objects.filter(pk__in=managed_department_ids(user))
    else:
        return Department.objects.none()
    return departments.select_related("employer", "parent").order_by("employer__name", "name")


def planning_establishments(user: User) -> QuerySet[Establishment]:
    """Establishments whose planning the user sees: HR only (a manager sees teams)."""
    if not is_hr(user):
        return Establishment.objects.none()
    return (
        establishments_for(user)
        .filter(employer__in=hr_employers_for(user))
        .order_by("employer__name", "name")
    )


@dataclass(frozen=True)
class Target:
    """What a planning shows: a team (a department and those below it) or an establishment."""

    kind: str
    pk: int
    name: str
    employer_id: int
    department: Department | None = None
    establishment: Establishment | None = None

    @property
    def key(self) -> str:
        return target_key(self.kind, self.pk)


def target_key(kind: str, pk: int) -> str:
    """How a target is named in the URL and the selector: `service-12`, `etablissement-3`."""
    return f"{kind}-{pk}"


def _target_of(item: Department | Establishment) -> Target:
    if isinstance(item, Department):
        return Target(TEAM, item.pk, item.name, item.employer_id, department=item)
    return Target(ESTABLISHMENT, item.pk, item.name, item.employer_id, establishment=item)


def target_get(user: User, key: str) -> Target:
    """The team or establishment `service-12` / `etablissement-3`; 404 out of scope."""
    kind, _sep, pk = (key or "").partition("-")
    if kind == TEAM:
        return _target_of(get_in_scope(planning_departments(user), pk))
    if kind == ESTABLISHMENT:
        return _target_of(get_in_scope(planning_establishments(user), pk))
    raise Http404


def default_target(user: User) -> Target | None:
    """HR's first establishment; a manager's first team they head (its sub-teams come with
    it), or else the first team in scope."""
    establishment = planning_establishments(user).first()
    if establishment is not None:
        return _target_of(establishment)
    teams = planning_departments(user)
    department = teams.filter(manager=user).first() or teams.first()
    return _target_of(department) if department is not None else None


def target_choices(user: User) -> list[tuple[str, list[tuple[str, str]]]]:
    """The options of the target selector, by group."""
    groups = []
    establishments = [(_target_of(e).key, str(e)) for e in planning_establishments(user)]
    if establishments:
        groups.append((_("Établissements"), establishments))
    # The teams' keys and names only: no department (nor its employer and parent) to build.
    teams = [
        (target_key(TEAM, pk), name)
        for pk, name in planning_departments(user).values_list("pk", "name")
    ]
    if teams:
        groups.append((_("Équipes"), teams))
    return groups


def department_tree(employer_id: int) -> dict[int, tuple[int | None, str]]:
    """{department id: (parent id, name)} of an employer."""
    rows = Department.objects.filter(employer_id=employer_id).values_list("id", "parent_id", "name")
    return {pk: (parent, name) for pk, parent, name in rows}


def planning_people(user: User, target: Target, start: dt.date, end: dt.date) -> list[Employee]:
    """The people in scope under contract during the period in the team or establishment:
    the team's own people first, then by department and name."""
    people = list(
        employees_to_check(
            user, start, end, establishment=target.establishment, department=target.department
        )
    )
    head = target.department.pk if target.department is not None else None

    def order(person: Employee) -> tuple[Any, ...]:
        team = person.department.name if person.department is not None else "\uffff"
        return (
            person.department_id != head,
            sortable(team),
            sortable(person.last_name),
            sortable(person.first_names),
            person.pk,
        )

    people.sort(key=order)
    return people


def sortable(text: str) -> str:
    """« Études » sorts with the E's."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def minimums_of(department_ids: set[int]) -> dict[int, dict[int, int]]:
    """{department id: {weekday: minimum}}."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    for department_id, weekday, minimum in StaffingMinimum.objects.filter(
        department_id__in=department_ids
    ).values_list("department_id", "weekday", "minimum"):
        found[department_id][weekday] = minimum
    return dict(found)


def staffed_departments(
    target: Target, people: list[Employee], tree: dict[int, tuple[int | None, str]]
) -> dict[int, list[int]]:
    """The departments whose minimum the grid can check, each with the people of the grid in it
    or below it: for a team, the team and its sub-teams; for an establishment, the
    departments of its people and those above them."""
    parents = {pk: parent for pk, (parent, _name) in tree.items()}
    if target.department is not None:
        relevant = subtree_ids({target.department.pk}, parents)
    else:
        relevant = set()
        for person in people:
            current = person.department_id
            while current is not None and current not in relevant:
                relevant.add(current)
                current = parents.get(current)
    members: dict[int, list[int]] = {pk: [] for pk in relevant}
    for person in people:
        current = person.department_id
        seen = set()
        while current is not None and current not in seen:
            seen.add(current)
            if current in members:
                members[current].append(person.pk)
            current = parents.get(current)
    return members


def staffing_departments(user: User) -> QuerySet[Department]:
    """The teams whose minimum staffing the user sets: HR its employers', a manager theirs."""
    return planning_departments(user)


def staffing_department_get(user: User, pk: Any) -> Department:
    return get_in_scope(staffing_departments(user), pk)


# --- Calendar subscriptions -----------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_of(employee: Employee) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(employee=employee).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    """The subscription a calendar application reads, found by its token (no session)."""
    if not token or len(token) > 128:
        return None
    return (
        CalendarFeed.objects.filter(token_hash=token_hash(token))
        .select_related("employee", "employee__employer")
        .first()
    )

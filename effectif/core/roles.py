"""The roles of Effectif users and what each may do.

Scope (which rows a user sees) is applied by each app's selectors; this module names the roles
and answers, once for every app, whether a user is HR, a manager of an employee, or the employee
themself.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeAlias

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from effectif.accounts.models import User
    from effectif.employees.models import Employee

    #: Whoever makes the request: a logged-in user, or nobody yet.
    Actor: TypeAlias = User | AnonymousUser


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrateur")
    HR_MANAGER = "hr_manager", _("Responsable RH/paie")
    HR_ASSISTANT = "hr_assistant", _("Gestionnaire RH")
    MANAGER = "manager", _("Manager")
    EMPLOYEE = "employee", _("Salarié")


#: Roles that administer personnel files of the employers they are granted.
HR_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER, Role.HR_ASSISTANT})
#: Roles that may read the audit trail.
AUDIT_READER_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER})
#: Roles that may edit employers and establishments (legal identity, rates).
EMPLOYER_EDITOR_ROLES = frozenset({Role.ADMIN, Role.HR_MANAGER})


# --- Who the acting user is to an employer or an employee ------------------------------------
#
# Every app's permission module composes these predicates; none tests `user.role` itself.
# Roles are global today (scope, which employers a user sees, is applied by the selectors):
# the `employer_id` parameters are where a per-employer role will be read, in this one place.

_managed_departments: Callable[[User], frozenset[int]] | None = None


def register_department_tree(provider: Callable[[User], frozenset[int]]) -> None:
    """The organisation app says which departments a user manages (an extension point: core
    sits below the app that holds departments)."""
    global _managed_departments
    _managed_departments = provider


def has_role(user: Actor, roles: Collection[str]) -> bool:
    """The user is logged in and holds one of `roles`."""
    return user.is_authenticated and user.role in roles


def is_admin(user: Actor) -> bool:
    return has_role(user, (Role.ADMIN,))


def is_hr(user: Actor, employer_id: int | None = None) -> bool:
    """HR (administrator, HR manager, HR assistant), for the employers the selectors grant."""
    return has_role(user, HR_ROLES)


def is_employer_editor(user: Actor, employer_id: int | None = None) -> bool:
    """May edit employers' legal identity, rates and agreement settings."""
    return has_role(user, EMPLOYER_EDITOR_ROLES)


def can_read_audit(user: Actor) -> bool:
    return has_role(user, AUDIT_READER_ROLES)


def is_manager(user: Actor) -> bool:
    """Holds the manager role (which teams is `manages`' question)."""
    return has_role(user, (Role.MANAGER,))


def is_self(user: Actor, employee: Employee) -> bool:
    """The employee is the user themself."""
    return user.is_authenticated and employee.user_id == user.pk


def managed_department_ids(user: Actor) -> frozenset[int]:
    """The departments the user manages, directly or below (none before the organisation app
    registers its tree)."""
    if not user.is_authenticated or _managed_departments is None:
        return frozenset()
    return _managed_departments(user)


def manages(user: Actor, employee: Employee) -> bool:
    """The user runs the employee's department (or one above it) and is not the employee."""
    return (
        not is_self(user, employee)
        and employee.department_id is not None
        and employee.department_id in managed_department_ids(user)
    )

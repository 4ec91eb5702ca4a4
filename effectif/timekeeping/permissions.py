"""Who may do what with working time, once the selectors have scoped the rows."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES, Role
from effectif.employees.models import Employee
from effectif.organisation.selectors import managed_department_ids


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_hr(user: Any) -> bool:
    return _authenticated(user) and user.role in HR_ROLES


def can_manage_schedules(user: Any) -> bool:
    """Schedules and their assignment: HR."""
    return is_hr(user)


def can_edit_settings(user: Any) -> bool:
    """The employer's working-time settings (agreement values): administrators and HR managers."""
    return _authenticated(user) and user.role in EMPLOYER_EDITOR_ROLES


def manages(user: Any, employee: Employee) -> bool:
    """The user manages the employee's department (or one above it)."""
    return (
        _authenticated(user)
        and user.role == Role.MANAGER
        and employee.department_id is not None
        and employee.department_id in managed_department_ids(user)
    )


def can_validate(user: Any, employee: Employee) -> bool:
    """A week's hours are validated by HR or the employee's manager, never by the employee."""
    if not _authenticated(user) or employee.user_id == user.pk:
        return False
    return is_hr(user) or manages(user, employee)


def can_declare(user: Any, employee: Employee) -> bool:
    return _authenticated(user) and employee.user_id == user.pk


def can_edit_planning(user: Any, employee: Employee) -> bool:
    """Shifts are changed by HR or the employee's manager."""
    return can_validate(user, employee)


def validates_weeks(user: Any) -> bool:
    """HR and managers validate the weeks of the people they look after."""
    return _authenticated(user) and (user.role in HR_ROLES or user.role == Role.MANAGER)


def can_run_checks(user: Any) -> bool:
    return _authenticated(user) and (user.role in HR_ROLES or user.role == Role.MANAGER)


def can_see_variable_elements(user: Any) -> bool:
    return is_hr(user)

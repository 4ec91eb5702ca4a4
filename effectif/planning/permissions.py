"""Who may do what with the planning, once the selectors have scoped the rows."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import HR_ROLES, Role, is_self
from effectif.employees.models import Employee
from effectif.organisation.models import Department
from effectif.organisation.selectors import managed_department_ids


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def sees_plannings(user: Any) -> bool:
    """Teams' and establishments' plannings: HR and managers (an employee sees their own)."""
    return _authenticated(user) and (user.role in HR_ROLES or user.role == Role.MANAGER)


class EditRights:
    """Who the user may plan, decided once for a whole grid: the rule of
    `timekeeping.permissions.can_edit_planning` (HR, or the employee's manager, never oneself)
    without a query per row."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.hr = _authenticated(user) and user.role in HR_ROLES
        manager = _authenticated(user) and user.role == Role.MANAGER
        self.managed = managed_department_ids(user) if manager else set()

    def can_edit(self, employee: Employee) -> bool:
        if not _authenticated(self.user) or employee.user_id == self.user.pk:
            return False
        return self.hr or (
            employee.department_id is not None and employee.department_id in self.managed
        )


def can_set_staffing(user: Any, department: Department) -> bool:
    """HR sets the minimum staffing of its employers' teams, a manager that of their teams
    (the department has been fetched through `staffing_departments`)."""
    return sees_plannings(user)


def can_subscribe(user: Any, employee: Employee) -> bool:
    """Each employee subscribes to their own calendar, and only to it."""
    return is_self(user, employee)

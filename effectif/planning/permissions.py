"""Who may do what with the planning, once the selectors have scoped the rows.

Composes the role predicates of `core.roles`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_hr, is_manager, is_self, managed_department_ids
from effectif.employees.models import Employee
from effectif.organisation.models import Department

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def sees_plannings(user: Actor) -> bool:
    """Teams' and establishments' plannings: HR and managers (an employee sees their own)."""
    return is_hr(user) or is_manager(user)


class EditRights:
    """Who the user may plan, decided once for a whole grid: the rule of
    `timekeeping.permissions.can_edit_planning` (HR, or the employee's manager, never oneself)
    without a query per row."""

    def __init__(self, user: Actor) -> None:
        self.user = user
        self.hr = is_hr(user)
        self.managed = managed_department_ids(user) if is_manager(user) else frozenset()

    def can_edit(self, employee: Employee) -> bool:
        if not self.user.is_authenticated or is_self(self.user, employee):
            return False
        return self.hr or (
            employee.department_id is not None and employee.department_id in self.managed
        )


def can_set_staffing(user: Actor, department: Department) -> bool:
    """HR sets the minimum staffing of its employers' teams, a manager that of their teams
    (the department has been fetched through `staffing_departments`)."""
    return sees_plannings(user)


def can_subscribe(user: Actor, employee: Employee) -> bool:
    """Each employee subscribes to their own calendar, and only to it."""
    return is_self(user, employee)

"""Who may do what with working time, once the selectors have scoped the rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core import roles
from effectif.core.roles import is_employer_editor, is_hr, is_manager, is_self
from effectif.employees.models import Employee

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_manage_schedules(user: Actor) -> bool:
    """Schedules and their assignment: HR."""
    return is_hr(user)


def can_edit_settings(user: Actor) -> bool:
    """The employer's working-time settings (agreement values): administrators and HR managers."""
    return is_employer_editor(user)


def manages(user: Actor, employee: Employee) -> bool:
    """The user holds the manager role and runs the employee's department (or one above it)."""
    return is_manager(user) and roles.manages(user, employee)


def can_validate(user: Actor, employee: Employee) -> bool:
    """A week's hours are validated by HR or the employee's manager, never by the employee."""
    return not is_self(user, employee) and (is_hr(user) or manages(user, employee))


def can_declare(user: Actor, employee: Employee) -> bool:
    return is_self(user, employee)


def can_edit_planning(user: Actor, employee: Employee) -> bool:
    """Shifts are changed by HR or the employee's manager."""
    return can_validate(user, employee)


def validates_weeks(user: Actor) -> bool:
    """HR and managers validate the weeks of the people they look after."""
    return is_hr(user) or is_manager(user)


def can_run_checks(user: Actor) -> bool:
    return is_hr(user) or is_manager(user)


def can_see_variable_elements(user: Actor) -> bool:
    return is_hr(user)

"""What a user may do with a personnel file once the selectors have scoped it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_hr, is_manager, is_self
from effectif.employees.models import Employee

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_list_employees(user: Actor) -> bool:
    """The list of employees: HR, and managers (for their teams); an employee sees their file."""
    return is_hr(user) or is_manager(user)


def can_edit_file(user: Actor, employee: Employee) -> bool:
    """HR edits the files of the employers it is granted (scope checked by the selector), until
    the file is closed after the departure."""
    return is_hr(user) and not employee.is_closed


def can_see_personal(user: Actor, employee: Employee) -> bool:
    """Civil status, address, birth: HR and the employee; not the manager."""
    return is_hr(user) or is_self(user, employee)


def can_see_sensitive(user: Actor, employee: Employee) -> bool:
    """NIR, IBAN, family and health data: HR and the employee themself, never the manager."""
    return is_hr(user) or is_self(user, employee)


def can_request_change(user: Actor, employee: Employee) -> bool:
    return is_self(user, employee) and not employee.is_closed

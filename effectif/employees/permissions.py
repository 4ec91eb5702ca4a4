"""What a user may do with a personnel file once the selectors have scoped it."""

from __future__ import annotations

from typing import Any

from effectif.core.roles import HR_ROLES
from effectif.employees.models import Employee


def is_self(user: Any, employee: Employee) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and employee.user_id == user.pk


def can_edit_file(user: Any, employee: Employee) -> bool:
    """HR edits the files of the employers it is granted (scope checked by the selector), until
    the file is closed after the departure."""
    return may_administer(user) and not employee.is_closed


def may_administer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_see_personal(user: Any, employee: Employee) -> bool:
    """Civil status, address, birth: HR and the employee; not the manager."""
    return may_administer(user) or is_self(user, employee)


def can_see_sensitive(user: Any, employee: Employee) -> bool:
    """NIR, IBAN, family and health data: HR and the employee themself, never the manager."""
    return may_administer(user) or is_self(user, employee)


def can_request_change(user: Any, employee: Employee) -> bool:
    return is_self(user, employee) and not employee.is_closed

"""Who may see and do what with medical visits, once the selectors have scoped them.

Health data: HR of the employers it is granted and the employee themself, never the manager
(C. trav. L4624-3; GDPR art. 9). Only HR organises visits and records their outcome.
"""

from __future__ import annotations

from typing import Any

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES
from effectif.employees.models import Employee
from effectif.employees.permissions import can_see_sensitive


def is_hr(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_see_health(user: Any, employee: Employee) -> bool:
    return can_see_sensitive(user, employee)


def can_manage(user: Any, employee: Employee) -> bool:
    """Plan visits, record outcomes: HR, until the file is closed after the departure."""
    return is_hr(user) and not employee.is_closed


def can_edit_settings(user: Any) -> bool:
    return is_hr(user) and user.role in EMPLOYER_EDITOR_ROLES

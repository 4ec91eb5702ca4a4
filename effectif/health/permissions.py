"""Who may see and do what with medical visits, once the selectors have scoped them.

Health data: HR of the employers it is granted and the employee themself, never the manager
(C. trav. L4624-3; GDPR art. 9). Only HR organises visits and records their outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_employer_editor, is_hr
from effectif.employees.models import Employee
from effectif.employees.permissions import can_see_sensitive

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_see_health(user: Actor, employee: Employee) -> bool:
    return can_see_sensitive(user, employee)


def can_manage(user: Actor, employee: Employee) -> bool:
    """Plan visits, record outcomes: HR, until the file is closed after the departure."""
    return is_hr(user) and not employee.is_closed


def can_edit_settings(user: Actor) -> bool:
    return is_employer_editor(user)

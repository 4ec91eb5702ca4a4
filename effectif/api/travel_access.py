"""Who writes trips and expense reports through the API, with the checks of the pages.

A trip or a report out of the user's scope is a 404 (the selectors). On one in scope, an action
is refused with a 403 when it is not the user's to take at all, and with a 422 on `status` when
the user takes it at another step of the workflow (no longer a draft, already approved…).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.api.assignment import unknown_reference
from effectif.api.errors import forbidden, refuse_unless
from effectif.core.roles import is_hr, is_self, manages
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for, own_employee
from effectif.travel.models import ExpenseReport, Trip
from effectif.travel.permissions import can_write_for

#: A trip or an expense report: each belongs to an employee and has a status.
Written = TypeVar("Written", Trip, ExpenseReport)


def requester(user: User, pk: int | None) -> Employee:
    """Whom a trip or an expense report is written for: the user's own file, or (HR) an
    employee in scope (`pk`) whose file is open (the pages' `can_write_for`)."""
    if pk is None:
        employee = own_employee(user)
        if employee is None:
            raise ValidationError({"employee": [_("Aucun dossier n'est rattaché à votre compte.")]})
    else:
        found = employees_for(user).select_related("employer", "department").filter(pk=pk).first()
        if found is None:
            raise ValidationError({"employee": [unknown_reference(pk)]})
        employee = found
    if employee.is_closed:
        raise ValidationError(
            {"employee": [_("Le dossier de %(name)s est clos.") % {"name": employee.display_name}]}
        )
    if not can_write_for(user, employee):
        raise forbidden()
    return employee


def decides_for(user: User, employee: Employee) -> bool:
    """The user approves for the employee at some step: their manager, or HR (never for
    themself)."""
    return manages(user, employee) or (is_hr(user) and not is_self(user, employee))


def checks_for(user: User, employee: Employee) -> bool:
    """The user checks the employee's expense reports after the manager: HR, never their own."""
    return is_hr(user) and not is_self(user, employee)


def at_step(
    user: User,
    written: Written,
    *,
    allowed: Callable[[User, Written], bool],
    role: Callable[[User, Employee], bool],
) -> Written:
    """`written` if the pages' check `allowed` lets the user act on it now; else 422 when the
    user's `role` takes the action at another step, 403 when it never does."""
    refuse_unless(
        allowed(user, written),
        role_allows=role(user, written.employee),
        status_label=written.get_status_display(),
    )
    return written

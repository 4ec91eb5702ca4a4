"""Who may do what with trips and expense reports, once the selectors have scoped them.

- The employee writes their own requests and reports while they are drafts.
- The manager approves the trips and reports of their team (never their own).
- HR approve trips after the manager, check reports, reimburse them and run the settings.
  HR also approve directly what has no manager to approve it (a person without a department
  manager, or a manager's own request).
"""

from __future__ import annotations

from typing import Any

from effectif.core.roles import EMPLOYER_EDITOR_ROLES, HR_ROLES, Role
from effectif.employees.models import Employee
from effectif.organisation.selectors import managed_department_ids
from effectif.travel.models import ExpenseReport, ExpenseStatus, Trip, TripStatus


def is_hr(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def is_approver(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        user.role == Role.MANAGER or user.role in HR_ROLES
    )


def can_edit_settings(user: Any) -> bool:
    return is_hr(user) and user.role in EMPLOYER_EDITOR_ROLES


def is_self(user: Any, employee: Employee) -> bool:
    return employee.user_id is not None and employee.user_id == getattr(user, "pk", None)


def can_write_for(user: Any, employee: Employee) -> bool:
    """Create a trip or a report for `employee`: themself, or HR on their behalf."""
    if employee.is_closed:
        return False
    return is_self(user, employee) or is_hr(user)


def manages(user: Any, employee: Employee) -> bool:
    """The user is the employee's manager (through the department tree), not the employee."""
    if not getattr(user, "is_authenticated", False) or is_self(user, employee):
        return False
    return employee.department_id is not None and employee.department_id in (
        managed_department_ids(user)
    )


def has_manager(employee: Employee) -> bool:
    """Someone other than the employee manages their department (so can approve for them)."""
    department = employee.department
    return (
        department is not None
        and department.manager_id is not None
        and department.manager_id != employee.user_id
    )


def can_edit_trip(user: Any, trip: Trip) -> bool:
    return trip.status == TripStatus.DRAFT and can_write_for(user, trip.employee)


def can_approve_trip_as_manager(user: Any, trip: Trip) -> bool:
    return trip.status == TripStatus.SUBMITTED and (
        manages(user, trip.employee)
        or (is_hr(user) and not is_self(user, trip.employee) and not has_manager(trip.employee))
    )


def can_approve_trip_as_hr(user: Any, trip: Trip) -> bool:
    return (
        trip.status == TripStatus.MANAGER_APPROVED
        and is_hr(user)
        and not is_self(user, trip.employee)
    )


def can_edit_report(user: Any, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.DRAFT and can_write_for(user, report.employee)


def can_approve_report_as_manager(user: Any, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.SUBMITTED and (
        manages(user, report.employee)
        or (is_hr(user) and not is_self(user, report.employee) and not has_manager(report.employee))
    )


def can_check_report(user: Any, report: ExpenseReport) -> bool:
    return (
        report.status == ExpenseStatus.MANAGER_APPROVED
        and is_hr(user)
        and not is_self(user, report.employee)
    )


def can_reimburse(user: Any, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.CHECKED and is_hr(user)

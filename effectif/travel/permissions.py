"""Who may do what with trips and expense reports, once the selectors have scoped them.

- The employee writes their own requests and reports while they are drafts.
- The manager approves the trips and reports of their team (never their own).
- HR approve trips after the manager, check reports, reimburse them and run the settings.
  HR also approve directly what has no manager to approve it (a person without a department
  manager, or a manager's own request).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.roles import is_employer_editor, is_hr, is_manager, is_self, manages
from effectif.employees.models import Employee
from effectif.travel.models import ExpenseReport, ExpenseStatus, Trip, TripStatus

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def is_approver(user: Actor) -> bool:
    return is_manager(user) or is_hr(user)


def can_edit_settings(user: Actor) -> bool:
    return is_employer_editor(user)


def can_write_for(user: Actor, employee: Employee) -> bool:
    """Create a trip or a report for `employee`: themself, or HR on their behalf."""
    if employee.is_closed:
        return False
    return is_self(user, employee) or is_hr(user)


def has_manager(employee: Employee) -> bool:
    """Someone other than the employee manages their department (so can approve for them)."""
    department = employee.department
    return (
        department is not None
        and department.manager_id is not None
        and department.manager_id != employee.user_id
    )


def can_edit_trip(user: Actor, trip: Trip) -> bool:
    return trip.status == TripStatus.DRAFT and can_write_for(user, trip.employee)


def can_approve_trip_as_manager(user: Actor, trip: Trip) -> bool:
    return trip.status == TripStatus.SUBMITTED and (
        manages(user, trip.employee)
        or (is_hr(user) and not is_self(user, trip.employee) and not has_manager(trip.employee))
    )


def can_approve_trip_as_hr(user: Actor, trip: Trip) -> bool:
    return (
        trip.status == TripStatus.MANAGER_APPROVED
        and is_hr(user)
        and not is_self(user, trip.employee)
    )


def can_edit_report(user: Actor, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.DRAFT and can_write_for(user, report.employee)


def can_approve_report_as_manager(user: Actor, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.SUBMITTED and (
        manages(user, report.employee)
        or (is_hr(user) and not is_self(user, report.employee) and not has_manager(report.employee))
    )


def can_check_report(user: Actor, report: ExpenseReport) -> bool:
    return (
        report.status == ExpenseStatus.MANAGER_APPROVED
        and is_hr(user)
        and not is_self(user, report.employee)
    )


def can_reimburse(user: Actor, report: ExpenseReport) -> bool:
    return report.status == ExpenseStatus.CHECKED and is_hr(user)

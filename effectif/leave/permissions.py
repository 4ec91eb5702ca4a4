"""What a user may do with leave once the selectors have scoped the employee or the request.

Composes the role predicates of `core.roles`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from effectif.core.roles import is_hr, is_manager, is_self
from effectif.employees.models import Employee
from effectif.leave.models import LeaveRequest, Status

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def can_list_requests(user: Actor) -> bool:
    """The requests of others: HR, and managers (those of their teams)."""
    return is_hr(user) or is_manager(user)


def can_request_for(user: Actor, employee: Employee) -> bool:
    """An employee asks for their own leave; HR records leave on anyone's behalf."""
    return is_self(user, employee) or is_hr(user)


def can_decide(user: Actor, request: LeaveRequest) -> bool:
    """HR, or the manager of the employee's team, decides; never on one's own request."""
    if request.status != Status.SUBMITTED or is_self(user, request.employee):
        return False
    return can_list_requests(user)


def can_cancel(user: Actor, request: LeaveRequest, today: dt.date) -> bool:
    """HR cancels any request still holding its days; the employee, their own until it
    starts."""
    if not request.is_holding:
        return False
    if is_hr(user):
        return True
    return is_self(user, request.employee) and request.start_date > today


def can_manage(user: Actor) -> bool:
    """Types, adjustments, absences, closing and leave pay are HR's."""
    return is_hr(user)

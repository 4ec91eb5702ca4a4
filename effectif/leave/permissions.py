"""What a user may do with leave once the selectors have scoped the employee or the request."""

from __future__ import annotations

import datetime as dt
from typing import Any

from effectif.core.roles import HR_ROLES, Role, is_self
from effectif.employees.models import Employee
from effectif.leave.models import LeaveRequest, Status


def is_hr(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.role in HR_ROLES


def can_request_for(user: Any, employee: Employee) -> bool:
    """An employee asks for their own leave; HR records leave on anyone's behalf."""
    return is_self(user, employee) or is_hr(user)


def can_decide(user: Any, request: LeaveRequest) -> bool:
    """HR, or the manager of the employee's team, decides; never on one's own request."""
    if request.status != Status.SUBMITTED or is_self(user, request.employee):
        return False
    return is_hr(user) or getattr(user, "role", None) == Role.MANAGER


def can_cancel(user: Any, request: LeaveRequest, today: dt.date) -> bool:
    """HR cancels any request still holding its days; the employee, their own until it
    starts."""
    if not request.is_holding:
        return False
    if is_hr(user):
        return True
    return is_self(user, request.employee) and request.start_date > today


def can_manage(user: Any) -> bool:
    """Types, adjustments, absences, closing and leave pay are HR's."""
    return is_hr(user)

"""What working time shows on the personnel file: the schedule in force and its history."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.core.roles import is_hr, is_self
from effectif.timekeeping import permissions as perms
from effectif.timekeeping.selectors import assignments_of

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest
    from effectif.employees.models import Employee


def _weekly_hours(schedule: Any) -> Decimal:
    total = Decimal(0)
    for day in schedule.days.all():
        total += day.hours
    weekly: Decimal = (total / schedule.cycle_weeks).quantize(Decimal("0.01"))
    return weekly


def _context(request: AuthenticatedRequest, employee: Employee) -> dict[str, Any]:
    today = timezone.localdate()
    assignments = list(assignments_of(employee).prefetch_related("schedule__days"))
    rows = [
        {
            "assignment": a,
            "current": a.start_date <= today and (a.end_date is None or a.end_date >= today),
            "future": a.start_date > today,
            "weekly_hours": _weekly_hours(a.schedule),
            "weekly_days": Decimal(len(a.schedule.days.all())) / a.schedule.cycle_weeks,
        }
        for a in assignments
    ]
    return {
        "employee": employee,
        "rows": rows,
        "current": next((row for row in rows if row["current"]), None),
        "can_assign": perms.can_manage_schedules(request.user),
        "is_self": is_self(request.user, employee),
    }


def _visible(user: User, employee: Employee) -> bool:
    return is_hr(user) or perms.manages(user, employee) or is_self(user, employee)


EMPLOYEE_SCHEDULE = Panel(
    key="schedule",
    title=_("Horaire de travail"),
    template="timekeeping/partials/employee_schedule.html",
    context=_context,
    order=20,
    visible=_visible,
)

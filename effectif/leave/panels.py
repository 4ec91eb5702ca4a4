"""The leave balances on the personnel file."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.core.roles import is_hr
from effectif.leave.models import HOLDING, LeaveRequest
from effectif.leave.permissions import can_request_for
from effectif.leave.selectors import statement
from effectif.leave.visibility import TypeReader


def _employee_leave(request: Any, employee: Any) -> dict[str, Any]:
    reader = TypeReader(request.user)
    return {
        "statement": reader.statement(statement(employee, timezone.localdate())),
        "leave_reader": reader,
        "employee": employee,
        "can_request": can_request_for(request.user, employee),
        "can_manage": is_hr(request.user),
        "upcoming": LeaveRequest.objects.filter(
            employee=employee,
            status__in=HOLDING,
            end_date__gte=timezone.localdate(),
        )
        .select_related("leave_type", "employee")
        .order_by("start_date")[:5],
    }


EMPLOYEE_LEAVE = Panel(
    key="leave",
    title=_("Congés"),
    template="leave/partials/employee_panel.html",
    context=_employee_leave,
    order=20,
)

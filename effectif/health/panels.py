"""The medical follow-up on the personnel file: HR and the employee only, never the manager.
The block shows counts; the visits themselves are loaded on demand, each display recorded in
the audit trail as a read of health data."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.health.permissions import can_manage, can_see_health
from effectif.health.selectors import employee_health, open_count


def _context(request: Any, employee: Any) -> dict[str, Any]:
    today = timezone.localdate()
    total, overdue = open_count(employee, today)
    shown = request.GET.get("sante") == "1"
    return {
        "employee": employee,
        "open_total": total,
        "overdue": overdue,
        "health": employee_health(request.user, employee) if shown else None,
        "can_manage": can_manage(request.user, employee),
        "today": today,
    }


EMPLOYEE_HEALTH = Panel(
    key="health",
    title=_("Suivi médical"),
    template="health/panels/employee.html",
    context=_context,
    order=40,
    visible=can_see_health,
)

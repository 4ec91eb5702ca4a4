"""The departure shown on the personnel file (HR only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.departures.models import Departure
from effectif.departures.permissions import is_hr


def _context(request: Any, employee: Any) -> dict[str, Any]:
    return {
        "employee": employee,
        "departures": Departure.objects.filter(employee=employee)
        .select_related("contract")
        .order_by("-created_at")[:5],
    }


EMPLOYEE_DEPARTURE = Panel(
    key="departure",
    title=_("Départ"),
    template="departures/panels/employee.html",
    context=_context,
    order=15,
    visible=lambda user, employee: is_hr(user),
)

"""The « Déplacements » section of the personnel file: the employee's latest trips, with their
status, and their own vehicles; for the employee, their manager and HR."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.core.roles import is_hr, is_self, manages
from effectif.travel.permissions import can_write_for
from effectif.travel.selectors.trips import employee_trips, employee_vehicles

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest
    from effectif.employees.models import Employee

SHOWN = 5


def _visible(user: User, employee: Employee) -> bool:
    return is_self(user, employee) or manages(user, employee) or is_hr(user)


def _context(request: AuthenticatedRequest, employee: Employee) -> dict[str, Any]:
    user = request.user
    trips = employee_trips(user, employee)
    return {
        "employee": employee,
        "trips": list(trips[:SHOWN]),
        "total": trips.count(),
        "vehicles": list(employee_vehicles(user, employee).filter(active=True)),
        "mine": is_self(user, employee),
        "is_hr": is_hr(user),
        "can_write": can_write_for(user, employee),
    }


EMPLOYEE_TRIPS = Panel(
    key="travel",
    title=_("Déplacements"),
    template="travel/trips/panels/employee.html",
    context=_context,
    order=60,
    visible=_visible,
)

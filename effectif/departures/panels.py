"""The departure shown on the personnel file (HR only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.panels import Panel
from effectif.core.roles import is_hr
from effectif.departures.models import Departure


def _context(request: Any, employee: Any) -> dict[str, Any]:
    return {
        "employee": employee,
        "departures": Departure.objects.filter(employee=employee)
        .select_related("contract")
        .order_by("-created_at")[:5],
        "current": employee.contracts.filter(end_reason="").order_by("-start_date").first(),
    }


EMPLOYEE_DEPARTURE = Panel(
    key="departure",
    title=_("Départ"),
    template="departures/panels/employee.html",
    context=_context,
    order=15,
    visible=lambda user, employee: is_hr(user),
)


def _contract_context(request: Any, contract: Any) -> dict[str, Any]:
    from effectif.departures.models import FixedTermRenewal, Status

    return {
        "contract": contract,
        "departure": Departure.objects.filter(contract=contract)
        .exclude(status=Status.CANCELLED)
        .first(),
        "renewable": contract.kind in ("cdd", "interim") and not contract.end_reason,
        "renewals": FixedTermRenewal.objects.filter(contract=contract).order_by("new_end_date"),
    }


CONTRACT_END = Panel(
    key="contract_end",
    title=_("Fin du contrat"),
    template="departures/panels/contract.html",
    context=_contract_context,
    order=20,
    visible=lambda user, contract: is_hr(user),
)

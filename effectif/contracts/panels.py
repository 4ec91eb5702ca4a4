"""What the contracts app shows on the employee's file and on the employer's page."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.contracts.headcount import employer_headcount
from effectif.contracts.selectors import employee_contracts
from effectif.core.panels import Panel
from effectif.core.typing import AuthenticatedRequest
from effectif.employees import permissions as employee_perms


def _employee_contracts(request: AuthenticatedRequest, employee: Any) -> dict[str, Any]:
    today = timezone.localdate()
    contracts = employee_contracts(employee)
    rows = []
    for contract in contracts:
        versions = sorted(contract.versions.all(), key=lambda v: v.effective_date)
        current = [v for v in versions if v.effective_date <= today] or versions
        rows.append(
            {
                "contract": contract,
                "terms": current[-1] if current else None,
                "amendments": len(versions) - 1,
            }
        )
    return {
        "rows": rows,
        "today": today,
        "employee": employee,
        "show_pay": employee_perms.can_see_personal(request.user, employee),
        "can_edit": employee_perms.can_edit_file(request.user, employee),
    }


def _employer_headcount(request: AuthenticatedRequest, employer: Any) -> dict[str, Any]:
    return {"headcount": employer_headcount(employer, timezone.localdate())}


EMPLOYEE_CONTRACTS = Panel(
    key="contracts",
    title=_("Contrats"),
    template="contracts/partials/employee_contracts.html",
    context=_employee_contracts,
    order=10,
)

EMPLOYER_HEADCOUNT = Panel(
    key="headcount",
    title=_("Effectif"),
    template="contracts/partials/employer_headcount.html",
    context=_employer_headcount,
    order=10,
)

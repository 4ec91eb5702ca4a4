"""What the documents app shows on the personnel file and on a contract's page (HR only)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.accounts.models import User
from effectif.core.panels import Panel
from effectif.core.typing import AuthenticatedRequest
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.permissions import can_use_library
from effectif.documents.selectors import generated_about, templates_for_generation
from effectif.employees.permissions import can_edit_file

#: The template kind of each contract kind (apprenticeship: the annex to the Cerfa form).
CONTRACT_TEMPLATE_KINDS = {
    "cdi": TemplateKind.CDI,
    "cdd": TemplateKind.CDD,
    "apprentissage": TemplateKind.APPRENTICESHIP,
}


def _hr_on_employee(user: User, employee: Any) -> bool:
    return can_use_library(user) and can_edit_file(user, employee)


def _employee_documents(request: AuthenticatedRequest, employee: Any) -> dict[str, Any]:
    return {
        "employee": employee,
        "generated": generated_about(request.user, "salarie", employee.pk)[:5],
    }


def suggested_template(user: User, contract: Any) -> DocumentTemplate | None:
    """The template for this contract's kind: the employer's own first, else the default."""
    kind = CONTRACT_TEMPLATE_KINDS.get(contract.kind)
    if kind is None:
        return None
    templates = templates_for_generation(
        user, contract.employee.employer, frozenset({kind})
    ).order_by("employer_id")
    own = [t for t in templates if t.employer_id is not None]
    return own[0] if own else templates.first()


def _contract_documents(request: AuthenticatedRequest, contract: Any) -> dict[str, Any]:
    return {
        "contract": contract,
        "suggested": suggested_template(request.user, contract),
        "generated": generated_about(request.user, "contrat", contract.pk),
    }


EMPLOYEE_DOCUMENTS = Panel(
    key="generated_documents",
    title=_("Documents générés"),
    template="documents/panels/employee.html",
    context=_employee_documents,
    order=60,
    visible=_hr_on_employee,
)

CONTRACT_DOCUMENTS = Panel(
    key="written_contract",
    title=_("Contrat écrit"),
    template="documents/panels/contract.html",
    context=_contract_documents,
    order=10,
    visible=lambda user, contract: _hr_on_employee(user, contract.employee),
)

"""Contracts and their amendments in a person's data: exported whole; five years after the
departure (the double of the payslips, C. trav. L3243-4) the only free text naming someone
else, the person replaced, is erased. The dates, jobs and salaries stay, tied to the
pseudonymised file, for the history of the headcount (L1111-2)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, blank, row
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.employees.models import Employee
from effectif.rules.parameters.retention import PAYSLIP_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit

CONTRACT_FIELDS = (*Contract.DESCRIBING_FIELDS, "temp_agency_name", "temp_agency_address", "tutor")
TERMS_FIELDS = ("effective_date", "reason", *ContractTerms.AMENDABLE_FIELDS)

CONTRACTS = DataKind(
    key="contracts",
    label=_("Contrats, avenants et éléments de rémunération"),
    processing="personnel",
    duration=PAYSLIP_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_(
        "personne remplacée effacée ; dates, emplois et salaires gardés sous pseudonyme pour "
        "l'historique de l'effectif"
    ),
    from_departure=True,
    note=_(
        "Les salaires des contrats et avenants sont des éléments de paie, dont le double des "
        "bulletins se garde cinq ans."
    ),
    order=20,
)


def export_contracts(employee: Employee) -> ExportSection:
    contracts = (
        Contract.objects.filter(employee=employee)
        .select_related("tutor")
        .prefetch_related("versions__establishment", "versions__position")
        .order_by("start_date")
    )
    return ExportSection(
        name="contrats",
        title=str(_("Contrats et avenants")),
        data=[
            {
                **row(contract, CONTRACT_FIELDS),
                "versions": [
                    row(terms, TERMS_FIELDS)
                    for terms in sorted(contract.versions.all(), key=lambda v: v.effective_date)
                ],
            }
            for contract in contracts
        ],
    )


def erase_contracts(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    count = 0
    for contract in Contract.objects.filter(employee=employee).exclude(replaced_person=""):
        changed = blank(contract, ("replaced_person",))
        contract.save(update_fields=[*changed, "updated_at"])
        count += 1
    return Outcome(pseudonymised=count)


CONTRACTS_PART = PersonPart(
    key="contracts",
    label=_("Contrats et avenants"),
    kind="contracts",
    export=export_contracts,
    erase=erase_contracts,
    order=20,
)


def register(registry: Any) -> None:
    registry.register_kind(CONTRACTS)
    registry.register_part(CONTRACTS_PART)

"""Hiring a candidate: the personnel file, the contract, the DPAE to file and the onboarding
checklist, in one transaction, from what the candidate already gave."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.services import contract_create
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.employees.models import Employee
from effectif.employees.services import employee_save
from effectif.hiring.models import Candidate, CandidateStatus, Dpae, Onboarding, OnboardingTemplate
from effectif.hiring.services.dpae import dpae_create
from effectif.hiring.services.onboarding import onboarding_start
from effectif.organisation.models import Employer

if TYPE_CHECKING:
    from effectif.accounts.models import User


@dataclass(frozen=True)
class Hire:
    employee: Employee
    contract: Contract
    dpae: Dpae
    onboarding: Onboarding


def suggest_matricule(employer: Employer) -> str:
    """The next matricule in the employer's series (« M00042 » after « M00041 »)."""
    best: tuple[int, str, int] | None = None
    for matricule in Employee.objects.filter(employer=employer).values_list("matricule", flat=True):
        found = re.fullmatch(r"(.*?)(\d+)", matricule)
        if found is None:
            continue
        number = int(found.group(2))
        if best is None or number > best[0]:
            best = (number, found.group(1), len(found.group(2)))
    if best is None:
        return "0001"
    number, prefix, width = best
    return f"{prefix}{number + 1:0{width}d}"


def _collect(errors: dict[str, list[str]], check: Callable[..., None], **kwargs: Any) -> None:
    try:
        check(**kwargs)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)


@transaction.atomic
def candidate_hire(
    *,
    candidate: Candidate,
    employee: Employee,
    contract: Contract,
    terms: ContractTerms,
    hire_time: dt.time,
    by: User,
    nir_absence_reason: str = "",
    onboarding_template: OnboardingTemplate | None = None,
) -> Hire:
    """Create the file and the contract of a candidate (every error reported at once; nothing
    written unless all is valid), then the DPAE to file and the onboarding checklist."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.status in (CandidateStatus.HIRED, CandidateStatus.REJECTED):
        raise ValidationError(
            _("Une candidature « %(status)s » ne donne pas lieu à une embauche.")
            % {"status": locked.get_status_display()}
        )
    employee.employer = locked.employer
    errors: dict[str, list[str]] = {}
    _collect(errors, employee.full_clean)
    _collect(errors, contract.full_clean, exclude=["employee", "number"])
    _collect(errors, terms.full_clean, exclude=["contract", "effective_date"])
    if not employee.nir and not employee.temporary_number and not nir_absence_reason.strip():
        errors.setdefault("nir_absence_reason", []).append(
            _("Sans NIR, indiquez pourquoi : il figure sur la DPAE s'il existe (R1221-1).")
        )
    if errors:
        raise ValidationError(errors)
    detail = _("Embauche — %(who)s") % {"who": locked.pseudonym}
    employee = employee_save(employee=employee, by=by, detail=detail)
    contract.employee = employee
    contract = contract_create(contract=contract, terms=terms, by=by)
    dpae = dpae_create(
        contract=contract, hire_time=hire_time, by=by, nir_absence_reason=nir_absence_reason
    )
    onboarding = onboarding_start(
        employee=employee,
        start_date=contract.start_date,
        by=by,
        template=onboarding_template,
        contract=contract,
    )
    before = locked.get_status_display()
    locked.status = CandidateStatus.HIRED
    locked.employee = employee
    locked.contract = contract
    locked.save(update_fields=["status", "employee", "contract", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={
            "status": [str(before), str(CandidateStatus.HIRED.label)],
            "employee": ["", str(employee)],
        },
        detail=detail,
    )
    return Hire(employee=employee, contract=contract, dpae=dpae, onboarding=onboarding)

"""The pre-hire declaration: created with the hire (or for any contract), checked, filed on the
URSSAF site by HR, then recorded as done with its receipt number."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import Contract
from effectif.contracts.selectors import terms_as_of
from effectif.core.audit import audit, audit_creation
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.documents.subjects import head_office
from effectif.hiring.models import Dpae, DpaeStatus
from effectif.organisation.models import Establishment
from effectif.rules.hiring.dpae import DpaeFacts, Problem, data_problems, timing_problem

if TYPE_CHECKING:
    from effectif.accounts.models import User

DPAE_FIELDS = ["hire_at", "nir_absence_reason"]


def hire_datetime(day: dt.date, hour: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, hour))


def establishment_of(contract: Contract) -> Establishment | None:
    terms = terms_as_of(contract, contract.start_date)
    if terms is not None:
        return Establishment.objects.select_related("health_service").get(pk=terms.establishment_id)
    return head_office(contract.employee.employer)


def dpae_facts(dpae: Dpae) -> DpaeFacts:
    contract = dpae.contract
    employee = contract.employee
    employer = employee.employer
    place = establishment_of(contract)
    address = ""
    if place is not None:
        address = f"{place.address}, {place.postal_code} {place.city}"
    return DpaeFacts(
        employer_name=employer.name,
        naf_code=employer.naf_code,
        employer_address=address,
        siret=place.siret if place is not None else "",
        health_service=place.health_service.name if place and place.health_service else "",
        last_name=employee.last_name,
        first_names=employee.first_names,
        sex=employee.sex,
        birth_date=employee.birth_date,
        birth_place=", ".join(p for p in (employee.birth_place, employee.birth_country) if p),
        birth_country=employee.birth_country,
        nir=employee.nir,
        nir_absence_reason=dpae.nir_absence_reason,
        hire_at=timezone.localtime(dpae.hire_at) if dpae.hire_at else None,
        contract_start=contract.start_date,
        contract_kind=contract.kind,
        contract_end=contract.end_date,
        trial_end=contract.effective_trial_end_date  # type: ignore[arg-type]
        if contract.trial_end_date
        else None,
    )


def timing_of(dpae: Dpae) -> Problem | None:
    if dpae.declared_at is None:
        return None
    return timing_problem(timezone.localtime(dpae.hire_at), timezone.localtime(dpae.declared_at))


@transaction.atomic
def dpae_create(
    *, contract: Contract, hire_time: dt.time, by: User, nir_absence_reason: str = ""
) -> Dpae:
    if Dpae.objects.filter(contract=contract).exists():
        raise ValidationError(_("Ce contrat a déjà sa déclaration préalable à l'embauche."))
    dpae = Dpae(
        contract=contract,
        hire_at=hire_datetime(contract.start_date, hire_time),
        nir_absence_reason=nir_absence_reason,
        created_by=by,
    )
    dpae.full_clean()
    dpae.save()
    audit_creation(actor=by, target=dpae, fields=DPAE_FIELDS)
    return dpae


@transaction.atomic
def dpae_save(*, dpae: Dpae, by: User) -> Dpae:
    """Correct the hour of hire or the reason for a missing NIR, while it is to do."""
    if Dpae.objects.select_for_update().get(pk=dpae.pk).status == DpaeStatus.DONE:
        raise ValidationError(_("Une déclaration effectuée ne se modifie plus."))
    return save_audited(instance=dpae, by=by, fields=DPAE_FIELDS)


def _snapshot(facts: DpaeFacts) -> dict[str, Any]:
    data = asdict(facts)
    for key, value in data.items():
        if isinstance(value, dt.datetime | dt.date):
            data[key] = value.isoformat()
    data["nir"] = "•" * max(0, len(facts.nir) - 3) + facts.nir[-3:] if facts.nir else ""
    return data


@transaction.atomic
def dpae_mark_done(
    *, dpae: Dpae, declared_at: dt.datetime, receipt_number: str, by: User
) -> tuple[Dpae, Problem | None]:
    """Record the filing: its time and the URSSAF receipt number. The data must be complete;
    a filing after the hire (or too early) is recorded as it happened, and flagged."""
    locked = Dpae.objects.select_for_update().select_related("contract__employee").get(pk=dpae.pk)
    if locked.status == DpaeStatus.DONE:
        raise ValidationError(_("Cette déclaration est déjà enregistrée comme effectuée."))
    if not receipt_number.strip():
        raise ValidationError(
            {"receipt_number": [_("Saisissez le numéro de l'accusé de réception de l'URSSAF.")]}
        )
    if declared_at > timezone.now():
        raise ValidationError(
            {"declared_at": [_("La déclaration ne peut pas être dans le futur.")]}
        )
    facts = dpae_facts(locked)
    missing = data_problems(facts)
    if missing:
        raise ValidationError([str(p) for p in missing])
    locked.declared_at = declared_at
    timing = timing_of(locked)
    locked.status = DpaeStatus.DONE
    locked.receipt_number = receipt_number.strip()
    locked.declared_by = by
    locked.late = timing is not None
    locked.declared_data = _snapshot(facts)
    locked.save()
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={
            "status": [str(DpaeStatus.TODO.label), str(DpaeStatus.DONE.label)],
            "declared_at": ["", timezone.localtime(declared_at).strftime("%d/%m/%Y %H:%M")],
            "receipt_number": ["", locked.receipt_number],
        },
        detail=str(timing) if timing is not None else "",
    )
    return locked, timing

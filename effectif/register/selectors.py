"""The registre unique du personnel of an establishment (C. trav. L1221-13, D1221-23 to
D1221-27): everyone who worked there, in order of hiring, with the legal mentions; entries kept
5 years after the departure (R1221-26). HR of the granted employers only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from effectif.contracts.models import Contract, ContractTerms, Kind
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.organisation.models import Establishment
from effectif.organisation.selectors import hr_employers_for
from effectif.rules.contracts.kinds import WorkingTime
from effectif.rules.contracts.trial_period import add_months
from effectif.rules.parameters.departures import REGISTER_RETENTION_YEARS

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def may_read_register(user: Actor) -> bool:
    return is_hr(user)


def register_establishments(user: Actor) -> QuerySet[Establishment]:
    if not may_read_register(user):
        return Establishment.objects.none()
    return Establishment.objects.filter(employer__in=hr_employers_for(user)).select_related(
        "employer"
    )


def register_establishment_get(user: Actor, pk: Any) -> Establishment:
    return get_in_scope(register_establishments(user), pk)


@dataclass(frozen=True)
class Entry:
    number: int
    contract_id: int
    employee_id: int
    last_name: str
    usage_name: str
    first_names: str
    nationality: str
    birth_date: dt.date
    sex: str
    job: str
    qualification: str
    hire_date: dt.date
    departure_date: dt.date | None
    contract_type: str
    agency: str
    work_permit: str
    intern: str  # tutor and place, for an intern


def retention_limit(today: dt.date) -> dt.date:
    """Entries of people who left before this date are no longer kept."""
    return add_months(today, -12 * REGISTER_RETENTION_YEARS.at(today))


def expired_contracts(today: dt.date) -> QuerySet[Contract]:
    """Contracts ended before the retention limit whose entry is still in the register."""
    return Contract.objects.filter(end_date__lt=retention_limit(today), register_purge__isnull=True)


def _contract_type(contract: Contract, terms: ContractTerms) -> str:
    label = str(contract.get_kind_display())
    if terms.working_time == WorkingTime.PART_TIME:
        label += " — temps partiel"
    return label


def _qualification(terms: ContractTerms) -> str:
    parts = [str(terms.get_category_display()), terms.classification]
    if terms.coefficient:
        parts.append(f"coef. {terms.coefficient}")
    return ", ".join(p for p in parts if p)


def register_entries(establishment: Establishment, today: dt.date | None = None) -> list[Entry]:
    """Everyone hired in the establishment, in order of hiring (then of name)."""
    today = today or timezone.localdate()
    limit = retention_limit(today)
    contracts = (
        Contract.objects.filter(versions__establishment=establishment)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=limit))
        .filter(register_purge__isnull=True)
        .distinct()
        .select_related("employee", "tutor")
        .prefetch_related("versions")
        .order_by("start_date", "employee__last_name", "employee__first_names", "id")
    )
    entries = []
    for number, contract in enumerate(contracts, start=1):
        versions = sorted(
            (v for v in contract.versions.all() if v.establishment_id == establishment.pk),
            key=lambda v: v.effective_date,
        )
        terms = versions[-1]
        person = contract.employee
        permit = ""
        if person.work_permit_type:
            permit = f"{person.get_work_permit_type_display()} n° {person.work_permit_number}"
        agency = ""
        if contract.kind == Kind.INTERIM:
            agency = (
                ", ".join(p for p in (contract.temp_agency_name, contract.temp_agency_address) if p)
                or "non renseignée"
            )
        intern = ""
        if contract.kind == Kind.INTERNSHIP:
            tutor = contract.tutor.display_name if contract.tutor else "tuteur non renseigné"
            intern = f"Tuteur : {tutor} ; lieu : {establishment.name}, {establishment.city}"
        entries.append(
            Entry(
                number=number,
                contract_id=contract.pk,
                employee_id=person.pk,
                last_name=person.last_name.upper(),
                usage_name=person.usage_name,
                first_names=person.first_names,
                nationality=person.nationality,
                birth_date=person.birth_date,
                sex=str(person.get_sex_display()),
                job=terms.job_title,
                qualification=_qualification(terms),
                hire_date=contract.start_date,
                departure_date=contract.end_date,
                contract_type=_contract_type(contract, terms),
                agency=agency,
                work_permit=permit,
                intern=intern,
            )
        )
    return entries

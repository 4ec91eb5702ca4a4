"""The subjects this app generates documents for: an employee (with their current or last
contract) and one contract. Each builds plain values from the database; no model instance
reaches a template."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from effectif.contracts.models import REPLACEMENT_REASONS, Contract, ContractTerms
from effectif.contracts.selectors import contract_get, current_contract, terms_as_of
from effectif.core.templatetags.formats import decimal_fr, euros
from effectif.documents.fields import ESTABLISHMENT
from effectif.documents.merging import Subject
from effectif.documents.models import CONTRACT_KINDS, Letterhead, TemplateKind
from effectif.employees.models import Employee
from effectif.employees.selectors import employee_get
from effectif.organisation.models import Employer, Establishment
from effectif.rules.contracts.kinds import FIXED_TERM_KINDS, ContractKind, WorkingTime
from effectif.rules.contracts.trial_period import end_after_months
from effectif.rules.parameters.contracts import LEGAL_MONTHLY_HOURS

WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)


def short_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def long_date(value: dt.date) -> str:
    return dateformat.format(value, "j F Y")


def _hours(value: Decimal) -> str:
    text = decimal_fr(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    return text.removesuffix(",00")


def _spaced(number: str, groups: tuple[int, ...]) -> str:
    parts, start = [], 0
    for size in groups:
        parts.append(number[start : start + size])
        start += size
    return " ".join(p for p in parts if p)


def _address(street: str, postal_code: str, city: str) -> str:
    place = f"{postal_code} {city}".strip()
    return ", ".join(part for part in (street, place) if part)


def head_office(employer: Employer) -> Establishment | None:
    establishments = employer.establishments.select_related("health_service")
    return establishments.filter(is_head_office=True).first() or establishments.first()


def letterhead_of(employer: Employer) -> Letterhead:
    """The employer's letterhead, or an unsaved empty one."""
    return Letterhead.objects.filter(employer=employer).first() or Letterhead(employer=employer)


def employer_values(employer: Employer) -> dict[str, Any]:
    letterhead = letterhead_of(employer)
    office = head_office(employer)
    siret = letterhead.siret or (office.siret if office else "")
    address = letterhead.address.replace("\n", ", ") if letterhead.address else ""
    if not address and office is not None:
        address = _address(office.address, office.postal_code, office.city)
    agreement = employer.collective_agreement
    if agreement and employer.idcc:
        agreement = f"{agreement} (IDCC {employer.idcc})"
    elif employer.idcc:
        agreement = f"IDCC {employer.idcc}"
    return {
        "raison_sociale": employer.name,
        "forme_juridique": employer.get_legal_form_display(),
        "siren": _spaced(employer.siren, (3, 3, 3)),
        "siret": _spaced(siret, (3, 3, 3, 5)),
        "adresse": address,
        "code_naf": employer.naf_code,
        "convention_collective": agreement,
        "idcc": employer.idcc,
        "caisse_retraite": letterhead.pension_body,
        "organisme_prevoyance": letterhead.provident_body,
        "organisme_sante": letterhead.health_cover_body,
        "signataire": letterhead.signatory_name,
        "signataire_qualite": letterhead.signatory_title,
        "telephone": letterhead.phone,
        "email": letterhead.email,
    }


def establishment_values(establishment: Establishment | None) -> dict[str, Any]:
    if establishment is None:
        return dict.fromkeys(ESTABLISHMENT.sample(), "")
    health = establishment.health_service
    return {
        "nom": establishment.name,
        "adresse": establishment.address,
        "code_postal": establishment.postal_code,
        "commune": establishment.city,
        "adresse_complete": _address(
            establishment.address, establishment.postal_code, establishment.city
        ),
        "siret": _spaced(establishment.siret, (3, 3, 3, 5)),
        "service_sante_travail": health.name if health else "",
        "service_sante_travail_adresse": health.address if health else "",
    }


def _jobs(employee: Employee) -> list[dict[str, str]]:
    """Jobs held, in order, with their periods (certificat de travail, C. trav. D1234-6)."""
    rows: list[dict[str, str]] = []
    for contract in employee.contracts.prefetch_related("versions").order_by("start_date"):
        spans: list[ContractTerms] = []
        for version in sorted(contract.versions.all(), key=lambda v: v.effective_date):
            if not spans or spans[-1].job_title != version.job_title:
                spans.append(version)
        for index, version in enumerate(spans):
            following = spans[index + 1] if index + 1 < len(spans) else None
            end = (
                following.effective_date - dt.timedelta(days=1)
                if following is not None
                else contract.end_date
            )
            rows.append(
                {
                    "emploi": version.job_title,
                    "categorie": str(version.get_category_display()),
                    "du": short_date(version.effective_date),
                    "au": short_date(end),
                }
            )
    return rows


def employee_values(employee: Employee) -> dict[str, Any]:
    contracts = list(employee.contracts.order_by("start_date"))
    last = contracts[-1] if contracts else None
    family = (employee.usage_name or employee.last_name).upper()
    title = _("Madame") if employee.sex == "F" else _("Monsieur")
    return {
        "civilite": title,
        "nom": family,
        "nom_naissance": employee.last_name.upper(),
        "prenoms": employee.first_names,
        "nom_complet": f"{title} {employee.first_names} {family}",
        "matricule": employee.matricule,
        "date_naissance": short_date(employee.birth_date),
        "lieu_naissance": employee.birth_place,
        "nationalite": employee.nationality,
        "adresse": employee.address,
        "code_postal": employee.postal_code,
        "commune": employee.city,
        "adresse_complete": _address(employee.address, employee.postal_code, employee.city),
        "email_personnel": employee.personal_email,
        "date_entree": short_date(contracts[0].start_date) if contracts else "",
        "date_sortie": short_date(last.end_date) if last else "",
        "emplois": _jobs(employee),
    }


def trial_length(start: dt.date, end: dt.date) -> str:
    for months in range(1, 13):
        if end_after_months(start, months) == end:
            return _("%(n)s mois") % {"n": months}
    days = (end - start).days + 1
    if days % 7 == 0:
        weeks = days // 7
        return _("1 semaine") if weeks == 1 else _("%(n)s semaines") % {"n": weeks}
    return _("1 jour") if days == 1 else _("%(n)s jours") % {"n": days}


def contract_values(contract: Contract | None, terms: ContractTerms | None) -> dict[str, Any]:
    if contract is None:
        return {}
    kind = ContractKind(contract.kind) if contract.kind in ContractKind._value2member_map_ else None
    values: dict[str, Any] = {
        "numero": contract.number,
        "nature": contract.get_kind_display(),
        "est_cdd": kind in FIXED_TERM_KINDS,
        "date_debut": short_date(contract.start_date),
        "date_fin": short_date(contract.end_date),
        "terme_imprecis": contract.imprecise_term,
        "motif": contract.get_fixed_term_reason_display() if contract.fixed_term_reason else "",
        "est_remplacement": contract.fixed_term_reason in REPLACEMENT_REASONS,
        "personne_remplacee": contract.replaced_person,
        "periode_essai": "",
        "fin_periode_essai": "",
    }
    trial_end = contract.effective_trial_end_date
    if isinstance(trial_end, dt.date) and contract.trial_end_date:
        values["periode_essai"] = trial_length(contract.start_date, contract.trial_end_date)
        values["fin_periode_essai"] = short_date(trial_end)
    if terms is not None:
        values.update(_terms_values(contract, terms))
    return values


def _terms_values(contract: Contract, terms: ContractTerms) -> dict[str, Any]:
    working_time = terms.working_time
    monthly = terms.monthly_hours
    if monthly is None and working_time == WorkingTime.FULL_TIME:
        monthly = LEGAL_MONTHLY_HOURS.at(terms.effective_date)
    weekly = monthly * MONTHS_PER_YEAR / WEEKS_PER_YEAR if monthly is not None else None
    place = terms.establishment
    return {
        "emploi": terms.job_title,
        "categorie": terms.get_category_display(),
        "classification": terms.classification,
        "coefficient": terms.coefficient,
        "temps_travail": terms.get_working_time_display(),
        "est_temps_partiel": working_time == WorkingTime.PART_TIME,
        "est_forfait_jours": working_time == WorkingTime.DAYS_PACKAGE,
        "heures_mensuelles": _hours(monthly) if monthly is not None else "",
        "heures_hebdomadaires": _hours(weekly) if weekly is not None else "",
        "jours_forfait": str(terms.days_per_year or ""),
        "salaire_mensuel_brut": euros(terms.monthly_gross_amount),
        "taux_horaire_brut": euros(terms.hourly_rate_amount)
        if terms.hourly_rate_amount is not None
        else "",
        "lieu_travail": f"{place.name}, " + _address(place.address, place.postal_code, place.city),
    }


def document_values(employer: Employer, establishment: Establishment | None) -> dict[str, Any]:
    today = timezone.localdate()
    city = letterhead_of(employer).signature_city or (establishment.city if establishment else "")
    return {"date": long_date(today), "date_courte": short_date(today), "lieu": city}


def _values(employee: Employee, contract: Contract | None) -> dict[str, dict[str, Any]]:
    terms = None
    if contract is not None:
        on = timezone.localdate()
        on = max(contract.start_date, min(on, contract.end_date or on))
        terms = terms_as_of(contract, on)
    establishment = terms.establishment if terms is not None else None
    if establishment is not None:
        establishment = Establishment.objects.select_related("health_service").get(
            pk=establishment.pk
        )
    return {
        "salarie": employee_values(employee),
        "employeur": employer_values(employee.employer),
        "etablissement": establishment_values(establishment),
        "contrat": contract_values(contract, terms),
        "document": document_values(employee.employer, establishment),
        "saisie": {},
    }


def employee_subject_values(employee: Employee) -> dict[str, dict[str, Any]]:
    """An employee with the contract running today, else their latest one."""
    contract = current_contract(employee, timezone.localdate()) or (
        employee.contracts.order_by("-start_date").first()
    )
    return _values(employee, contract)


GROUP_KEYS = ("salarie", "employeur", "etablissement", "contrat", "document", "saisie")
CANDIDATE_KINDS = frozenset({TemplateKind.APPLICATION_REJECTED, TemplateKind.RECRUITMENT_INTERVIEW})
EMPLOYEE_KINDS = frozenset(TemplateKind.values) - CANDIDATE_KINDS


def subjects() -> list[Subject]:
    return [
        Subject(
            key="salarie",
            label=_("Salarié"),
            groups=GROUP_KEYS,
            get=employee_get,
            values=employee_subject_values,
            employer=lambda employee: employee.employer,
            employee=lambda employee: employee,
            describe=lambda employee: employee.display_name,
            url=lambda employee: reverse("employees:detail", args=[employee.pk]),
            kinds=EMPLOYEE_KINDS,
        ),
        Subject(
            key="contrat",
            label=_("Contrat"),
            groups=GROUP_KEYS,
            get=contract_get,
            values=lambda contract: _values(contract.employee, contract),
            employer=lambda contract: contract.employee.employer,
            employee=lambda contract: contract.employee,
            describe=str,
            url=lambda contract: reverse("contracts:detail", args=[contract.pk]),
            kinds=frozenset(CONTRACT_KINDS),
        ),
    ]

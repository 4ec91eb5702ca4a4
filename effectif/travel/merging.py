"""The « deplacement » subject of the documents app: the mission order (ordre de mission),
generated from the editable template « Ordre de mission » when HR approve a trip, and filed in
the requester's personnel file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.contracts.selectors import current_contract, terms_as_of
from effectif.documents.merging import MergeField, MergeGroup, Subject
from effectif.documents.models import TemplateKind
from effectif.documents.subjects import (
    document_values,
    employee_values,
    employer_values,
    head_office,
    letterhead_of,
    long_date,
    short_date,
)
from effectif.organisation.models import Establishment
from effectif.travel.models import Trip
from effectif.travel.selectors.scope import trip_get

if TYPE_CHECKING:
    from effectif.accounts.models import User

F = MergeField

GROUP = MergeGroup(
    "mission",
    _("Ordre de mission"),
    (
        F("reference", _("référence"), "OM-2026-0007"),
        F("objet", _("objet de la mission"), "Salon Pollutec : stand et rendez-vous clients"),
        F("lieu_depart", _("lieu de départ"), "Lyon"),
        F("date_depart", _("date de départ, en toutes lettres"), "12 mars 2026"),
        F("date_retour", _("date de retour, en toutes lettres"), "13 mars 2026"),
        F("destinations", _("destinations, sur une ligne"), "Paris (75015)"),
        F(
            "destinations_liste",
            _("destinations (lieu, code_postal, arrivee, depart)"),
            [
                {
                    "lieu": "Paris",
                    "code_postal": "75015",
                    "arrivee": "12/03/2026",
                    "depart": "13/03/2026",
                }
            ],
            "list",
        ),
        F("voyageurs", _("voyageurs, sur une ligne"), "Sophie LAMBERT"),
        F(
            "voyageurs_liste",
            _("voyageurs (nom, fonction)"),
            [{"nom": "Sophie LAMBERT", "fonction": "Chargée d'affaires"}],
            "list",
        ),
        F("transport", _("moyen de transport retenu"), "Train (billet aller-retour 112,00 €)"),
        F("distance", _("distance aller"), "465 km"),
        F("nuits", _("nuits d'hôtel"), "1"),
        F("repas", _("repas"), "3"),
        F("cout_estime", _("coût estimé"), "389,60 €"),
        F("avance", _("avance demandée"), "150,00 €"),
        F("service", _("service imputé"), "Commercial"),
        F("valide_manager_par", _("visa du responsable"), "Marc AUBERT"),
        F("valide_manager_le", _("date du visa du responsable"), "02/03/2026"),
        F("approuve_par", _("approbation des RH"), "Rachid HAMIDI"),
        F("approuve_le", _("date de l'approbation des RH"), "03/03/2026"),
        F(
            "signataire",
            _("signataire pour l'employeur (celui du papier à en-tête, sinon l'approbateur RH)"),
            "Rachid HAMIDI",
        ),
        F("signataire_qualite", _("qualité du signataire"), "Ressources humaines"),
    ),
)


def euros(amount: Any) -> str:
    text = f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text} €"


def _user_name(user: User | None) -> str:
    if user is None:
        return ""
    full = f"{user.first_name} {user.last_name.upper()}".strip()
    return full or user.get_username()


def _day(moment: Any) -> str:
    return short_date(timezone.localtime(moment).date()) if moment else ""


def _job(employee: Any) -> str:
    jobs = employee_values(employee).get("emplois") or []
    return str(jobs[-1].get("emploi", "")) if jobs else ""


def transport_text(trip: Trip) -> str:
    option = trip.chosen_option
    if option is None:
        return ""
    detail = option.vehicle and f"{option.vehicle.label}, {option.vehicle.fiscal_power} CV"
    if option.fare_amount is not None:
        detail = _("billets aller-retour %(fare)s") % {"fare": euros(option.fare_amount)}
    text = option.get_mode_display()
    return f"{text} ({detail})" if detail else str(text)


def _establishment(trip: Trip) -> Establishment | None:
    """Where the requester works at the trip's start (their contract), else the head office:
    its town is where the order is made (« Fait à »), unless the letterhead says otherwise."""
    employee = trip.employee
    contract = current_contract(employee, trip.start_date) or (
        employee.contracts.order_by("-start_date").first()
    )
    if contract is not None:
        on = max(contract.start_date, min(trip.start_date, contract.end_date or trip.start_date))
        terms = terms_as_of(contract, on)
        if terms is not None and terms.establishment is not None:
            return terms.establishment
    return head_office(trip.employer)


def _signatory(trip: Trip) -> tuple[str, str]:
    """Who signs for the employer: the letterhead's signatory, else HR who approved."""
    letterhead = letterhead_of(trip.employer)
    if letterhead.signatory_name:
        return letterhead.signatory_name, letterhead.signatory_title
    if trip.hr_decided_by is None:
        return "", ""
    return _user_name(trip.hr_decided_by), str(_("Ressources humaines"))


def mission_values(trip: Trip) -> dict[str, dict[str, Any]]:
    employee = trip.employee
    signatory, signatory_title = _signatory(trip)
    destinations = list(trip.destinations.all())
    travellers = list(trip.travellers.order_by("last_name", "first_names"))
    names = [f"{t.first_names} {(t.usage_name or t.last_name).upper()}" for t in travellers]
    mission = {
        "reference": trip.reference,
        "objet": trip.purpose,
        "lieu_depart": trip.departure_place,
        "date_depart": long_date(trip.start_date),
        "date_retour": long_date(trip.end_date),
        "destinations": ", ".join(
            f"{d.place} ({d.postal_code})" if d.postal_code else d.place for d in destinations
        ),
        "destinations_liste": [
            {
                "lieu": d.place,
                "code_postal": d.postal_code,
                "arrivee": short_date(d.arrival_date),
                "depart": short_date(d.departure_date),
            }
            for d in destinations
        ],
        "voyageurs": ", ".join(names),
        "voyageurs_liste": [
            {"nom": name, "fonction": _job(t)} for name, t in zip(names, travellers, strict=True)
        ],
        "transport": transport_text(trip),
        "distance": f"{trip.distance_km} km",
        "nuits": str(trip.lodging_nights),
        "repas": str(trip.meals),
        "cout_estime": euros(trip.estimated_cost_amount),
        "avance": euros(trip.advance_requested_amount) if trip.advance_requested_amount else "",
        "service": trip.department.name if trip.department else "",
        "valide_manager_par": _user_name(trip.manager_decided_by),
        "valide_manager_le": _day(trip.manager_decided_at),
        "approuve_par": _user_name(trip.hr_decided_by),
        "approuve_le": _day(trip.hr_decided_at),
        "signataire": signatory,
        "signataire_qualite": signatory_title,
    }
    return {
        "salarie": employee_values(employee),
        "employeur": employer_values(trip.employer),
        "mission": mission,
        "document": document_values(trip.employer, _establishment(trip)),
        "saisie": {},
    }


SUBJECT = Subject(
    key="deplacement",
    label=_("Ordre de mission"),
    groups=("salarie", "employeur", "mission", "document", "saisie"),
    get=trip_get,
    values=mission_values,
    employer=lambda trip: trip.employer,
    employee=lambda trip: trip.employee,
    describe=lambda trip: f"{trip.reference} — {trip.employee.display_name}",
    url=lambda trip: reverse("travel:trip", args=[trip.pk]),
    kinds=frozenset({TemplateKind.MISSION_ORDER}),
)

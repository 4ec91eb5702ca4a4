"""The « visite » subject of the documents app: the convocation to a medical visit, generated from
the editable template « Convocation à la visite médicale » with the visit's nature, date, time
and place and its occupational health service, then filed into the employee's file.

The letter names the kind of visit, never its cause: a return-to-work visit is « visite de
reprise », whatever the absence was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _

from effectif.contracts.selectors import current_contract, terms_as_of
from effectif.documents.merging import MergeField, MergeGroup, Subject
from effectif.documents.models import TemplateKind
from effectif.documents.subjects import (
    contract_values,
    document_values,
    employee_values,
    employer_values,
    establishment_values,
)
from effectif.health.models import MedicalVisit, VisitKind
from effectif.health.selectors import visit_get

F = MergeField

GROUP = MergeGroup(
    "visite",
    _("Visite médicale"),
    (
        F("nature", _("nature de la visite"), "visite d'information et de prévention"),
        F("date", _("date de la visite, en toutes lettres"), "lundi 12 janvier 2026"),
        F("date_courte", _("date de la visite (JJ/MM/AAAA)"), "12/01/2026"),
        F("heure", _("heure de la visite"), "9 h 30"),
        F("lieu", _("lieu de la visite"), "10 quai du Rhône, 69007 Lyon"),
        F("service", _("service de santé au travail"), "SPST Rhône Exemple"),
        F("service_telephone", _("téléphone du service"), "04 72 00 00 01"),
        F("echeance", _("échéance légale"), "05/04/2026"),
        F("fondement", _("fondement"), "C. trav. art. R4624-10"),
    ),
)


#: How a letter names each kind of visit: « vous êtes convoqué(e) à une … ».
LETTER_NATURES = {
    VisitKind.VIP_INITIAL: _("visite d'information et de prévention"),
    VisitKind.VIP_PERIODIC: _("visite d'information et de prévention (renouvellement)"),
    VisitKind.APTITUDE_INITIAL: _("visite médicale d'aptitude"),
    VisitKind.APTITUDE_PERIODIC: _("visite médicale d'aptitude (renouvellement)"),
    VisitKind.INTERMEDIATE: _("visite intermédiaire de suivi"),
    VisitKind.RETURN: _("visite de reprise"),
    VisitKind.MID_CAREER: _("visite de mi-carrière"),
    VisitKind.POST_EXPOSURE: _("visite de fin d'exposition"),
    VisitKind.PRE_RETURN: _("visite de pré-reprise"),
    VisitKind.ON_REQUEST: _("visite médicale"),
}


def _time(moment: dt.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.hour} h {local.minute:02d}"


def visit_values(visit: MedicalVisit) -> dict[str, dict[str, Any]]:
    employee = visit.employee
    on = visit.planned_at.date() if visit.planned_at else visit.due_date
    contract = current_contract(employee, on) or employee.contracts.order_by("-start_date").first()
    terms = None
    if contract is not None:
        terms = terms_as_of(contract, max(contract.start_date, min(on, contract.end_date or on)))
    establishment = visit.establishment or (terms.establishment if terms else None)
    place = establishment_values(establishment)
    service = visit.health_service
    if service is not None:
        place["service_sante_travail"] = service.name
        place["service_sante_travail_adresse"] = visit.place or service.address
    elif visit.place:
        place["service_sante_travail_adresse"] = visit.place
    nature = str(LETTER_NATURES.get(VisitKind(visit.kind), visit.get_kind_display()))
    planned = timezone.localtime(visit.planned_at) if visit.planned_at else None
    visite = {
        "nature": nature,
        "date": dateformat.format(planned, "l j F Y") if planned else "",
        "date_courte": planned.strftime("%d/%m/%Y") if planned else "",
        "heure": _time(planned) if planned else "",
        "lieu": visit.place or (service.address if service else ""),
        "service": service.name if service else "",
        "service_telephone": service.phone if service else "",
        "echeance": visit.due_date.strftime("%d/%m/%Y"),
        "fondement": visit.basis,
    }
    saisie = {
        "nature_de_la_visite": visite["nature"],
        "date_de_la_visite": visite["date"],
        "heure_de_la_visite": visite["heure"],
        "lieu_de_la_visite": visite["lieu"],
    }
    return {
        "salarie": employee_values(employee),
        "employeur": employer_values(employee.employer),
        "etablissement": place,
        "contrat": contract_values(contract, terms),
        "visite": visite,
        "document": document_values(employee.employer, establishment),
        "saisie": {k: v for k, v in saisie.items() if v},
    }


SUBJECT = Subject(
    key="visite",
    label=_("Visite médicale"),
    groups=("salarie", "employeur", "etablissement", "contrat", "visite", "document", "saisie"),
    get=visit_get,
    values=visit_values,
    employer=lambda visit: visit.employee.employer,
    employee=lambda visit: visit.employee,
    describe=lambda visit: f"{visit.get_kind_display()} — {visit.employee.display_name}",
    url=lambda visit: reverse("health:detail", args=[visit.pk]),
    kinds=frozenset({TemplateKind.MEDICAL_VISIT}),
)

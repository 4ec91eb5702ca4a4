"""The « depart » subject of the documents app: the certificat de travail, the reçu pour solde
de tout compte, the convocation and the letters of each workflow are generated for a departure,
with its dates and amounts, and filed into the employee's file."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.contracts.selectors import terms_as_of
from effectif.core.templatetags.formats import euros
from effectif.departures.computing import fmt
from effectif.departures.models import Departure
from effectif.departures.selectors import departure_get
from effectif.departures.workflows import workflow_of
from effectif.documents.merging import MergeField, MergeGroup, Subject
from effectif.documents.models import TemplateKind
from effectif.documents.subjects import (
    contract_values,
    document_values,
    employee_values,
    employer_values,
    establishment_values,
)
from effectif.rules.contracts.procedure import withdrawal_end

F = MergeField

GROUP = MergeGroup(
    "depart",
    _("Départ"),
    (
        F("motif", _("motif du départ"), "licenciement pour motif personnel"),
        F("date_convocation", _("présentation de la convocation"), "02/03/2026"),
        F("date_entretien", _("date de l'entretien"), "10/03/2026"),
        F("heure_entretien", _("heure de l'entretien"), "10 h 00"),
        F("lieu_entretien", _("lieu de l'entretien"), "au siège, bureau de la direction"),
        F("date_notification", _("date de notification"), "13/03/2026"),
        F("date_demission", _("réception de la démission"), "02/03/2026"),
        F("preavis", _("durée du préavis"), "2 mois"),
        F("preavis_du", _("un préavis s'applique"), True, "bool"),
        F("preavis_dispense", _("préavis dispensé par l'employeur"), False, "bool"),
        F("preavis_base", _("fondement du préavis"), "C. trav. art. L1234-1"),
        F("fin_preavis", _("fin du préavis"), "14/05/2026"),
        F("dernier_jour_travaille", _("dernier jour travaillé"), "14/05/2026"),
        F("date_sortie", _("date de sortie"), "14/05/2026"),
        F("date_signature", _("signature de la convention"), "03/03/2026"),
        F("fin_retractation", _("fin du délai de rétractation"), "18/03/2026"),
        F("date_homologation", _("homologation"), "08/04/2026"),
        F("salaire_reference", _("salaire de référence"), "2 400,00 €"),
        F("indemnite_legale", _("indemnité légale de licenciement"), "2 000,00 €"),
        F("indemnite_rupture_conventionnelle", _("indemnité spécifique convenue"), "2 500,00 €"),
        F("indemnite_fin_contrat", _("indemnité de fin de contrat"), "1 200,00 €"),
        F("jours_conges_restants", _("jours de congés non pris"), "7,5"),
        F("indemnite_conges", _("indemnité compensatrice de congés payés"), "830,77 €"),
    ),
)

KINDS = frozenset(
    {
        TemplateKind.WORK_CERTIFICATE,
        TemplateKind.FINAL_SETTLEMENT,
        TemplateKind.PRELIMINARY_INTERVIEW,
        TemplateKind.DISMISSAL_LETTER,
        TemplateKind.CONVENTIONAL_AGREEMENT,
        TemplateKind.RESIGNATION_ACK,
        TemplateKind.TRIAL_END,
        TemplateKind.RETIREMENT_LETTER,
        TemplateKind.EMPLOYER_CERTIFICATE,
        TemplateKind.OTHER,
    }
)


def _money(value: Any) -> str:
    return euros(value) if value is not None else ""


def departure_values(departure: Departure) -> dict[str, dict[str, Any]]:
    employee, contract = departure.employee, departure.contract
    on = departure.end_date or contract.end_date or contract.start_date
    terms = terms_as_of(contract, max(min(on, contract.end_date or on), contract.start_date))
    establishment = terms.establishment if terms is not None else None
    flow = workflow_of(departure.reason)
    basis = departure.amounts_basis or {}
    withdrawal = withdrawal_end(departure.signature_date) if departure.signature_date else None
    salarie = employee_values(employee)
    salarie["date_sortie"] = fmt(departure.end_date)
    time = departure.interview_time.strftime("%H h %M") if departure.interview_time else ""
    depart = {
        "motif": departure.get_reason_display().lower(),
        "date_convocation": fmt(departure.convocation_date),
        "date_entretien": fmt(departure.interview_date),
        "heure_entretien": time,
        "lieu_entretien": departure.interview_place,
        "date_notification": fmt(departure.notification_date),
        "date_demission": fmt(departure.notification_date),
        "preavis": departure.notice_label,
        "preavis_du": bool(departure.notice_end_date)
        and not flow.misconduct
        and departure.notice_label not in ("", "aucun"),
        "preavis_dispense": departure.notice_waived,
        "preavis_base": departure.notice_basis,
        "fin_preavis": fmt(departure.notice_end_date),
        "dernier_jour_travaille": fmt(departure.last_working_date),
        "date_sortie": fmt(departure.end_date),
        "date_signature": fmt(departure.signature_date),
        "fin_retractation": fmt(withdrawal.day) if withdrawal else "",
        "date_homologation": fmt(departure.homologation_date),
        "salaire_reference": _money(departure.reference_salary_amount),
        "indemnite_legale": _money(basis.get("indemnite_legale") or departure.severance_amount),
        "indemnite_rupture_conventionnelle": _money(departure.agreed_indemnity_amount),
        "indemnite_fin_contrat": _money(departure.cdd_indemnity_amount),
        "jours_conges_restants": str(departure.leave_days or "").replace(".", ","),
        "indemnite_conges": _money(departure.leave_indemnity_amount),
    }
    saisie = {
        "date_entretien": depart["date_entretien"],
        "heure_entretien": time,
        "lieu_entretien": departure.interview_place,
        "indemnite_compensatrice_de_conges_payes": depart["indemnite_conges"],
        "indemnite_de_rupture": _money(
            departure.severance_amount or departure.cdd_indemnity_amount
        ),
    }
    return {
        "salarie": salarie,
        "employeur": employer_values(employee.employer),
        "etablissement": establishment_values(establishment),
        "contrat": contract_values(contract, terms),
        "document": document_values(employee.employer, establishment),
        "depart": depart,
        "saisie": {k: v for k, v in saisie.items() if v},
    }


SUBJECT = Subject(
    key="depart",
    label=_("Départ"),
    groups=("salarie", "employeur", "etablissement", "contrat", "depart", "document", "saisie"),
    get=departure_get,
    values=departure_values,
    employer=lambda departure: departure.employee.employer,
    employee=lambda departure: departure.employee,
    describe=lambda departure: departure.employee.display_name,
    url=lambda departure: reverse("departures:detail", args=[departure.pk]),
    kinds=KINDS,
)

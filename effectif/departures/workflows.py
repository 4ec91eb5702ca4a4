"""The departure reasons and what each sets in motion: its procedure, its notice, its
indemnities, its letter and its code in the DSN (S21.G00.62.002, CT2026.1.1)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import EndReason
from effectif.documents.models import TemplateKind


class Reason(models.TextChoices):
    RESIGNATION = "demission", _("Démission")
    DISMISSAL = "licenciement_personnel", _("Licenciement pour motif personnel")
    DISMISSAL_GROSS = "licenciement_faute_grave", _("Licenciement pour faute grave")
    DISMISSAL_SERIOUS = "licenciement_faute_lourde", _("Licenciement pour faute lourde")
    DISMISSAL_ECONOMIC = "licenciement_economique", _("Licenciement pour motif économique")
    DISMISSAL_UNFIT = "inaptitude", _("Licenciement pour inaptitude d'origine non professionnelle")
    DISMISSAL_UNFIT_WORK = (
        "inaptitude_pro",
        _("Licenciement pour inaptitude d'origine professionnelle"),
    )
    CONVENTIONAL = "rupture_conventionnelle", _("Rupture conventionnelle")
    END_OF_CDD = "fin_cdd", _("Fin de CDD")
    CDD_AGREEMENT = "cdd_commun_accord", _("Rupture anticipée du CDD d'un commun accord")
    CDD_BY_EMPLOYER = "cdd_employeur", _("Rupture anticipée du CDD par l'employeur")
    CDD_BY_EMPLOYEE = "cdd_salarie", _("Rupture anticipée du CDD par le salarié")
    END_OF_APPRENTICESHIP = "fin_apprentissage", _("Fin du contrat d'apprentissage")
    TRIAL_BY_EMPLOYER = "essai_employeur", _("Fin de période d'essai à l'initiative de l'employeur")
    TRIAL_BY_EMPLOYEE = "essai_salarie", _("Fin de période d'essai à l'initiative du salarié")
    RETIREMENT = "depart_retraite", _("Départ volontaire à la retraite")
    RETIREMENT_BY_EMPLOYER = "mise_retraite", _("Mise à la retraite")
    DEATH = "deces", _("Décès du salarié")


class Procedure(models.TextChoices):
    DISMISSAL = "licenciement", _("Procédure de licenciement")
    CONVENTIONAL = "rupture_conventionnelle", _("Rupture conventionnelle")
    NOTIFIED = "notification", _("Notification et préavis")
    DATED = "date", _("Date de fin")


class NoticeKind(models.TextChoices):
    NONE = "aucun", _("Aucun")
    DISMISSAL = "licenciement", _("Préavis de licenciement")
    RESIGNATION = "demission", _("Préavis de démission")
    TRIAL_EMPLOYER = "essai_employeur", _("Délai de prévenance de l'employeur")
    TRIAL_EMPLOYEE = "essai_salarie", _("Délai de prévenance du salarié")


@dataclass(frozen=True)
class Workflow:
    procedure: str
    dsn_code: str
    notice: str = NoticeKind.NONE
    severance: bool = False  # the legal severance indemnity is due (or the minimum)
    misconduct: bool = False
    professional_unfitness: bool = False
    notice_not_worked: bool = False  # unfitness: the contract ends at the notification
    retirement_indemnity: bool = False
    cdd_indemnity: bool = False
    cdd_exception: str = ""
    economic: bool = False
    letter: str = ""  # the template kind of the workflow's letter


WORKFLOWS: dict[str, Workflow] = {
    Reason.RESIGNATION: Workflow(
        Procedure.NOTIFIED,
        EndReason.RESIGNATION,
        NoticeKind.RESIGNATION,
        letter=TemplateKind.RESIGNATION_ACK,
    ),
    Reason.DISMISSAL: Workflow(
        Procedure.DISMISSAL,
        EndReason.DISMISSAL_OTHER,
        NoticeKind.DISMISSAL,
        severance=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.DISMISSAL_GROSS: Workflow(
        Procedure.DISMISSAL,
        EndReason.GROSS_MISCONDUCT,
        NoticeKind.DISMISSAL,
        severance=True,
        misconduct=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.DISMISSAL_SERIOUS: Workflow(
        Procedure.DISMISSAL,
        EndReason.SERIOUS_MISCONDUCT,
        NoticeKind.DISMISSAL,
        severance=True,
        misconduct=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.DISMISSAL_ECONOMIC: Workflow(
        Procedure.DISMISSAL,
        EndReason.DISMISSAL_ECONOMIC,
        NoticeKind.DISMISSAL,
        severance=True,
        economic=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.DISMISSAL_UNFIT: Workflow(
        Procedure.DISMISSAL,
        EndReason.UNFIT,
        NoticeKind.DISMISSAL,
        severance=True,
        notice_not_worked=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.DISMISSAL_UNFIT_WORK: Workflow(
        Procedure.DISMISSAL,
        EndReason.UNFIT_WORK,
        NoticeKind.DISMISSAL,
        severance=True,
        professional_unfitness=True,
        notice_not_worked=True,
        letter=TemplateKind.DISMISSAL_LETTER,
    ),
    Reason.CONVENTIONAL: Workflow(
        Procedure.CONVENTIONAL,
        EndReason.CONVENTIONAL,
        severance=True,
        letter=TemplateKind.CONVENTIONAL_AGREEMENT,
    ),
    Reason.END_OF_CDD: Workflow(Procedure.DATED, EndReason.END_OF_CDD, cdd_indemnity=True),
    Reason.CDD_AGREEMENT: Workflow(Procedure.DATED, EndReason.MUTUAL_AGREEMENT, cdd_indemnity=True),
    Reason.CDD_BY_EMPLOYER: Workflow(
        Procedure.DATED, EndReason.EARLY_END_BY_EMPLOYER, cdd_indemnity=True
    ),
    Reason.CDD_BY_EMPLOYEE: Workflow(
        Procedure.DATED,
        EndReason.EARLY_END_BY_EMPLOYEE,
        cdd_indemnity=True,
        cdd_exception="rupture_salarie",
    ),
    Reason.END_OF_APPRENTICESHIP: Workflow(Procedure.DATED, EndReason.END_OF_APPRENTICESHIP),
    Reason.TRIAL_BY_EMPLOYER: Workflow(
        Procedure.NOTIFIED,
        EndReason.TRIAL_BY_EMPLOYER,
        NoticeKind.TRIAL_EMPLOYER,
        letter=TemplateKind.TRIAL_END,
    ),
    Reason.TRIAL_BY_EMPLOYEE: Workflow(
        Procedure.NOTIFIED, EndReason.TRIAL_BY_EMPLOYEE, NoticeKind.TRIAL_EMPLOYEE
    ),
    Reason.RETIREMENT: Workflow(
        Procedure.NOTIFIED, EndReason.RETIREMENT, NoticeKind.DISMISSAL, retirement_indemnity=True
    ),
    Reason.RETIREMENT_BY_EMPLOYER: Workflow(
        Procedure.NOTIFIED,
        EndReason.RETIREMENT_BY_EMPLOYER,
        NoticeKind.DISMISSAL,
        severance=True,
        letter=TemplateKind.RETIREMENT_LETTER,
    ),
    Reason.DEATH: Workflow(Procedure.DATED, EndReason.DEATH),
}

#: Reasons for a fixed-term contract only, and those for a contract with a trial running.
FIXED_TERM_REASONS = frozenset(
    {Reason.END_OF_CDD, Reason.CDD_AGREEMENT, Reason.CDD_BY_EMPLOYER, Reason.CDD_BY_EMPLOYEE}
)
TRIAL_REASONS = frozenset({Reason.TRIAL_BY_EMPLOYER, Reason.TRIAL_BY_EMPLOYEE})


def workflow_of(reason: str) -> Workflow:
    return WORKFLOWS[reason]


#: The equipment-return and access-removal checklist of every departure.
CHECKLIST = (
    ("materiel", _("Matériel rendu (ordinateur, téléphone, outillage)")),
    ("badge", _("Badge et clés rendus")),
    ("vehicule", _("Véhicule de fonction, carte carburant rendus")),
    ("comptes", _("Accès informatiques et messagerie désactivés")),
    ("locaux", _("Accès aux locaux et au parking supprimés")),
    ("mutuelle", _("Organismes santé et prévoyance informés (portabilité)")),
    ("attestation_ft", _("Attestation France Travail transmise (DSN de fin de contrat)")),
)


def severance_label(reason: str) -> str:
    """How payroll names the indemnity of a departure."""
    labels: dict[str, Any] = {
        Reason.CONVENTIONAL: _("Indemnité spécifique de rupture conventionnelle"),
        Reason.RETIREMENT: _("Indemnité de départ à la retraite"),
        Reason.RETIREMENT_BY_EMPLOYER: _("Indemnité de mise à la retraite"),
        Reason.DISMISSAL_UNFIT_WORK: _("Indemnité spéciale de licenciement (L1226-14)"),
    }
    return str(labels.get(reason, _("Indemnité légale de licenciement")))

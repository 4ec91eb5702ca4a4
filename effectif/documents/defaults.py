"""The installation's default templates, one per kind, in French.

Their bodies are the files of `templates/documents/defaults/`, named after the kind. A data
migration installs them as templates without an employer; an employer copies one to adapt it,
and an administrator may edit the defaults themselves or restore the shipped text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.documents.models import TemplateKind

DEFAULTS_DIR = Path(__file__).resolve().parent / "templates" / "documents" / "defaults"

DEFAULT_NAMES: dict[str, Any] = {
    TemplateKind.CDI: _("Contrat à durée indéterminée"),
    TemplateKind.CDD: _("Contrat à durée déterminée"),
    TemplateKind.APPRENTICESHIP: _("Contrat d'apprentissage — conditions particulières"),
    TemplateKind.AMENDMENT: _("Avenant au contrat de travail"),
    TemplateKind.WORK_CERTIFICATE: _("Certificat de travail"),
    TemplateKind.FINAL_SETTLEMENT: _("Reçu pour solde de tout compte"),
    TemplateKind.PRELIMINARY_INTERVIEW: _("Convocation à l'entretien préalable au licenciement"),
    TemplateKind.MEDICAL_VISIT: _("Convocation à la visite médicale"),
    TemplateKind.APPLICATION_REJECTED: _("Réponse négative à une candidature"),
    TemplateKind.RECRUITMENT_INTERVIEW: _("Invitation à un entretien de recrutement"),
    TemplateKind.EMPLOYER_CERTIFICATE: _("Attestation employeur"),
    TemplateKind.DISMISSAL_LETTER: _("Lettre de licenciement"),
    TemplateKind.CONVENTIONAL_AGREEMENT: _("Convention de rupture conventionnelle"),
    TemplateKind.RESIGNATION_ACK: _("Accusé de réception de la démission"),
    TemplateKind.TRIAL_END: _("Lettre de rupture de la période d'essai"),
    TemplateKind.RETIREMENT_LETTER: _("Lettre de mise à la retraite"),
    TemplateKind.MISSION_ORDER: _("Ordre de mission"),
    TemplateKind.OTHER: _("Courrier au salarié"),
}


def default_body(kind: str) -> str:
    return (DEFAULTS_DIR / f"{kind}.html").read_text(encoding="utf-8")


def install_defaults(template_model: Any) -> int:
    """Create the default template of each kind that has none (`template_model` may be the
    historical model of a migration). Returns how many were created."""
    existing = set(
        template_model.objects.filter(employer__isnull=True).values_list("kind", flat=True)
    )
    created = 0
    for kind, name in DEFAULT_NAMES.items():
        if str(kind) in existing:
            continue
        template_model.objects.create(
            employer=None, kind=str(kind), name=str(name), body=default_body(str(kind))
        )
        created += 1
    return created

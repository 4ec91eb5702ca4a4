"""The library of document templates, each employer's letterhead, and the documents generated.

A template is HTML with merge fields (`{{ salarie.nom }}`), rendered by a sandboxed template
engine on plain values (see `merging` and `sandbox`). Templates without an employer are the
installation's defaults: every employer may use them as they are, or copy and adapt them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import CheckedFieldsMixin
from effectif.employees.models import DocumentKind, Employee, EmployeeDocument
from effectif.organisation.models import Employer
from effectif.rules.identity.checks import check_siret


class TemplateKind(models.TextChoices):
    CDI = "contrat_cdi", _("Contrat de travail à durée indéterminée (CDI)")
    CDD = "contrat_cdd", _("Contrat de travail à durée déterminée (CDD)")
    APPRENTICESHIP = "contrat_apprentissage", _("Contrat d'apprentissage (conditions annexes)")
    AMENDMENT = "avenant", _("Avenant au contrat de travail")
    WORK_CERTIFICATE = "certificat_travail", _("Certificat de travail")
    FINAL_SETTLEMENT = "solde_tout_compte", _("Reçu pour solde de tout compte")
    PRELIMINARY_INTERVIEW = (
        "convocation_entretien_prealable",
        _("Convocation à l'entretien préalable"),
    )
    MEDICAL_VISIT = "convocation_visite_medicale", _("Convocation à la visite médicale")
    APPLICATION_REJECTED = "refus_candidature", _("Lettre de refus de candidature")
    RECRUITMENT_INTERVIEW = "invitation_entretien", _("Invitation à un entretien de recrutement")
    EMPLOYER_CERTIFICATE = "attestation_employeur", _("Attestation employeur")
    DISMISSAL_LETTER = "lettre_licenciement", _("Lettre de licenciement")
    CONVENTIONAL_AGREEMENT = "convention_rupture", _("Convention de rupture conventionnelle")
    RESIGNATION_ACK = "accuse_demission", _("Accusé de réception de la démission")
    TRIAL_END = "rupture_periode_essai", _("Lettre de rupture de la période d'essai")
    RETIREMENT_LETTER = "mise_retraite", _("Lettre de mise à la retraite")
    MISSION_ORDER = "ordre_mission", _("Ordre de mission")
    OTHER = "autre", _("Autre document")


#: The kinds that are employment contracts (generated from a contract's page).
CONTRACT_KINDS = frozenset(
    {TemplateKind.CDI, TemplateKind.CDD, TemplateKind.APPRENTICESHIP, TemplateKind.AMENDMENT}
)

#: Under which type a generated document is filed in the personnel file.
FILE_KINDS: dict[str, str] = {
    TemplateKind.CDI: DocumentKind.CONTRACT,
    TemplateKind.CDD: DocumentKind.CONTRACT,
    TemplateKind.APPRENTICESHIP: DocumentKind.CONTRACT,
    TemplateKind.AMENDMENT: DocumentKind.CONTRACT,
    TemplateKind.WORK_CERTIFICATE: DocumentKind.CERTIFICATE,
    TemplateKind.EMPLOYER_CERTIFICATE: DocumentKind.CERTIFICATE,
    TemplateKind.FINAL_SETTLEMENT: DocumentKind.CERTIFICATE,
}


def file_kind_of(kind: str) -> str:
    return FILE_KINDS.get(kind, DocumentKind.OTHER)


def docx_path(instance: DocumentTemplate, filename: str) -> str:
    owner = instance.employer_id or "installation"
    return f"modeles/{owner}/{filename}"


def logo_path(instance: Letterhead, filename: str) -> str:
    return f"en-tetes/{instance.employer_id}/{filename}"


class DocumentTemplate(AuditScoped, TimeStampedModel):
    """One editable template: a body in HTML with merge fields, and optionally a .docx with the
    same merge fields for those who prefer to lay out the document in a word processor."""

    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="document_templates",
        help_text=_("Vide : modèle par défaut de l'installation, commun à tous les employeurs."),
    )
    kind = models.CharField(_("type de document"), max_length=40, choices=TemplateKind.choices)
    name = models.CharField(_("nom du modèle"), max_length=200)
    body = models.TextField(
        _("contenu"),
        help_text=_("HTML simple avec des champs de fusion, p. ex. {{ salarie.nom }}."),
    )
    docx_file = models.FileField(
        _("modèle Word (.docx)"),
        upload_to=docx_path,
        blank=True,
        help_text=_(
            "Facultatif : un fichier .docx portant les mêmes champs de fusion. S'il est fourni, "
            "le document Word est produit à partir de lui."
        ),
    )
    is_active = models.BooleanField(_("proposé à la génération"), default=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copié du modèle"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )

    class Meta:
        verbose_name = _("modèle de document")
        verbose_name_plural = _("modèles de documents")
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["employer", "kind"], name="doc_template_employer_kind")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("documents:template_edit", args=[self.pk])

    @property
    def is_default(self) -> bool:
        return self.employer_id is None

    @property
    def is_contract(self) -> bool:
        return self.kind in CONTRACT_KINDS


class Letterhead(AuditScoped, CheckedFieldsMixin, TimeStampedModel):
    """What every document of an employer carries: logo, address, SIRET, footer, signatory,
    and the bodies a contract must name (retirement, provident and health cover)."""

    field_checks = {"siret": check_siret}
    #: What HR types on the letterhead page (the logo is uploaded and converted apart).
    TYPED_FIELDS = (
        "address",
        "siret",
        "phone",
        "email",
        "website",
        "footer",
        "signatory_name",
        "signatory_title",
        "signature_city",
        "pension_body",
        "provident_body",
        "health_cover_body",
    )

    employer = models.OneToOneField(
        Employer, verbose_name=_("employeur"), on_delete=models.CASCADE, related_name="letterhead"
    )
    logo = models.FileField(_("logo"), upload_to=logo_path, blank=True)
    address = models.TextField(
        _("adresse"), blank=True, help_text=_("Vide : l'adresse de l'établissement siège.")
    )
    siret = models.CharField(
        _("SIRET affiché"),
        max_length=14,
        blank=True,
        help_text=_("Vide : le SIRET de l'établissement siège."),
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.CharField(_("site internet"), max_length=200, blank=True)
    footer = models.TextField(
        _("pied de page"),
        blank=True,
        help_text=_("Mentions légales en bas de chaque page : forme, capital, RCS, siège…"),
    )
    signatory_name = models.CharField(_("signataire"), max_length=150, blank=True)
    signatory_title = models.CharField(_("qualité du signataire"), max_length=150, blank=True)
    signature_city = models.CharField(
        _("lieu de signature (« Fait à »)"),
        max_length=120,
        blank=True,
        help_text=_("Vide : la commune de l'établissement du salarié."),
    )
    pension_body = models.CharField(
        _("caisse de retraite complémentaire"),
        max_length=300,
        blank=True,
        help_text=_("Nom et adresse de l'institution Agirc-Arrco (mention du contrat)."),
    )
    provident_body = models.CharField(_("organisme de prévoyance"), max_length=300, blank=True)
    health_cover_body = models.CharField(
        _("organisme de complémentaire santé"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("papier à en-tête")
        verbose_name_plural = _("papiers à en-tête")

    def __str__(self) -> str:
        return str(_("En-tête de %(employer)s") % {"employer": self.employer.name})


class GeneratedDocument(AuditScoped, TimeStampedModel):
    """A document generated and saved into a personnel file, and its signed copy once back."""

    audit_employee_path = "employee_id"

    template = models.ForeignKey(
        DocumentTemplate,
        verbose_name=_("modèle"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="generated",
    )
    kind = models.CharField(_("type de document"), max_length=40, choices=TemplateKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    subject_type = models.CharField(_("objet"), max_length=30)
    subject_id = models.CharField(_("identifiant de l'objet"), max_length=40)
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="generated_documents"
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("salarié"),
        on_delete=models.CASCADE,
        related_name="generated_documents",
    )
    file_document = models.ForeignKey(
        EmployeeDocument,
        verbose_name=_("document du dossier"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    signed_document = models.ForeignKey(
        EmployeeDocument,
        verbose_name=_("exemplaire signé"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    missing_fields = models.JSONField(_("champs restés à compléter"), default=list, blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document généré")
        verbose_name_plural = _("documents générés")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="generated_subject_idx")
        ]

    def __str__(self) -> str:
        return self.title

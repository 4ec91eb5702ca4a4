"""The personnel file (dossier du personnel): civil status, contacts, bank, family, documents."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import CheckedFieldsMixin, NamedUniqueMixin
from effectif.organisation.models import Department, Employer
from effectif.rules.identity.checks import (
    check_bic,
    check_iban,
    check_nir,
    check_postal_code,
    check_temporary_number,
    nir_consistency_errors,
)


class Sex(models.TextChoices):
    MALE = "M", _("Homme")
    FEMALE = "F", _("Femme")


class FamilyStatus(models.TextChoices):
    SINGLE = "celibataire", _("Célibataire")
    MARRIED = "marie", _("Marié(e)")
    PACS = "pacse", _("Pacsé(e)")
    COHABITING = "concubinage", _("En concubinage")
    DIVORCED = "divorce", _("Divorcé(e)")
    SEPARATED = "separe", _("Séparé(e)")
    WIDOWED = "veuf", _("Veuf, veuve")


class EducationLevel(models.TextChoices):
    """Levels of the national framework of certifications (décret n° 2019-14)."""

    NONE = "1", _("Sans diplôme")
    LEVEL_2 = "2", _("Niveau 2 (CléA)")
    LEVEL_3 = "3", _("Niveau 3 (CAP, BEP)")
    LEVEL_4 = "4", _("Niveau 4 (baccalauréat)")
    LEVEL_5 = "5", _("Niveau 5 (bac + 2 : BTS, DUT)")
    LEVEL_6 = "6", _("Niveau 6 (bac + 3 : licence, BUT)")
    LEVEL_7 = "7", _("Niveau 7 (bac + 5 : master, ingénieur)")
    LEVEL_8 = "8", _("Niveau 8 (doctorat)")


class WorkPermitType(models.TextChoices):
    RESIDENCE_EMPLOYEE = "salarie", _("Carte de séjour « salarié »")
    RESIDENCE_TEMPORARY = "travailleur_temporaire", _("Carte de séjour « travailleur temporaire »")
    TALENT = "talent", _("Carte de séjour « talent »")
    RESIDENT = "resident", _("Carte de résident")
    STUDENT = "etudiant", _("Carte de séjour « étudiant » (964 h/an)")
    FAMILY = "vie_privee", _("Carte « vie privée et familiale »")
    RECEIPT = "recepisse", _("Récépissé autorisant à travailler")
    AUTHORISATION = "autorisation", _("Autorisation de travail")
    OTHER = "autre", _("Autre titre")


#: The groups of fields of the personnel file, in the order the file form shows them; the
#: form, the export, the API and the hiring form compose their lists from these.
CIVIL_STATUS_FIELDS = (
    "last_name",
    "usage_name",
    "first_names",
    "sex",
    "birth_date",
    "birth_place",
    "birth_country",
    "nationality",
    "nir",
    "temporary_number",
)
#: The employee's own address, email and phone.
PERSONAL_CONTACT_FIELDS = (
    "address",
    "postal_code",
    "city",
    "country",
    "personal_email",
    "personal_phone",
)
CONTACT_FIELDS = (*PERSONAL_CONTACT_FIELDS, "work_email", "work_phone")
EMERGENCY_CONTACT_FIELDS = (
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
)
BANK_FIELDS = ("iban", "bic")
FAMILY_FIELDS = ("family_status", "children_count")
DISABILITY_FIELDS = ("disability_recognised", "disability_end_date")
WORK_PERMIT_FIELDS = ("work_permit_type", "work_permit_number", "work_permit_expiry")

#: Fields a manager may read of a team member's file (professional data only).
PROFESSIONAL_FIELDS = (
    "matricule",
    "last_name",
    "usage_name",
    "first_names",
    "department",
    "work_email",
    "work_phone",
)
#: Fields whose every read is audited and which only HR and the employee see.
SENSITIVE_FIELDS = (
    "nir",
    "temporary_number",
    "iban",
    "bic",
    "family_status",
    "children_count",
    "disability_recognised",
    "disability_end_date",
)
#: Fields masked in the audit trail (the trail must not become a copy of them).
MASKED_IN_AUDIT = ("nir", "temporary_number", "iban")


def display_name_of(last_name: str, usage_name: str, first_names: str) -> str:
    """How Effectif names a person: family name (of use, else of birth) in capitals, then the
    first names; for the lists that read rows rather than files."""
    return f"{(usage_name or last_name).upper()} {first_names}"


class Employee(AuditScoped, NamedUniqueMixin, CheckedFieldsMixin, TimeStampedModel):
    """One person's file with one employer."""

    audit_employee_path = "pk"

    unique_messages = {
        "employee_matricule_unique": (
            "matricule",
            _("Le matricule %(value)s est déjà attribué à un autre salarié de cet employeur."),
        )
    }

    field_checks = {
        "nir": check_nir,
        "temporary_number": check_temporary_number,
        "iban": check_iban,
        "bic": check_bic,
        "postal_code": check_postal_code,
    }

    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="employees"
    )
    matricule = models.CharField(_("matricule"), max_length=20)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte utilisateur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employee",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
    )

    # Civil status
    last_name = models.CharField(_("nom de naissance"), max_length=100)
    usage_name = models.CharField(_("nom d'usage"), max_length=100, blank=True)
    first_names = models.CharField(_("prénoms"), max_length=150)
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("date de naissance"))
    birth_place = models.CharField(_("lieu de naissance"), max_length=120, blank=True)
    birth_country = models.CharField(_("pays de naissance"), max_length=80, default="France")
    nationality = models.CharField(_("nationalité"), max_length=80, default="Française")
    nir = models.CharField(
        _("NIR (n° de sécurité sociale)"),
        max_length=15,
        blank=True,
        help_text=_("15 caractères, clé comprise ; 2A ou 2B pour un salarié né en Corse."),
    )
    temporary_number = models.CharField(
        _("numéro provisoire (NTT)"),
        max_length=40,
        blank=True,
        help_text=_("En attendant le NIR : numéro technique temporaire."),
    )

    # Contacts
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    country = models.CharField(_("pays"), max_length=80, default="France")
    personal_email = models.EmailField(_("e-mail personnel"), blank=True)
    personal_phone = models.CharField(_("téléphone personnel"), max_length=30, blank=True)
    work_email = models.EmailField(_("e-mail professionnel"), blank=True)
    work_phone = models.CharField(_("téléphone professionnel"), max_length=30, blank=True)
    emergency_contact_name = models.CharField(_("personne à prévenir"), max_length=150, blank=True)
    emergency_contact_phone = models.CharField(_("son téléphone"), max_length=30, blank=True)
    emergency_contact_relation = models.CharField(_("lien"), max_length=60, blank=True)

    # Bank
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)

    # Family, education, disability
    family_status = models.CharField(
        _("situation familiale"), max_length=20, choices=FamilyStatus.choices, blank=True
    )
    children_count = models.PositiveSmallIntegerField(
        _("enfants à charge"), default=0, validators=[MinValueValidator(0)]
    )
    education_level = models.CharField(
        _("niveau de formation"), max_length=1, choices=EducationLevel.choices, blank=True
    )
    disability_recognised = models.BooleanField(_("RQTH"), default=False)
    disability_end_date = models.DateField(_("fin de validité de la RQTH"), null=True, blank=True)

    # Work permit of a foreign worker
    work_permit_type = models.CharField(
        _("titre de travail"), max_length=30, choices=WorkPermitType.choices, blank=True
    )
    work_permit_number = models.CharField(_("numéro du titre"), max_length=40, blank=True)
    work_permit_expiry = models.DateField(_("expiration du titre"), null=True, blank=True)

    # Closed once the person has left (departures app): the file is then read-only.
    file_closed_at = models.DateTimeField(
        _("dossier clos le"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("salarié")
        verbose_name_plural = _("salariés")
        ordering = ["last_name", "first_names"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "matricule"], name="employee_matricule_unique"
            ),
            models.CheckConstraint(
                condition=Q(children_count__gte=0), name="employee_children_not_negative"
            ),
        ]
        indexes = [
            models.Index(fields=["employer", "last_name", "first_names"], name="employee_name_idx"),
            models.Index(fields=["matricule"], name="employee_matricule_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.matricule})"

    @property
    def display_name(self) -> str:
        return display_name_of(self.last_name, self.usage_name, self.first_names)

    @property
    def is_closed(self) -> bool:
        return self.file_closed_at is not None

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.nir and not self.temporary_number and len(self.nir) == 15:
            for message in nir_consistency_errors(
                self.nir, sex=self.sex or None, birth_date=self.birth_date
            ):
                errors.setdefault("nir", []).append(message)
        if self.work_permit_type and not (self.work_permit_number and self.work_permit_expiry):
            errors["work_permit_number"] = [
                str(_("Le numéro et la date d'expiration du titre de travail sont obligatoires."))
            ]
        if self.disability_end_date and not self.disability_recognised:
            errors["disability_end_date"] = [
                str(_("Une date de fin de RQTH suppose une RQTH reconnue."))
            ]
        if self.department is not None and self.department.employer_id != self.employer_id:
            errors["department"] = [str(_("Le service doit appartenir à l'employeur du salarié."))]
        if errors:
            raise ValidationError(errors)


class DocumentKind(models.TextChoices):
    IDENTITY = "identite", _("Pièce d'identité")
    RESIDENCE = "sejour", _("Titre de séjour / de travail")
    VITAL_CARD = "vitale", _("Carte Vitale / attestation de droits")
    BANK = "rib", _("RIB")
    DIPLOMA = "diplome", _("Diplôme, certification")
    DRIVING = "permis", _("Permis de conduire")
    CONTRACT = "contrat", _("Contrat ou avenant signé")
    DISABILITY = "rqth", _("Reconnaissance de travailleur handicapé")
    MEDICAL = "aptitude", _("Avis d'aptitude (santé au travail)")
    CERTIFICATE = "attestation", _("Attestation, certificat")
    OTHER = "autre", _("Autre")


#: Kinds of document that are health data: HR and the employee only, reads audited.
HEALTH_DOCUMENT_KINDS = frozenset({DocumentKind.DISABILITY, DocumentKind.MEDICAL})


def document_path(instance: EmployeeDocument, filename: str) -> str:
    return f"dossiers/{instance.employee.employer_id}/{instance.employee_id}/{filename}"


class EmployeeDocument(AuditScoped, TimeStampedModel):
    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    file = models.FileField(_("fichier"), upload_to=document_path)
    expiry_date = models.DateField(_("date d'expiration"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document du dossier")
        verbose_name_plural = _("documents du dossier")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_health_data(self) -> bool:
        return self.kind in HEALTH_DOCUMENT_KINDS


class ChangeRequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("En attente")
    APPROVED = "approved", _("Validée")
    REJECTED = "rejected", _("Refusée")


#: Fields an employee may ask to change in their own file.
SELF_SERVICE_FIELDS = (
    "usage_name",
    *PERSONAL_CONTACT_FIELDS,
    *EMERGENCY_CONTACT_FIELDS,
    *BANK_FIELDS,
    *FAMILY_FIELDS,
)


class ChangeRequest(AuditScoped, TimeStampedModel):
    """An employee's request to change their own file, applied once HR validates it."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="change_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changes = models.JSONField(_("modifications demandées"))
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.SUBMITTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(_("commentaire"), blank=True)

    class Meta:
        verbose_name = _("demande de modification")
        verbose_name_plural = _("demandes de modification")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.employee} — {self.get_status_display()}"

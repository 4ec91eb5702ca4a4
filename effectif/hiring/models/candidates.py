"""Candidates, their interviews and the letters sent to them.

A candidate's data are kept two years after the last contact, then erased (see
`services.retention`); `last_contact_at` moves with every exchange.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.employees.models import Employee
from effectif.hiring.models.postings import JobPosting
from effectif.organisation.models import Employer


class CandidateStatus(models.TextChoices):
    RECEIVED = "received", _("Reçue")
    SHORTLISTED = "shortlisted", _("Présélectionnée")
    INTERVIEW = "interview", _("Entretien")
    OFFER = "offer", _("Proposition")
    HIRED = "hired", _("Embauchée")
    REJECTED = "rejected", _("Non retenue")


#: The statuses still in progress (the pipeline's columns before an outcome).
OPEN_STATUSES = (
    CandidateStatus.RECEIVED,
    CandidateStatus.SHORTLISTED,
    CandidateStatus.INTERVIEW,
    CandidateStatus.OFFER,
)


class CandidateSource(models.TextChoices):
    CAREERS = "site", _("Page carrières")
    HR = "rh", _("Saisie par les RH")
    API = "api", _("API")


class Civility(models.TextChoices):
    MADAME = "mme", _("Madame")
    MONSIEUR = "m", _("Monsieur")


def cv_path(instance: Candidate, filename: str) -> str:
    return f"candidatures/{instance.employer_id}/{filename}"


class Candidate(AuditScoped, TimeStampedModel):
    audit_employee_path = "employee_id"

    #: What a candidate says of themselves (the public form and HR's, the audited fields).
    CONTACT_FIELDS = (
        "civility",
        "first_names",
        "last_name",
        "email",
        "phone",
        "address",
        "postal_code",
        "city",
    )

    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="candidates"
    )
    posting = models.ForeignKey(
        JobPosting,
        verbose_name=_("offre"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
    )
    civility = models.CharField(_("civilité"), max_length=3, choices=Civility.choices, blank=True)
    first_names = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    cv = models.FileField(_("CV"), upload_to=cv_path, blank=True)
    cv_filename = models.CharField(_("nom du fichier du CV"), max_length=120, blank=True)
    message = models.TextField(_("message ou lettre de motivation"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=15,
        choices=CandidateStatus.choices,
        default=CandidateStatus.RECEIVED,
    )
    source = models.CharField(
        _("origine"), max_length=5, choices=CandidateSource.choices, default=CandidateSource.HR
    )
    consent_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    consent_text = models.TextField(_("texte accepté"), blank=True)
    last_contact_at = models.DateTimeField(_("dernier contact"), default=timezone.now)
    notes = models.TextField(_("notes des RH"), blank=True)
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("dossier du personnel"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    contract = models.ForeignKey(
        Contract,
        verbose_name=_("contrat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("candidat")
        verbose_name_plural = _("candidats")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["employer", "status"], name="candidate_employer_status"),
            models.Index(fields=["last_contact_at"], name="candidate_last_contact"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_names}"

    def get_absolute_url(self) -> str:
        return reverse("hiring:candidate", args=[self.pk])

    @property
    def pseudonym(self) -> str:
        """How documents and their audit entries name the application: no personal data, so
        that nothing remains of the candidate once erased."""
        return str(_("candidature n° %(pk)s") % {"pk": self.pk})

    def clean(self) -> None:
        if self.posting is not None and self.posting.employer_id != self.employer_id:
            raise ValidationError({"posting": [str(_("L'offre doit être de cet employeur."))]})


class InterviewStatus(models.TextChoices):
    PLANNED = "planned", _("Prévu")
    DONE = "done", _("Tenu")
    CANCELLED = "cancelled", _("Annulé")


class Interview(AuditScoped, TimeStampedModel):
    audit_employer_path = "candidate.employer_id"

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidat"), on_delete=models.CASCADE, related_name="interviews"
    )
    scheduled_at = models.DateTimeField(_("date et heure"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=60)
    place = models.CharField(_("lieu"), max_length=300, blank=True)
    video_link = models.URLField(_("lien de visioconférence"), blank=True)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("recruteurs"), blank=True, related_name="+"
    )
    other_interviewers = models.CharField(
        _("autres participants"), max_length=200, blank=True, help_text=_("Nom et fonction.")
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=InterviewStatus.choices, default=InterviewStatus.PLANNED
    )
    assessment = models.TextField(
        _("compte rendu"),
        blank=True,
        help_text=_(
            "Appréciation des seules aptitudes professionnelles au regard du poste "
            "(C. trav. L1221-6)."
        ),
    )

    class Meta:
        verbose_name = _("entretien")
        verbose_name_plural = _("entretiens")
        ordering = ["scheduled_at", "id"]

    def __str__(self) -> str:
        when = timezone.localtime(self.scheduled_at).strftime("%d/%m/%Y %H:%M")
        return str(
            _("Entretien du %(when)s — %(who)s") % {"when": when, "who": self.candidate.pseudonym}
        )

    def clean(self) -> None:
        if not self.place.strip() and not self.video_link:
            raise ValidationError(
                {
                    "place": [
                        str(_("Indiquez le lieu de l'entretien ou un lien de visioconférence."))
                    ]
                }
            )


class LetterKind(models.TextChoices):
    """The letters written to candidates (the documents app's template kinds of the same codes)."""

    REJECTION = TemplateKind.APPLICATION_REJECTED.value, _("Réponse négative")
    INVITATION = TemplateKind.RECRUITMENT_INTERVIEW.value, _("Invitation à un entretien")


def letter_path(instance: CandidateLetter, filename: str) -> str:
    return f"candidatures/{instance.candidate.employer_id}/courriers/{filename}"


class CandidateLetter(AuditScoped, TimeStampedModel):
    """A letter generated from a template for a candidate: the record and its PDF (candidates
    have no personnel file to keep it in)."""

    audit_employer_path = "candidate.employer_id"

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidat"), on_delete=models.CASCADE, related_name="letters"
    )
    interview = models.ForeignKey(
        Interview, on_delete=models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    kind = models.CharField(_("type de courrier"), max_length=40, choices=LetterKind.choices)
    title = models.CharField(_("intitulé"), max_length=200)
    file = models.FileField(_("fichier"), upload_to=letter_path)
    template = models.ForeignKey(
        DocumentTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_at = models.DateTimeField(_("envoyé par e-mail le"), null=True, blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("courrier au candidat")
        verbose_name_plural = _("courriers aux candidats")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class ApplicationAttempt(models.Model):
    """One submission of the public form, by a hashed client address: enough to slow down
    spam, nothing to identify anyone. Purged after a day."""

    client_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("envoi du formulaire de candidature")
        verbose_name_plural = _("envois du formulaire de candidature")

    def __str__(self) -> str:
        return f"{self.client_hash[:8]}… {self.at:%d/%m/%Y %H:%M}"

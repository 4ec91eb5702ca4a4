"""Requests to exercise a right (RGPD art. 15 to 21), the archives produced for them, and the
erasures done on people's data."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee
from effectif.organisation.models import Employer


class RightKind(models.TextChoices):
    ACCESS = "acces", _("Accès (art. 15)")
    RECTIFICATION = "rectification", _("Rectification (art. 16)")
    ERASURE = "effacement", _("Effacement (art. 17)")
    RESTRICTION = "limitation", _("Limitation (art. 18)")
    PORTABILITY = "portabilite", _("Portabilité (art. 20)")
    OBJECTION = "opposition", _("Opposition (art. 21)")


#: How the request reads as a title, elision included.
REQUEST_TITLES = {
    RightKind.ACCESS: _("Demande d'accès"),
    RightKind.RECTIFICATION: _("Demande de rectification"),
    RightKind.ERASURE: _("Demande d'effacement"),
    RightKind.RESTRICTION: _("Demande de limitation"),
    RightKind.PORTABILITY: _("Demande de portabilité"),
    RightKind.OBJECTION: _("Opposition à un traitement"),
}


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Reçue")
    IN_PROGRESS = "in_progress", _("En cours")
    ANSWERED = "answered", _("Répondue")
    REFUSED = "refused", _("Refusée (motivée)")


OPEN_REQUEST_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)


class RightsRequest(AuditScoped, TimeStampedModel):
    """A « demande d'exercice de droits », from its receipt to its answer."""

    audit_employee_path = "employee_id"

    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="+"
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("salarié concerné"),
        on_delete=models.PROTECT,
        related_name="rights_requests",
    )
    kind = models.CharField(_("droit exercé"), max_length=15, choices=RightKind.choices)
    received_date = models.DateField(_("reçue le"))
    details = models.TextField(_("objet de la demande"), blank=True)
    extended = models.BooleanField(
        _("délai prolongé de deux mois"),
        default=False,
        help_text=_(
            "Compte tenu de la complexité ou du nombre de demandes (RGPD art. 12.3) ; la "
            "personne en est informée dans le premier mois, avec les motifs."
        ),
    )
    extension_reason = models.CharField(_("motif de la prolongation"), max_length=300, blank=True)
    deadline_date = models.DateField(_("à répondre avant le"), editable=False)
    status = models.CharField(
        _("état"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    answer = models.TextField(_("réponse"), blank=True)
    answered_date = models.DateField(_("répondue le"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    #: what was done for the request, in order: [{"at": ISO datetime, "by": name, "what": text}]
    actions = models.JSONField(_("suites données"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("demande d'exercice de droits")
        verbose_name_plural = _("demandes d'exercice de droits")
        ordering = ["-received_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_date__gte=models.F("received_date")),
                name="rights_request_deadline_after_receipt",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[RequestStatus.ANSWERED, RequestStatus.REFUSED])
                | Q(answered_date__isnull=False),
                name="rights_request_answer_dated",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline_date"], name="rights_request_due_idx")]

    def __str__(self) -> str:
        return _("%(kind)s — %(name)s (reçue le %(day)s)") % {
            "kind": self.get_kind_display(),
            "name": self.employee.display_name,
            "day": self.received_date.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self) -> str:
        return reverse("privacy:request", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    @property
    def title(self) -> str:
        return str(REQUEST_TITLES.get(RightKind(self.kind), self.get_kind_display()))


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RUNNING = "running", _("En préparation")
    READY = "ready", _("Prête")
    FAILED = "failed", _("Échec")


def export_path(instance: DataExport, filename: str) -> str:
    """Under MEDIA_ROOT/exports/, by employer, with an unguessable name (never served as a
    static file: downloads go through the scoped view)."""
    return f"exports/{instance.employee.employer_id}/{uuid.uuid4().hex}.zip"


class DataExport(AuditScoped, models.Model):
    """An archive of everything Effectif holds about a person, built by a background task."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.CASCADE, related_name="+"
    )
    request = models.ForeignKey(
        RightsRequest,
        verbose_name=_("demande"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exports",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("état"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.FileField(_("archive"), upload_to=export_path, max_length=200, blank=True)
    size = models.PositiveBigIntegerField(_("taille (octets)"), default=0)
    file_count = models.PositiveIntegerField(_("fichiers joints"), default=0)
    error = models.CharField(_("erreur"), max_length=500, blank=True)
    task_id = models.CharField(_("tâche"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("prête le"), null=True, blank=True)

    class Meta:
        verbose_name = _("archive de données personnelles")
        verbose_name_plural = _("archives de données personnelles")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return _("Archive de %(name)s (%(day)s)") % {
            "name": self.employee.display_name,
            "day": self.created_at.strftime("%d/%m/%Y %H:%M") if self.created_at else "",
        }

    @property
    def is_waiting(self) -> bool:
        return self.status in (ExportStatus.PENDING, ExportStatus.RUNNING)


class PersonErasure(models.Model):
    """The erasures done on one person's data: which parts, when, and when to look again (a
    part kept longer, or the name still needed by accounting records)."""

    employee = models.OneToOneField(
        Employee, on_delete=models.CASCADE, related_name="privacy_erasure"
    )
    pseudonym = models.CharField(_("pseudonyme"), max_length=100)
    parts = models.JSONField(_("parties effacées"), default=dict, blank=True)
    identity_erased = models.BooleanField(_("identité pseudonymisée"), default=False)
    next_review_date = models.DateField(_("prochain examen"), null=True, blank=True)
    first_at = models.DateTimeField(_("premier effacement"), auto_now_add=True)
    last_at = models.DateTimeField(_("dernier effacement"), auto_now=True)

    class Meta:
        verbose_name = _("effacement de données")
        verbose_name_plural = _("effacements de données")

    def __str__(self) -> str:
        return self.pseudonym

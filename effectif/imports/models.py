"""An uploaded import file, kept between its preview and its confirmation."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.organisation.models import Employer


class ImportStatus(models.TextChoices):
    ANALYSED = "analysed", _("Analysé, en attente de confirmation")
    CONFIRMED = "confirmed", _("Importé")
    CANCELLED = "cancelled", _("Annulé")


class ImportFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (.xlsx)")


def import_path(instance: ImportBatch, filename: str) -> str:
    """Under MEDIA_ROOT/imports/, by employer, with an unguessable name."""
    suffix = Path(filename).suffix.lower()[:6]
    return f"imports/{instance.employer_id}/{uuid.uuid4().hex}{suffix}"


class ImportBatch(AuditScoped, TimeStampedModel):
    """One file of employees and contracts: analysed at upload, written at confirmation.

    The file holds personal data (NIR, IBAN): it is deleted once the import is confirmed or
    cancelled; the counts, the errors of the last analysis and the created contracts remain.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("fichier"), upload_to=import_path, max_length=200, blank=True)
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    file_format = models.CharField(_("format"), max_length=4, choices=ImportFormat.choices)
    status = models.CharField(
        _("statut"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.ANALYSED
    )
    description = models.CharField(_("lecture du fichier"), max_length=200, blank=True)
    row_count = models.PositiveIntegerField(_("lignes lues"), default=0)
    error_count = models.PositiveIntegerField(_("erreurs"), default=0)
    error_row_count = models.PositiveIntegerField(_("lignes en erreur"), default=0)
    employees_to_create = models.PositiveIntegerField(_("salariés à créer"), default=0)
    contracts_to_create = models.PositiveIntegerField(_("contrats à créer"), default=0)
    contracts_for_existing = models.PositiveIntegerField(
        _("contrats de salariés existants"), default=0
    )
    errors = models.JSONField(_("erreurs"), default=list, blank=True)
    notes = models.JSONField(_("remarques"), default=list, blank=True)
    columns = models.JSONField(_("colonnes reconnues"), default=list, blank=True)
    sample = models.JSONField(_("aperçu"), default=list, blank=True)
    employees_created = models.PositiveIntegerField(_("salariés créés"), default=0)
    contracts_created = models.PositiveIntegerField(_("contrats créés"), default=0)
    created_contract_ids = models.JSONField(_("contrats créés"), default=list, blank=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("import de salariés")
        verbose_name_plural = _("imports de salariés")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "created_at"], name="import_batch_user_idx")]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def is_pending(self) -> bool:
        return self.status == ImportStatus.ANALYSED

    @property
    def can_confirm(self) -> bool:
        return self.is_pending and self.error_count == 0 and self.contracts_to_create > 0

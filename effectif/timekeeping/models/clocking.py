"""An import of clocked hours (badge exports): analysed at upload, written at confirmation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.organisation.models import Employer


class ClockImportStatus(models.TextChoices):
    ANALYSED = "analysed", _("Analysé, en attente de confirmation")
    CONFIRMED = "confirmed", _("Importé")
    CANCELLED = "cancelled", _("Annulé")


class ClockImport(AuditScoped, TimeStampedModel):
    """One file of clocked hours for one employer. What it would write is kept as read
    (`days`: one entry per employee and day, with its stretches), so the confirmation writes
    exactly what the preview showed, after checking again what may have changed since."""

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
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    description = models.CharField(_("lecture du fichier"), max_length=200, blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=ClockImportStatus.choices,
        default=ClockImportStatus.ANALYSED,
    )
    row_count = models.PositiveIntegerField(_("lignes lues"), default=0)
    error_count = models.PositiveIntegerField(_("erreurs"), default=0)
    errors = models.JSONField(_("erreurs"), default=list, blank=True)
    days = models.JSONField(_("journées à enregistrer"), default=list, blank=True)
    employee_count = models.PositiveIntegerField(_("salariés concernés"), default=0)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("import de pointages")
        verbose_name_plural = _("imports de pointages")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def is_pending(self) -> bool:
        return self.status == ClockImportStatus.ANALYSED

    @property
    def can_confirm(self) -> bool:
        return self.is_pending and self.error_count == 0 and bool(self.days)

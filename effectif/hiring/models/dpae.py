"""The pre-hire declaration (DPAE) of a contract: to file with URSSAF before the hire."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract
from effectif.core.models import AuditScoped, TimeStampedModel


class DpaeStatus(models.TextChoices):
    TODO = "todo", _("À faire")
    DONE = "done", _("Effectuée")


class Dpae(AuditScoped, TimeStampedModel):
    audit_employer_path = "contract.employee.employer_id"
    audit_employee_path = "contract.employee_id"

    contract = models.OneToOneField(
        Contract, verbose_name=_("contrat"), on_delete=models.PROTECT, related_name="dpae"
    )
    hire_at = models.DateTimeField(_("date et heure d'embauche"))
    status = models.CharField(
        _("statut"), max_length=10, choices=DpaeStatus.choices, default=DpaeStatus.TODO
    )
    nir_absence_reason = models.CharField(
        _("motif de l'absence de NIR"),
        max_length=200,
        blank=True,
        help_text=_("Si le salarié n'a pas encore de NIR : p. ex. « immatriculation en cours »."),
    )
    declared_at = models.DateTimeField(_("déclarée le"), null=True, blank=True)
    receipt_number = models.CharField(
        _("numéro de l'accusé de réception"), max_length=40, blank=True
    )
    declared_data = models.JSONField(_("données déclarées"), default=dict, blank=True)
    late = models.BooleanField(_("effectuée hors délai"), default=False)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("déclaration préalable à l'embauche")
        verbose_name_plural = _("déclarations préalables à l'embauche")
        ordering = ["-hire_at", "-id"]

    def __str__(self) -> str:
        return str(
            _("DPAE de %(name)s — %(when)s")
            % {
                "name": self.contract.employee.display_name,
                "when": timezone.localtime(self.hire_at).strftime("%d/%m/%Y %H:%M"),
            }
        )

    def get_absolute_url(self) -> str:
        return reverse("hiring:dpae", args=[self.pk])

"""The register itself is read live from the files and contracts; this table records which
entries were purged after their 5 years of retention (C. trav. R1221-26), as proof."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract


class RegisterPurge(models.Model):
    contract = models.OneToOneField(
        Contract, on_delete=models.CASCADE, related_name="register_purge"
    )
    establishment_id = models.BigIntegerField(_("établissement"), null=True)
    departure_date = models.DateField(_("date de sortie"))
    purged_at = models.DateTimeField(_("retirée du registre le"), auto_now_add=True)

    class Meta:
        verbose_name = _("entrée retirée du registre")
        verbose_name_plural = _("entrées retirées du registre")

    def __str__(self) -> str:
        return f"{self.contract_id} ({self.purged_at:%d/%m/%Y})"

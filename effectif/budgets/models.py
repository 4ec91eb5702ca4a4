"""Budgets per department and year, followed against what was actually committed and spent.

The first kind is the travel budget: approved trips count as committed until their expense
report is reimbursed, then the reimbursed amount counts as spent.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.organisation.models import Department


class BudgetKind(models.TextChoices):
    TRAVEL = "deplacements", _("Déplacements et frais professionnels")


class Budget(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    audit_employer_path = "department.employer_id"

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("service")
    )
    kind = models.CharField(
        _("nature"), max_length=20, choices=BudgetKind.choices, default=BudgetKind.TRAVEL
    )
    year = models.PositiveSmallIntegerField(
        _("année"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("montant annuel"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    comment = models.CharField(_("commentaire"), max_length=300, blank=True)

    unique_messages = {
        "budgets_one_per_department_year": (
            "year",
            _("Ce service a déjà un budget de cette nature pour %(value)s."),
        )
    }

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["-year", "department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "kind", "year"], name="budgets_one_per_department_year"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="budgets_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department} — {self.year}"

"""Expense reports (notes de frais), their lines and the payments that reimburse them.

A report moves draft → submitted → approved by the manager → checked by HR → reimbursed (or
rejected). Each line keeps its receipt, the anomalies the checks found, and the approver's
decision: accepted, reduced (with the accepted amount) or rejected, with a comment. When HR
checks the report, each accepted amount is split into its exempt part and the excess over the
URSSAF limits, which payroll subjects to contributions.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.core.workflow import Approvable
from effectif.employees.models import Employee
from effectif.organisation.models import Department, Employer
from effectif.travel.models.policy import Vehicle
from effectif.travel.models.trips import Trip

_POSITIVE = [MinValueValidator(Decimal("0"))]


class ExpenseStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("En attente du manager")
    MANAGER_APPROVED = "manager_approved", _("En attente du contrôle")
    CHECKED = "checked", _("Contrôlée, à rembourser")
    REIMBURSED = "reimbursed", _("Remboursée")
    REJECTED = "rejected", _("Refusée")


class ReimbursementMethod(models.TextChoices):
    PAYROLL = "paie", _("Avec la paie")
    TRANSFER = "virement", _("Par virement SEPA")


class ExpenseCategory(models.TextChoices):
    MEAL = "repas", _("Repas")
    LODGING = "hebergement", _("Hébergement")
    TRANSPORT = "transport", _("Transport")
    MILEAGE = "kilometres", _("Indemnités kilométriques")
    TOLLS_PARKING = "peage_parking", _("Péages et stationnement")
    OTHER = "autre", _("Autre")


class MealKind(models.TextChoices):
    """Which URSSAF meal limit applies (arrêté du 20/12/2002, art. 3)."""

    ON_SITE = "sur_place", _("Repas sur le lieu de travail (horaires particuliers)")
    OFF_SITE = "hors_locaux", _("Repas hors des locaux, sans restaurant")
    RESTAURANT = "restaurant", _("Repas au restaurant en déplacement")
    LONG_DISTANCE = "grand_deplacement", _("Repas en grand déplacement")


class LineDecision(models.TextChoices):
    PENDING = "a_decider", _("À décider")
    ACCEPTED = "acceptee", _("Acceptée")
    REDUCED = "reduite", _("Réduite")
    REJECTED = "rejetee", _("Rejetée")


class PaymentBatch(AuditScoped, TimeStampedModel):
    """One SEPA credit-transfer file (pain.001) reimbursing several reports."""

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="+")
    message_id = models.CharField(_("identifiant du message"), max_length=35, unique=True)
    execution_date = models.DateField(_("date d'exécution"))
    total_amount = models.DecimalField(_("montant total"), max_digits=12, decimal_places=2)
    transfer_count = models.PositiveIntegerField(_("nombre de virements"))
    xml = models.TextField(_("fichier pain.001"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("remise de virements")
        verbose_name_plural = _("remises de virements")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message_id


class ExpenseReport(AuditScoped, NamedUniqueMixin, Approvable, TimeStampedModel):
    audit_employee_path = "employee_id"

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="expense_reports")
    reference = models.CharField(_("référence"), max_length=20, editable=False)
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="expense_reports",
        verbose_name=_("salarié"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service imputé"),
    )
    trip = models.ForeignKey(
        Trip,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expense_reports",
        verbose_name=_("ordre de mission"),
    )
    title = models.CharField(_("intitulé"), max_length=200)
    status = models.CharField(
        _("statut"), max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.DRAFT
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contrôlée par"),
    )
    checked_at = models.DateTimeField(_("contrôlée le"), null=True, blank=True)
    reimbursement_method = models.CharField(
        _("mode de remboursement"),
        max_length=10,
        choices=ReimbursementMethod.choices,
        blank=True,
    )
    payroll_month = models.DateField(_("mois de paie"), null=True, blank=True)
    payment_batch = models.ForeignKey(
        PaymentBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("remise de virements"),
    )
    reimbursed_at = models.DateTimeField(_("remboursée le"), null=True, blank=True)
    accepted_amount = models.DecimalField(
        _("montant accepté"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    exempt_amount = models.DecimalField(
        _("part exonérée"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    taxable_amount = models.DecimalField(
        _("part soumise à cotisations"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    advance_deducted_amount = models.DecimalField(
        _("avance déduite"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    payable_amount = models.DecimalField(
        _("net à rembourser"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    parameters_version = models.CharField(
        _("paramètres appliqués"), max_length=40, blank=True, editable=False
    )

    unique_messages = {
        "travel_report_reference": ("reference", _("La référence %(value)s existe déjà."))
    }

    class Meta:
        verbose_name = _("note de frais")
        verbose_name_plural = _("notes de frais")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "reference"], name="travel_report_reference"
            ),
        ]
        indexes = [models.Index(fields=["employer", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("travel:report", args=[self.pk])


def receipt_path(instance: ExpenseLine, filename: str) -> str:
    report = instance.report
    return f"justificatifs/{report.employer_id}/{report.employee_id}/{report.pk}/{filename}"


class ExpenseLine(AuditScoped, TimeStampedModel):
    audit_employer_path = "report.employer_id"
    audit_employee_path = "report.employee_id"

    report = models.ForeignKey(ExpenseReport, on_delete=models.CASCADE, related_name="lines")
    category = models.CharField(_("catégorie"), max_length=20, choices=ExpenseCategory.choices)
    expense_date = models.DateField(_("date"))
    merchant = models.CharField(_("fournisseur"), max_length=120, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("montant TTC (€)"), max_digits=9, decimal_places=2, validators=_POSITIVE
    )
    vat_amount = models.DecimalField(
        _("TVA récupérable (€)"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=_POSITIVE,
    )
    currency = models.CharField(_("devise"), max_length=3, default="EUR")
    original_amount = models.DecimalField(
        _("montant en devise"),
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
    )
    exchange_rate = models.DecimalField(
        _("taux de change (€ pour 1 unité)"),
        max_digits=12,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    receipt = models.FileField(_("justificatif"), upload_to=receipt_path, blank=True)
    meal_kind = models.CharField(
        _("type de repas"), max_length=20, choices=MealKind.choices, blank=True
    )
    paris_area = models.BooleanField(
        _("Paris et petite couronne"),
        default=False,
        help_text=_(
            "Hébergement à Paris, dans les Hauts-de-Seine, la Seine-Saint-Denis ou le Val-de-Marne."
        ),
    )
    guests = models.PositiveSmallIntegerField(_("nombre de convives"), default=1)
    vehicle = models.ForeignKey(
        Vehicle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("véhicule"),
    )
    route_from = models.CharField(_("trajet : départ"), max_length=120, blank=True)
    route_to = models.CharField(_("trajet : arrivée"), max_length=120, blank=True)
    distance_km = models.DecimalField(
        _("distance (km)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=_POSITIVE,
    )
    computation = models.CharField(_("calcul"), max_length=300, blank=True)
    anomalies = models.JSONField(_("anomalies"), default=list, blank=True)
    decision = models.CharField(
        _("décision"), max_length=12, choices=LineDecision.choices, default=LineDecision.PENDING
    )
    accepted_amount = models.DecimalField(
        _("montant accepté"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
    )
    decision_comment = models.CharField(_("commentaire"), max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    exempt_amount = models.DecimalField(
        _("part exonérée"), max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    taxable_amount = models.DecimalField(
        _("part soumise à cotisations"), max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    # Raised by each change the workflow makes to the line (a decision, the approval that
    # accepts it, the check that splits it): a decision sent with the version read is refused
    # when the line has changed since, instead of silently replacing another's.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("ligne de frais")
        verbose_name_plural = _("lignes de frais")
        ordering = ["report", "expense_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="travel_line_not_negative"),
            models.CheckConstraint(
                condition=Q(vat_amount__lte=models.F("amount")), name="travel_line_vat_in_amount"
            ),
        ]
        indexes = [models.Index(fields=["expense_date", "amount"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.expense_date:%d/%m/%Y} {self.amount} €"

"""A departure: its reason, the dates of its procedure, its notice, the amounts handed to
payroll, its checklist; the employers' notice periods by agreement; CDD renewals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import CategoryChoices, Contract
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.departures.workflows import Reason
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.rules.contracts.fixed_term import INDEMNITY_EXCEPTIONS

AMOUNT: dict[str, Any] = {"max_digits": 11, "decimal_places": 2, "null": True, "blank": True}


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En cours")
    ENDED = "ended", _("Contrat terminé")
    CLOSED = "closed", _("Dossier clos")
    CANCELLED = "cancelled", _("Abandonné")


class Party(models.TextChoices):
    EMPLOYER = "employeur", _("L'employeur")
    EMPLOYEE = "salarie", _("Le salarié")


CDD_EXCEPTION_CHOICES = [
    (key, label)
    for key, label in INDEMNITY_EXCEPTIONS.items()
    if key not in {"saisonnier", "usage", "aide", "formation", "rupture_salarie"}
]


class Departure(AuditScoped, TimeStampedModel):
    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    #: The steps of a dismissal: convocation, preliminary interview, notification.
    DISMISSAL_STEP_FIELDS = (
        "convocation_date",
        "interview_date",
        "interview_time",
        "interview_place",
        "notification_date",
        "notification_received_date",
    )
    #: The procedure's steps as HR enters them (those of a dismissal, then signature,
    #: withdrawal, homologation) and the agreed indemnity: entered by the services, exported
    #: with the person's data.
    PROCEDURE_FIELDS = (
        *DISMISSAL_STEP_FIELDS,
        "signature_date",
        "withdrawn_date",
        "withdrawn_by",
        "homologation_request_date",
        "homologation_date",
        "agreed_indemnity_amount",
    )

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="departures"
    )
    contract = models.ForeignKey(
        Contract, verbose_name=_("contrat"), on_delete=models.PROTECT, related_name="departures"
    )
    reason = models.CharField(_("motif du départ"), max_length=30, choices=Reason.choices)
    status = models.CharField(
        _("état"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    # Procedure
    convocation_date = models.DateField(
        _("présentation de la convocation"),
        null=True,
        blank=True,
        help_text=_("Date de première présentation de la lettre ou de sa remise en main propre."),
    )
    interview_date = models.DateField(_("date de l'entretien"), null=True, blank=True)
    interview_time = models.TimeField(_("heure de l'entretien"), null=True, blank=True)
    interview_place = models.CharField(_("lieu de l'entretien"), max_length=200, blank=True)
    notification_date = models.DateField(
        _("date de notification"),
        null=True,
        blank=True,
        help_text=_(
            "Envoi de la lettre de licenciement, réception de la démission, annonce de la fin "
            "de la période d'essai ou de la retraite."
        ),
    )
    notification_received_date = models.DateField(
        _("première présentation de la notification"),
        null=True,
        blank=True,
        help_text=_("Le préavis court de cette date (C. trav. L1234-3) ; vide : la notification."),
    )
    signature_date = models.DateField(_("signature de la convention"), null=True, blank=True)
    withdrawn_date = models.DateField(_("date de rétractation"), null=True, blank=True)
    withdrawn_by = models.CharField(
        _("rétractation de"), max_length=10, choices=Party.choices, blank=True
    )
    homologation_request_date = models.DateField(
        _("réception de la demande d'homologation"), null=True, blank=True
    )
    homologation_date = models.DateField(_("homologation"), null=True, blank=True)
    agreed_indemnity_amount = models.DecimalField(
        _("indemnité spécifique convenue"), validators=[MinValueValidator(Decimal(0))], **AMOUNT
    )
    executive = models.BooleanField(
        _("personnel d'encadrement"),
        default=False,
        help_text=_("Licenciement économique : 15 jours ouvrables avant la notification."),
    )
    cdd_exception = models.CharField(
        _("indemnité de fin de CDD non due"),
        max_length=20,
        choices=CDD_EXCEPTION_CHOICES,
        blank=True,
    )
    # Notice and dates
    notice_label = models.CharField(_("préavis"), max_length=60, blank=True)
    notice_basis = models.CharField(_("fondement du préavis"), max_length=200, blank=True)
    notice_start_date = models.DateField(_("début du préavis"), null=True, blank=True)
    notice_end_date = models.DateField(_("fin du préavis"), null=True, blank=True)
    notice_waived = models.BooleanField(
        _("dispense de préavis par l'employeur"),
        default=False,
        help_text=_("Le préavis est payé mais non travaillé ; le contrat finit à son terme."),
    )
    last_working_date = models.DateField(_("dernier jour travaillé"), null=True, blank=True)
    end_date = models.DateField(_("date de sortie"), null=True, blank=True)
    # Amounts handed to payroll (gross), with how they were computed
    reference_salary_amount = models.DecimalField(_("salaire de référence"), **AMOUNT)
    severance_amount = models.DecimalField(_("indemnité de rupture"), **AMOUNT)
    cdd_indemnity_amount = models.DecimalField(_("indemnité de fin de contrat"), **AMOUNT)
    leave_days = models.DecimalField(
        _("congés payés non pris"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    leave_indemnity_amount = models.DecimalField(
        _("indemnité compensatrice de congés payés"), **AMOUNT
    )
    amounts_basis = models.JSONField(_("détail des calculs"), default=dict, blank=True)
    checklist = models.JSONField(_("liste de sortie"), default=dict, blank=True)
    note = models.TextField(_("observations"), blank=True)
    ended_at = models.DateTimeField(_("contrat terminé le"), null=True, blank=True)
    closed_at = models.DateTimeField(_("clos le"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("départ")
        verbose_name_plural = _("départs")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract"],
                condition=~Q(status=Status.CANCELLED),
                name="departure_one_per_contract",
            ),
        ]
        indexes = [models.Index(fields=["status", "end_date"], name="departure_status_end_idx")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} — {self.employee.display_name}"

    def get_absolute_url(self) -> str:
        return reverse("departures:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == Status.IN_PROGRESS

    @property
    def total_amount(self) -> Decimal:
        return sum(
            (
                a or Decimal(0)
                for a in (
                    self.severance_amount,
                    self.cdd_indemnity_amount,
                    self.leave_indemnity_amount,
                )
            ),
            Decimal(0),
        )


class NoticeUnit(models.TextChoices):
    DAYS = "jours", _("jours")
    WEEKS = "semaines", _("semaines")
    MONTHS = "mois", _("mois")


class NoticePolicy(AuditScoped, TimeStampedModel):
    """The notice periods the law leaves to the collective agreement or usage, per category:
    resignation (L1237-1) and dismissal under 6 months of seniority (L1234-1 1°), and an
    agreement's dismissal notice when it is longer than the law's (L1234-2)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="notice_policies")
    category = models.CharField(_("catégorie"), max_length=10, choices=CategoryChoices.choices)
    resignation_amount = models.PositiveSmallIntegerField(
        _("préavis de démission"), null=True, blank=True
    )
    resignation_unit = models.CharField(
        _("unité"), max_length=10, choices=NoticeUnit.choices, default=NoticeUnit.MONTHS
    )
    short_dismissal_amount = models.PositiveSmallIntegerField(
        _("préavis de licenciement (moins de 6 mois)"), null=True, blank=True
    )
    short_dismissal_unit = models.CharField(
        _("unité"), max_length=10, choices=NoticeUnit.choices, default=NoticeUnit.DAYS
    )
    dismissal_months = models.PositiveSmallIntegerField(
        _("préavis conventionnel de licenciement (mois)"),
        null=True,
        blank=True,
        help_text=_("S'il est plus long que le préavis légal (C. trav. L1234-2)."),
    )
    source = models.CharField(_("source (article de la convention)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("préavis conventionnel")
        verbose_name_plural = _("préavis conventionnels")
        constraints = [
            models.UniqueConstraint(fields=["employer", "category"], name="notice_policy_unique")
        ]

    def __str__(self) -> str:
        return f"{self.employer} — {self.get_category_display()}"


class FixedTermRenewal(AuditScoped, TimeStampedModel):
    """A renewal of a fixed-term contract: its term moved from one date to a later one."""

    audit_employer_path = "contract.employee.employer_id"
    audit_employee_path = "contract.employee_id"

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="renewals")
    previous_end_date = models.DateField(_("terme précédent"))
    new_end_date = models.DateField(_("nouveau terme"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("renouvellement de CDD")
        verbose_name_plural = _("renouvellements de CDD")
        ordering = ["contract", "new_end_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(new_end_date__gt=models.F("previous_end_date")),
                name="renewal_after_previous_term",
            )
        ]

    def __str__(self) -> str:
        return f"{self.contract} → {self.new_end_date:%d/%m/%Y}"

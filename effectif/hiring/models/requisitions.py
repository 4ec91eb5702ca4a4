"""Job requisitions: a manager asks for a hire, HR approves or refuses it."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import FixedTermReason, Kind, WorkingTimeChoices
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.organisation.models import Department, Employer, Position
from effectif.rules.contracts.kinds import FIXED_TERM_KINDS


class RequisitionReason(models.TextChoices):
    CREATION = "creation", _("Création de poste")
    REPLACEMENT = "remplacement", _("Remplacement")


class RequisitionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("À valider")
    APPROVED = "approved", _("Validée")
    REJECTED = "rejected", _("Refusée")
    CLOSED = "closed", _("Clôturée")


class JobRequisition(AuditScoped, TimeStampedModel):
    """A request to hire for a position, raised by a manager and decided by HR."""

    #: What the requester fills in (the form's fields; the service saves these and the employer).
    REQUESTED_FIELDS = (
        "position",
        "department",
        "reason",
        "replaced_person",
        "contract_kind",
        "fixed_term_reason",
        "working_time",
        "headcount",
        "start_date",
        "end_date",
        "budget_amount",
        "justification",
    )

    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.PROTECT,
        related_name="job_requisitions",
    )
    position = models.ForeignKey(
        Position, verbose_name=_("poste"), on_delete=models.PROTECT, related_name="requisitions"
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("service"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requisitions",
    )
    reason = models.CharField(_("motif"), max_length=15, choices=RequisitionReason.choices)
    replaced_person = models.CharField(_("personne remplacée"), max_length=200, blank=True)
    contract_kind = models.CharField(_("nature du contrat"), max_length=25, choices=Kind.choices)
    fixed_term_reason = models.CharField(
        _("motif de recours (CDD)"), max_length=30, choices=FixedTermReason.choices, blank=True
    )
    working_time = models.CharField(
        _("temps de travail"),
        max_length=20,
        choices=WorkingTimeChoices.choices,
        default=WorkingTimeChoices.FULL_TIME,
    )
    headcount = models.PositiveSmallIntegerField(_("nombre de postes"), default=1)
    start_date = models.DateField(_("date d'arrivée souhaitée"))
    end_date = models.DateField(_("date de fin (contrat à terme)"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget annuel brut"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Salaire annuel brut envisagé, par poste."),
    )
    justification = models.TextField(_("justification"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=RequisitionStatus.choices,
        default=RequisitionStatus.SUBMITTED,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decision_comment = models.TextField(_("commentaire de la décision"), blank=True)

    class Meta:
        verbose_name = _("demande de recrutement")
        verbose_name_plural = _("demandes de recrutement")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="requisition_end_after_start",
            ),
            models.CheckConstraint(condition=Q(headcount__gte=1), name="requisition_headcount"),
            models.CheckConstraint(condition=Q(budget_amount__gte=0), name="requisition_budget"),
        ]

    def __str__(self) -> str:
        return str(
            _("Demande n° %(pk)s — %(position)s") % {"pk": self.pk, "position": self.position}
        )

    def get_absolute_url(self) -> str:
        return reverse("hiring:requisition", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.position_id and self.employer_id and self.position.employer_id != self.employer_id:
            errors["position"] = [str(_("Le poste doit appartenir à l'employeur."))]
        if self.department is not None and self.department.employer_id != self.employer_id:
            errors["department"] = [str(_("Le service doit appartenir à l'employeur."))]
        if self.reason == RequisitionReason.REPLACEMENT and not self.replaced_person.strip():
            errors["replaced_person"] = [str(_("Indiquez la personne remplacée."))]
        if self.contract_kind in FIXED_TERM_KINDS and not self.end_date:
            errors["end_date"] = [str(_("Un contrat à durée déterminée a une date de fin."))]
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = [str(_("La date de fin ne peut pas précéder l'arrivée."))]
        if errors:
            raise ValidationError(errors)

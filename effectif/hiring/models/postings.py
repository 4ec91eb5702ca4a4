"""Job postings: drafted from a fiche de poste, checked, published on the internal board and on
the employer's public careers page."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Kind, WorkingTimeChoices
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.hiring.models.requisitions import JobRequisition
from effectif.organisation.models import Employer, Establishment, Position
from effectif.rules.contracts.kinds import FIXED_TERM_KINDS


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publiée")
    CLOSED = "closed", _("Close")


class JobPosting(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A job offer. Its text is the employer's: it starts from the fiche de poste and is
    edited freely; publishing checks its wording and its mandatory mentions."""

    unique_messages = {
        "posting_reference_unique": (
            "reference",
            _("La référence %(value)s est déjà utilisée par une autre offre de cet employeur."),
        )
    }

    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="job_postings"
    )
    requisition = models.ForeignKey(
        JobRequisition,
        verbose_name=_("demande de recrutement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="postings",
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("fiche de poste"),
        on_delete=models.PROTECT,
        related_name="postings",
    )
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("lieu de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="job_postings",
    )
    reference = models.SlugField(_("référence"), max_length=20)
    title = models.CharField(_("intitulé de l'offre"), max_length=200)
    summary = models.TextField(_("le poste"))
    tasks = models.TextField(_("missions"), blank=True)
    profile = models.TextField(_("profil recherché"), blank=True)
    conditions = models.TextField(
        _("conditions"), blank=True, help_text=_("Horaires, avantages, déplacements…")
    )
    contract_kind = models.CharField(_("nature du contrat"), max_length=25, choices=Kind.choices)
    working_time = models.CharField(
        _("temps de travail"),
        max_length=20,
        choices=WorkingTimeChoices.choices,
        default=WorkingTimeChoices.FULL_TIME,
    )
    start_date = models.DateField(_("prise de poste"), null=True, blank=True)
    end_date = models.DateField(_("fin du contrat (contrat à terme)"), null=True, blank=True)
    pay_range = models.CharField(
        _("rémunération"),
        max_length=150,
        blank=True,
        help_text=_("Montant ou fourchette, p. ex. « 28 000 à 32 000 € bruts annuels »."),
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=PostingStatus.choices, default=PostingStatus.DRAFT
    )
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    closes_on = models.DateField(_("candidatures jusqu'au"), null=True, blank=True)
    on_internal_board = models.BooleanField(_("affichée sur le tableau interne"), default=True)
    on_careers_page = models.BooleanField(_("publiée sur la page carrières"), default=True)
    wording_exception = models.TextField(
        _("exigence professionnelle essentielle et déterminante"),
        blank=True,
        help_text=_(
            "Seulement si un terme signalé répond à une exigence professionnelle essentielle et "
            "déterminante, pour un objectif légitime et proportionné (C. trav. L1133-1) : "
            "expliquez pourquoi."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("offre d'emploi")
        verbose_name_plural = _("offres d'emploi")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employer", "reference"], name="posting_reference_unique"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="posting_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.reference})"

    def get_absolute_url(self) -> str:
        return reverse("hiring:posting", args=[self.pk])

    def is_open(self, today: dt.date) -> bool:
        """Published and still taking applications."""
        return self.status == PostingStatus.PUBLISHED and (
            self.closes_on is None or self.closes_on >= today
        )

    def texts(self) -> dict[str, str]:
        """The texts checked for wording, by field."""
        return {
            "title": self.title,
            "summary": self.summary,
            "tasks": self.tasks,
            "profile": self.profile,
            "conditions": self.conditions,
        }

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.position_id and self.employer_id and self.position.employer_id != self.employer_id:
            errors["position"] = [str(_("La fiche de poste doit appartenir à l'employeur."))]
        if self.establishment is not None and self.establishment.employer_id != self.employer_id:
            errors["establishment"] = [str(_("Le lieu de travail doit appartenir à l'employeur."))]
        if self.requisition is not None and self.requisition.employer_id != self.employer_id:
            errors["requisition"] = [str(_("La demande doit concerner le même employeur."))]
        if self.contract_kind in FIXED_TERM_KINDS and self.start_date and not self.end_date:
            errors["end_date"] = [str(_("Un contrat à durée déterminée a une date de fin."))]
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = [str(_("La fin ne peut pas précéder la prise de poste."))]
        if errors:
            raise ValidationError(errors)

"""Trip requests (ordres de mission): where, when, who, how, and who approved them.

A trip is approved twice: by the traveller's manager, then by HR (who also run finance in the
small employers Effectif serves). Its estimated cost is frozen when it is submitted; the budget
counts it as committed once approved, until its expense report is reimbursed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.core.workflow import Approvable
from effectif.employees.models import Employee, EmployeeDocument
from effectif.organisation.models import Department, Employer
from effectif.travel.models.policy import PriceListEntry, TransportMode, Vehicle

_POSITIVE = [MinValueValidator(Decimal("0"))]


class TripStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("En attente du manager")
    MANAGER_APPROVED = "manager_approved", _("En attente des RH")
    APPROVED = "approved", _("Approuvé")
    REJECTED = "rejected", _("Refusé")
    CANCELLED = "cancelled", _("Annulé")


#: Trips whose estimated cost the budget counts as committed.
COMMITTED_STATUSES = (TripStatus.APPROVED,)


class Trip(AuditScoped, NamedUniqueMixin, Approvable, TimeStampedModel):
    audit_employee_path = "employee_id"

    #: What the requester types (besides the destinations, travellers and department): the
    #: form, the service's input, the audit and the API list them from here.
    REQUESTED_FIELDS: ClassVar[tuple[str, ...]] = (
        "purpose",
        "departure_place",
        "start_date",
        "end_date",
        "distance_km",
        "lodging_nights",
        "meals",
        "advance_requested_amount",
    )

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="trips")
    reference = models.CharField(_("référence"), max_length=20, editable=False)
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="trips",
        verbose_name=_("demandeur"),
    )
    travellers = models.ManyToManyField(
        Employee, related_name="trips_travelled", verbose_name=_("voyageurs")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trips",
        verbose_name=_("service imputé"),
    )
    purpose = models.TextField(_("objet de la mission"))
    departure_place = models.CharField(_("lieu de départ"), max_length=120)
    start_date = models.DateField(_("date de départ"))
    end_date = models.DateField(_("date de retour"))
    distance_km = models.PositiveIntegerField(
        _("distance aller (km)"),
        help_text=_("Du lieu de départ à la destination la plus éloignée."),
    )
    lodging_nights = models.PositiveSmallIntegerField(_("nuits d'hôtel"), default=0)
    meals = models.PositiveSmallIntegerField(_("repas hors domicile"), default=0)
    advance_requested_amount = models.DecimalField(
        _("avance demandée"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=_POSITIVE,
    )
    advance_paid_amount = models.DecimalField(
        _("avance versée"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=_POSITIVE,
    )
    estimated_cost_amount = models.DecimalField(
        _("coût estimé"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=_POSITIVE,
    )
    parameters_version = models.CharField(
        _("paramètres appliqués"), max_length=40, blank=True, editable=False
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=TripStatus.choices, default=TripStatus.DRAFT
    )
    hr_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approuvé par (RH)"),
    )
    hr_decided_at = models.DateTimeField(_("approuvé le (RH)"), null=True, blank=True)
    mission_order = models.ForeignKey(
        EmployeeDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ordre de mission"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The key of the form or API call that created the trip (the page's one-time token, the
    # API's `Idempotency-Key`), unique per author: the same submission sent twice, or six
    # times at once, makes one trip. With a digest of what was sent, to tell a repeat from
    # another request reusing the key.
    submission_key = models.CharField(
        _("clé de soumission"), max_length=64, blank=True, editable=False
    )
    submission_digest = models.CharField(
        _("empreinte de la soumission"), max_length=64, blank=True, editable=False
    )

    unique_messages = {
        "travel_trip_reference": ("reference", _("La référence %(value)s existe déjà."))
    }

    class Meta:
        verbose_name = _("ordre de mission")
        verbose_name_plural = _("ordres de mission")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="travel_trip_period"
            ),
            models.UniqueConstraint(fields=["employer", "reference"], name="travel_trip_reference"),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"],
                condition=~Q(submission_key=""),
                name="travel_trip_submitted_once",
            ),
        ]
        indexes = [models.Index(fields=["employer", "status", "start_date"])]

    def __str__(self) -> str:
        return f"{self.reference} — {self.purpose[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("travel:trip", args=[self.pk])

    @property
    def chosen_option(self) -> TripOption | None:
        return next((o for o in self.options.all() if o.chosen), None)


class TripDestination(AuditScoped, TimeStampedModel):
    """A stop of the trip; its postal code tells whether Paris-area lodging limits apply."""

    audit_employer_path = "trip.employer_id"

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="destinations")
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    place = models.CharField(_("lieu"), max_length=120)
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    country = models.CharField(_("pays"), max_length=2, default="FR")
    arrival_date = models.DateField(_("arrivée le"))
    departure_date = models.DateField(_("départ le"))

    class Meta:
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")
        ordering = ["trip", "position", "arrival_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(departure_date__gte=models.F("arrival_date")),
                name="travel_destination_period",
            ),
        ]

    def __str__(self) -> str:
        return self.place


class TripOption(AuditScoped, TimeStampedModel):
    """One way of making the trip, with its estimated cost and duration (return trip)."""

    audit_employer_path = "trip.employer_id"

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="options")
    mode = models.CharField(_("mode"), max_length=20, choices=TransportMode.choices)
    fare_amount = models.DecimalField(
        _("billets aller-retour (TTC)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
    )
    price_list_entry = models.ForeignKey(
        PriceListEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tarif de la grille"),
    )
    vehicle = models.ForeignKey(
        Vehicle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("véhicule personnel"),
    )
    duration_minutes = models.PositiveIntegerField(_("durée aller (minutes)"))
    transport_cost_amount = models.DecimalField(
        _("coût du transport"), max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    allowances_amount = models.DecimalField(
        _("repas et hébergement"), max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    total_cost_amount = models.DecimalField(
        _("coût total estimé"), max_digits=10, decimal_places=2, default=Decimal("0.00")
    )
    cost_basis = models.CharField(_("calcul"), max_length=300, blank=True)
    within_policy = models.BooleanField(_("dans la politique"), default=True)
    policy_reason = models.CharField(_("hors politique car"), max_length=300, blank=True)
    chosen = models.BooleanField(_("retenue"), default=False)

    class Meta:
        verbose_name = _("option de transport")
        verbose_name_plural = _("options de transport")
        ordering = ["trip", "total_cost_amount"]
        constraints = [
            models.UniqueConstraint(
                fields=["trip"], condition=Q(chosen=True), name="travel_one_chosen_option"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} — {self.total_cost_amount} €"

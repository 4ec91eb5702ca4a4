"""What each employer allows for business travel, the fares it maintains, and the employees'
own vehicles used for mileage allowances."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import CheckedFieldsMixin
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.rules.identity.checks import check_bic, check_iban

_POSITIVE = [MinValueValidator(Decimal("0"))]


class TransportMode(models.TextChoices):
    TRAIN = "train", _("Train")
    PLANE = "avion", _("Avion")
    OWN_CAR = "vehicule_personnel", _("Véhicule personnel")
    COMPANY_CAR = "vehicule_service", _("Véhicule de service")
    PUBLIC_TRANSPORT = "transports_commun", _("Transports en commun")


class VehicleKind(models.TextChoices):
    CAR = "voiture", _("Voiture")
    MOTORCYCLE = "moto", _("Moto (plus de 50 cm³)")
    MOPED = "cyclomoteur", _("Cyclomoteur (50 cm³ au plus)")


class TravelPolicy(AuditScoped, CheckedFieldsMixin, TimeStampedModel):
    """An employer's travel policy. Empty caps mean the URSSAF exemption limits of the day."""

    field_checks = {"debtor_iban": check_iban, "debtor_bic": check_bic}

    employer = models.OneToOneField(
        Employer, on_delete=models.CASCADE, related_name="travel_policy"
    )
    meal_cap_amount = models.DecimalField(
        _("plafond d'un repas au restaurant"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
        help_text=_("Vide : la limite d'exonération URSSAF du jour."),
    )
    lodging_cap_amount = models.DecimalField(
        _("plafond d'une nuit d'hôtel (province)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
        help_text=_("Vide : la limite d'exonération URSSAF du jour."),
    )
    lodging_cap_paris_amount = models.DecimalField(
        _("plafond d'une nuit d'hôtel (Paris et petite couronne)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=_POSITIVE,
        help_text=_("Vide : la limite d'exonération URSSAF du jour."),
    )
    train_first_class = models.BooleanField(_("train en 1re classe autorisé"), default=False)
    plane_min_distance_km = models.PositiveIntegerField(
        _("avion autorisé à partir de (km)"),
        default=800,
        help_text=_("Distance aller en deçà de laquelle l'avion est hors politique."),
    )
    own_car_max_distance_km = models.PositiveIntegerField(
        _("véhicule personnel jusqu'à (km)"),
        default=400,
        help_text=_("Distance aller au-delà de laquelle le véhicule personnel est hors politique."),
    )
    company_car_cost_per_km = models.DecimalField(
        _("coût kilométrique d'un véhicule de service"),
        max_digits=5,
        decimal_places=3,
        default=Decimal("0.300"),
        validators=_POSITIVE,
        help_text=_("Carburant, entretien et péages estimés, pour comparer les options."),
    )
    receipt_required_from_amount = models.DecimalField(
        _("justificatif obligatoire à partir de"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=_POSITIVE,
        help_text=_("Les indemnités kilométriques n'ont pas de justificatif de dépense."),
    )
    advance_max_percent = models.PositiveSmallIntegerField(
        _("avance maximale (% du coût estimé)"),
        default=75,
        validators=[MaxValueValidator(100)],
    )
    debtor_iban = models.CharField(_("IBAN du compte payeur"), max_length=34, blank=True)
    debtor_bic = models.CharField(_("BIC du compte payeur"), max_length=11, blank=True)

    class Meta:
        verbose_name = _("politique de déplacement")
        verbose_name_plural = _("politiques de déplacement")

    def __str__(self) -> str:
        return str(_("Politique de déplacement de %(employer)s") % {"employer": self.employer})


class PriceListEntry(AuditScoped, TimeStampedModel):
    """A fare the employer negotiated or observed for a route, used to estimate trip options."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="fares")
    mode = models.CharField(_("mode"), max_length=20, choices=TransportMode.choices)
    origin = models.CharField(_("départ"), max_length=120)
    destination = models.CharField(_("arrivée"), max_length=120)
    fare_amount = models.DecimalField(
        _("tarif aller (TTC)"), max_digits=8, decimal_places=2, validators=_POSITIVE
    )
    duration_minutes = models.PositiveIntegerField(_("durée aller (minutes)"))
    distance_km = models.PositiveIntegerField(_("distance (km)"), null=True, blank=True)
    travel_class = models.CharField(_("classe ou tarif"), max_length=60, blank=True)
    valid_from = models.DateField(_("valable du"))
    valid_to = models.DateField(_("valable jusqu'au"), null=True, blank=True)

    class Meta:
        verbose_name = _("tarif")
        verbose_name_plural = _("grille tarifaire")
        ordering = ["origin", "destination", "mode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="travel_fare_period",
            ),
            models.CheckConstraint(
                condition=Q(fare_amount__gte=0), name="travel_fare_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origin} → {self.destination} ({self.get_mode_display()})"


class Vehicle(AuditScoped, TimeStampedModel):
    """A vehicle of the employee's own, with what the mileage scale needs."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="vehicles")
    label = models.CharField(_("désignation"), max_length=120)
    registration = models.CharField(_("immatriculation"), max_length=15)
    kind = models.CharField(
        _("type"), max_length=20, choices=VehicleKind.choices, default=VehicleKind.CAR
    )
    fiscal_power = models.PositiveSmallIntegerField(
        _("puissance fiscale (CV)"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    electric = models.BooleanField(_("100 % électrique"), default=False)
    active = models.BooleanField(_("en service"), default=True)

    class Meta:
        verbose_name = _("véhicule personnel")
        verbose_name_plural = _("véhicules personnels")
        ordering = ["-active", "label"]

    def __str__(self) -> str:
        return f"{self.label} ({self.registration}, {self.fiscal_power} CV)"

"""An employer's working-time settings: the journée de solidarité, and the values a collective
agreement sets where the law lets it (each field left empty keeps the legal default)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.organisation.models import Employer
from effectif.rules.working_time.facts import AccordSettings, accord_problems


class SolidarityDay(models.TextChoices):
    """Holidays an employer may make the journée de solidarité (L3133-8, L3134-16)."""

    NONE = "", _("Autre modalité (jour de RTT, heures réparties) ou aucune")
    EASTER_MONDAY = "lundi_de_paques", _("Lundi de Pâques")
    VICTORY = "victoire_1945", _("8 mai")
    ASCENSION = "ascension", _("Jeudi de l'Ascension")
    WHIT_MONDAY = "lundi_de_pentecote", _("Lundi de Pentecôte")
    NATIONAL_DAY = "fete_nationale", _("14 juillet")
    ASSUMPTION = "assomption", _("15 août")
    ALL_SAINTS = "toussaint", _("1er novembre")
    ARMISTICE = "armistice", _("11 novembre")
    NEW_YEAR = "jour_de_l_an", _("1er janvier")
    CHRISTMAS = "noel", _("25 décembre (hors Alsace-Moselle)")


class ComplementaryFraction(models.TextChoices):
    TENTH = "0.1000", _("1/10e de la durée du contrat (légal)")
    FIFTH = "0.2000", _("1/5e (accord)")
    QUARTER = "0.2500", _("1/4 (accord)")
    THIRD = "0.3333", _("1/3 (accord, au plus)")


def _max_hours(
    label: StrOrPromise, help_text: StrOrPromise
) -> models.DecimalField[Decimal | None, Decimal | None]:
    """A ceiling in hours an agreement may set; empty, the law's applies."""
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(1))],
        help_text=help_text,
    )


class WorkingTimeSettings(AuditScoped, TimeStampedModel):
    employer = models.OneToOneField(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.CASCADE,
        related_name="working_time_settings",
    )
    solidarity_day = models.CharField(
        _("journée de solidarité"),
        max_length=30,
        choices=SolidarityDay.choices,
        blank=True,
        help_text=_(
            "Jour férié travaillé au titre de la journée de solidarité (C. trav. L3133-8)."
        ),
    )
    daily_max_hours = _max_hours(
        _("durée quotidienne maximale (h)"),
        _("10 h par défaut ; jusqu'à 12 h par accord (L3121-19)."),
    )
    weekly_average_max_hours = _max_hours(
        _("moyenne hebdomadaire maximale sur 12 semaines (h)"),
        _("44 h par défaut ; jusqu'à 46 h par accord (L3121-23)."),
    )
    complementary_fraction = models.CharField(
        _("plafond des heures complémentaires"),
        max_length=6,
        choices=ComplementaryFraction.choices,
        blank=True,
        help_text=_("1/10e par défaut ; jusqu'au tiers par accord (L3123-20)."),
    )
    overtime_contingent_hours = models.DecimalField(
        _("contingent annuel d'heures supplémentaires (h)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("220 h par défaut (D3121-24) ; l'accord peut en fixer un autre."),
    )
    accord_reference = models.CharField(
        _("accord applicable"),
        max_length=200,
        blank=True,
        help_text=_("Intitulé et date de l'accord qui fixe ces valeurs."),
    )

    class Meta:
        verbose_name = _("paramètres du temps de travail")
        verbose_name_plural = _("paramètres du temps de travail")

    def __str__(self) -> str:
        return _("Temps de travail — %(employer)s") % {"employer": self.employer}

    def accord(self) -> AccordSettings:
        return AccordSettings(
            daily_max_hours=self.daily_max_hours,
            weekly_average_max_hours=self.weekly_average_max_hours,
            complementary_fraction=(
                Decimal(1) / 3
                if self.complementary_fraction == ComplementaryFraction.THIRD
                else Decimal(self.complementary_fraction)
                if self.complementary_fraction
                else None
            ),
            overtime_contingent_hours=self.overtime_contingent_hours,
        )

    def clean(self) -> None:
        messages = {
            "daily_max_hours": _("Un accord peut porter la durée quotidienne à 12 h au plus."),
            "weekly_average_max_hours": _(
                "Un accord peut porter la moyenne sur 12 semaines à 46 h au plus."
            ),
            "complementary_fraction": _("Un accord peut porter ce plafond au tiers au plus."),
            "overtime_contingent_hours": _("Le contingent ne peut pas être négatif."),
        }
        problems = accord_problems(self.accord(), timezone.localdate())
        if problems:
            raise ValidationError({name: [str(messages[name])] for name in problems})

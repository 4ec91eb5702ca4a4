"""Work schedules (horaires de travail): weekly patterns, rotating cycles, forfait jours; their
assignment to employees; and the per-day changes the planning makes."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.rules.working_time.timeline import UnorderedShift
from effectif.timekeeping.shifts import (
    REST,
    Shift,
    shift_from_pairs,
    time_minutes,
    timed_shift,
    untimed_shift,
)

MAX_CYCLE_WEEKS = 8


class ScheduleKind(models.TextChoices):
    HOURS = "horaires", _("Horaires (heures de début et de fin)")
    DAYS = "forfait_jours", _("Forfait jours (jours travaillés, sans horaires)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Lundi")
    TUESDAY = 1, _("Mardi")
    WEDNESDAY = 2, _("Mercredi")
    THURSDAY = 3, _("Jeudi")
    FRIDAY = 4, _("Vendredi")
    SATURDAY = 5, _("Samedi")
    SUNDAY = 6, _("Dimanche")


class WorkSchedule(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A pattern of working days repeated every `cycle_weeks` weeks."""

    unique_messages = {
        "work_schedule_name_unique": (
            "name",
            _("Un horaire « %(value)s » existe déjà chez cet employeur."),
        )
    }

    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.PROTECT,
        related_name="work_schedules",
    )
    name = models.CharField(_("nom"), max_length=120)
    kind = models.CharField(
        _("type"), max_length=20, choices=ScheduleKind.choices, default=ScheduleKind.HOURS
    )
    cycle_weeks = models.PositiveSmallIntegerField(
        _("durée du cycle (semaines)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CYCLE_WEEKS)],
        help_text=_("1 pour un horaire hebdomadaire ; 2 à 8 pour un cycle qui tourne."),
    )
    works_public_holidays = models.BooleanField(
        _("travaillé les jours fériés"),
        default=False,
        help_text=_("Activité continue : les jours fériés suivent l'horaire habituel."),
    )
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("en usage"), default=True)

    class Meta:
        verbose_name = _("horaire de travail")
        verbose_name_plural = _("horaires de travail")
        ordering = ["employer__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "name"], name="work_schedule_name_unique"),
            models.CheckConstraint(
                condition=Q(cycle_weeks__gte=1) & Q(cycle_weeks__lte=MAX_CYCLE_WEEKS),
                name="work_schedule_cycle_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_days_package(self) -> bool:
        return self.kind == ScheduleKind.DAYS


class ScheduleDay(models.Model):
    """A working day of a schedule (a day of the cycle without a row is a rest day)."""

    schedule = models.ForeignKey(WorkSchedule, on_delete=models.CASCADE, related_name="days")
    week = models.PositiveSmallIntegerField(_("semaine du cycle"), default=1)
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    start_time = models.TimeField(_("début"), null=True, blank=True)
    end_time = models.TimeField(_("fin"), null=True, blank=True)
    break_start = models.TimeField(_("début de la pause"), null=True, blank=True)
    break_end = models.TimeField(_("fin de la pause"), null=True, blank=True)
    hours = models.DecimalField(
        _("heures"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Calculées d'après les horaires ; à saisir pour un jour de forfait."),
    )

    class Meta:
        verbose_name = _("jour d'horaire")
        verbose_name_plural = _("jours d'horaire")
        ordering = ["schedule", "week", "weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "week", "weekday"], name="schedule_day_unique"
            ),
            models.CheckConstraint(
                condition=Q(hours__gte=0), name="schedule_day_hours_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0) & Q(weekday__lte=6), name="schedule_day_weekday_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} — S{self.week} {self.get_weekday_display()}"

    def shift(self) -> Shift:
        """The day as the calendar reads it."""
        if self.start_time is None or self.end_time is None:
            return untimed_shift(self.hours) if self.hours else REST
        start, end = time_minutes(self.start_time), time_minutes(self.end_time)
        if self.break_start is None or self.break_end is None:
            return timed_shift([(start, end)])
        pause_start, pause_end = time_minutes(self.break_start), time_minutes(self.break_end)
        return timed_shift([(start, pause_start), (pause_end, end)])

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if (self.start_time is None) != (self.end_time is None):
            errors["end_time"] = [str(_("Indiquez l'heure de début et l'heure de fin."))]
        if (self.break_start is None) != (self.break_end is None):
            errors["break_end"] = [str(_("Indiquez le début et la fin de la pause."))]
        if self.break_start is not None and self.start_time is None:
            errors["break_start"] = [str(_("Une pause suppose des heures de début et de fin."))]
        if errors:
            raise ValidationError(errors)
        if self.start_time is not None:
            try:
                self.hours = self.shift().hours
            except UnorderedShift as error:
                raise ValidationError(
                    {
                        "break_start": [
                            str(
                                _(
                                    "La pause doit se placer entre le début et la fin, et le "
                                    "poste durer moins de 24 heures."
                                )
                            )
                        ]
                    }
                ) from error
        elif not self.hours:
            raise ValidationError(
                {"hours": [str(_("Indiquez les heures ou les horaires du jour."))]}
            )


class ScheduleAssignment(AuditScoped, TimeStampedModel):
    """An employee works a schedule from `start_date` (to `end_date` inclusive, if any)."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("salarié"),
        on_delete=models.PROTECT,
        related_name="schedule_assignments",
    )
    schedule = models.ForeignKey(
        WorkSchedule,
        verbose_name=_("horaire"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    start_date = models.DateField(_("à partir du"))
    end_date = models.DateField(_("jusqu'au"), null=True, blank=True)
    cycle_start_week = models.PositiveSmallIntegerField(
        _("semaine du cycle au début"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CYCLE_WEEKS)],
        help_text=_("Pour un cycle : la semaine du cycle que le salarié travaille au début."),
    )

    class Meta:
        verbose_name = _("affectation d'horaire")
        verbose_name_plural = _("affectations d'horaire")
        ordering = ["employee", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="schedule_assignment_end_after_start",
            )
        ]
        indexes = [models.Index(fields=["employee", "start_date"], name="schedule_assignment_idx")]

    def __str__(self) -> str:
        return f"{self.schedule} — {self.employee.display_name}"


class ShiftOverride(AuditScoped, TimeStampedModel):
    """One day of one employee planned otherwise than by their schedule (an empty list of
    stretches is a day off). A change that breaks a legal limit keeps the reason it was
    accepted for."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("salarié"),
        on_delete=models.PROTECT,
        related_name="shift_overrides",
    )
    day = models.DateField(_("jour"))
    intervals = models.JSONField(_("plages de travail"), default=list, blank=True)
    hours = models.DecimalField(_("heures"), max_digits=5, decimal_places=2, default=Decimal(0))
    override_reason = models.TextField(_("motif de la dérogation"), blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("modification de poste")
        verbose_name_plural = _("modifications de poste")
        ordering = ["employee", "day"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "day"], name="shift_override_one_per_day"),
            models.CheckConstraint(
                condition=Q(hours__gte=0), name="shift_override_hours_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["day"], name="shift_override_day_idx")]

    def __str__(self) -> str:
        return f"{self.employee.display_name} — {self.day:%d/%m/%Y}"

    def shift(self) -> Shift:
        return shift_from_pairs(self.intervals) if self.intervals else REST

"""Time sheets: the hours an employee worked, a week at a time (D3171-8: the daily and weekly
count of hours of those not on a collective schedule), validated by their manager."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.workflow import Approvable
from effectif.employees.models import Employee
from effectif.timekeeping.shifts import REST, Shift, shift_from_pairs, untimed_shift


def _hours(label: StrOrPromise) -> models.DecimalField[Decimal, Decimal]:
    """A count of hours of the week, computed when it is validated."""
    return models.DecimalField(label, max_digits=6, decimal_places=2, default=Decimal("0.00"))


class SheetStatus(models.TextChoices):
    DRAFT = "draft", _("En cours de saisie")
    SUBMITTED = "submitted", _("À valider")
    APPROVED = "approved", _("Validée")


class RecordSource(models.TextChoices):
    DECLARED = "declare", _("Déclaré")
    CLOCKED = "pointage", _("Pointage importé")


class TimeSheet(AuditScoped, Approvable, TimeStampedModel):
    """One employee's week, Monday to Sunday, validated by the manager (`manager_decided_at`,
    or returned with a `decision_comment`). Once validated, its weekly hours are computed by
    the rules and kept with the version of the parameters used: they are what payroll reads."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="time_sheets"
    )
    week_start = models.DateField(_("semaine du"))
    status = models.CharField(
        _("statut"), max_length=10, choices=SheetStatus.choices, default=SheetStatus.DRAFT
    )
    worked_hours = _hours(_("heures travaillées"))
    overtime_first_hours = _hours(_("heures supplémentaires à 25 %"))
    overtime_second_hours = _hours(_("heures supplémentaires à 50 %"))
    complementary_first_hours = _hours(_("heures complémentaires à 10 %"))
    complementary_second_hours = _hours(_("heures complémentaires à 25 %"))
    parameters_version = models.CharField(_("paramètres appliqués"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("feuille de temps")
        verbose_name_plural = _("feuilles de temps")
        ordering = ["-week_start", "employee"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "week_start"], name="time_sheet_one_per_week"
            ),
            models.CheckConstraint(
                condition=Q(worked_hours__gte=0)
                & Q(overtime_first_hours__gte=0)
                & Q(overtime_second_hours__gte=0)
                & Q(complementary_first_hours__gte=0)
                & Q(complementary_second_hours__gte=0),
                name="time_sheet_hours_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "week_start"], name="time_sheet_status_idx"),
            models.Index(fields=["week_start"], name="time_sheet_week_idx"),
        ]

    def __str__(self) -> str:
        return _("Semaine du %(day)s — %(name)s") % {
            "day": self.week_start.strftime("%d/%m/%Y"),
            "name": self.employee.display_name,
        }

    @property
    def is_editable(self) -> bool:
        return self.status == SheetStatus.DRAFT

    @property
    def overtime_hours(self) -> Decimal:
        return self.overtime_first_hours + self.overtime_second_hours

    @property
    def complementary_hours(self) -> Decimal:
        return self.complementary_first_hours + self.complementary_second_hours


class TimeRecord(AuditScoped, TimeStampedModel):
    """The hours of one day of a sheet: entry and exit times, or a total."""

    audit_employer_path = "sheet.employee.employer_id"
    audit_employee_path = "sheet.employee_id"

    sheet = models.ForeignKey(TimeSheet, on_delete=models.CASCADE, related_name="records")
    day = models.DateField(_("jour"))
    intervals = models.JSONField(_("plages de travail"), default=list, blank=True)
    hours = models.DecimalField(
        _("heures"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0))],
    )
    source = models.CharField(
        _("origine"), max_length=10, choices=RecordSource.choices, default=RecordSource.DECLARED
    )

    class Meta:
        verbose_name = _("relevé d'heures")
        verbose_name_plural = _("relevés d'heures")
        ordering = ["sheet", "day"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "day"], name="time_record_one_per_day"),
            models.CheckConstraint(
                condition=Q(hours__gte=0), name="time_record_hours_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} — {self.hours} h"

    def shift(self) -> Shift:
        if self.intervals:
            return shift_from_pairs(self.intervals)
        return untimed_shift(self.hours) if self.hours else REST

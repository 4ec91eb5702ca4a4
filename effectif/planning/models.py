"""What the planning stores of its own: the minimum staffing of each team by day of the week,
and each employee's secret calendar address (only its hash is kept)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee
from effectif.organisation.models import Department


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Lundi")
    TUESDAY = 1, _("Mardi")
    WEDNESDAY = 2, _("Mercredi")
    THURSDAY = 3, _("Jeudi")
    FRIDAY = 4, _("Vendredi")
    SATURDAY = 5, _("Samedi")
    SUNDAY = 6, _("Dimanche")


class StaffingMinimum(AuditScoped, TimeStampedModel):
    """At least `minimum` people of the team (the department and those below it) present on
    this day of the week."""

    audit_employer_path = "department.employer_id"

    department = models.ForeignKey(
        Department,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="staffing_minimums",
    )
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    minimum = models.PositiveSmallIntegerField(
        _("présents au minimum"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )

    class Meta:
        verbose_name = _("effectif minimum")
        verbose_name_plural = _("effectifs minimum")
        ordering = ["department", "weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "weekday"], name="staffing_minimum_one_per_day"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0) & Q(weekday__lte=6), name="staffing_minimum_weekday"
            ),
            models.CheckConstraint(condition=Q(minimum__gte=1), name="staffing_minimum_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.department} — {self.get_weekday_display()} : {self.minimum}"


class CalendarFeed(AuditScoped, TimeStampedModel):
    """An employee's subscription to their own calendar (.ics). The address carries a random
    token of 256 bits; only its SHA-256 is stored, so that the table cannot give it away.
    Regenerating replaces it, revoking deletes the row: the old address then answers 404."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.OneToOneField(
        Employee,
        verbose_name=_("salarié"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token_hash = models.CharField(_("empreinte du jeton"), max_length=64, unique=True)
    last_read_at = models.DateTimeField(_("dernière lecture"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement à l'agenda")
        verbose_name_plural = _("abonnements à l'agenda")

    def __str__(self) -> str:
        return str(_("Agenda de %(name)s") % {"name": self.employee.display_name})

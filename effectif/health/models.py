"""Medical visits of the occupational health follow-up, and each employer's settings.

A visit keeps what HR needs to organise it (kind, due date and its legal basis, date, time and
place, occupational health service, status) and its outcome as the employer may know it: fit,
unfit or fit with adaptations of the post, never a medical detail (C. trav. L4624-3, L4624-4;
GDPR art. 9). The aptitude notice itself is filed as a health document of the personnel file.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee, EmployeeDocument
from effectif.organisation.models import Employer, Establishment, HealthService
from effectif.rules.health import facts as rules


class VisitKind(models.TextChoices):
    VIP_INITIAL = rules.VisitKind.VIP_INITIAL, _("Visite d'information et de prévention")
    VIP_PERIODIC = rules.VisitKind.VIP_PERIODIC, _("Renouvellement de la VIP")
    APTITUDE_INITIAL = rules.VisitKind.APTITUDE_INITIAL, _("Examen médical d'aptitude")
    APTITUDE_PERIODIC = (
        rules.VisitKind.APTITUDE_PERIODIC,
        _("Renouvellement de l'examen d'aptitude"),
    )
    INTERMEDIATE = rules.VisitKind.INTERMEDIATE, _("Visite intermédiaire")
    RETURN = rules.VisitKind.RETURN, _("Visite de reprise")
    MID_CAREER = rules.VisitKind.MID_CAREER, _("Visite de mi-carrière")
    POST_EXPOSURE = rules.VisitKind.POST_EXPOSURE, _("Visite de fin d'exposition ou de carrière")
    PRE_RETURN = rules.VisitKind.PRE_RETURN, _("Visite de pré-reprise")
    ON_REQUEST = rules.VisitKind.ON_REQUEST, _("Visite à la demande")


class Reason(models.TextChoices):
    """Why a computed visit is due (the article is in `basis`)."""

    VIP_HIRING = rules.Reason.VIP_HIRING, _("VIP après la prise de poste")
    VIP_BEFORE_NIGHT = (
        rules.Reason.VIP_BEFORE_NIGHT,
        _("VIP avant l'affectation au travail de nuit"),
    )
    VIP_BEFORE_MINOR = (
        rules.Reason.VIP_BEFORE_MINOR,
        _("VIP avant l'affectation d'un travailleur de moins de 18 ans"),
    )
    VIP_NIGHT_ASSIGNMENT = (
        rules.Reason.VIP_NIGHT_ASSIGNMENT,
        _("VIP avant le passage au travail de nuit"),
    )
    VIP_PERIODIC = rules.Reason.VIP_PERIODIC, _("Renouvellement périodique de la VIP")
    VIP_ADAPTED = (
        rules.Reason.VIP_ADAPTED,
        _("Suivi adapté : travail de nuit, handicap ou pension d'invalidité"),
    )
    SET_BY_PROFESSIONAL = (
        rules.Reason.SET_BY_PROFESSIONAL,
        _("Échéance fixée par le professionnel de santé"),
    )
    APTITUDE_BEFORE_ASSIGNMENT = (
        rules.Reason.APTITUDE_BEFORE_ASSIGNMENT,
        _("Suivi renforcé : examen d'aptitude avant l'affectation au poste"),
    )
    APTITUDE_RENEWAL = (
        rules.Reason.APTITUDE_RENEWAL,
        _("Suivi renforcé : renouvellement de l'examen d'aptitude"),
    )
    INTERMEDIATE = (
        rules.Reason.INTERMEDIATE,
        _("Suivi renforcé : visite intermédiaire par un professionnel de santé"),
    )
    RETURN_MATERNITY = rules.Reason.RETURN_MATERNITY, _("Reprise après un congé de maternité")
    RETURN_OCCUPATIONAL_DISEASE = (
        rules.Reason.RETURN_OCCUPATIONAL_DISEASE,
        _("Reprise après une absence pour maladie professionnelle"),
    )
    RETURN_WORK_ACCIDENT = (
        rules.Reason.RETURN_WORK_ACCIDENT,
        _("Reprise après une longue absence pour accident du travail"),
    )
    RETURN_ILLNESS = (
        rules.Reason.RETURN_ILLNESS,
        _("Reprise après une longue absence pour maladie ou accident non professionnel"),
    )
    MID_CAREER = rules.Reason.MID_CAREER, _("Année du 45e anniversaire")
    MID_CAREER_AGREEMENT = (
        rules.Reason.MID_CAREER_AGREEMENT,
        _("Échéance fixée par l'accord de branche"),
    )
    POST_EXPOSURE = (
        rules.Reason.POST_EXPOSURE,
        _("Fin de l'exposition aux risques du suivi renforcé"),
    )


class Status(models.TextChoices):
    TO_PLAN = "to_plan", _("À planifier")
    PLANNED = "planned", _("Planifiée")
    DONE = "done", _("Réalisée")
    CANCELLED = "cancelled", _("Annulée")
    MISSED = "missed", _("Non honorée")


#: Visits still to take place: they are in the HR to-do until done, cancelled or missed.
OPEN_STATUSES = (Status.TO_PLAN, Status.PLANNED)


class Outcome(models.TextChoices):
    """What the employer learns of a visit (C. trav. L4624-4, R4624-42): nothing more."""

    FIT = "apte", _("Apte")
    FIT_WITH_RESTRICTIONS = "apte_amenagements", _("Apte avec aménagements du poste")
    UNFIT = "inapte", _("Inapte")


#: Fields of a visit recorded in the audit trail.
VISIT_FIELDS = [
    "kind",
    "reason",
    "basis",
    "due_date",
    "establishment",
    "health_service",
    "planned_at",
    "place",
    "status",
    "held_on",
    "outcome",
    "restrictions",
    "next_visit_by",
    "notice_document",
    "cancel_reason",
]


class MedicalVisit(AuditScoped, TimeStampedModel):
    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("salarié"),
        on_delete=models.CASCADE,
        related_name="medical_visits",
    )
    kind = models.CharField(_("nature de la visite"), max_length=25, choices=VisitKind.choices)
    reason = models.CharField(_("motif"), max_length=40, choices=Reason.choices, blank=True)
    #: the obligation a computed visit answers ("vip:2026-01-05"); empty for a visit HR added
    key = models.CharField(_("obligation"), max_length=80, blank=True, editable=False)
    basis = models.CharField(_("fondement"), max_length=300, blank=True)
    due_date = models.DateField(_("échéance"))
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("établissement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    health_service = models.ForeignKey(
        HealthService,
        verbose_name=_("service de santé au travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medical_visits",
    )
    planned_at = models.DateTimeField(_("date et heure prévues"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=300, blank=True)
    status = models.CharField(
        _("statut"), max_length=15, choices=Status.choices, default=Status.TO_PLAN
    )
    held_on = models.DateField(_("date de la visite"), null=True, blank=True)
    outcome = models.CharField(_("avis"), max_length=20, choices=Outcome.choices, blank=True)
    restrictions = models.CharField(
        _("aménagements du poste"),
        max_length=300,
        blank=True,
        help_text=_("Les aménagements proposés par le professionnel de santé, jamais leur cause."),
    )
    next_visit_by = models.DateField(
        _("prochaine visite avant le"),
        null=True,
        blank=True,
        help_text=_("Si le professionnel de santé a fixé une échéance plus proche que la loi."),
    )
    notice_document = models.ForeignKey(
        EmployeeDocument,
        verbose_name=_("avis ou attestation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.CharField(_("motif d'annulation"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("visite médicale")
        verbose_name_plural = _("visites médicales")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | Q(status=Status.DONE),
                name="medical_visit_outcome_only_when_done",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.DONE) | (Q(held_on__isnull=False) & ~Q(outcome="")),
                name="medical_visit_done_has_date_and_outcome",
            ),
            models.CheckConstraint(
                condition=Q(restrictions="") | Q(outcome=Outcome.FIT_WITH_RESTRICTIONS),
                name="medical_visit_restrictions_with_their_outcome",
            ),
            models.UniqueConstraint(
                fields=["employee", "key"],
                condition=Q(status__in=OPEN_STATUSES) & ~Q(key=""),
                name="medical_visit_one_open_per_obligation",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "due_date"], name="medical_visit_due_idx"),
            models.Index(fields=["employee", "status"], name="medical_visit_employee_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.employee.display_name}"

    def get_absolute_url(self) -> str:
        return reverse("health:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_computed(self) -> bool:
        return bool(self.key)


class FollowUpSettings(AuditScoped, TimeStampedModel):
    """An employer's settings of the follow-up: the mid-career visit's age when a branch
    agreement sets one (C. trav. L4624-2-2)."""

    employer = models.OneToOneField(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.CASCADE,
        related_name="health_settings",
    )
    mid_career_age = models.PositiveSmallIntegerField(
        _("âge de la visite de mi-carrière"),
        null=True,
        blank=True,
        validators=[MinValueValidator(30), MaxValueValidator(65)],
        help_text=_(
            "Seulement si un accord de branche fixe une autre échéance ; à défaut, la visite a "
            "lieu durant l'année civile des 45 ans du salarié."
        ),
    )

    class Meta:
        verbose_name = _("paramètres du suivi médical")
        verbose_name_plural = _("paramètres du suivi médical")

    def __str__(self) -> str:
        return str(_("Suivi médical de %(employer)s") % {"employer": self.employer.name})

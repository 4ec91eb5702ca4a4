"""Onboarding checklists: templates per position or establishment, and their instances for
each new hire, with owners and due dates relative to the start date."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.contracts.models import Contract
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee
from effectif.organisation.models import Employer, Establishment, Position


class TaskCategory(models.TextChoices):
    BADGE = "badge", _("Badge et accès")
    EQUIPMENT = "materiel", _("Matériel")
    ACCOUNTS = "comptes", _("Comptes informatiques")
    HEALTH_COVER = "mutuelle", _("Complémentaire santé et prévoyance")
    INTERNAL_RULES = "reglement", _("Règlement intérieur")
    SAFETY = "securite", _("Formation à la sécurité")
    WELCOME = "accueil", _("Accueil")
    INFORMATION = "information", _("Information écrite du salarié")
    OTHER = "autre", _("Autre")


class OwnerKind(models.TextChoices):
    HR = "rh", _("La personne des RH qui embauche")
    MANAGER = "manager", _("Le responsable du service")
    NEW_HIRE = "salarie", _("Le nouvel arrivant")
    USER = "utilisateur", _("Une personne désignée")


class OnboardingTemplate(AuditScoped, TimeStampedModel):
    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.CASCADE,
        related_name="onboarding_templates",
    )
    name = models.CharField(_("nom"), max_length=150)
    position = models.ForeignKey(
        Position,
        verbose_name=_("pour le poste"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("pour l'établissement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("actif"), default=True)

    class Meta:
        verbose_name = _("modèle d'intégration")
        verbose_name_plural = _("modèles d'intégration")
        ordering = ["employer__name", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("hiring:onboarding_template", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.position is not None and self.position.employer_id != self.employer_id:
            errors["position"] = [str(_("Le poste doit appartenir à l'employeur."))]
        if self.establishment is not None and self.establishment.employer_id != self.employer_id:
            errors["establishment"] = [str(_("L'établissement doit appartenir à l'employeur."))]
        if errors:
            raise ValidationError(errors)


class OnboardingTemplateItem(AuditScoped, models.Model):
    audit_employer_path = "template.employer_id"

    template = models.ForeignKey(OnboardingTemplate, on_delete=models.CASCADE, related_name="items")
    label = models.CharField(_("tâche"), max_length=200)
    category = models.CharField(_("catégorie"), max_length=15, choices=TaskCategory.choices)
    owner_kind = models.CharField(
        _("responsable"), max_length=12, choices=OwnerKind.choices, default=OwnerKind.HR
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne désignée"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    days_from_start = models.SmallIntegerField(
        _("échéance (jours après l'arrivée)"),
        default=0,
        help_text=_("0 : le jour de l'arrivée ; -5 : cinq jours avant ; 30 : un mois après."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("tâche du modèle d'intégration")
        verbose_name_plural = _("tâches du modèle d'intégration")
        ordering = ["template", "order", "days_from_start", "id"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.owner_kind == OwnerKind.USER and self.owner_id is None:
            raise ValidationError({"owner": [str(_("Désignez la personne responsable."))]})


class Onboarding(AuditScoped, TimeStampedModel):
    """The checklist of one new hire."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.CASCADE, related_name="onboardings"
    )
    contract = models.ForeignKey(
        Contract, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    template = models.ForeignKey(
        OnboardingTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(_("date d'arrivée"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("parcours d'intégration")
        verbose_name_plural = _("parcours d'intégration")
        ordering = ["-start_date", "-id"]

    def __str__(self) -> str:
        return str(_("Intégration de %(name)s") % {"name": self.employee.display_name})

    def get_absolute_url(self) -> str:
        return reverse("hiring:onboarding", args=[self.pk])


class OnboardingTask(AuditScoped, TimeStampedModel):
    audit_employer_path = "onboarding.employee.employer_id"
    audit_employee_path = "onboarding.employee_id"

    onboarding = models.ForeignKey(Onboarding, on_delete=models.CASCADE, related_name="tasks")
    label = models.CharField(_("tâche"), max_length=200)
    category = models.CharField(_("catégorie"), max_length=15, choices=TaskCategory.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onboarding_tasks",
    )
    due_date = models.DateField(_("échéance"))
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("remarque"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tâche d'intégration")
        verbose_name_plural = _("tâches d'intégration")
        ordering = ["onboarding", "due_date", "order", "id"]
        indexes = [models.Index(fields=["due_date", "done_at"], name="onboarding_task_due")]

    def __str__(self) -> str:
        return f"{self.label} — {self.onboarding.employee.display_name}"

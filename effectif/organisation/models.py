"""Employers, their establishments, departments, positions, and who may see which employer."""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.roles import HR_ROLES, Role, has_role
from effectif.core.validation import CheckedFieldsMixin, NamedUniqueMixin, field_error
from effectif.rules.identity.checks import (
    InvalidIdentifier,
    check_idcc,
    check_naf,
    check_postal_code,
    check_siren,
    check_siret,
    department_of_postal_code,
    is_alsace_moselle,
)

RATE_VALIDATORS = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))]


class Sector(models.TextChoices):
    PRIVATE = "private", _("Privé")
    PUBLIC = "public", _("Public")


class LegalForm(models.TextChoices):
    SAS = "SAS", _("SAS")
    SASU = "SASU", _("SASU")
    SARL = "SARL", _("SARL")
    EURL = "EURL", _("EURL")
    SA = "SA", _("SA")
    SCOP = "SCOP", _("SCOP")
    SNC = "SNC", _("SNC")
    EI = "EI", _("Entreprise individuelle")
    ASSOCIATION = "ASSO", _("Association loi 1901")
    FOUNDATION = "FOND", _("Fondation")
    COMMUNE = "COMM", _("Commune")
    EPCI = "EPCI", _("Établissement public de coopération intercommunale")
    PUBLIC_BODY = "EPA", _("Établissement public administratif")
    OTHER = "AUTRE", _("Autre")


class Employer(AuditScoped, CheckedFieldsMixin, TimeStampedModel):
    """A legal entity that employs people: a company, an association, a local public body."""

    audit_employer_path = "pk"

    field_checks = {"siren": check_siren, "naf_code": check_naf, "idcc": check_idcc}
    #: The employer's identity, shown to every user who has the employer in scope.
    IDENTITY_FIELDS = (
        "name",
        "siren",
        "legal_form",
        "naf_code",
        "idcc",
        "collective_agreement",
        "sector",
    )
    #: What HR types on the employer's page: its identity and its liability to payroll tax.
    TYPED_FIELDS = (*IDENTITY_FIELDS, "subject_to_payroll_tax")

    name = models.CharField(_("raison sociale"), max_length=200)
    siren = models.CharField(_("SIREN"), max_length=9, unique=True)
    legal_form = models.CharField(_("forme juridique"), max_length=10, choices=LegalForm.choices)
    naf_code = models.CharField(_("code NAF/APE"), max_length=6)
    idcc = models.CharField(
        _("convention collective (IDCC)"), max_length=4, blank=True, help_text=_("p. ex. 1486")
    )
    collective_agreement = models.CharField(
        _("intitulé de la convention"), max_length=200, blank=True
    )
    sector = models.CharField(
        _("secteur"), max_length=10, choices=Sector.choices, default=Sector.PRIVATE
    )
    subject_to_payroll_tax = models.BooleanField(
        _("assujetti à la taxe sur les salaires"),
        default=False,
        help_text=_("Employeurs non soumis à la TVA sur 90 % au moins de leur chiffre d'affaires."),
    )
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="EmployerAccess",
        related_name="granted_employers",
        blank=True,
    )

    class Meta:
        verbose_name = _("employeur")
        verbose_name_plural = _("employeurs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:employer_detail", args=[self.pk])


class EmployerAccess(models.Model):
    """A user's grant on an employer: HR users see only the employers they are granted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="accesses")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("accès à un employeur")
        verbose_name_plural = _("accès aux employeurs")
        constraints = [
            models.UniqueConstraint(fields=["user", "employer"], name="employer_access_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.employer}"


class HealthService(TimeStampedModel):
    """A service de prévention et de santé au travail (SPST) that establishments join."""

    name = models.CharField(_("nom"), max_length=200)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    dsn_identifier = models.CharField(_("identifiant DSN du SPST"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("service de santé au travail")
        verbose_name_plural = _("services de santé au travail")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Establishment(AuditScoped, CheckedFieldsMixin, TimeStampedModel):
    """A place of work, identified by its SIRET, with its own rates and health service."""

    field_checks = {"siret": check_siret, "postal_code": check_postal_code}

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="establishments")
    name = models.CharField(_("nom"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14, unique=True)
    address = models.CharField(_("adresse"), max_length=300)
    postal_code = models.CharField(_("code postal"), max_length=5)
    city = models.CharField(_("commune"), max_length=120)
    department = models.CharField(_("département"), max_length=3, editable=False)
    at_rate = models.DecimalField(
        _("taux AT/MP"),
        max_digits=7,
        decimal_places=5,
        validators=RATE_VALIDATORS,
        help_text=_("En fraction : 0,0208 pour 2,08 %. Notifié chaque année par la CARSAT."),
    )
    at_risk_code = models.CharField(_("code risque AT"), max_length=6, blank=True)
    mobility_rate = models.DecimalField(
        _("taux du versement mobilité"),
        max_digits=7,
        decimal_places=5,
        default=Decimal(0),
        validators=RATE_VALIDATORS,
        help_text=_(
            "En fraction : 0,032 pour 3,20 %. Zéro hors périmètre d'une autorité organisatrice."
        ),
    )
    health_service = models.ForeignKey(
        HealthService,
        verbose_name=_("service de santé au travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="establishments",
    )
    is_head_office = models.BooleanField(_("siège social"), default=False)

    class Meta:
        verbose_name = _("établissement")
        verbose_name_plural = _("établissements")
        ordering = ["employer__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    def clean(self) -> None:
        if self.postal_code:
            with suppress(InvalidIdentifier):  # refused by its field check, with its message
                self.department = department_of_postal_code(self.postal_code)
        if self.siret and self.employer_id and not self.siret.startswith(self.employer.siren):
            raise field_error(
                "siret",
                _("Le SIRET doit commencer par le SIREN de l'employeur (%(siren)s).")
                % {"siren": self.employer.siren},
            )

    @property
    def alsace_moselle(self) -> bool:
        """Alsace-Moselle local law applies in Bas-Rhin, Haut-Rhin and Moselle."""
        return is_alsace_moselle(self.department)


#: Roles that may run a department (its manager sees and approves for its staff).
MANAGER_ROLES: frozenset[str] = frozenset({Role.MANAGER, *HR_ROLES})


def manager_access_to(employers: Employer | int | QuerySet[Employer]) -> QuerySet[Any]:
    """Users with access to the staff of one of `employers`, as `selectors.employers_for` gives
    it: an administrator (every employer), a user granted the employer, or a manager whose
    personnel file is there (HR see only the employers they are granted). The file is reached by
    its relation name, so that this app needs nothing from the employees app."""
    if isinstance(employers, QuerySet):
        wanted: Any = employers.values("pk")
    else:
        wanted = [employers.pk if isinstance(employers, Employer) else employers]
    return get_user_model().objects.filter(
        Q(role=Role.ADMIN)
        | Q(granted_employers__in=wanted)
        | (Q(employee__employer__in=wanted) & ~Q(role__in=HR_ROLES))
    )


class Department(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A unit of the organisation; departments form a tree within one employer."""

    unique_messages = {
        "department_name_unique": (
            "name",
            _("Un service « %(value)s » existe déjà chez cet employeur."),
        )
    }

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="departments")
    name = models.CharField(_("nom"), max_length=150)
    code = models.CharField(_("code"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("service parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_departments",
    )

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["employer__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "name"], name="department_name_unique"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="department_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self._check_manager()
        if self.parent_id is None:
            return
        if self.parent is not None and self.parent.employer_id != self.employer_id:
            raise field_error("parent", _("Le service parent doit appartenir au même employeur."))
        ancestor: Department | None = self.parent
        seen = set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise field_error(
                    "parent", _("Un service ne peut pas être rattaché à l'un de ses sous-services.")
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def _check_manager(self) -> None:
        """The manager sees and decides for the staff of the department: they must be a
        manager or HR with access to its employer, never someone of another employer."""
        manager = self.manager
        if manager is None or self.employer_id is None:
            return
        if not has_role(manager, MANAGER_ROLES):
            raise field_error(
                "manager",
                _("Le responsable d'un service doit être un manager ou un membre des RH."),
            )
        if not manager_access_to(self.employer_id).filter(pk=manager.pk).exists():
            raise field_error(
                "manager",
                _(
                    "%(user)s n'a pas accès à l'employeur %(employer)s : le responsable d'un "
                    "service doit y avoir son dossier du personnel ou un accès accordé."
                )
                % {"user": manager, "employer": self.employer},
            )


class RiskExposure(models.TextChoices):
    """Exposures that drive medical follow-up (C. trav. R4624-23: suivi individuel renforcé)."""

    NIGHT_WORK = "nuit", _("Travail de nuit")
    ASBESTOS = "amiante", _("Amiante")
    LEAD = "plomb", _("Plomb")
    CMR = "cmr", _("Agents cancérogènes, mutagènes ou reprotoxiques")
    BIOLOGICAL = "biologique", _("Agents biologiques des groupes 3 et 4")
    IONISING = "rayonnements", _("Rayonnements ionisants")
    HYPERBARIC = "hyperbare", _("Milieu hyperbare")
    SCAFFOLDING = "echafaudages", _("Montage et démontage d'échafaudages")
    HEIGHT = "hauteur", _("Travail en hauteur")
    ELECTRICAL = "electrique", _("Habilitation électrique")
    MACHINERY = "engins", _("Conduite d'engins (autorisation de conduite)")
    MANUAL_HANDLING = "manutention", _("Manutention de charges lourdes")
    NOISE = "bruit", _("Bruit")
    SCREEN = "ecran", _("Travail sur écran")

    @classmethod
    def reinforced(cls) -> frozenset[str]:
        """Exposures requiring reinforced individual follow-up (R4624-23)."""
        return frozenset(
            {
                cls.ASBESTOS,
                cls.LEAD,
                cls.CMR,
                cls.BIOLOGICAL,
                cls.IONISING,
                cls.HYPERBARIC,
                cls.SCAFFOLDING,
                cls.ELECTRICAL,
                cls.MACHINERY,
            }
        )


class Position(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A job description (fiche de poste)."""

    unique_messages = {
        "position_title_unique": (
            "title",
            _("Une fiche de poste « %(value)s » existe déjà chez cet employeur."),
        )
    }

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="positions")
    title = models.CharField(_("intitulé"), max_length=150)
    department = models.ForeignKey(
        Department,
        verbose_name=_("service"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="positions",
    )
    purpose = models.TextField(_("finalité du poste"), blank=True)
    tasks = models.TextField(_("missions et activités"), blank=True)
    required_skills = models.TextField(_("compétences requises"), blank=True)
    classification = models.CharField(
        _("classification conventionnelle"), max_length=100, blank=True
    )
    coefficient = models.CharField(_("coefficient"), max_length=20, blank=True)
    pcs_ese = models.CharField(
        _("code PCS-ESE"), max_length=5, blank=True, help_text=_("p. ex. 543a")
    )
    risk_exposures = models.JSONField(_("expositions aux risques"), default=list, blank=True)

    class Meta:
        verbose_name = _("fiche de poste")
        verbose_name_plural = _("fiches de poste")
        ordering = ["employer__name", "title"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "title"], name="position_title_unique")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("organisation:position_detail", args=[self.pk])

    def clean(self) -> None:
        unknown = set(self.risk_exposures or []) - set(RiskExposure.values)
        if unknown:
            raise field_error(
                "risk_exposures", _("Exposition inconnue : %s") % ", ".join(sorted(unknown))
            )
        if self.department is not None and self.department.employer_id != self.employer_id:
            raise field_error("department", _("Le service doit appartenir au même employeur."))

    def get_risk_exposures_display(self) -> list[str]:
        labels = dict(RiskExposure.choices)
        return [str(labels.get(code, code)) for code in self.risk_exposures]

    @property
    def needs_reinforced_follow_up(self) -> bool:
        return bool(set(self.risk_exposures) & RiskExposure.reinforced())

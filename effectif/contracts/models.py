"""Contracts as data. A contract's amendable terms are dated versions (avenants)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee
from effectif.organisation.models import Establishment, Position
from effectif.rules.contracts.kinds import (
    FIXED_TERM_KINDS,
    REASON_REQUIRED_KINDS,
    Category,
    ContractKind,
    WorkingTime,
)


class Kind(models.TextChoices):
    CDI = ContractKind.CDI.value, _("CDI")
    CDD = ContractKind.CDD.value, _("CDD")
    INTERIM = ContractKind.INTERIM.value, _("Contrat de mission (intérim)")
    APPRENTICESHIP = ContractKind.APPRENTICESHIP.value, _("Contrat d'apprentissage")
    PROFESSIONALISATION = (
        ContractKind.PROFESSIONALISATION.value,
        _("Contrat de professionnalisation"),
    )
    INTERNSHIP = ContractKind.INTERNSHIP.value, _("Convention de stage")
    CIVIL_SERVANT = ContractKind.CIVIL_SERVANT.value, _("Fonctionnaire titulaire")
    PUBLIC_CONTRACT = ContractKind.PUBLIC_CONTRACT.value, _("Agent contractuel de droit public")


class CategoryChoices(models.TextChoices):
    WORKER = Category.WORKER.value, _("Ouvrier")
    CLERK = Category.CLERK.value, _("Employé")
    SUPERVISOR = Category.SUPERVISOR.value, _("Technicien / agent de maîtrise")
    EXECUTIVE = Category.EXECUTIVE.value, _("Cadre")


class WorkingTimeChoices(models.TextChoices):
    FULL_TIME = WorkingTime.FULL_TIME.value, _("Temps plein")
    PART_TIME = WorkingTime.PART_TIME.value, _("Temps partiel")
    DAYS_PACKAGE = WorkingTime.DAYS_PACKAGE.value, _("Forfait jours")


class FixedTermReason(models.TextChoices):
    """Cases where a CDD (C. trav. L1242-2, L1242-3) or a mission (L1251-6) may be used."""

    REPLACEMENT = "remplacement", _("Remplacement d'un salarié absent")
    REPLACEMENT_PART_TIME = (
        "remplacement_temps_partiel",
        _("Remplacement d'un salarié passé provisoirement à temps partiel"),
    )
    REPLACEMENT_DEPARTURE = (
        "remplacement_depart",
        _("Remplacement d'un salarié parti, avant suppression de son poste"),
    )
    AWAITING_HIRE = "attente_embauche", _("Attente de l'entrée en service d'un salarié en CDI")
    ACTIVITY_INCREASE = "accroissement", _("Accroissement temporaire d'activité")
    SEASONAL = "saisonnier", _("Emploi à caractère saisonnier")
    CUSTOMARY = "usage", _("CDD d'usage (secteur de l'article D1242-1)")
    REPLACEMENT_HEAD = (
        "remplacement_chef",
        _("Remplacement d'un chef d'entreprise ou d'exploitation"),
    )
    DEFINED_PURPOSE = "objet_defini", _("CDD à objet défini (ingénieurs et cadres)")
    SENIOR = "senior", _("CDD senior (retour à l'emploi des plus de 57 ans)")
    SUPPORTED = "aide", _("Contrat aidé, politique de l'emploi (L1242-3)")
    TRAINING = "formation", _("Complément de formation professionnelle (L1242-3)")


REPLACEMENT_REASONS = frozenset(
    {
        FixedTermReason.REPLACEMENT,
        FixedTermReason.REPLACEMENT_PART_TIME,
        FixedTermReason.REPLACEMENT_DEPARTURE,
        FixedTermReason.AWAITING_HIRE,
        FixedTermReason.REPLACEMENT_HEAD,
    }
)


class EndReason(models.TextChoices):
    """Why a contract ended (DSN S21.G00.62.002 nomenclature, CT2026.1.1)."""

    END_OF_CDD = "031", _("Fin de CDD")
    END_OF_MISSION = "032", _("Fin de mission d'intérim")
    TRIAL_BY_EMPLOYER = "034", _("Fin de période d'essai à l'initiative de l'employeur")
    TRIAL_BY_EMPLOYEE = "035", _("Fin de période d'essai à l'initiative du salarié")
    EARLY_END_BY_EMPLOYER = "036", _("Rupture anticipée du contrat à l'initiative de l'employeur")
    EARLY_END_BY_EMPLOYEE = "037", _("Rupture anticipée du contrat à l'initiative du salarié")
    RETIREMENT_BY_EMPLOYER = "038", _("Mise à la retraite")
    RETIREMENT = "039", _("Départ à la retraite")
    CONVENTIONAL = "043", _("Rupture conventionnelle")
    RESIGNATION = "059", _("Démission")
    DEATH = "066", _("Décès du salarié")
    DISMISSAL_ECONOMIC = "014", _("Licenciement pour motif économique")
    DISMISSAL_OTHER = "020", _("Licenciement pour un autre motif")
    GROSS_MISCONDUCT = "087", _("Licenciement pour faute grave")
    SERIOUS_MISCONDUCT = "088", _("Licenciement pour faute lourde")
    UNFIT = "091", _("Licenciement pour inaptitude d'origine non professionnelle")
    UNFIT_WORK = "092", _("Licenciement pour inaptitude d'origine professionnelle")
    END_OF_APPRENTICESHIP = "081", _("Fin de contrat d'apprentissage")
    MUTUAL_AGREEMENT = "084", _("Rupture d'un commun accord (CDD, apprentissage)")
    TRANSFER = "998", _("Transfert du contrat sans rupture")


def effective_trial_end(renewed: bool, end: date | None, renewal_end: date | None) -> date | None:
    """The last day of a trial period: its renewal's when it was renewed."""
    return renewal_end if renewed else end


class Contract(AuditScoped, TimeStampedModel):
    """A contract of employment (or an internship agreement, or a public-sector appointment)."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    #: What the contract itself says (its amendable terms are `ContractTerms`); the person's data
    #: export adds the temporary work agency and the tutor.
    DESCRIBING_FIELDS = (
        "number",
        "kind",
        "fixed_term_reason",
        "replaced_person",
        "start_date",
        "end_date",
        "imprecise_term",
        "trial_end_date",
        "trial_renewed",
        "trial_renewal_end_date",
        "end_reason",
    )
    #: What a contract states from its signature: its kind, its term and its trial period (the
    #: hiring form asks only these; the contract form adds the later and the rarer ones).
    OPENING_FIELDS = (
        "kind",
        "start_date",
        "end_date",
        "imprecise_term",
        "fixed_term_reason",
        "replaced_person",
        "trial_end_date",
    )

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="contracts"
    )
    number = models.CharField(_("numéro"), max_length=20)
    kind = models.CharField(_("nature du contrat"), max_length=25, choices=Kind.choices)
    fixed_term_reason = models.CharField(
        _("motif de recours"), max_length=30, choices=FixedTermReason.choices, blank=True
    )
    replaced_person = models.CharField(
        _("personne remplacée (nom et qualification)"), max_length=200, blank=True
    )
    start_date = models.DateField(_("date de début"))
    end_date = models.DateField(
        _("date de fin"),
        null=True,
        blank=True,
        help_text=_("Terme du CDD, ou fin de la durée minimale s'il est sans terme précis."),
    )
    imprecise_term = models.BooleanField(_("CDD sans terme précis"), default=False)
    trial_end_date = models.DateField(_("fin de la période d'essai"), null=True, blank=True)
    trial_renewed = models.BooleanField(_("période d'essai renouvelée"), default=False)
    trial_renewal_end_date = models.DateField(
        _("fin de la période d'essai renouvelée"), null=True, blank=True
    )
    end_reason = models.CharField(
        _("motif de fin"), max_length=3, choices=EndReason.choices, blank=True
    )
    # Registre unique du personnel (C. trav. D1221-23, D1221-23-1)
    temp_agency_name = models.CharField(
        _("entreprise de travail temporaire"), max_length=200, blank=True
    )
    temp_agency_address = models.CharField(
        _("adresse de l'entreprise de travail temporaire"), max_length=300, blank=True
    )
    tutor = models.ForeignKey(
        Employee,
        verbose_name=_("tuteur du stagiaire"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tutored_contracts",
    )

    class Meta:
        verbose_name = _("contrat")
        verbose_name_plural = _("contrats")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "number"], name="contract_number_unique"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="contract_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "start_date", "end_date"], name="contract_period_idx"),
            models.Index(fields=["start_date", "end_date"], name="contract_dates_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} n° {self.number} — {self.employee.display_name}"

    @property
    def effective_trial_end_date(self) -> object:
        return effective_trial_end(
            self.trial_renewed, self.trial_end_date, self.trial_renewal_end_date
        )

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        kind = ContractKind(self.kind) if self.kind in Kind.values else None
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = [str(_("La date de fin ne peut pas précéder la date de début."))]
        if kind in FIXED_TERM_KINDS and not self.end_date:
            errors["end_date"] = [
                str(
                    _(
                        "Un contrat à durée déterminée doit indiquer sa date de fin, ou la fin de "
                        "sa durée minimale s'il est sans terme précis (C. trav. L1242-7)."
                    )
                )
            ]
        if kind in REASON_REQUIRED_KINDS and not self.fixed_term_reason:
            errors["fixed_term_reason"] = [
                str(
                    _(
                        "Un CDD ou une mission doit indiquer son motif précis de recours "
                        "(C. trav. L1242-2 et L1242-12)."
                    )
                )
            ]
        if kind not in REASON_REQUIRED_KINDS and self.fixed_term_reason:
            errors["fixed_term_reason"] = [
                str(_("Seuls les CDD et les missions d'intérim ont un motif de recours."))
            ]
        if self.fixed_term_reason in REPLACEMENT_REASONS and not self.replaced_person.strip():
            errors["replaced_person"] = [
                str(
                    _(
                        "Un contrat de remplacement doit indiquer le nom et la qualification de "
                        "la personne remplacée (C. trav. L1242-12)."
                    )
                )
            ]
        if kind != ContractKind.INTERIM and (self.temp_agency_name or self.temp_agency_address):
            errors["temp_agency_name"] = [
                str(_("Seule une mission d'intérim a une entreprise de travail temporaire."))
            ]
        if self.tutor_id is not None and kind != ContractKind.INTERNSHIP:
            errors["tutor"] = [str(_("Seul un stagiaire a un tuteur."))]
        if self.trial_end_date and self.start_date and self.trial_end_date < self.start_date:
            errors["trial_end_date"] = [
                str(_("La période d'essai ne peut pas finir avant le début du contrat."))
            ]
        if self.trial_renewed and not self.trial_renewal_end_date:
            errors["trial_renewal_end_date"] = [
                str(_("Indiquez la fin de la période d'essai renouvelée."))
            ]
        if (
            self.trial_renewal_end_date
            and self.trial_end_date
            and self.trial_renewal_end_date <= self.trial_end_date
        ):
            errors["trial_renewal_end_date"] = [
                str(_("Le renouvellement doit finir après la période d'essai initiale."))
            ]
        if errors:
            raise ValidationError(errors)


class ContractTerms(AuditScoped, TimeStampedModel):
    """The terms of a contract from `effective_date` on: at hiring, then at each amendment."""

    audit_employer_path = "establishment.employer_id"
    audit_employee_path = "contract.employee_id"

    #: The terms' own values (beside the establishment and the position they refer to).
    VALUE_FIELDS = (
        "job_title",
        "category",
        "classification",
        "coefficient",
        "working_time",
        "monthly_hours",
        "days_per_year",
        "monthly_gross_amount",
        "hourly_rate_amount",
    )
    #: Fields an amendment may change; the audit compares them with the previous version.
    AMENDABLE_FIELDS = ("establishment", "position", *VALUE_FIELDS)
    #: What is typed at hiring and what a new amendment starts from (the latest terms): every
    #: amendable field except the hourly rate, worked out from the pay.
    COPIED_ON_AMENDMENT = tuple(name for name in AMENDABLE_FIELDS if name != "hourly_rate_amount")
    #: The pay, hidden from those who may not see it (a manager reading a team member's contract).
    PAY_FIELDS = ("monthly_gross_amount", "hourly_rate_amount")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="versions")
    effective_date = models.DateField(_("date d'effet"))
    reason = models.CharField(_("objet"), max_length=200, default="Embauche")
    establishment = models.ForeignKey(
        Establishment,
        verbose_name=_("établissement"),
        on_delete=models.PROTECT,
        related_name="contract_terms",
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("poste"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contract_terms",
    )
    job_title = models.CharField(_("emploi occupé"), max_length=150)
    category = models.CharField(_("catégorie"), max_length=10, choices=CategoryChoices.choices)
    classification = models.CharField(_("classification"), max_length=100, blank=True)
    coefficient = models.CharField(_("coefficient"), max_length=20, blank=True)
    working_time = models.CharField(
        _("temps de travail"), max_length=20, choices=WorkingTimeChoices.choices
    )
    monthly_hours = models.DecimalField(
        _("heures mensuelles"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("260"))],
        help_text=_("151,67 h à temps plein (35 h par semaine)."),
    )
    days_per_year = models.PositiveSmallIntegerField(
        _("jours par an (forfait)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(235)],
    )
    monthly_gross_amount = models.DecimalField(
        _("salaire de base mensuel brut"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    hourly_rate_amount = models.DecimalField(
        _("taux horaire brut"),
        max_digits=9,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        verbose_name = _("version du contrat")
        verbose_name_plural = _("versions du contrat")
        ordering = ["contract", "-effective_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "effective_date"], name="contract_terms_one_per_date"
            ),
            models.CheckConstraint(
                condition=Q(monthly_gross_amount__gte=0), name="contract_terms_gross_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract} — {self.reason} ({self.effective_date:%d/%m/%Y})"

    def _contract_or_none(self) -> Contract | None:
        try:
            return self.contract
        except Contract.DoesNotExist:
            return None

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.working_time == WorkingTime.PART_TIME and not self.monthly_hours:
            errors["monthly_hours"] = [
                str(_("Un temps partiel doit indiquer sa durée mensuelle (C. trav. L3123-6)."))
            ]
        if self.working_time == WorkingTime.DAYS_PACKAGE and not self.days_per_year:
            errors["days_per_year"] = [
                str(_("Un forfait jours doit indiquer son nombre de jours."))
            ]
        if self.working_time == WorkingTime.DAYS_PACKAGE and self.category not in {
            Category.EXECUTIVE,
            Category.SUPERVISOR,
        }:
            errors["working_time"] = [
                str(
                    _(
                        "Le forfait jours est réservé aux cadres et aux salariés autonomes "
                        "(C. trav. L3121-58)."
                    )
                )
            ]
        contract = self._contract_or_none()
        if contract is not None and self.effective_date:
            if self.effective_date < contract.start_date or (
                contract.end_date and self.effective_date > contract.end_date
            ):
                errors["effective_date"] = [
                    str(_("La date d'effet doit être comprise dans la durée du contrat."))
                ]
            if self.establishment_id and (
                self.establishment.employer_id != contract.employee.employer_id
            ):
                errors["establishment"] = [
                    str(_("L'établissement doit appartenir à l'employeur du salarié."))
                ]
            if (
                self.position is not None
                and self.position.employer_id != contract.employee.employer_id
            ):
                errors["position"] = [str(_("Le poste doit appartenir à l'employeur du salarié."))]
        if errors:
            raise ValidationError(errors)

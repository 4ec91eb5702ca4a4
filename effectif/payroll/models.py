"""The monthly payroll: a period per employer and month, the variable elements of each
employee's payslip (with their source), the computed payslips with their lines, and the
anomalies found by the checks.

A period moves OPEN → COLLECTING (elements gathered, still changing until the cut-off) →
COMPUTED → CHECKED (anomalies reviewed) → VALIDATED → CLOSED. A closed period is immutable: a
correction found later is a regularisation element of a later period that names the month it
corrects. Only the payroll lead reopens a closed period, with a reason (audited).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from effectif.contracts.models import Contract
from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.rules.payroll.inputs import AbsenceMethod


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Ouverte")
    COLLECTING = "collecting", _("Éléments en cours de collecte")
    COMPUTED = "computed", _("Calculée")
    CHECKED = "checked", _("Contrôlée")
    VALIDATED = "validated", _("Validée")
    CLOSED = "closed", _("Close")


#: The states in which elements may still change and the period be (re)computed.
EDITABLE_STATUSES = frozenset(
    {PeriodStatus.OPEN, PeriodStatus.COLLECTING, PeriodStatus.COMPUTED, PeriodStatus.CHECKED}
)


class TaskStatus(models.TextChoices):
    """The state of the period's background computation (core/workflow.py's words)."""

    PENDING = "pending", _("En attente du processus de calcul")
    RUNNING = "running", _("Calcul en cours")
    DONE = "done", _("Terminé")
    FAILED = "failed", _("Échec")


class PayrollPeriod(AuditScoped, TimeStampedModel):
    """One employer's pay month."""

    employer = models.ForeignKey(
        Employer,
        verbose_name=_("employeur"),
        on_delete=models.PROTECT,
        related_name="payroll_periods",
    )
    month = models.DateField(_("mois"), help_text=_("Le premier jour du mois de paie."))
    pay_date = models.DateField(_("date de paiement"))
    cutoff_date = models.DateField(
        _("date limite des éléments variables"),
        help_text=_("Après cette date, les éléments ne suivent plus leur source."),
    )
    status = models.CharField(
        _("état"), max_length=12, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    # The background computation and its progress.
    task_status = models.CharField(
        _("calcul"), max_length=10, choices=TaskStatus.choices, blank=True
    )
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    progress_done = models.PositiveIntegerField(default=0, editable=False)
    progress_total = models.PositiveIntegerField(default=0, editable=False)
    task_error = models.CharField(max_length=500, blank=True, editable=False)
    collected_at = models.DateTimeField(_("éléments collectés le"), null=True, blank=True)
    computed_at = models.DateTimeField(_("calculée le"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validée par"),
    )
    validated_at = models.DateTimeField(_("validée le"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("close par"),
    )
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)

    class Meta:
        verbose_name = _("période de paie")
        verbose_name_plural = _("périodes de paie")
        ordering = ["-month", "employer__name"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "month"], name="payroll_period_unique"),
            models.CheckConstraint(condition=Q(month__day=1), name="payroll_period_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.label} — {self.employer}"

    @property
    def label(self) -> str:
        """« Novembre 2026 »."""
        return date_format(self.month, "F Y").capitalize()

    @property
    def last_day(self) -> dt.date:
        following = (self.month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status == PeriodStatus.CLOSED

    @property
    def is_running(self) -> bool:
        return self.task_status in (TaskStatus.PENDING, TaskStatus.RUNNING)

    @property
    def progress_percent(self) -> int:
        if not self.progress_total:
            return 0
        return min(100, self.progress_done * 100 // self.progress_total)

    def get_absolute_url(self) -> str:
        return reverse("payroll:period", args=[self.pk])


class EmployerPayrollSettings(AuditScoped, TimeStampedModel):
    """What payroll needs from an employer beyond its identity: the absence deduction method,
    the headcount for contribution thresholds, the anomaly threshold, the maintenance rates of
    the collective agreement."""

    #: What HR types on the employer's payroll settings page.
    TYPED_FIELDS: ClassVar[tuple[str, ...]] = (
        "absence_method",
        "headcount",
        "variation_threshold",
        "non_profit",
    )

    employer = models.OneToOneField(
        Employer,
        on_delete=models.CASCADE,
        related_name="payroll_settings",
        verbose_name=_("employeur"),
    )
    absence_method = models.CharField(
        _("retenue pour absence"),
        max_length=15,
        choices=[
            (AbsenceMethod.HOURLY_RATE.value, _("Taux horaire contractuel")),
            (AbsenceMethod.ACTUAL_HOURS.value, _("Heures réelles du mois")),
            (AbsenceMethod.WORKING_DAYS.value, _("Jours ouvrés du mois")),
        ],
        default=AbsenceMethod.ACTUAL_HOURS.value,
        help_text=_("Cass. soc. 13/07/2010 n° 09-65.010 : au prorata des heures du mois."),
    )
    headcount = models.PositiveIntegerField(
        _("effectif pour les seuils"),
        null=True,
        blank=True,
        help_text=_(
            "Effectif annuel moyen de l'année précédente (CSS R130-1). Vide : calculé à partir "
            "des contrats."
        ),
    )
    variation_threshold = models.DecimalField(
        _("seuil d'alerte de variation du net"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.20"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("10"))],
        help_text=_(
            "En fraction : 0,20 signale un net qui varie de plus de 20 % d'un mois à l'autre."
        ),
    )
    non_profit = models.BooleanField(
        _("organisme sans but lucratif"),
        default=False,
        help_text=_("Association ou fondation : abattement de taxe sur les salaires."),
    )

    class Meta:
        verbose_name = _("paramètres de paie de l'employeur")
        verbose_name_plural = _("paramètres de paie des employeurs")

    def __str__(self) -> str:
        return str(self.employer)


class PasOrigin(models.TextChoices):
    NOTIFIED = "notified", _("Taux notifié par l'administration fiscale")
    NEUTRAL = "neutral", _("Grille de taux neutre")


#: The legal maximum of a personalised withholding rate (CGI 204 H: the grid tops at 43 %).
PAS_RATE_MAX = Decimal("0.43")


class EmployeePayrollSettings(AuditScoped, TimeStampedModel):
    """One employee's payroll settings from a date of effect: withholding rate and its origin,
    health and prévoyance premiums with the employer's share, the public-transport pass."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    #: What HR types for a version of the settings.
    TYPED_FIELDS: ClassVar[tuple[str, ...]] = (
        "effective_date",
        "pas_origin",
        "pas_rate",
        "health_premium_amount",
        "health_employer_share",
        "prevoyance_premium_amount",
        "prevoyance_employer_share",
        "transit_pass_amount",
        "paper_payslip",
    )

    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        related_name="payroll_settings",
        verbose_name=_("salarié"),
    )
    effective_date = models.DateField(_("date d'effet"))
    pas_origin = models.CharField(
        _("origine du taux de prélèvement"),
        max_length=10,
        choices=PasOrigin.choices,
        default=PasOrigin.NEUTRAL,
    )
    pas_rate = models.DecimalField(
        _("taux de prélèvement à la source"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(PAS_RATE_MAX)],
        help_text=_("En fraction : 0,075 pour 7,5 %. Vide avec la grille neutre."),
    )
    health_premium_amount = models.DecimalField(
        _("cotisation mensuelle mutuelle"),
        max_digits=9,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    health_employer_share = models.DecimalField(
        _("part employeur mutuelle"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal(1))],
        help_text=_("Au moins 50 % (CSS L911-7)."),
    )
    prevoyance_premium_amount = models.DecimalField(
        _("cotisation mensuelle prévoyance"),
        max_digits=9,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    prevoyance_employer_share = models.DecimalField(
        _("part employeur prévoyance"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
    )
    transit_pass_amount = models.DecimalField(
        _("abonnement de transport public (mois)"),
        max_digits=9,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    paper_payslip = models.BooleanField(
        _("bulletin sur papier"),
        default=False,
        help_text=_("Le salarié s'est opposé au bulletin électronique (C. trav. L3243-2)."),
    )

    class Meta:
        verbose_name = _("paramètres de paie du salarié")
        verbose_name_plural = _("paramètres de paie des salariés")
        ordering = ["employee", "-effective_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "effective_date"], name="employee_payroll_settings_unique"
            ),
            models.CheckConstraint(
                condition=Q(pas_origin="neutral") | Q(pas_rate__isnull=False),
                name="employee_payroll_settings_notified_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.effective_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.pas_origin == PasOrigin.NOTIFIED and self.pas_rate is None:
            raise ValidationError(
                {"pas_rate": _("Indiquez le taux notifié par l'administration fiscale.")}
            )
        if self.pas_origin == PasOrigin.NEUTRAL and self.pas_rate is not None:
            raise ValidationError(
                {
                    "pas_rate": _(
                        "Avec la grille neutre, le taux se calcule chaque mois : laissez-le vide."
                    )
                }
            )


class ElementSource(models.TextChoices):
    """Where a variable element comes from."""

    LEAVE = "leave", _("Congés et absences")
    TIMEKEEPING = "timekeeping", _("Feuilles de temps")
    TRAVEL = "travel", _("Notes de frais")
    DEPARTURES = "departures", _("Départs")
    CONTRACTS = "contracts", _("Contrats")
    MANUAL = "manual", _("Saisie")
    IMPORT = "import", _("Import")


class PayrollElement(AuditScoped, TimeStampedModel):
    """One variable element of an employee's payslip for the period.

    `code` names its kind in the catalogue (`payroll/catalogue.py`): the unit of `quantity`,
    how the engine uses it. An element gathered from another app keeps its source (app, model
    and row) and is recomputed when the source changes before the cut-off; a manual element has
    no source row. `corrected_month` names the month a regularisation corrects.
    """

    audit_employer_path = "period.employer_id"
    audit_employee_path = "employee_id"

    period = models.ForeignKey(
        PayrollPeriod,
        on_delete=models.CASCADE,
        related_name="elements",
        verbose_name=_("période"),
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.PROTECT,
        related_name="payroll_elements",
        verbose_name=_("salarié"),
    )
    code = models.CharField(_("code"), max_length=20)
    label = models.CharField(_("libellé"), max_length=200)
    quantity = models.DecimalField(
        _("quantité"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    base_amount = models.DecimalField(
        _("base"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    rate = models.DecimalField(_("taux"), max_digits=9, decimal_places=4, null=True, blank=True)
    amount = models.DecimalField(
        _("montant"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    start_date = models.DateField(_("du"), null=True, blank=True)
    end_date = models.DateField(_("au"), null=True, blank=True)
    corrected_month = models.DateField(
        _("mois corrigé"),
        null=True,
        blank=True,
        help_text=_("Pour un rappel ou une régularisation : le mois qu'il corrige."),
    )
    source = models.CharField(_("origine"), max_length=12, choices=ElementSource.choices)
    source_key = models.CharField(
        _("référence de la source"),
        max_length=60,
        blank=True,
        help_text=_("Le modèle et la ligne d'origine, p. ex. « leave.leaverequest:42 »."),
    )
    source_label = models.CharField(_("source"), max_length=200, blank=True)
    source_url = models.CharField(max_length=200, blank=True)
    detail = models.JSONField(_("détail du calcul"), default=dict, blank=True)
    comment = models.CharField(_("commentaire"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("élément variable de paie")
        verbose_name_plural = _("éléments variables de paie")
        ordering = ["employee__last_name", "employee__first_names", "code", "start_date", "id"]
        indexes = [
            models.Index(fields=["period", "employee"], name="payroll_element_employee_idx"),
            models.Index(fields=["period", "source"], name="payroll_element_source_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class PayslipStatus(models.TextChoices):
    COMPUTED = "computed", _("Calculé")
    FAILED = "failed", _("Calcul impossible")


class Payslip(AuditScoped, TimeStampedModel):
    """One employee's computed payslip for a period, stored as the engine gave it: its lines
    (gross lines, contributions by heading), totals, year-to-date figures, the engine's input and
    the version of the parameters used."""

    audit_employer_path = "period.employer_id"
    audit_employee_path = "employee_id"

    #: The figures shown in lists and totalled in the journal, in the order of the bulletin.
    AMOUNT_FIELDS: ClassVar[tuple[str, ...]] = (
        "gross_amount",
        "employee_contributions_amount",
        "employer_contributions_amount",
        "net_social_amount",
        "net_taxable_amount",
        "net_before_tax_amount",
        "withheld_amount",
        "net_paid_amount",
        "employer_cost_amount",
    )

    period = models.ForeignKey(
        PayrollPeriod,
        on_delete=models.CASCADE,
        related_name="payslips",
        verbose_name=_("période"),
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="payslips", verbose_name=_("salarié")
    )
    contract = models.ForeignKey(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payslips",
        verbose_name=_("contrat"),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=PayslipStatus.choices, default=PayslipStatus.COMPUTED
    )
    error = models.CharField(_("erreur de calcul"), max_length=500, blank=True)
    gross_amount = models.DecimalField(_("brut"), max_digits=12, decimal_places=2, default=0)
    employee_contributions_amount = models.DecimalField(
        _("cotisations salariales"), max_digits=12, decimal_places=2, default=0
    )
    employer_contributions_amount = models.DecimalField(
        _("cotisations patronales"), max_digits=12, decimal_places=2, default=0
    )
    net_social_amount = models.DecimalField(
        _("montant net social"), max_digits=12, decimal_places=2, default=0
    )
    net_taxable_amount = models.DecimalField(
        _("net imposable"), max_digits=12, decimal_places=2, default=0
    )
    net_before_tax_amount = models.DecimalField(
        _("net à payer avant impôt"), max_digits=12, decimal_places=2, default=0
    )
    withheld_amount = models.DecimalField(
        _("impôt prélevé à la source"), max_digits=12, decimal_places=2, default=0
    )
    net_paid_amount = models.DecimalField(_("net payé"), max_digits=12, decimal_places=2, default=0)
    employer_cost_amount = models.DecimalField(
        _("coût employeur"), max_digits=12, decimal_places=2, default=0
    )
    element_count = models.PositiveIntegerField(_("éléments"), default=0)
    blocking_count = models.PositiveIntegerField(_("anomalies bloquantes"), default=0)
    warning_count = models.PositiveIntegerField(_("avertissements"), default=0)
    result = models.JSONField(_("bulletin calculé"), default=dict, blank=True)
    engine_input = models.JSONField(_("données du calcul"), default=dict, blank=True)
    parameters_version = models.CharField(_("version des paramètres"), max_length=40, blank=True)
    computed_at = models.DateTimeField(_("calculé le"), null=True, blank=True)
    document = models.FileField(_("bulletin PDF"), upload_to="bulletins/", blank=True)

    class Meta:
        verbose_name = _("bulletin de paie")
        verbose_name_plural = _("bulletins de paie")
        ordering = ["employee__last_name", "employee__first_names"]
        constraints = [
            models.UniqueConstraint(fields=["period", "employee"], name="payslip_unique")
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("payroll:payslip", args=[self.pk])


class Severity(models.TextChoices):
    BLOCKING = "blocking", _("Bloquante")
    WARNING = "warning", _("Avertissement")


class Anomaly(AuditScoped, TimeStampedModel):
    """A finding of the checks run after each computation: blocking ones stop validation; a
    warning can be acknowledged with a comment (audited)."""

    audit_employer_path = "period.employer_id"
    audit_employee_path = "employee_id"

    period = models.ForeignKey(
        PayrollPeriod,
        on_delete=models.CASCADE,
        related_name="anomalies",
        verbose_name=_("période"),
    )
    payslip = models.ForeignKey(
        Payslip, on_delete=models.CASCADE, null=True, blank=True, related_name="anomalies"
    )
    employee = models.ForeignKey(
        Employee,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("salarié"),
    )
    code = models.CharField(_("contrôle"), max_length=40)
    severity = models.CharField(_("gravité"), max_length=10, choices=Severity.choices)
    message = models.CharField(_("constat"), max_length=400)
    fix = models.CharField(_("comment corriger"), max_length=400, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("prise en compte le"), null=True, blank=True)
    acknowledgement = models.CharField(_("commentaire"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("anomalie de paie")
        verbose_name_plural = _("anomalies de paie")
        ordering = ["severity", "code", "id"]
        indexes = [models.Index(fields=["period", "severity"], name="payroll_anomaly_idx")]

    def __str__(self) -> str:
        return self.message

    @property
    def is_blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None


#: A general-ledger account number or a journal code: letters and digits, no space.
ACCOUNT_NUMBER = RegexValidator(
    r"^[0-9A-Za-z]{1,20}$", _("Lettres et chiffres seulement, sans espace (20 au plus).")
)


def _account(
    label: StrOrPromise, default: str, help_text: StrOrPromise = ""
) -> models.CharField[str, str]:
    return models.CharField(
        label, max_length=20, default=default, validators=[ACCOUNT_NUMBER], help_text=help_text
    )


class AccountingSettings(AuditScoped, TimeStampedModel):
    """The general-ledger accounts of an employer's payroll entries (plan comptable général by
    default: 641 gross pay, 645 social charges, 421 net to pay, 431 URSSAF, 437 other social
    bodies, 4421 withholding tax…). Which contribution goes to which body is
    `payroll/accounting/bodies.py`."""

    #: The accounts, in the order of the settings form.
    ACCOUNT_FIELDS: ClassVar[tuple[str, ...]] = (
        "journal_code",
        "gross_account",
        "employer_contributions_account",
        "payroll_taxes_account",
        "other_payroll_taxes_account",
        "other_social_charges_account",
        "expenses_account",
        "subrogation_account",
        "net_pay_account",
        "withholding_account",
        "urssaf_account",
        "retirement_account",
        "provident_account",
        "tax_office_account",
        "other_bodies_account",
        "benefits_in_kind_account",
        "meal_vouchers_account",
    )

    employer = models.OneToOneField(
        Employer,
        on_delete=models.CASCADE,
        related_name="payroll_accounting",
        verbose_name=_("employeur"),
    )
    journal_code = _account(_("code du journal"), "PAIE")
    gross_account = _account(_("rémunérations du personnel (débit)"), "641")
    employer_contributions_account = _account(
        _("charges de sécurité sociale et de prévoyance (débit)"), "645"
    )
    payroll_taxes_account = _account(
        _("taxes sur rémunérations, administration des impôts (débit)"),
        "631",
        _("Taxe sur les salaires, taxe d'apprentissage."),
    )
    other_payroll_taxes_account = _account(
        _("taxes sur rémunérations, autres organismes (débit)"),
        "633",
        _("Versement mobilité, FNAL, formation professionnelle, effort de construction."),
    )
    other_social_charges_account = _account(
        _("autres charges sociales (débit)"),
        "647",
        _("Part patronale des titres-restaurant, remboursement des transports publics."),
    )
    expenses_account = _account(_("frais professionnels remboursés (débit)"), "625")
    subrogation_account = _account(
        _("indemnités journalières à recevoir, subrogation (débit)"), "4387"
    )
    net_pay_account = _account(_("rémunérations dues (crédit)"), "421")
    withholding_account = _account(_("prélèvement à la source (crédit)"), "4421")
    urssaf_account = _account(_("URSSAF (crédit)"), "431")
    retirement_account = _account(_("retraite complémentaire (crédit)"), "437")
    provident_account = _account(_("prévoyance et mutuelle (crédit)"), "437")
    tax_office_account = _account(_("service des impôts des entreprises (crédit)"), "447")
    other_bodies_account = _account(_("autres organismes (crédit)"), "438")
    benefits_in_kind_account = _account(_("avantages en nature (crédit)"), "791")
    meal_vouchers_account = _account(_("titres-restaurant (crédit)"), "4386")

    class Meta:
        verbose_name = _("comptes de paie de l'employeur")
        verbose_name_plural = _("comptes de paie des employeurs")

    def __str__(self) -> str:
        return str(self.employer)

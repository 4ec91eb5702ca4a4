"""Leave: the types each employer uses, requests and absences, the ledger, notifications.

Balances are never stored: they are sums of the ledger's dated entries (acquisitions,
takings, reversals, adjustments, carry-overs, expiries, fractionnement). An entry, once
written, is never changed; a correction is a new entry.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditScoped, TimeStampedModel
from effectif.core.validation import NamedUniqueMixin
from effectif.employees.models import Employee, EmployeeDocument
from effectif.organisation.models import Employer
from effectif.rules.leave.counting import CALENDAR
from effectif.rules.parameters.leave import OUVRABLES, OUVRES


class Category(models.TextChoices):
    PAID_LEAVE = "conges_payes", _("Congés payés")
    RTT = "rtt", _("RTT (réduction du temps de travail)")
    TIME_OFF_IN_LIEU = "repos_compensateur", _("Repos compensateur")
    SICKNESS = "maladie", _("Maladie")
    WORK_ACCIDENT = "at_mp", _("Accident du travail, maladie professionnelle")
    MATERNITY = "maternite", _("Maternité")
    PATERNITY = "paternite", _("Paternité et accueil de l'enfant")
    FAMILY_EVENT = "evenement_familial", _("Événement familial")
    UNPAID = "sans_solde", _("Congé sans solde")
    TRAINING = "formation", _("Formation")
    SICK_CHILD = "enfant_malade", _("Enfant malade")
    OTHER = "autre", _("Autre")


#: Absences HR records (with a document), rather than leave the employee asks for.
RECORDED_CATEGORIES = frozenset(
    {Category.SICKNESS, Category.WORK_ACCIDENT, Category.MATERNITY, Category.SICK_CHILD}
)


#: Natures that tell nothing of health or family life: a manager reads them by default. The
#: others (sickness, work accident, maternity, paternity and adoption, family events, a sick
#: child, « Autre » whose content is unknown) read « Absence » to all but HR and the employee
#: (RGPD art. 9: health data; C. trav. L1121-1 and L1222-2: only what the job requires).
SHOWN_TO_MANAGERS_BY_DEFAULT = frozenset(
    {
        Category.PAID_LEAVE,
        Category.RTT,
        Category.TIME_OFF_IN_LIEU,
        Category.UNPAID,
        Category.TRAINING,
    }
)


class Unit(models.TextChoices):
    DAYS = "jours", _("Jours entiers")
    HALF_DAYS = "demi_journees", _("Jours ou demi-journées")
    HOURS = "heures", _("Heures")


class Counting(models.TextChoices):
    OUVRABLES = OUVRABLES, _("Jours ouvrables (du lundi au samedi)")
    OUVRES = OUVRES, _("Jours ouvrés (jours travaillés du salarié)")
    CALENDAR = CALENDAR, _("Jours calendaires")


class BalancePolicy(models.TextChoices):
    NONE = "aucun", _("Pas de solde")
    WARN = "avertir", _("Solde : avertir en cas de dépassement")
    REFUSE = "refuser", _("Solde : refuser en cas de dépassement")


class AcquisitionEffect(models.TextChoices):
    """What a day of this absence gives towards paid leave (C. trav. L3141-5)."""

    WORK = "travail", _("Assimilé à du travail effectif")
    SICK = "maladie", _("Maladie non professionnelle (2 jours par mois, 24 au plus)")
    NONE = "aucun", _("Non assimilé (réduit l'acquisition)")


class FamilyEvent(models.TextChoices):
    MARRIAGE = "mariage", _("Mariage")
    PACS = "pacs", _("Conclusion d'un PACS")
    CHILD_MARRIAGE = "mariage_enfant", _("Mariage d'un enfant")
    BIRTH = "naissance", _("Naissance")
    ADOPTION = "adoption", _("Arrivée d'un enfant adopté")
    CHILD_DEATH = "deces_enfant", _("Décès d'un enfant")
    YOUNG_CHILD_DEATH = "deces_enfant_moins_25_ans", _("Décès d'un enfant de moins de 25 ans")
    PARTNER_DEATH = "deces_conjoint", _("Décès du conjoint, partenaire ou concubin")
    PARENT_DEATH = "deces_parent", _("Décès du père ou de la mère")
    IN_LAW_DEATH = "deces_beau_parent", _("Décès du beau-père ou de la belle-mère")
    SIBLING_DEATH = "deces_frere_soeur", _("Décès d'un frère ou d'une sœur")
    CHILD_DISABILITY = "handicap_enfant", _("Annonce d'un handicap ou d'une maladie de l'enfant")


class LeaveType(AuditScoped, NamedUniqueMixin, TimeStampedModel):
    """A kind of leave or absence as one employer manages it."""

    unique_messages = {
        "leave_type_code_unique": ("code", _("Le code « %(value)s » est déjà utilisé.")),
    }

    employer = models.ForeignKey(
        Employer, verbose_name=_("employeur"), on_delete=models.PROTECT, related_name="leave_types"
    )
    code = models.CharField(
        _("code"),
        max_length=30,
        validators=[RegexValidator(r"^[a-z0-9_]+$", _("Lettres minuscules, chiffres et « _ »."))],
    )
    label = models.CharField(_("libellé"), max_length=100)
    category = models.CharField(_("nature"), max_length=20, choices=Category.choices)
    unit = models.CharField(_("unité"), max_length=15, choices=Unit.choices, default=Unit.DAYS)
    counting = models.CharField(
        _("décompte"), max_length=12, choices=Counting.choices, default=Counting.OUVRABLES
    )
    balance_policy = models.CharField(
        _("solde"), max_length=10, choices=BalancePolicy.choices, default=BalancePolicy.NONE
    )
    requires_approval = models.BooleanField(_("soumis à validation"), default=True)
    employee_can_request = models.BooleanField(_("demandé par le salarié"), default=True)
    acquisition_effect = models.CharField(
        _("effet sur l'acquisition des congés payés"),
        max_length=10,
        choices=AcquisitionEffect.choices,
        default=AcquisitionEffect.WORK,
    )
    period_start_month = models.PositiveSmallIntegerField(
        _("début de la période de référence (mois)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("6 pour le 1er juin (C. trav. R3141-4) ; 1 pour l'année civile."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("délai de prise après la période (mois)"),
        null=True,
        blank=True,
        help_text=_(
            "12 : les congés acquis jusqu'au 31 mai se prennent jusqu'au 31 mai suivant ; "
            "0 : dans la période même ; vide : sans échéance."
        ),
    )
    splitting = models.BooleanField(
        _("jours de fractionnement"),
        default=False,
        help_text=_("Jours supplémentaires pour le congé principal pris hors mai–octobre."),
    )
    family_event = models.CharField(
        _("événement familial"), max_length=30, choices=FamilyEvent.choices, blank=True
    )
    colour = models.CharField(
        _("couleur"),
        max_length=7,
        default="#1f3c88",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Une couleur #RRVVBB."))],
    )
    shown_to_managers = models.BooleanField(
        _("nature visible des managers"),
        default=False,
        help_text=_(
            "Sinon, les managers et les collègues lisent « Absence » et ses dates : seuls les "
            "RH et le salarié voient la nature. À laisser décoché pour ce qui touche à la "
            "santé ou à la vie familiale."
        ),
    )
    active = models.BooleanField(_("actif"), default=True)

    class Meta:
        verbose_name = _("type de congé ou d'absence")
        verbose_name_plural = _("types de congés et d'absences")
        ordering = ["employer__name", "label"]
        constraints = [
            models.UniqueConstraint(fields=["employer", "code"], name="leave_type_code_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def has_balance(self) -> bool:
        return self.balance_policy != BalancePolicy.NONE

    def clean(self) -> None:
        errors: dict[str, list[Any]] = {}
        if self.unit == Unit.HOURS and self.counting == Counting.CALENDAR:
            errors["counting"] = [_("Un type décompté en heures suit le calendrier de travail.")]
        if self.splitting and self.category != Category.PAID_LEAVE:
            errors["splitting"] = [_("Le fractionnement ne concerne que les congés payés.")]
        if self.family_event and self.category != Category.FAMILY_EVENT:
            errors["family_event"] = [_("Réservé aux congés pour événement familial.")]
        if errors:
            raise ValidationError(errors)


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("En attente")
    APPROVED = "approved", _("Validée")
    REJECTED = "rejected", _("Refusée")
    CANCELLED = "cancelled", _("Annulée")


#: Statuses of a request that holds its days (overlaps are checked against them).
HOLDING = (Status.SUBMITTED, Status.APPROVED)


class LeaveRequest(AuditScoped, TimeStampedModel):
    """Leave asked for by an employee, recorded by HR on their behalf, or an absence HR records
    (sickness, work accident…) with its document."""

    audit_employer_path = "employee.employer_id"
    audit_employee_path = "employee_id"

    #: What is asked for: the type, the days (half days at either end) and the hours or amount.
    REQUESTED_FIELDS = (
        "leave_type",
        "start_date",
        "end_date",
        "start_afternoon",
        "end_morning",
        "hours",
        "amount",
    )

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="leave_requests"
    )
    leave_type = models.ForeignKey(
        LeaveType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="requests"
    )
    start_date = models.DateField(_("du"))
    end_date = models.DateField(_("au"))
    start_afternoon = models.BooleanField(_("à partir de l'après-midi"), default=False)
    end_morning = models.BooleanField(_("jusqu'à midi"), default=False)
    hours = models.DecimalField(_("heures"), max_digits=6, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("décompte"), max_digits=7, decimal_places=2)
    days_detail = models.JSONField(_("détail par jour"), default=dict, blank=True)
    status = models.CharField(
        _("statut"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    comment = models.TextField(_("commentaire"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decision_comment = models.TextField(_("commentaire de la décision"), blank=True)
    document = models.ForeignKey(
        EmployeeDocument,
        verbose_name=_("justificatif"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subrogation = models.BooleanField(
        _("subrogation"),
        default=False,
        help_text=_("L'employeur maintient le salaire et perçoit les indemnités journalières."),
    )

    class Meta:
        verbose_name = _("demande de congé ou absence")
        verbose_name_plural = _("demandes de congés et absences")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="leave_request_end_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["employee", "start_date", "end_date"], name="leave_request_span"),
            models.Index(fields=["status", "start_date"], name="leave_request_status"),
            # The lists' order: HR's list of all requests reads its page from it instead of
            # sorting every request of the employer.
            models.Index(fields=["-start_date", "-id"], name="leave_request_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.leave_type} — {self.employee.display_name} ({self.start_date:%d/%m/%Y})"

    @property
    def is_holding(self) -> bool:
        return self.status in HOLDING


class EntryKind(models.TextChoices):
    ACQUISITION = "acquisition", _("Acquisition")
    TAKING = "prise", _("Prise")
    REVERSAL = "annulation", _("Annulation d'une prise")
    ADJUSTMENT = "ajustement", _("Ajustement")
    CARRY_OVER = "report", _("Report")
    EXPIRY = "expiration", _("Perte à échéance")
    SPLITTING = "fractionnement", _("Fractionnement")
    ROUNDING = "arrondi", _("Arrondi au jour supérieur")


#: Entries that credit acquired days (the « acquis » column of a statement).
CREDIT_KINDS = (EntryKind.ACQUISITION, EntryKind.SPLITTING, EntryKind.ROUNDING)
TAKING_KINDS = (EntryKind.TAKING, EntryKind.REVERSAL)


class ImmutableEntryError(RuntimeError):
    """A ledger entry is never changed nor deleted: a correction is a new entry."""


class LedgerEntry(AuditScoped, models.Model):
    """One dated movement of a balance: + credits, − debits, in the type's unit.

    `period_start` names the reference period the days were acquired in; with
    `available_until` (their deadline, none for no expiry) it forms the entry's bucket."""

    audit_employer_path = "leave_type.employer_id"
    audit_employee_path = "employee_id"

    employee = models.ForeignKey(
        Employee, verbose_name=_("salarié"), on_delete=models.PROTECT, related_name="leave_entries"
    )
    leave_type = models.ForeignKey(
        LeaveType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField(_("mouvement"), max_length=15, choices=EntryKind.choices)
    entry_date = models.DateField(_("date"))
    amount = models.DecimalField(_("quantité"), max_digits=8, decimal_places=2)
    period_start = models.DateField(_("période d'acquisition"))
    available_until = models.DateField(_("à prendre avant le"), null=True, blank=True)
    month = models.DateField(_("mois acquis"), null=True, blank=True)
    request = models.ForeignKey(
        LeaveRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    reverses = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversals"
    )
    label = models.CharField(_("libellé"), max_length=200)
    basis = models.CharField(_("fondement"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)

    class Meta:
        verbose_name = _("mouvement de congés")
        verbose_name_plural = _("mouvements de congés")
        ordering = ["entry_date", "id"]
        indexes = [
            models.Index(fields=["employee", "leave_type", "entry_date"], name="leave_entry_idx"),
            models.Index(fields=["leave_type", "kind", "month"], name="leave_entry_month_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_date:%d/%m/%Y} {self.label} {self.amount}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableEntryError("Un mouvement de congés n'est jamais modifié.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableEntryError("Un mouvement de congés n'est jamais supprimé.")


class LeaveClosing(models.Model):
    """The closing of a leave year for one type of one employer (done once)."""

    leave_type = models.ForeignKey(LeaveType, on_delete=models.PROTECT, related_name="closings")
    period_start = models.DateField(_("période acquise"))
    closed_at = models.DateTimeField(_("clôturée le"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    summary = models.JSONField(_("bilan"), default=dict)

    class Meta:
        verbose_name = _("clôture d'une année de congés")
        verbose_name_plural = _("clôtures des années de congés")
        constraints = [
            models.UniqueConstraint(
                fields=["leave_type", "period_start"], name="leave_closing_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.leave_type} {self.period_start:%Y}"


class Notification(models.Model):
    """A message shown to a user in the application (also sent by e-mail)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leave_notifications"
    )
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("lien"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="leave_notification_unread")]

    def __str__(self) -> str:
        return self.message

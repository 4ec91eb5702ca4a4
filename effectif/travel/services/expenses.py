"""Writes of expense reports (notes de frais): create and edit a draft, add, edit and delete its
lines with their receipts, submit it (the lines are checked), decide each line (accept, reduce,
reject), approve it as the manager, check it as HR (exempt and taxable parts, advance
deducted), or reject it.

Each function validates first, then writes and audits in one transaction: bad input raises a
ValidationError in French, on the field when there is one, and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.employees.models import Employee
from effectif.employees.services import check_document_file
from effectif.organisation.models import Employer
from effectif.rules.money import ZERO, round_amount
from effectif.rules.travel.checks import split_exempt
from effectif.rules.travel.mileage import VehicleFacts, trip_amount
from effectif.rules.travel.mileage import VehicleKind as RuleVehicleKind
from effectif.rules.travel.parameters import parameters_version
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    LineDecision,
    Trip,
    TripStatus,
    Vehicle,
)
from effectif.travel.permissions import (
    can_approve_report_as_manager,
    can_check_report,
    can_edit_report,
    can_write_for,
)
from effectif.travel.services.checking import CheckOutcome, line_facts, reports_check

REPORT_FIELDS = audited_fields(ExpenseReport)
LINE_FIELDS = [f for f in audited_fields(ExpenseLine) if f != "anomalies"]
EURO = "EUR"


@dataclass(frozen=True)
class LineInput:
    """What the employee types for one line. `amount` is in euros; for a foreign currency give
    `original_amount` and `exchange_rate` instead; for mileage give the vehicle and distance."""

    category: str
    expense_date: dt.date
    amount: Decimal | None = None
    vat_amount: Decimal = ZERO
    merchant: str = ""
    description: str = ""
    currency: str = EURO
    original_amount: Decimal | None = None
    exchange_rate: Decimal | None = None
    meal_kind: str = ""
    paris_area: bool = False
    guests: int = 1
    vehicle: Vehicle | None = None
    route_from: str = ""
    route_to: str = ""
    distance_km: Decimal | None = None


def _fr(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",")


def _locked(report: ExpenseReport) -> ExpenseReport:
    return (
        ExpenseReport.objects.select_for_update(of=("self",))
        .select_related("employer", "employee", "employee__department", "trip")
        .get(pk=report.pk)
    )


def _next_reference(employer: Employer, year: int) -> str:
    """« NF-<year>-<seq> », numbered per employer and year (the employer row is locked)."""
    Employer.objects.select_for_update().filter(pk=employer.pk).first()
    prefix = f"NF-{year}-"
    numbers = [
        int(ref[len(prefix) :])
        for ref in ExpenseReport.objects.filter(
            employer=employer, reference__startswith=prefix
        ).values_list("reference", flat=True)
        if ref[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def trips_for_report(employee: Employee) -> Any:
    """The approved trips a report of `employee` may be attached to."""
    return (
        Trip.objects.filter(Q(employee=employee) | Q(travellers=employee))
        .filter(status=TripStatus.APPROVED)
        .distinct()
        .order_by("-start_date")
    )


def _check_header(employee: Employee, title: str, trip: Trip | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = [_("Donnez un intitulé à la note de frais.")]
    if trip is not None and not trips_for_report(employee).filter(pk=trip.pk).exists():
        errors["trip"] = [
            _("Cet ordre de mission n'est pas un déplacement approuvé de %(name)s.")
            % {"name": employee.display_name}
        ]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_create(
    *, employee: Employee, title: str, trip: Trip | None = None, by: Any
) -> ExpenseReport:
    if not can_write_for(by, employee):
        raise PermissionDenied
    _check_header(employee, title, trip)
    report = ExpenseReport(
        employer=employee.employer,
        employee=employee,
        department=employee.department,
        trip=trip,
        title=title.strip(),
    )
    report.reference = _next_reference(employee.employer, timezone.localdate().year)
    return save_audited(instance=report, by=by, fields=REPORT_FIELDS)


@transaction.atomic
def report_update(
    *, report: ExpenseReport, title: str, trip: Trip | None, by: Any
) -> ExpenseReport:
    report = _locked(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seul un brouillon peut être modifié."))
    _check_header(report.employee, title, trip)
    report.title = title.strip()
    report.trip = trip
    return save_audited(instance=report, by=by, fields=REPORT_FIELDS)


# --- lines ---------------------------------------------------------------------------------


def prior_mileage_km(employee_id: int, on: dt.date, exclude_pk: int | None = None) -> Decimal:
    """Kilometres the employee already declared in the calendar year before `on` (earlier
    mileage lines, rejected ones apart): the start of the year's cumulative bands."""
    rows = ExpenseLine.objects.filter(
        report__employee_id=employee_id,
        category=ExpenseCategory.MILEAGE,
        expense_date__gte=dt.date(on.year, 1, 1),
        distance_km__isnull=False,
    ).exclude(Q(report__status=ExpenseStatus.REJECTED) | Q(decision=LineDecision.REJECTED))
    if exclude_pk is not None:
        rows = rows.filter(Q(expense_date__lt=on) | Q(expense_date=on, pk__lt=exclude_pk)).exclude(
            pk=exclude_pk
        )
    else:
        rows = rows.filter(expense_date__lte=on)
    total = rows.aggregate(total=Sum("distance_km"))["total"]
    return Decimal(total or 0).quantize(Decimal("0.1"))


def vehicle_facts(vehicle: Vehicle) -> VehicleFacts:
    return VehicleFacts(
        kind=RuleVehicleKind(vehicle.kind),
        fiscal_power=vehicle.fiscal_power,
        electric=vehicle.electric,
    )


def _price_mileage(line: ExpenseLine, employee_id: int) -> None:
    assert line.vehicle is not None
    assert line.distance_km is not None
    prior = prior_mileage_km(employee_id, line.expense_date, line.pk)
    priced = trip_amount(
        vehicle_facts(line.vehicle),
        prior_km=prior,
        distance_km=line.distance_km,
        on=line.expense_date,
    )
    line.amount = round_amount(priced.amount)
    line.vat_amount = ZERO
    line.computation = priced.basis[:300]


def _check_line(
    data: LineInput, employee: Employee, receipt: UploadedFile[Any] | None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if data.category not in ExpenseCategory.values:
        add("category", _("Choisissez une catégorie de dépense."))
    if data.expense_date > timezone.localdate():
        add("expense_date", _("La date de la dépense ne peut pas être dans le futur."))
    currency = (data.currency or EURO).strip().upper()
    if data.category == ExpenseCategory.MILEAGE:
        if data.vehicle is None:
            add("vehicle", _("Choisissez le véhicule utilisé."))
        elif data.vehicle.employee_id != employee.pk or not data.vehicle.active:
            add("vehicle", _("Ce véhicule n'est pas un véhicule en service du salarié."))
        if data.distance_km is None or data.distance_km <= 0:
            add("distance_km", _("Indiquez la distance parcourue, en kilomètres (plus de 0)."))
        if not data.route_from.strip():
            add("route_from", _("Indiquez le lieu de départ du trajet."))
        if not data.route_to.strip():
            add("route_to", _("Indiquez le lieu d'arrivée du trajet."))
        return errors
    if data.category == ExpenseCategory.MEAL:
        if not data.meal_kind:
            add("meal_kind", _("Indiquez le type de repas."))
        if data.guests < 1:
            add("guests", _("Le repas compte au moins un convive."))
    if len(currency) != 3 or not currency.isalpha():
        add("currency", _("La devise s'écrit en trois lettres (EUR, USD, GBP…)."))
    if currency != EURO:
        if data.exchange_rate is None or data.exchange_rate <= 0:
            add(
                "exchange_rate",
                _("Une dépense en %(currency)s doit indiquer le taux de change en euros.")
                % {"currency": currency},
            )
        if data.original_amount is None:
            add("original_amount", _("Indiquez le montant payé en %(c)s.") % {"c": currency})
        elif data.original_amount <= 0:
            add("original_amount", _("Le montant doit être positif."))
        amount = (
            round_amount(data.original_amount * data.exchange_rate)
            if data.original_amount and data.exchange_rate and data.exchange_rate > 0
            else None
        )
    else:
        amount = data.amount
        if amount is None:
            add("amount", _("Indiquez le montant TTC."))
        elif amount <= 0:
            add("amount", _("Le montant doit être positif (un montant négatif est refusé)."))
    if data.vat_amount < 0:
        add("vat_amount", _("La TVA récupérable ne peut pas être négative."))
    elif amount is not None and amount > 0 and data.vat_amount > amount:
        add("vat_amount", _("La TVA récupérable ne peut pas dépasser le montant TTC."))
    if receipt is not None:
        try:
            check_document_file(receipt)
        except ValidationError as error:
            for message in error.messages:
                add("receipt", message)
    return errors


@transaction.atomic
def line_save(
    *,
    report: ExpenseReport,
    data: LineInput,
    line: ExpenseLine | None = None,
    receipt: UploadedFile[Any] | None = None,
    remove_receipt: bool = False,
    by: Any,
) -> ExpenseLine:
    """Add a line to a draft, or change one. Mileage is priced on the fiscal scale with the
    year's cumulative kilometres; a foreign-currency amount is converted at the rate given."""
    report = _locked(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seule une note de frais en brouillon peut être modifiée."))
    if line is not None and line.report_id != report.pk:
        raise PermissionDenied
    errors = _check_line(data, report.employee, receipt)
    if errors:
        raise ValidationError(errors)
    line = line or ExpenseLine(report=report)
    line.report = report
    line.category = data.category
    line.expense_date = data.expense_date
    line.merchant = data.merchant.strip()
    line.description = data.description.strip()
    line.vat_amount = data.vat_amount or ZERO
    line.meal_kind = data.meal_kind if data.category == ExpenseCategory.MEAL else ""
    line.guests = max(data.guests, 1) if data.category == ExpenseCategory.MEAL else 1
    line.paris_area = data.paris_area if data.category == ExpenseCategory.LODGING else False
    line.computation = ""
    if data.category == ExpenseCategory.MILEAGE:
        line.currency, line.original_amount, line.exchange_rate = EURO, None, None
        line.vehicle = data.vehicle
        line.route_from, line.route_to = data.route_from.strip(), data.route_to.strip()
        line.distance_km = data.distance_km
        _price_mileage(line, report.employee_id)
    else:
        line.vehicle, line.route_from, line.route_to, line.distance_km = None, "", "", None
        currency = (data.currency or EURO).strip().upper()
        line.currency = currency
        if currency == EURO:
            assert data.amount is not None
            line.amount = round_amount(data.amount)
            line.original_amount, line.exchange_rate = None, None
        else:
            assert data.original_amount is not None
            assert data.exchange_rate is not None
            line.original_amount = data.original_amount
            line.exchange_rate = data.exchange_rate
            line.amount = round_amount(data.original_amount * data.exchange_rate)
            line.computation = (
                f"{_fr(data.original_amount)} {currency} × {data.exchange_rate.normalize()} "
                f"= {_fr(line.amount)} €"
            )
    if remove_receipt and line.receipt:
        line.receipt.delete(save=False)
        line.receipt = ""
    if receipt is not None:
        if line.receipt:
            line.receipt.delete(save=False)
        line.receipt = receipt
    line.anomalies = []
    return save_audited(instance=line, by=by, fields=LINE_FIELDS)


@transaction.atomic
def line_delete(*, line: ExpenseLine, by: Any) -> None:
    report = _locked(line.report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seule une note de frais en brouillon peut être modifiée."))
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=line,
        detail=_("Ligne retirée de la note %(ref)s") % {"ref": report.reference},
    )
    if line.receipt:
        line.receipt.delete(save=False)
    line.delete()


# --- workflow ------------------------------------------------------------------------------


def _transition(report: ExpenseReport, by: Any, before: dict[str, str], detail: str) -> None:
    report.full_clean()
    report.save()
    audit_update(
        actor=by,
        target=report,
        before=before,
        after=snapshot(report, REPORT_FIELDS),
        detail=detail,
    )


def _reprice_mileage(report: ExpenseReport, by: Any) -> None:
    """Price the mileage lines again in date order: an earlier line may have changed the
    year's cumulative kilometres since they were typed."""
    lines = report.lines.filter(category=ExpenseCategory.MILEAGE).select_related("vehicle")
    for line in lines.order_by("expense_date", "pk"):
        if line.vehicle is None or line.distance_km is None:
            continue
        before = snapshot(line, ["amount", "computation"])
        _price_mileage(line, report.employee_id)
        after = snapshot(line, ["amount", "computation"])
        if after != before:
            line.save(update_fields=["amount", "vat_amount", "computation", "updated_at"])
            audit_update(actor=by, target=line, before=before, after=after)


@transaction.atomic
def report_submit(*, report: ExpenseReport, by: Any) -> ExpenseReport:
    """Send the draft to the manager; its lines are checked and their anomalies stored."""
    report = _locked(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seul un brouillon peut être soumis, par son auteur ou les RH."))
    if not report.lines.exists():
        raise ValidationError(_("Ajoutez au moins une dépense avant de soumettre la note."))
    _reprice_mileage(report, by)
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.SUBMITTED
    report.submitted_at = timezone.now()
    report.decision_comment = ""
    report.accepted_amount = round_amount(
        Decimal(report.lines.aggregate(total=Sum("amount"))["total"] or 0)
    )
    _transition(report, by, before, _("Note de frais soumise"))
    report.lines.update(decision=LineDecision.PENDING, accepted_amount=None, decided_by=None)
    reports_check(reports=ExpenseReport.objects.filter(pk=report.pk), by=by)
    return report


def refresh_checks(*, report: ExpenseReport, by: Any) -> CheckOutcome:
    """Check the lines again when an approver opens the report (a duplicate may have come in
    with another report since)."""
    return reports_check(reports=ExpenseReport.objects.filter(pk=report.pk), by=by)


def can_decide_lines(user: Any, report: ExpenseReport) -> bool:
    return can_approve_report_as_manager(user, report) or can_check_report(user, report)


@transaction.atomic
def line_decide(
    *,
    line: ExpenseLine,
    decision: str,
    accepted_amount: Decimal | None = None,
    comment: str = "",
    by: Any,
) -> ExpenseLine:
    """The approver accepts a line, reduces it (the accepted amount below the amount) or
    rejects it; a reduction or a rejection says why."""
    report = _locked(line.report)
    if not can_decide_lines(by, report):
        raise PermissionDenied
    comment = comment.strip()
    errors: dict[str, list[str]] = {}
    if decision == LineDecision.ACCEPTED:
        accepted = line.amount
    elif decision == LineDecision.REDUCED:
        accepted = accepted_amount if accepted_amount is not None else line.amount
        if accepted_amount is None:
            errors["accepted_amount"] = [_("Indiquez le montant accepté.")]
        elif accepted_amount < 0:
            errors["accepted_amount"] = [_("Le montant accepté ne peut pas être négatif.")]
        elif accepted_amount >= line.amount:
            errors["accepted_amount"] = [
                _("Une réduction accepte moins que le montant de la ligne (%(amount)s €).")
                % {"amount": _fr(line.amount)}
            ]
    elif decision == LineDecision.REJECTED:
        accepted = ZERO
    else:
        raise ValidationError({"decision": [_("Choisissez une décision.")]})
    if decision != LineDecision.ACCEPTED and not comment:
        errors["comment"] = [_("Expliquez la réduction ou le rejet dans un commentaire.")]
    if errors:
        raise ValidationError(errors)
    line.decision = decision
    line.accepted_amount = round_amount(accepted)
    line.decision_comment = comment[:300]
    line.decided_by = by
    return save_audited(instance=line, by=by, fields=LINE_FIELDS)


def _accept_pending(report: ExpenseReport, by: Any) -> None:
    """Lines left undecided are accepted as they are by the approval."""
    for line in report.lines.filter(decision=LineDecision.PENDING):
        before = snapshot(line, ["decision", "accepted_amount"])
        line.decision = LineDecision.ACCEPTED
        line.accepted_amount = line.amount
        line.decided_by = by
        line.save(update_fields=["decision", "accepted_amount", "decided_by", "updated_at"])
        audit_update(actor=by, target=line, before=before, after=snapshot(line, list(before)))


def _accepted_total(report: ExpenseReport) -> Decimal:
    total = report.lines.exclude(decision=LineDecision.REJECTED).aggregate(
        total=Sum("accepted_amount")
    )["total"]
    return round_amount(Decimal(total or 0))


@transaction.atomic
def report_approve(*, report: ExpenseReport, by: Any, comment: str = "") -> ExpenseReport:
    """The manager's approval (HR's, for whom has no manager): undecided lines are accepted."""
    report = _locked(report)
    if not can_approve_report_as_manager(by, report):
        raise PermissionDenied
    _accept_pending(report, by)
    if not report.lines.exclude(decision=LineDecision.REJECTED).exists():
        raise ValidationError(
            _("Toutes les lignes sont rejetées : refusez plutôt la note de frais.")
        )
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.MANAGER_APPROVED
    report.manager_decided_by = by
    report.manager_decided_at = timezone.now()
    report.accepted_amount = _accepted_total(report)
    if comment.strip():
        report.decision_comment = comment.strip()[:2000]
    _transition(report, by, before, _("Note de frais validée par le manager"))
    return report


def _advance_left(report: ExpenseReport) -> Decimal:
    """The trip's advance not yet deducted from another report of the same trip."""
    if report.trip is None:
        return ZERO
    used = (
        ExpenseReport.objects.filter(
            trip=report.trip,
            status__in=(ExpenseStatus.CHECKED, ExpenseStatus.REIMBURSED),
        )
        .exclude(pk=report.pk)
        .aggregate(total=Sum("advance_deducted_amount"))["total"]
    )
    return max(report.trip.advance_paid_amount - round_amount(Decimal(used or 0)), ZERO)


@transaction.atomic
def report_check(*, report: ExpenseReport, by: Any, comment: str = "") -> ExpenseReport:
    """HR's check: each accepted amount is split into its exempt part and the excess over
    the URSSAF limits (subject to contributions); the trip's advance is deducted (never more
    than what is accepted); the net to reimburse and the parameters' version are recorded."""
    report = _locked(report)
    if not can_check_report(by, report):
        raise PermissionDenied
    _accept_pending(report, by)
    lines = list(report.lines.select_related("report", "report__trip"))
    exempt_total, taxable_total, accepted_total = ZERO, ZERO, ZERO
    for line in lines:
        before = snapshot(line, ["exempt_amount", "taxable_amount"])
        if line.decision == LineDecision.REJECTED or line.accepted_amount is None:
            line.exempt_amount, line.taxable_amount = ZERO, ZERO
        else:
            split = split_exempt(line_facts(line), line.accepted_amount)
            line.exempt_amount, line.taxable_amount = split.exempt, split.taxable
            accepted_total += line.accepted_amount
        exempt_total += line.exempt_amount
        taxable_total += line.taxable_amount
        line.save(update_fields=["exempt_amount", "taxable_amount", "updated_at"])
        audit_update(actor=by, target=line, before=before, after=snapshot(line, list(before)))
    if accepted_total <= 0:
        raise ValidationError(_("Aucune dépense n'est acceptée : refusez plutôt la note de frais."))
    before = snapshot(report, REPORT_FIELDS)
    last_day = max((line.expense_date for line in lines), default=timezone.localdate())
    report.accepted_amount = accepted_total
    report.exempt_amount = exempt_total
    report.taxable_amount = taxable_total
    report.advance_deducted_amount = min(_advance_left(report), accepted_total)
    report.payable_amount = accepted_total - report.advance_deducted_amount
    report.parameters_version = parameters_version(last_day)
    report.status = ExpenseStatus.CHECKED
    report.checked_by = by
    report.checked_at = timezone.now()
    if comment.strip():
        report.decision_comment = comment.strip()[:2000]
    _transition(report, by, before, _("Note de frais contrôlée"))
    return report


@transaction.atomic
def report_reject(*, report: ExpenseReport, by: Any, comment: str) -> ExpenseReport:
    report = _locked(report)
    if not can_decide_lines(by, report):
        raise PermissionDenied
    if not comment.strip():
        raise ValidationError({"comment": [_("Expliquez le refus dans un commentaire.")]})
    before = snapshot(report, REPORT_FIELDS)
    report.status = ExpenseStatus.REJECTED
    report.decision_comment = comment.strip()[:2000]
    if report.manager_decided_at is None:
        report.manager_decided_by = by
        report.manager_decided_at = timezone.now()
    _transition(report, by, before, _("Note de frais refusée"))
    return report

"""The lines of a draft expense report with their receipts: add, change, delete. Mileage is
priced on the fiscal scale with the year's cumulative kilometres; a foreign-currency amount
is converted at the rate given."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import audited_fields, save_audited
from effectif.employees.models import Employee
from effectif.employees.services import check_document_file
from effectif.rules.money import ZERO, round_amount
from effectif.rules.travel.mileage import VehicleFacts, trip_amount
from effectif.rules.travel.mileage import VehicleKind as RuleVehicleKind
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    LineDecision,
    Vehicle,
)
from effectif.travel.permissions import (
    can_edit_report,
)
from effectif.travel.services.expenses.reports import EURO, locked_report
from effectif.travel.services.numbering import amount_fr

if TYPE_CHECKING:
    from effectif.accounts.models import User

LINE_FIELDS = [f for f in audited_fields(ExpenseLine) if f != "anomalies"]


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


def price_mileage(line: ExpenseLine, employee_id: int) -> None:
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


def _checked_receipt(
    receipt: UploadedFile[Any] | None,
) -> tuple[UploadedFile[Any] | None, list[str]]:
    """The receipt to store (checked by its whole content, an image re-encoded), or what is
    wrong with it."""
    if receipt is None:
        return None, []
    try:
        return check_document_file(receipt, field="receipt"), []
    except ValidationError as error:
        return None, error.messages


def _check_line(
    data: LineInput, employee: Employee, receipt_errors: list[str]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for message in receipt_errors:
        add("receipt", message)
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
    return errors


@transaction.atomic
def line_save(
    *,
    report: ExpenseReport,
    data: LineInput,
    line: ExpenseLine | None = None,
    receipt: UploadedFile[Any] | None = None,
    remove_receipt: bool = False,
    by: User,
) -> ExpenseLine:
    """Add a line to a draft, or change one. Mileage is priced on the fiscal scale with the
    year's cumulative kilometres; a foreign-currency amount is converted at the rate given."""
    report = locked_report(report)
    if not can_edit_report(by, report):
        raise ValidationError(_("Seule une note de frais en brouillon peut être modifiée."))
    if line is not None and line.report_id != report.pk:
        raise PermissionDenied
    receipt, receipt_errors = _checked_receipt(receipt)
    errors = _check_line(data, report.employee, receipt_errors)
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
        price_mileage(line, report.employee_id)
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
            rate = f"{data.exchange_rate.normalize():f}".replace(".", ",")
            line.computation = f"{amount_fr(data.original_amount)} {currency} × {rate} = {amount_fr(line.amount)} €"
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
def line_delete(*, line: ExpenseLine, by: User) -> None:
    report = locked_report(line.report)
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

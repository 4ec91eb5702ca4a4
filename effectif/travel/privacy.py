"""Trips and expense reports in the retention schedule and in a person's data.

Expense reports, their receipts, the mission orders they rest on and the SEPA transfer files
that paid them are accounting vouchers: kept ten years from the close of the financial year
(C. com. L123-22; the calendar year is taken as the financial year), then deleted. While they
are kept, the person's name stays on their file (`keeps_identity_until`). A personal vehicle
no line or option refers to is not a voucher: it goes on a justified request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import (
    ErasureContext,
    ExportSection,
    PersonPart,
    attached,
    delete_files,
    rows,
)
from effectif.core.retention import DataKind, Outcome
from effectif.employees.models import Employee
from effectif.rules.parameters.retention import ACCOUNTING_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit, end_of_year
from effectif.travel.models import (
    ExpenseLine,
    ExpenseReport,
    PaymentBatch,
    Trip,
    TripDestination,
    TripOption,
    Vehicle,
)


def _first_kept_day(today: dt.date) -> dt.date:
    """Vouchers of a year before this day's year are past their ten years."""
    return dt.date(today.year - ACCOUNTING_RETENTION_YEARS.at(today), 1, 1)


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


#: When a report became a voucher: its reimbursement, else its check, else its creation.
VOUCHER_AT = Coalesce("reimbursed_at", "checked_at", "created_at")


def _reports_before(moment: dt.datetime) -> QuerySet[ExpenseReport]:
    return ExpenseReport.objects.alias(voucher_at=VOUCHER_AT).filter(voucher_at__lt=moment)


def _expired(today: dt.date, employee: Employee | None = None) -> tuple[Any, Any, Any]:
    """The reports, trips and transfer files past their ten years (of one person's, if given);
    a trip or a file another kept report rests on stays."""
    first = _first_kept_day(today)
    reports = _reports_before(_aware(first))
    trips = Trip.objects.filter(end_date__lt=first)
    if employee is not None:
        reports, trips = reports.filter(employee=employee), trips.filter(employee=employee)
    others = ExpenseReport.objects.exclude(pk__in=reports.values("pk"))
    trips = trips.exclude(expense_reports__in=others)
    batches = (
        PaymentBatch.objects.none()
        if employee is not None
        else PaymentBatch.objects.filter(created_at__lt=_aware(first)).exclude(reports__in=others)
    )
    return reports, trips, batches


def _delete(reports: Any, trips: Any, batches: Any) -> int:
    report_ids = list(reports.values_list("pk", flat=True))
    receipts = [
        line.receipt
        for line in ExpenseLine.objects.filter(report_id__in=report_ids).exclude(receipt="")
    ]
    erased = int(
        ExpenseReport.objects.filter(pk__in=report_ids)
        .delete()[1]
        .get(ExpenseReport._meta.label, 0)
    )
    erased += int(trips.delete()[1].get(Trip._meta.label, 0))
    erased += int(batches.delete()[0])
    transaction.on_commit(lambda: delete_files(receipts))
    return erased


def purge_travel(now: dt.datetime, dry_run: bool) -> Outcome:
    reports, trips, batches = _expired(timezone.localdate(now))
    if dry_run:
        return Outcome(erased=reports.count() + trips.count() + batches.count())
    return Outcome(erased=_delete(reports, trips, batches))


TRAVEL = DataKind(
    key="travel",
    label=_("Ordres de mission, notes de frais et justificatifs"),
    processing="travel",
    duration=ACCOUNTING_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après la clôture de l'exercice du remboursement"),
    end=_("effacés, avec les justificatifs et les fichiers de virement"),
    purge=purge_travel,
    note=_("Pièces justificatives comptables ; l'exercice est supposé être l'année civile."),
    order=90,
)


def export_travel(employee: Employee) -> ExportSection:
    trips = (
        Trip.objects.filter(Q(employee=employee) | Q(travellers=employee))
        .distinct()
        .order_by("start_date")
    )
    destinations = TripDestination.objects.filter(trip__in=trips).order_by("trip", "position")
    options = TripOption.objects.filter(trip__in=trips, chosen=True)
    reports = ExpenseReport.objects.filter(employee=employee).order_by("created_at")
    lines = list(ExpenseLine.objects.filter(report__in=reports).order_by("report", "expense_date"))
    return ExportSection(
        name="deplacements",
        title=str(_("Déplacements et notes de frais")),
        data={
            "ordres_de_mission": [
                {**trip_row, "demandeur": trip.employee_id == employee.pk}
                for trip, trip_row in zip(
                    trips,
                    rows(
                        trips,
                        (
                            "reference",
                            *Trip.REQUESTED_FIELDS,
                            "advance_paid_amount",
                            "estimated_cost_amount",
                            "status",
                            "decision_comment",
                        ),
                    ),
                    strict=True,
                )
            ],
            "etapes": [
                {"ordre_de_mission": d.trip.reference, **rows([d], ("place", "arrival_date"))[0]}
                for d in destinations.select_related("trip")
            ],
            "options_retenues": [
                {
                    "ordre_de_mission": o.trip.reference,
                    **rows([o], ("mode", "total_cost_amount"))[0],
                }
                for o in options.select_related("trip")
            ],
            "notes_de_frais": rows(
                reports,
                (
                    "reference",
                    "title",
                    "status",
                    "submitted_at",
                    "decision_comment",
                    "reimbursement_method",
                    "reimbursed_at",
                    "accepted_amount",
                    "exempt_amount",
                    "taxable_amount",
                    "advance_deducted_amount",
                    "payable_amount",
                ),
            ),
            "lignes": [
                {"note_de_frais": line.report.reference, **line_row}
                for line, line_row in zip(
                    lines,
                    rows(
                        lines,
                        (
                            "category",
                            "expense_date",
                            "merchant",
                            "description",
                            "amount",
                            "currency",
                            "original_amount",
                            "route_from",
                            "route_to",
                            "distance_km",
                            "decision",
                            "accepted_amount",
                            "decision_comment",
                            "receipt",
                        ),
                    ),
                    strict=True,
                )
            ],
            "vehicules": rows(
                Vehicle.objects.filter(employee=employee),
                ("label", "registration", "kind", "fiscal_power", "electric", "active"),
            ),
        },
        files=attached("justificatifs", ((line.pk, line.receipt) for line in lines)),
    )


def _unused_vehicles(employee: Employee) -> QuerySet[Vehicle]:
    used = ExpenseLine.objects.filter(vehicle__employee=employee).values("vehicle_id")
    return Vehicle.objects.filter(employee=employee).exclude(pk__in=used)


def erase_travel(employee: Employee, ctx: ErasureContext) -> Outcome:
    erased = _delete(*_expired(ctx.today, employee))
    return Outcome(erased=erased + _unused_vehicles(employee).delete()[0])


def vouchers_kept_until(employee: Employee) -> dt.date | None:
    """The last day the person's vouchers are kept: their name is needed until then."""
    last = ExpenseReport.objects.filter(employee=employee).aggregate(last=Max(VOUCHER_AT))["last"]
    trip_end = Trip.objects.filter(employee=employee).aggregate(last=Max("end_date"))["last"]
    days = [d for d in (last and timezone.localdate(last), trip_end) if d is not None]
    if not days:
        return None
    year_end = end_of_year(max(days))
    return year_end.replace(year=year_end.year + ACCOUNTING_RETENTION_YEARS.at(year_end))


TRAVEL_PART = PersonPart(
    key="travel",
    label=_("Déplacements et notes de frais"),
    kind="travel",
    export=export_travel,
    erase=erase_travel,
    early=_("Véhicules personnels auxquels aucune note ni option ne renvoie"),
    keeps_identity_until=vouchers_kept_until,
    order=90,
)


def register(registry: Any) -> None:
    registry.register_kind(TRAVEL)
    registry.register_part(TRAVEL_PART)

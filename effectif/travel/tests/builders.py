"""Builders shared by the travel tests (no tests here): an approved trip, a vehicle, receipts,
reports carried through the workflow by their services, and the trip form's POST data."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from effectif.core.testing import sample_image, sample_pdf
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseReport,
    MealKind,
    Trip,
    Vehicle,
)
from effectif.travel.services.expenses import (
    LineInput,
    line_save,
    report_approve,
    report_check,
    report_create,
    report_submit,
)
from effectif.travel.tests.factories import TripDestinationFactory, TripFactory, VehicleFactory

#: A Thursday in March 2026, well in the past for the tests, a weekday, no holiday.
DAY = dt.date(2026, 3, 12)

PDF = sample_pdf("Ticket")
PNG = sample_image("PNG")


def pdf(name: str = "ticket.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def approved_trip(
    employee: Any,
    *,
    start: dt.date = DAY,
    days: int = 2,
    distance_km: int = 465,
    advance: str = "0",
) -> Trip:
    trip = TripFactory(
        employee=employee,
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        distance_km=distance_km,
        advance_paid_amount=Decimal(advance),
    )
    trip.travellers.add(employee)
    TripDestinationFactory(trip=trip)
    return trip


def vehicle(employee: Any, *, power: int = 5, electric: bool = False) -> Vehicle:
    return VehicleFactory(
        employee=employee, label="Peugeot 308", fiscal_power=power, electric=electric
    )


def meal(amount: str = "18.50", on: dt.date = DAY, **changes: Any) -> LineInput:
    values: dict[str, Any] = {
        "category": ExpenseCategory.MEAL,
        "expense_date": on,
        "amount": Decimal(amount),
        "merchant": "Brasserie du Parc",
        "meal_kind": MealKind.RESTAURANT,
    }
    values.update(changes)
    return LineInput(**values)


def mileage(car: Vehicle, km: str, on: dt.date = DAY) -> LineInput:
    return LineInput(
        category=ExpenseCategory.MILEAGE,
        expense_date=on,
        vehicle=car,
        route_from="Lyon",
        route_to="Grenoble",
        distance_km=Decimal(km),
    )


def report_with(
    employee: Any, by: Any, *lines: LineInput, trip: Trip | None = None, receipts: bool = True
) -> ExpenseReport:
    report = report_create(employee=employee, title="Salon", trip=trip, by=by)
    for data in lines:
        receipt = pdf() if receipts and data.category != ExpenseCategory.MILEAGE else None
        line_save(report=report, data=data, receipt=receipt, by=by)
    return report


def checked_report(
    world: Any, employee_user: Any, manager_user: Any, hr_manager: Any, *lines: LineInput, **kw: Any
) -> ExpenseReport:
    report = report_with(world.member, employee_user, *lines, **kw)
    report_submit(report=report, by=employee_user)
    report_approve(report=report, by=manager_user)
    return report_check(report=report, by=hr_manager)


DEBTOR_IBAN = "FR7630001007941234567890185"
MEMBER_IBAN = "FR7630006000011234567890189"
MONTH = dt.date(2026, 4, 1)


def give_accounts(world: Any) -> None:
    """The employer's paying account in its policy, the employee's IBAN in their file."""
    from effectif.employees.models import Employee
    from effectif.travel.models import TravelPolicy

    TravelPolicy.objects.update_or_create(
        employer=world.employer,
        defaults={"debtor_iban": DEBTOR_IBAN, "debtor_bic": "BDFEFRPPCCT"},
    )
    Employee.objects.filter(pk=world.member.pk).update(iban=MEMBER_IBAN, bic="AGRIFRPP")


def checked_with_advance(
    world: Any, employee_user: Any, manager_user: Any, hr_manager: Any
) -> ExpenseReport:
    """A checked report: a 30 € meal and a 95 € Paris hotel night, 40 € advanced."""
    lodging = LineInput(
        category=ExpenseCategory.LODGING,
        expense_date=DAY,
        amount=Decimal("95.00"),
        merchant="Hôtel du Nord",
        paris_area=True,
    )
    trip = approved_trip(world.member, advance="40")
    return checked_report(
        world, employee_user, manager_user, hr_manager, meal("30.00"), lodging, trip=trip
    )


def trip_post(**changes: Any) -> dict[str, Any]:
    """What the trip request form posts: a two-day audit in Marseille, one stop filled, with
    the form's one-time token (a fresh one each call, as each display of the form gets)."""
    data: dict[str, Any] = {
        "submission_key": uuid.uuid4().hex,
        "purpose": "Audit du site de Marseille",
        "departure_place": "Lyon",
        "start_date": "2026-04-02",
        "end_date": "2026-04-03",
        "distance_km": "315",
        "lodging_nights": "1",
        "meals": "2",
        "advance_requested_amount": "0",
        "dest-TOTAL_FORMS": "2",
        "dest-INITIAL_FORMS": "0",
        "dest-0-place": "Marseille",
        "dest-0-postal_code": "13002",
        "dest-0-arrival_date": "2026-04-02",
        "dest-0-departure_date": "2026-04-03",
    }
    data.update(changes)
    return data

"""Builders shared by the tests of the API's travel writes (no tests here): requests, receipts,
and expense reports carried through the workflow by their services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from effectif.accounts.models import User
from effectif.core.testing import sample_image, sample_pdf
from effectif.employees.models import Employee
from effectif.travel.models import ExpenseReport, TransportMode, Trip, TripStatus
from effectif.travel.services.expenses import LineInput, line_save, report_create, report_submit
from effectif.travel.services.trips import (
    DestinationInput,
    TripInput,
    option_add,
    option_choose,
    trip_create,
    trip_submit,
)

JSON = "application/json"
FORBIDDEN = {"detail": "Vous n'avez pas le droit d'effectuer cette action."}
#: A Thursday in March 2026: in the past, a working day, no holiday.
DAY = dt.date(2026, 3, 12)
START = DAY
PDF = sample_pdf("Ticket")
PNG = sample_image("PNG")

#: Creating a trip or an expense report for the employee, by caller.
CREATE_FOR_THE_EMPLOYEE = {
    "admin": 201,
    "hr_manager": 201,
    "hr_assistant": 201,
    "hr_ungranted": 422,  # the employee is out of scope: an unknown reference
    "manager": 403,  # sees their team's files, does not write for them
    "manager_outside": 422,
    "employee": 201,  # their own file
    "outsider": 422,
    "anonymous": 401,
}


def draft_writers(done: int) -> dict[str, int]:
    """Changing the employee's draft trip or report, by caller (`done`: the status when it is
    changed): HR and the employee; a draft is private to its owner and HR."""
    return {
        "admin": done,
        "hr_manager": done,
        "hr_assistant": done,
        "hr_ungranted": 404,
        "manager": 404,
        "manager_outside": 404,
        "employee": done,
        "outsider": 404,
        "anonymous": 401,
    }


def post(client: Client, path: str, data: dict[str, Any] | None = None) -> Any:
    """A JSON POST."""
    return client.post(path, data or {}, content_type=JSON)


def multipart(client: Client, path: str, data: dict[str, Any], **files: Any) -> Any:
    """A multipart form: the fields, and the files by part name."""
    return client.post(path, {**data, **files})


def pdf(name: str = "ticket.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def at_status(label: str) -> str:
    """The refusal of an action the user takes, but at another step of the workflow."""
    return f"Cette action n'est pas possible au statut « {label} »."


def approved_trip(employee: Employee) -> Trip:
    trip = Trip.objects.create(
        employer=employee.employer,
        reference="OM-2026-0042",
        employee=employee,
        department=employee.department,
        purpose="Salon du mobilier",
        departure_place="Lyon",
        start_date=DAY,
        end_date=DAY + dt.timedelta(days=1),
        distance_km=465,
        status=TripStatus.APPROVED,
    )
    trip.travellers.add(employee)
    return trip


def meal(amount: str = "18.50") -> LineInput:
    return LineInput(
        category="repas",
        expense_date=DAY,
        amount=Decimal(amount),
        merchant="Brasserie du Port",
        meal_kind="restaurant",
    )


def line_body(**changes: Any) -> dict[str, Any]:
    """A meal line as the API takes it."""
    values = {
        "category": "repas",
        "expense_date": str(DAY),
        "amount": "18.50",
        "merchant": "Brasserie du Port",
        "meal_kind": "restaurant",
    }
    values.update(changes)
    return values


def report_draft(employee: Employee, by: User, *lines: LineInput) -> ExpenseReport:
    report = report_create(employee=employee, title="Salon du mobilier", by=by)
    for data in lines:
        line_save(report=report, data=data, by=by)
    return report


def report_submitted(employee: Employee, by: User) -> ExpenseReport:
    """A report of two meals, sent to the manager."""
    return report_submit(report=report_draft(employee, by, meal(), meal("32.00")), by=by)


def trip_body(**changes: Any) -> dict[str, Any]:
    """A trip request as the API takes it: two days in Paris from Lyon."""
    values = {
        "purpose": "Salon Pollutec : stand et rendez-vous clients",
        "departure_place": "Lyon",
        "start_date": str(START),
        "end_date": str(START + dt.timedelta(days=1)),
        "distance_km": 465,
        "lodging_nights": 1,
        "meals": 3,
        "destinations": [
            {
                "place": "Paris",
                "postal_code": "75015",
                "arrival_date": str(START),
                "departure_date": str(START + dt.timedelta(days=1)),
            }
        ],
    }
    values.update(changes)
    return values


def trip_draft(employee: Employee, by: User) -> Trip:
    stop = DestinationInput(
        place="Paris",
        postal_code="75015",
        arrival_date=START,
        departure_date=START + dt.timedelta(days=1),
    )
    data = TripInput(
        purpose="Salon Pollutec",
        departure_place="Lyon",
        start_date=START,
        end_date=START + dt.timedelta(days=1),
        distance_km=465,
        destinations=[stop],
        lodging_nights=1,
        meals=3,
    )
    return trip_create(employee=employee, data=data, by=by)


def trip_submitted(employee: Employee, by: User) -> Trip:
    """A draft going by train, sent to the manager."""
    trip = trip_draft(employee, by)
    train = option_add(
        trip=trip, mode=TransportMode.TRAIN, duration_minutes=120, fare_amount=Decimal("140"), by=by
    )
    option_choose(option=train, by=by)
    return trip_submit(trip=trip, by=by)

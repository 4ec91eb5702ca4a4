"""factory_boy factories of travel rows, for tests that need a row as it is stored rather than
one carried through the services (see `builders` for those)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory

from effectif.employees.tests.factories import EmployeeFactory
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    PriceListEntry,
    TransportMode,
    Trip,
    TripDestination,
    TripStatus,
    Vehicle,
)

#: A Thursday in March 2026: in the past, a working day, no holiday.
DAY = dt.date(2026, 3, 12)


class VehicleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vehicle

    employee = factory.SubFactory(EmployeeFactory)
    label = "Clio"
    registration = "AB-123-CD"
    fiscal_power = 5


class PriceListEntryFactory(factory.django.DjangoModelFactory):
    """A train fare from Lyon to Paris."""

    class Meta:
        model = PriceListEntry

    employer = factory.SubFactory("effectif.organisation.tests.factories.EmployerFactory")
    mode = TransportMode.TRAIN
    origin = "Lyon"
    destination = "Paris"
    fare_amount = Decimal("62.50")
    duration_minutes = 115
    valid_from = dt.date(2026, 1, 1)


class TripFactory(factory.django.DjangoModelFactory):
    """An approved two-day trip from Lyon, in the employee's employer and department."""

    class Meta:
        model = Trip

    employee = factory.SubFactory(EmployeeFactory)
    employer = factory.SelfAttribute("employee.employer")
    department = factory.SelfAttribute("employee.department")
    reference = factory.Sequence(lambda n: f"OM-T-{n + 1}")
    purpose = "Salon professionnel"
    departure_place = "Lyon"
    start_date = DAY
    end_date = factory.LazyAttribute(lambda trip: trip.start_date + dt.timedelta(days=1))
    distance_km = 465
    status = TripStatus.APPROVED


class TripDestinationFactory(factory.django.DjangoModelFactory):
    """The trip's stop in Paris, for the whole trip."""

    class Meta:
        model = TripDestination

    trip = factory.SubFactory(TripFactory)
    place = "Paris"
    postal_code = "75015"
    arrival_date = factory.SelfAttribute("trip.start_date")
    departure_date = factory.SelfAttribute("trip.end_date")


class ExpenseReportFactory(factory.django.DjangoModelFactory):
    """A submitted report of the employee's, in their employer and department."""

    class Meta:
        model = ExpenseReport

    employee = factory.SubFactory(EmployeeFactory)
    employer = factory.SelfAttribute("employee.employer")
    department = factory.SelfAttribute("employee.department")
    reference = factory.Sequence(lambda n: f"NF-T-{n + 1}")
    title = "Salon du mobilier"
    status = ExpenseStatus.SUBMITTED


class ExpenseLineFactory(factory.django.DjangoModelFactory):
    """A train ticket."""

    class Meta:
        model = ExpenseLine

    report = factory.SubFactory(ExpenseReportFactory)
    category = ExpenseCategory.TRANSPORT
    expense_date = dt.date(2026, 3, 10)
    merchant = "SNCF"
    amount = Decimal("62.50")

"""Create and edit a draft trip request with its destinations and travellers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit_creation, audit_update, snapshot
from effectif.employees.models import Employee
from effectif.travel.models import (
    Trip,
    TripDestination,
)
from effectif.travel.permissions import (
    can_edit_trip,
    can_write_for,
)
from effectif.travel.services.numbering import next_reference
from effectif.travel.services.trips.estimates import estimate_all
from effectif.travel.services.trips.input import (
    TRIP_FIELDS,
    DestinationInput,
    TripInput,
    check_advance,
    check_input,
    locked_trip,
)


def _write_destinations(trip: Trip, stops: Sequence[DestinationInput]) -> None:
    trip.destinations.all().delete()
    for position, stop in enumerate(stops):
        destination = TripDestination(
            trip=trip,
            position=position,
            place=" ".join(stop.place.split()),
            postal_code=stop.postal_code.strip(),
            country=stop.country or "FR",
            arrival_date=stop.arrival_date,
            departure_date=stop.departure_date,
        )
        destination.full_clean()
        destination.save()


def _apply(trip: Trip, data: TripInput) -> None:
    trip.purpose = data.purpose.strip()
    trip.departure_place = " ".join(data.departure_place.split())
    trip.start_date = data.start_date
    trip.end_date = data.end_date
    trip.distance_km = data.distance_km
    trip.lodging_nights = data.lodging_nights
    trip.meals = data.meals
    trip.advance_requested_amount = data.advance_requested_amount
    trip.department = data.department or trip.employee.department


def _travellers_of(data: TripInput, employee: Employee) -> list[Employee]:
    """The requester always travels; the colleagues named go with them."""
    return [employee, *(person for person in data.travellers if person.pk != employee.pk)]


@transaction.atomic
def trip_create(*, employee: Employee, data: TripInput, by: Any) -> Trip:
    """A draft trip request for `employee` (themself, or HR on their behalf)."""
    if not can_write_for(by, employee):
        raise PermissionDenied
    check_input(data, employee)
    trip = Trip(employer=employee.employer, employee=employee, created_by=by)
    _apply(trip, data)
    trip.reference = next_reference(Trip, employee.employer, "OM", timezone.localdate().year)
    trip.full_clean()
    trip.save()
    trip.travellers.set(_travellers_of(data, employee))
    _write_destinations(trip, data.destinations)
    audit_creation(actor=by, target=trip, fields=TRIP_FIELDS)
    return trip


@transaction.atomic
def trip_update(*, trip: Trip, data: TripInput, by: Any) -> Trip:
    """Change a draft; its options are estimated again on the new dates and distance."""
    trip = locked_trip(trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(
            _("Seul un brouillon peut être modifié, par son demandeur ou les RH.")
        )
    check_input(data, trip.employee)
    before = snapshot(trip, TRIP_FIELDS)
    _apply(trip, data)
    trip.full_clean()
    trip.save()
    trip.travellers.set(_travellers_of(data, trip.employee))
    _write_destinations(trip, data.destinations)
    estimate_all(trip)
    chosen = trip.options.filter(chosen=True).first()
    if chosen is not None:
        check_advance(trip, chosen.total_cost_amount)
    audit_update(actor=by, target=trip, before=before, after=snapshot(trip, TRIP_FIELDS))
    return trip

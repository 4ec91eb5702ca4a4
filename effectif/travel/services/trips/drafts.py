"""Create and edit a draft trip request with its destinations and travellers."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
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
from effectif.travel.selectors.trips import submitted_trip
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

if TYPE_CHECKING:
    from effectif.accounts.models import User


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
    for name in Trip.REQUESTED_FIELDS:
        setattr(trip, name, getattr(data, name))
    trip.purpose = data.purpose.strip()
    trip.departure_place = " ".join(data.departure_place.split())
    trip.department = data.department or trip.employee.department


def _travellers_of(data: TripInput, employee: Employee) -> list[Employee]:
    """The requester always travels; the colleagues named go with them."""
    return [employee, *(person for person in data.travellers if person.pk != employee.pk)]


@transaction.atomic
def trip_create(
    *, employee: Employee, data: TripInput, by: User, submission_key: str = "", digest: str = ""
) -> Trip:
    """A draft trip request for `employee` (themself, or HR on their behalf).

    `submission_key` (see `trip_create_once`) is unique per author in the database: a second
    creation with the same key fails with an IntegrityError and writes nothing."""
    if not can_write_for(by, employee):
        raise PermissionDenied
    check_input(data, employee)
    trip = Trip(
        employer=employee.employer,
        employee=employee,
        created_by=by,
        submission_key=submission_key,
        submission_digest=digest,
    )
    _apply(trip, data)
    trip.reference = next_reference(Trip, employee.employer, "OM", timezone.localdate().year)
    # The key's uniqueness is the database's to enforce, at the insert (a check here would
    # not see a twin submission still in its transaction).
    trip.full_clean(exclude=["submission_key"])
    trip.save()
    trip.travellers.set(_travellers_of(data, employee))
    _write_destinations(trip, data.destinations)
    audit_creation(actor=by, target=trip, fields=TRIP_FIELDS)
    return trip


#: The longest submission key accepted (the column's length).
SUBMISSION_KEY_MAX = 64


@dataclass(frozen=True)
class TripCreation:
    trip: Trip
    #: The submission had already created `trip`: nothing was written this time.
    replayed: bool


def check_submission_key(key: str) -> str:
    """The key as sent, if it is 1 to 64 visible ASCII characters."""
    if not key or len(key) > SUBMISSION_KEY_MAX or not all("!" <= c <= "~" for c in key):
        raise ValidationError(
            {
                "submission_key": [
                    _(
                        "La clé de soumission doit compter de 1 à %(max)s caractères ASCII "
                        "visibles (un UUID par exemple)."
                    )
                    % {"max": SUBMISSION_KEY_MAX}
                ]
            }
        )
    return key


def submission_digest(employee: Employee, data: TripInput) -> str:
    """A digest of what a submission asks for, to tell its repeat from another request sent
    with the same key."""
    content = {
        "employee": employee.pk,
        "purpose": " ".join(data.purpose.split()),
        "departure_place": " ".join(data.departure_place.split()),
        "start_date": data.start_date.isoformat(),
        "end_date": data.end_date.isoformat(),
        "distance_km": data.distance_km,
        "lodging_nights": data.lodging_nights,
        "meals": data.meals,
        "advance": str(data.advance_requested_amount.normalize()),
        "department": data.department.pk if data.department else None,
        "travellers": sorted({person.pk for person in data.travellers}),
        "destinations": [
            [
                " ".join(stop.place.split()),
                stop.postal_code.strip(),
                stop.country or "FR",
                stop.arrival_date.isoformat(),
                stop.departure_date.isoformat(),
            ]
            for stop in data.destinations
        ],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _replay(trip: Trip, digest: str) -> TripCreation:
    if trip.submission_digest and trip.submission_digest != digest:
        raise ValidationError(
            {
                "submission_key": [
                    _(
                        "Cette clé de soumission a déjà servi à créer la demande %(ref)s, avec "
                        "d'autres données : utilisez une nouvelle clé pour une nouvelle demande."
                    )
                    % {"ref": trip.reference}
                ]
            }
        )
    return TripCreation(trip, replayed=True)


def trip_create_once(
    *, employee: Employee, data: TripInput, by: User, submission_key: str
) -> TripCreation:
    """Create the draft once per submission: the trip form's one-time token or the API's
    `Idempotency-Key`. The same submission sent again (a double click, a retry after a lost
    answer), even several times at once, gives back the trip it created (`replayed`) and
    writes nothing; the same key with other data is refused.

    Twin submissions racing each other both miss the first look-up; the unique constraint on
    (author, key) then fails the insert of all but one, which roll back to their savepoint and
    return the winner's trip."""
    key = check_submission_key(submission_key)
    digest = submission_digest(employee, data)
    existing = submitted_trip(by, key)
    if existing is not None:
        return _replay(existing, digest)
    try:
        trip = trip_create(employee=employee, data=data, by=by, submission_key=key, digest=digest)
    except IntegrityError:
        existing = submitted_trip(by, key)
        if existing is None:
            raise
        return _replay(existing, digest)
    return TripCreation(trip, replayed=False)


@transaction.atomic
def trip_update(*, trip: Trip, data: TripInput, by: User) -> Trip:
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

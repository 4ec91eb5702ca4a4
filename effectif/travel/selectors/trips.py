"""Reads for the trip pages and the travel settings, on top of the scoped `selectors`: the
approvers' list with its filters, the fares matching a trip, the vehicles and travellers a user
may name, the policies HR may edit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet, Sum

from effectif.core.roles import is_hr
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for
from effectif.organisation.models import Employer
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseStatus,
    PriceListEntry,
    TravelPolicy,
    Trip,
    TripStatus,
    Vehicle,
)
from effectif.travel.permissions import can_edit_settings
from effectif.travel.selectors.scope import fares_for, hr_employers, trips_for, vehicles_for

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: The approvers' list opens on what waits for a decision.
PENDING = (TripStatus.SUBMITTED, TripStatus.MANAGER_APPROVED)
STATE_FILTERS = ("a_valider", *TripStatus.values, "tous")


@dataclass(frozen=True)
class TripFilters:
    q: str = ""
    state: str = "a_valider"
    employer_id: int | None = None
    department_id: int | None = None
    start: dt.date | None = None  # trips ending on or after
    end: dt.date | None = None  # trips starting on or before


def _trips(rows: QuerySet[Trip]) -> QuerySet[Trip]:
    return rows.select_related("employer", "employee", "department").prefetch_related(
        "destinations", "options"
    )


def trip_list(user: User, filters: TripFilters) -> QuerySet[Trip]:
    rows = trips_for(user)
    if filters.state == "a_valider":
        rows = rows.filter(status__in=PENDING)
    elif filters.state in TripStatus.values:
        rows = rows.filter(status=filters.state)
    if filters.employer_id:
        rows = rows.filter(employer_id=filters.employer_id)
    if filters.department_id:
        rows = rows.filter(department_id=filters.department_id)
    if filters.start:
        rows = rows.filter(end_date__gte=filters.start)
    if filters.end:
        rows = rows.filter(start_date__lte=filters.end)
    if filters.q:
        rows = rows.filter(
            Q(reference__icontains=filters.q)
            | Q(purpose__icontains=filters.q)
            | Q(employee__last_name__icontains=filters.q)
            | Q(employee__first_names__icontains=filters.q)
            | Q(destinations__place__icontains=filters.q)
        ).distinct()
    return _trips(rows).order_by("-start_date", "-pk")


def my_trips(user: User) -> QuerySet[Trip]:
    """The trips the user requested or travels on."""
    if not user.is_authenticated:
        return Trip.objects.none()
    own = Trip.objects.filter(Q(employee__user=user) | Q(travellers__user=user)).distinct()
    return _trips(own).order_by("-start_date", "-pk")


def submitted_trip(user: User, key: str) -> Trip | None:
    """The trip the user created with the submission `key` (the trip form's one-time token,
    the API's `Idempotency-Key`), if any."""
    if not key or not user.is_authenticated:
        return None
    return Trip.objects.filter(created_by=user, submission_key=key).first()


def employee_trips(user: User, employee: Employee) -> QuerySet[Trip]:
    """The employee's trips (requested or travelled) the user may see."""
    rows = trips_for(user).filter(Q(employee=employee) | Q(travellers=employee)).distinct()
    return _trips(rows).order_by("-start_date", "-pk")


def traveller_choices(user: User, employer: Employer) -> QuerySet[Employee]:
    """Who may travel on a trip of `employer` the user writes (see `fellow_travellers`)."""
    return fellow_travellers(user, [employer.pk])


def fellow_travellers(user: User, employer_ids: Any) -> QuerySet[Employee]:
    """The colleagues a requester may name as travellers: the open files of the trip's
    employer. HR name anyone in their employers; an employee or a manager names the colleagues
    of their own employer, so that a team travelling together makes one request. The page
    never lists them: it finds them by name (`traveller_search`) and shows an employee or a
    manager their names only (HR, their department too)."""
    if not user.is_authenticated:
        return Employee.objects.none()
    if is_hr(user):
        rows = employees_for(user).filter(employer__in=employer_ids)
    else:
        own = Employee.objects.filter(user=user).values("employer")
        rows = Employee.objects.filter(employer__in=own).filter(employer__in=employer_ids)
    return (
        rows.filter(file_closed_at__isnull=True)
        .select_related("department")
        .order_by("last_name", "first_names")
    )


#: The most colleagues a traveller search answers with (type more to narrow it).
TRAVELLER_RESULTS = 10
#: The fewest characters a traveller search needs.
TRAVELLER_MIN_LENGTH = 2


def traveller_search(
    user: User, employer_ids: Any, q: str, *, exclude: int | None = None
) -> list[Employee]:
    """The fellow travellers (see `fellow_travellers`) whose name holds every word of `q`,
    at most `TRAVELLER_RESULTS` + 1 (the extra one says there are more): the page finds
    colleagues by searching, it never lists an employer's staff. HR may also search by
    matricule. Nobody for fewer than `TRAVELLER_MIN_LENGTH` characters."""
    q = " ".join(q.split())
    if len(q) < TRAVELLER_MIN_LENGTH:
        return []
    rows = fellow_travellers(user, employer_ids)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    for term in q.split():
        match = (
            Q(last_name__icontains=term)
            | Q(usage_name__icontains=term)
            | Q(first_names__icontains=term)
        )
        if is_hr(user):
            match |= Q(matricule__icontains=term)
        rows = rows.filter(match)
    return list(rows[: TRAVELLER_RESULTS + 1])


def requester_choices(user: User) -> QuerySet[Employee]:
    """Whom the user may write a trip or an expense report for: themself, or (HR) any open file
    in scope, those without an account included."""
    rows = employees_for(user).filter(file_closed_at__isnull=True)
    if not is_hr(user):
        rows = rows.filter(user=user)
    return rows.select_related("employer").order_by("last_name", "first_names")


def policy_of(employer: Employer) -> TravelPolicy:
    """The employer's policy, or an unsaved one with the defaults when HR never set it."""
    return TravelPolicy.objects.filter(employer=employer).first() or TravelPolicy(employer=employer)


def policy_employers(user: User) -> QuerySet[Employer]:
    if not can_edit_settings(user):
        return Employer.objects.none()
    return hr_employers(user).order_by("name")


@dataclass(frozen=True)
class FareFilters:
    q: str = ""
    employer_id: int | None = None
    mode: str = ""
    valid_on: dt.date | None = None


def fare_list(user: User, filters: FareFilters) -> QuerySet[PriceListEntry]:
    rows = fares_for(user).select_related("employer")
    if filters.employer_id:
        rows = rows.filter(employer_id=filters.employer_id)
    if filters.mode:
        rows = rows.filter(mode=filters.mode)
    if filters.valid_on:
        rows = rows.filter(valid_from__lte=filters.valid_on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=filters.valid_on)
        )
    if filters.q:
        rows = rows.filter(Q(origin__icontains=filters.q) | Q(destination__icontains=filters.q))
    return rows.order_by("employer__name", "origin", "destination", "mode", "fare_amount")


def fare_editable_for(user: User) -> QuerySet[PriceListEntry]:
    """Fares HR may change: those of their employers."""
    if not is_hr(user):
        return PriceListEntry.objects.none()
    return PriceListEntry.objects.filter(employer__in=hr_employers(user))


def _place_words(place: str) -> str:
    """The town of a place as typed ("Gare de Lyon Part-Dieu" keeps "Lyon" matching)."""
    return " ".join(place.replace(",", " ").split())


def matching_fares(trip: Trip) -> QuerySet[PriceListEntry]:
    """The fares of the trip's employer, valid on its start, between its departure place and one
    of its destinations (either way round)."""
    origin = _place_words(trip.departure_place)
    rows = PriceListEntry.objects.filter(employer_id=trip.employer_id).filter(
        Q(valid_from__lte=trip.start_date),
        Q(valid_to__isnull=True) | Q(valid_to__gte=trip.start_date),
    )
    match = Q(pk__in=[])
    for destination in trip.destinations.all():
        place = _place_words(destination.place)
        if not place or not origin:
            continue
        match |= (Q(origin__iexact=origin) | Q(origin__icontains=origin)) & Q(
            destination__icontains=place
        )
        match |= Q(origin__icontains=place) & Q(destination__icontains=origin)
    return rows.filter(match).order_by("mode", "fare_amount")


def usable_vehicles(user: User, employee: Employee) -> QuerySet[Vehicle]:
    return vehicles_for(user).filter(employee=employee, active=True).order_by("label")


def employee_vehicles(user: User, employee: Employee) -> QuerySet[Vehicle]:
    return vehicles_for(user).filter(employee=employee).order_by("-active", "label")


def prior_km(vehicle: Vehicle, before: dt.date) -> Decimal:
    """Professional kilometres already claimed with the vehicle in the year (the mileage scale
    is annual and its bands cumulative)."""
    total = (
        ExpenseLine.objects.filter(
            vehicle=vehicle,
            category=ExpenseCategory.MILEAGE,
            expense_date__year=before.year,
            expense_date__lt=before,
        )
        .exclude(report__status=ExpenseStatus.REJECTED)
        .aggregate(total=Sum("distance_km"))["total"]
    )
    return Decimal(total or 0)

"""Trips (ordres de mission): list and detail with destinations, travellers and transport
options, through the scope of the pages: an employee sees their own trips (as requester or
traveller), a manager those of their team and their own, HR those of their employers; anything
else is a 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from effectif.accounts.models import User
from effectif.api.auth import request_user
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.schemas.common import READ_ERRORS, ref
from effectif.api.schemas.travel import TripDetailOut, TripFilters, TripOut
from effectif.employees.models import Employee
from effectif.travel.models import Trip, TripOption
from effectif.travel.selectors.scope import trip_get, trips_for

router = Router(tags=["Ordres de mission"])

TRIP_FIELDS = (
    "id",
    "reference",
    *Trip.REQUESTED_FIELDS,
    "advance_paid_amount",
    "estimated_cost_amount",
    "parameters_version",
    "status",
    "submitted_at",
    "manager_decided_at",
    "hr_decided_at",
    "decision_comment",
)


def person(employee: Employee) -> dict[str, Any]:
    return {"id": employee.pk, "matricule": employee.matricule, "name": employee.display_name}


def trip_out(trip: Trip) -> dict[str, Any]:
    return {
        **{name: getattr(trip, name) for name in TRIP_FIELDS},
        "employer": ref(trip.employer),
        "employee": person(trip.employee),
        "department": ref(trip.department),
        "status_label": trip.get_status_display(),
    }


OPTION_FIELDS = (
    "id",
    "mode",
    "fare_amount",
    "duration_minutes",
    "transport_cost_amount",
    "allowances_amount",
    "total_cost_amount",
    "cost_basis",
    "within_policy",
    "policy_reason",
    "chosen",
)


def option_out(option: TripOption) -> dict[str, Any]:
    return {
        **{name: getattr(option, name) for name in OPTION_FIELDS},
        "mode_label": option.get_mode_display(),
        "vehicle": option.vehicle_id,
    }


def trip_detail_out(trip: Trip) -> dict[str, Any]:
    options = list(trip.options.all())
    within = [o for o in options if o.within_policy]
    cheapest = min(within, key=lambda o: (o.total_cost_amount, o.pk), default=None)
    fastest = min(options, key=lambda o: (o.duration_minutes, o.pk), default=None)
    return {
        **trip_out(trip),
        "destinations": [
            {
                name: getattr(d, name)
                for name in (
                    "id",
                    "position",
                    "place",
                    "postal_code",
                    "country",
                    "arrival_date",
                    "departure_date",
                )
            }
            for d in trip.destinations.all()
        ],
        "travellers": [person(e) for e in trip.travellers.all()],
        "options": [option_out(o) for o in options],
        "cheapest_option": cheapest.pk if cheapest is not None else None,
        "fastest_option": fastest.pk if fastest is not None else None,
        "has_mission_order": trip.mission_order_id is not None,
    }


def detailed(user: User, trip_id: int) -> Trip:
    """A trip in scope with what its detail shows (404 out of scope)."""
    return with_details(trip_get(user, trip_id))


def with_details(trip: Trip) -> Trip:
    return (
        Trip.objects.select_related("employer", "employee", "department")
        .prefetch_related("destinations", "travellers", "options")
        .get(pk=trip.pk)
    )


@router.get("", response={200: Page[TripOut], **READ_ERRORS}, url_name="trips")
def trip_list(request: HttpRequest, paging: Query[Paging], filters: Query[TripFilters]) -> Any:
    """Trips in scope, latest departure first. `from`/`to`: trips under way during the period
    (ending on or after `from`, starting on or before `to`)."""
    rows = (
        trips_for(request_user(request))
        .select_related("employer", "employee", "department")
        .order_by("-start_date", "-id")
    )
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.employee:
        rows = rows.filter(employee_id=filters.employee)
    if filters.from_date:
        rows = rows.filter(end_date__gte=filters.from_date)
    if filters.to_date:
        rows = rows.filter(start_date__lte=filters.to_date)
    return page_of(rows, paging, present=lambda items: map(trip_out, items))


@router.get("/{int:trip_id}", response={200: TripDetailOut, **READ_ERRORS}, url_name="trip")
def trip_detail(request: HttpRequest, trip_id: int) -> Any:
    return trip_detail_out(detailed(request_user(request), trip_id))

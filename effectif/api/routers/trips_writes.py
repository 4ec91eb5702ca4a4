"""Writing trips (ordres de mission): a draft for oneself or (HR) for an employee, its changes
and transport options, then the workflow (submit, approve, reject, cancel), through the
services and with the checks of the pages. A trip out of scope is a 404; an action that is not
the user's, a 403; an action the user may take, but not at this step, a 422 on `status`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Status
from ninja.params import functions as params

from effectif.accounts.models import User
from effectif.api.assignment import refuse_nulls, unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden, renamed
from effectif.api.routers import trips
from effectif.api.routers.trips import option_out, trip_detail_out, with_details
from effectif.api.schemas.common import WRITE_ERRORS
from effectif.api.schemas.travel import OptionOut, TripDetailOut
from effectif.api.schemas.travel_inputs import CommentIn, OptionIn, TripIn, TripPatch
from effectif.api.travel_access import at_step, decides_for, requester
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.organisation.models import Department
from effectif.travel.models import Trip, TripOption
from effectif.travel.permissions import can_edit_trip, can_write_for
from effectif.travel.selectors.scope import trip_get
from effectif.travel.selectors.trips import matching_fares, traveller_choices, usable_vehicles
from effectif.travel.services.trips import (
    SUBMISSION_KEY_MAX,
    DestinationInput,
    TripInput,
    can_decide,
    option_add,
    option_choose,
    option_remove,
    trip_approve,
    trip_cancel,
    trip_create,
    trip_create_once,
    trip_reject,
    trip_submit,
    trip_update,
)

#: The reads' router: Django serves a path by the first pattern that matches it, so the writes
#: on `""` and `/{id}` must join the router of their reads.
router = trips.router

#: The fields of a trip a change may empty (the others need a value).
NULLABLE = frozenset({"department"})


def _current(trip: Trip) -> dict[str, Any]:
    """A trip's values as its input, for a change to start from."""
    return {
        **{name: getattr(trip, name) for name in Trip.REQUESTED_FIELDS},
        "department": trip.department,
        "travellers": list(trip.travellers.all()),
        "destinations": [
            DestinationInput(
                place=d.place,
                arrival_date=d.arrival_date,
                departure_date=d.departure_date,
                postal_code=d.postal_code,
                country=d.country,
            )
            for d in trip.destinations.all()
        ],
    }


def _trip_input(
    user: User, employee: Employee, base: dict[str, Any], payload: TripPatch
) -> TripInput:
    """The input of the service: `base` with the changes given, their references resolved as
    the pages offer them (travellers: the open files of the employer the user may name), 422
    naming the field otherwise."""
    changes = payload.model_dump(exclude_unset=True, exclude={"employee"})
    refuse_nulls(changes, nullable=NULLABLE)
    if "destinations" in changes:
        changes["destinations"] = [DestinationInput(**stop) for stop in changes["destinations"]]
    if "travellers" in changes:
        wanted = list(dict.fromkeys(changes["travellers"]))
        choices = traveller_choices(user, employee.employer)
        found = {e.pk: e for e in choices.filter(pk__in=wanted)}
        missing = [pk for pk in wanted if pk not in found]
        if missing:
            raise ValidationError({"travellers": [unknown_reference(pk) for pk in missing]})
        changes["travellers"] = [found[pk] for pk in wanted]
    if changes.get("department") is not None:
        pk = changes["department"]
        department = Department.objects.filter(employer_id=employee.employer_id, pk=pk).first()
        if department is None:
            raise ValidationError({"department": [unknown_reference(pk)]})
        changes["department"] = department
    return TripInput(**{**base, **changes})


def _detail(trip: Trip) -> dict[str, Any]:
    return trip_detail_out(with_details(trip))


def _editable(request: HttpRequest, trip_id: int) -> tuple[User, Trip]:
    """A draft the user may change (the page's `can_edit_trip`)."""
    user = request_user(request)
    return user, at_step(user, trip_get(user, trip_id), allowed=can_edit_trip, role=can_write_for)


#: The header naming a creation, so that sending it again gives the trip it made.
IDEMPOTENCY_KEY = "Idempotency-Key"
#: Said on the answer to a creation sent again.
REPLAYED = "Idempotent-Replayed"


@router.post("", response={201: TripDetailOut, 200: TripDetailOut, **WRITE_ERRORS})
def trip_create_view(
    request: HttpRequest,
    payload: TripIn,
    response: HttpResponse,
    idempotency_key: str | None = params.Header(
        None,
        alias=IDEMPOTENCY_KEY,
        description=(
            "Facultatif, recommandé : une clé propre à cette création (un UUID, 1 à "
            f"{SUBMISSION_KEY_MAX} caractères ASCII visibles). Renvoyer la même demande avec "
            "la même clé (une nouvelle tentative après une réponse perdue, un double envoi) "
            "rend l'ordre de mission déjà créé, avec le statut 200 et l'en-tête "
            f"`{REPLAYED}: true`, sans rien écrire ; la même clé avec un autre contenu est "
            "refusée (422). La clé vaut pour son auteur."
        ),
    ),
) -> Any:
    """A draft request for oneself, or (HR) for an employee in scope (`employee`). Then add
    transport options, choose one and submit.

    With an `Idempotency-Key` header, the creation happens once: the same call sent again,
    even several times at once, answers 200 with the trip it created (and the header
    `Idempotent-Replayed: true`) instead of 201 with a new one."""
    user = request_user(request)
    employee = requester(user, payload.employee)
    data = _trip_input(user, employee, {}, payload)
    if idempotency_key is None:
        return Status(201, _detail(trip_create(employee=employee, data=data, by=user)))
    try:
        creation = trip_create_once(
            employee=employee, data=data, by=user, submission_key=idempotency_key
        )
    except ValidationError as error:
        raise renamed(error, {"submission_key": IDEMPOTENCY_KEY}) from None
    if creation.replayed:
        response[REPLAYED] = "true"
        return Status(200, _detail(creation.trip))
    return Status(201, _detail(creation.trip))


@router.patch("/{int:trip_id}", response={200: TripDetailOut, **WRITE_ERRORS})
def trip_update_view(request: HttpRequest, trip_id: int, payload: TripPatch) -> Any:
    """Change a draft (its requester or HR); its options are estimated again."""
    user, trip = _editable(request, trip_id)
    data = _trip_input(user, trip.employee, _current(trip), payload)
    return _detail(trip_update(trip=trip, data=data, by=user))


@router.post("/{int:trip_id}/options", response={201: OptionOut, **WRITE_ERRORS})
def option_add_view(request: HttpRequest, trip_id: int, payload: OptionIn) -> Any:
    """Add a transport option to a draft, estimated at once (transport, allowances, policy).
    `price_list_entry`: one of the employer's fares between the departure place and a
    destination; `vehicle`: one of the requester's vehicles in service."""
    user, trip = _editable(request, trip_id)
    errors: dict[str, list[str]] = {}
    fare = None
    if payload.price_list_entry is not None:
        fare = matching_fares(trip).filter(pk=payload.price_list_entry).first()
        if fare is None:
            errors["price_list_entry"] = [unknown_reference(payload.price_list_entry)]
    vehicle = None
    if payload.vehicle is not None:
        vehicle = usable_vehicles(user, trip.employee).filter(pk=payload.vehicle).first()
        if vehicle is None:
            errors["vehicle"] = [unknown_reference(payload.vehicle)]
    if errors:
        raise ValidationError(errors)
    option = option_add(
        trip=trip,
        mode=payload.mode,
        duration_minutes=payload.duration_minutes,
        fare_amount=payload.fare_amount,
        price_list_entry=fare,
        vehicle=vehicle,
        by=user,
    )
    return Status(201, option_out(option))


def _option(request: HttpRequest, trip_id: int, option_id: int) -> tuple[User, TripOption]:
    user, trip = _editable(request, trip_id)
    return user, get_in_scope(trip.options.select_related("trip"), option_id)


@router.delete("/{int:trip_id}/options/{int:option_id}", response={204: None, **WRITE_ERRORS})
def option_remove_view(request: HttpRequest, trip_id: int, option_id: int) -> Any:
    """Remove an option from a draft."""
    user, option = _option(request, trip_id, option_id)
    option_remove(option=option, by=user)
    return Status(204, None)


@router.post(
    "/{int:trip_id}/options/{int:option_id}/choose", response={200: OptionOut, **WRITE_ERRORS}
)
def option_choose_view(request: HttpRequest, trip_id: int, option_id: int) -> Any:
    """The option retained (one per trip); one out of policy may be chosen, the approvers see
    why it is."""
    user, option = _option(request, trip_id, option_id)
    return option_out(option_choose(option=option, by=user))


@router.post("/{int:trip_id}/submit", response={200: TripDetailOut, **WRITE_ERRORS})
def trip_submit_view(request: HttpRequest, trip_id: int) -> Any:
    """Send the draft to the manager: the options are estimated again with the parameters of
    the day and the chosen one's total becomes the estimated cost."""
    user, trip = _editable(request, trip_id)
    return _detail(trip_submit(trip=trip, by=user))


def _deciding(request: HttpRequest, trip_id: int) -> tuple[User, Trip]:
    """A trip the user approves or rejects at this step: the manager of the team, then HR
    (HR at once for whom has no manager); never one's own."""
    user = request_user(request)
    return user, at_step(user, trip_get(user, trip_id), allowed=can_decide, role=decides_for)


@router.post("/{int:trip_id}/approve", response={200: TripDetailOut, **WRITE_ERRORS})
def trip_approve_view(request: HttpRequest, trip_id: int, payload: CommentIn) -> Any:
    """The manager's approval, then HR's, which generates the mission order and files it in
    the requester's personnel file."""
    user, trip = _deciding(request, trip_id)
    return _detail(trip_approve(trip=trip, by=user, comment=payload.comment))


@router.post("/{int:trip_id}/reject", response={200: TripDetailOut, **WRITE_ERRORS})
def trip_reject_view(request: HttpRequest, trip_id: int, payload: CommentIn) -> Any:
    """Refuse, saying why (`comment` is required)."""
    user, trip = _deciding(request, trip_id)
    return _detail(trip_reject(trip=trip, by=user, comment=payload.comment))


@router.post("/{int:trip_id}/cancel", response={200: TripDetailOut, **WRITE_ERRORS})
def trip_cancel_view(request: HttpRequest, trip_id: int, payload: CommentIn) -> Any:
    """The requester (or HR) withdraws a request still open; once approved, before it starts
    (HR at any time)."""
    user = request_user(request)
    trip = trip_get(user, trip_id)
    if not can_write_for(user, trip.employee):
        raise forbidden()
    # Too late to cancel (closed, or under way): the service says so (422).
    return _detail(trip_cancel(trip=trip, by=user, comment=payload.comment))

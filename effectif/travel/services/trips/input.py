"""What a trip request is made of (`TripInput` and its destinations), the audited fields,
and the checks of what the requester typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from effectif.employees.models import Employee
from effectif.organisation.models import Department
from effectif.rules.money import round_amount
from effectif.travel.models import (
    TransportMode,
    TravelPolicy,
    Trip,
    TripStatus,
)
from effectif.travel.selectors.trips import policy_of
from effectif.travel.services.numbering import amount_fr

#: The audited fields of a trip.
TRIP_FIELDS = [
    "reference",
    "employee",
    "department",
    *Trip.REQUESTED_FIELDS,
    "estimated_cost_amount",
    "parameters_version",
    "status",
    "decision_comment",
]


OPTION_FIELDS = [
    "mode",
    "fare_amount",
    "price_list_entry",
    "vehicle",
    "duration_minutes",
    "total_cost_amount",
    "within_policy",
    "chosen",
]


FARE_MODES = frozenset({TransportMode.TRAIN, TransportMode.PLANE, TransportMode.PUBLIC_TRANSPORT})


OPEN_STATUSES = (
    TripStatus.DRAFT,
    TripStatus.SUBMITTED,
    TripStatus.MANAGER_APPROVED,
    TripStatus.APPROVED,
)


MEALS_PER_DAY = 2


@dataclass(frozen=True)
class DestinationInput:
    place: str
    arrival_date: dt.date
    departure_date: dt.date
    postal_code: str = ""
    country: str = "FR"


@dataclass(frozen=True)
class TripInput:
    """What the requester types; the same for a creation and an edit."""

    purpose: str
    departure_place: str
    start_date: dt.date
    end_date: dt.date
    distance_km: int
    destinations: Sequence[DestinationInput]
    travellers: Sequence[Employee] = ()
    lodging_nights: int = 0
    meals: int = 0
    advance_requested_amount: Decimal = Decimal("0.00")
    department: Department | None = None


def check_input(data: TripInput, employee: Employee) -> None:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not data.purpose.strip():
        add("purpose", _("Indiquez l'objet de la mission."))
    if not data.departure_place.strip():
        add("departure_place", _("Indiquez le lieu de départ."))
    if data.end_date < data.start_date:
        add("end_date", _("La date de retour précède la date de départ."))
    if data.distance_km is None or data.distance_km <= 0:
        add("distance_km", _("La distance aller doit être d'au moins 1 km."))
    days = (data.end_date - data.start_date).days
    if data.lodging_nights < 0:
        add("lodging_nights", _("Le nombre de nuits ne peut pas être négatif."))
    elif days >= 0 and data.lodging_nights > days:
        add(
            "lodging_nights",
            _("Un déplacement de %(days)s jour(s) compte au plus %(nights)s nuit(s).")
            % {"days": days + 1, "nights": days},
        )
    if data.meals < 0:
        add("meals", _("Le nombre de repas ne peut pas être négatif."))
    elif days >= 0 and data.meals > MEALS_PER_DAY * (days + 1):
        add(
            "meals",
            _("Un déplacement de %(days)s jour(s) compte au plus %(meals)s repas.")
            % {"days": days + 1, "meals": MEALS_PER_DAY * (days + 1)},
        )
    if data.advance_requested_amount < 0:
        add("advance_requested_amount", _("L'avance demandée ne peut pas être négative."))
    if not data.destinations:
        add("destinations", _("Indiquez au moins une destination."))
    for index, stop in enumerate(data.destinations, start=1):
        if not stop.place.strip():
            add("destinations", _("Destination %(n)s : indiquez le lieu.") % {"n": index})
        if stop.departure_date < stop.arrival_date:
            add(
                "destinations",
                _("Destination %(n)s : le départ précède l'arrivée.") % {"n": index},
            )
        if (
            stop.arrival_date < data.start_date or stop.departure_date > data.end_date
        ) and data.end_date >= data.start_date:
            add(
                "destinations",
                _("Destination %(n)s : ses dates sortent de celles du déplacement.") % {"n": index},
            )
        code = stop.postal_code.strip()
        if code and (len(code) != 5 or not code.isdigit()) and stop.country == "FR":
            add(
                "destinations",
                _("Destination %(n)s : le code postal compte 5 chiffres.") % {"n": index},
            )
    for person in data.travellers:
        if person.employer_id != employee.employer_id:
            add(
                "travellers",
                _(
                    "%(name)s n'est pas salarié(e) de %(employer)s : un ordre de mission ne "
                    "concerne que les salariés d'un même employeur."
                )
                % {"name": person.display_name, "employer": employee.employer.name},
            )
        elif person.is_closed:
            add(
                "travellers",
                _("Le dossier de %(name)s est clos.") % {"name": person.display_name},
            )
    if data.department is not None and data.department.employer_id != employee.employer_id:
        add("department", _("Ce service n'appartient pas à l'employeur du demandeur."))
    if errors:
        raise ValidationError(errors)


def _advance_cap(policy: TravelPolicy, cost: Decimal) -> Decimal:
    return round_amount(cost * Decimal(policy.advance_max_percent) / Decimal(100))


def check_advance(trip: Trip, cost: Decimal) -> None:
    policy = policy_of(trip.employer)
    cap = _advance_cap(policy, cost)
    if trip.advance_requested_amount > cap:
        raise ValidationError(
            {
                "advance_requested_amount": [
                    _(
                        "L'avance demandée (%(advance)s €) dépasse %(percent)s %% du coût estimé "
                        "(%(cost)s €) : au plus %(cap)s €."
                    )
                    % {
                        "advance": amount_fr(trip.advance_requested_amount),
                        "percent": policy.advance_max_percent,
                        "cost": amount_fr(cost),
                        "cap": amount_fr(cap),
                    }
                ]
            }
        )


def locked_trip(trip: Trip) -> Trip:
    return (
        Trip.objects.select_for_update(of=("self",))
        .select_related("employer", "employee", "employee__department", "department")
        .get(pk=trip.pk)
    )

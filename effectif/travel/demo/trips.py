"""Trips of the demo organisation, written through the services (so audited): each employer
granted to the demo HR manager gets a travel policy and a small price list (Paris, Lyon,
Marseille, Bordeaux, Strasbourg, Nancy by train and plane), a few employees (the demo employee
« salarie » among them) their own vehicles, and about fifteen trips in every status: drafts,
requests waiting for the manager or for HR, approved trips with their mission order, a refusal
and a cancellation. Loaded once: a second call finds the trips and does nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from effectif.accounts.models import User
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for
from effectif.travel.models import PriceListEntry, TransportMode, Trip, Vehicle, VehicleKind
from effectif.travel.permissions import can_approve_trip_as_manager, has_manager
from effectif.travel.services.policy import fare_save, policy_ensure, policy_save, vehicle_save
from effectif.travel.services.trips import (
    DestinationInput,
    TripInput,
    option_add,
    option_choose,
    trip_approve,
    trip_cancel,
    trip_create,
    trip_reject,
    trip_submit,
)

T, P = TransportMode.TRAIN, TransportMode.PLANE

#: (mode, origin, destination, one-way fare, minutes, km, class)
FARES: dict[str, list[tuple[str, str, str, str, int, int, str]]] = {
    "Paris": [
        (T, "Paris", "Lyon", "59.00", 117, 465, "2de classe"),
        (T, "Paris", "Lyon", "98.00", 117, 465, "1re classe"),
        (P, "Paris", "Lyon", "119.00", 70, 465, "Économie"),
        (T, "Paris", "Marseille", "79.00", 200, 775, "2de classe"),
        (P, "Paris", "Marseille", "94.00", 80, 775, "Économie"),
        (T, "Paris", "Bordeaux", "69.00", 130, 585, "2de classe"),
        (P, "Paris", "Bordeaux", "89.00", 75, 585, "Économie"),
        (T, "Paris", "Strasbourg", "65.00", 110, 490, "2de classe"),
        (P, "Strasbourg", "Marseille", "129.00", 90, 800, "Économie"),
        (T, "Strasbourg", "Lyon", "72.00", 225, 490, "2de classe"),
    ],
    "Nancy": [
        (T, "Nancy", "Paris", "49.00", 90, 385, "2de classe"),
        (T, "Nancy", "Strasbourg", "26.00", 85, 160, "2de classe"),
        (T, "Nancy", "Lyon", "68.00", 260, 400, "2de classe"),
        (P, "Strasbourg", "Bordeaux", "115.00", 95, 920, "Économie"),
        (T, "Nancy", "Marseille", "99.00", 330, 800, "2de classe"),
    ],
}


@dataclass(frozen=True)
class Plan:
    """One demo trip: who, where, when (days from today), how, and how far it went."""

    purpose: str
    place: str
    postal_code: str
    km: int
    start_in: int
    days: int
    fare: str  # return fare of the train option
    minutes: int
    status: str  # draft, submitted, manager_approved, approved, rejected, cancelled
    plane_fare: str = ""
    advance: str = "0"


PLANS = [
    Plan(
        "Salon professionnel : stand et rendez-vous clients",
        "Paris",
        "75015",
        465,
        18,
        2,
        "118.00",
        117,
        "submitted",
        plane_fare="238.00",
        advance="100",
    ),
    Plan(
        "Formation « Sécurité des systèmes d'information »",
        "Lyon",
        "69003",
        465,
        32,
        3,
        "118.00",
        117,
        "draft",
    ),
    Plan(
        "Audit du site client",
        "Marseille",
        "13002",
        775,
        -40,
        2,
        "158.00",
        200,
        "approved",
        plane_fare="188.00",
    ),
    Plan(
        "Réunion de lancement du projet",
        "Bordeaux",
        "33000",
        585,
        -12,
        1,
        "138.00",
        130,
        "approved",
    ),
    Plan(
        "Comité de pilotage trimestriel",
        "Strasbourg",
        "67000",
        490,
        9,
        1,
        "130.00",
        110,
        "manager_approved",
    ),
    Plan("Visite d'un partenaire", "Lyon", "69007", 465, 25, 1, "118.00", 117, "submitted"),
    Plan("Recrutement : forum écoles", "Lille", "59000", 225, -60, 1, "90.00", 62, "rejected"),
    Plan("Colloque régional", "Marseille", "13008", 775, 45, 2, "158.00", 200, "cancelled"),
]
COTEAUX_PLANS = [
    Plan("Journée régionale des IME", "Strasbourg", "67000", 160, 14, 1, "52.00", 85, "submitted"),
    Plan(
        "Formation des éducateurs",
        "Paris",
        "75011",
        385,
        -25,
        2,
        "98.00",
        90,
        "approved",
        advance="100",
    ),
    Plan("Rencontre avec l'ARS", "Paris", "75007", 385, 20, 1, "98.00", 90, "manager_approved"),
    Plan("Séminaire de direction", "Lyon", "69002", 400, 40, 2, "136.00", 260, "draft"),
]
VEHICLES = [
    ("Peugeot 208", "GA-208-SL", VehicleKind.CAR, 5, False),
    ("Renault Zoé", "FZ-451-EV", VehicleKind.CAR, 4, True),
    ("Citroën C5 Aircross", "GH-772-KT", VehicleKind.CAR, 7, False),
    ("Yamaha MT-07", "FR-107-MT", VehicleKind.MOTORCYCLE, 4, False),
]


def _city(employer: Employer) -> str:
    office = employer.establishments.order_by("-is_head_office", "pk").first()
    return office.city if office is not None else "Paris"


def _settings(employer: Employer, today: dt.date, hr: User) -> None:
    policy = policy_ensure(employer=employer, by=hr)
    policy.meal_cap_amount = Decimal("25.00")
    policy.advance_max_percent = 60
    policy_save(policy=policy, by=hr)
    city = _city(employer)
    for mode, origin, destination, amount, minutes, km, klass in FARES.get(city, FARES["Paris"]):
        fare_save(
            fare=PriceListEntry(
                employer=employer,
                mode=mode,
                origin=origin,
                destination=destination,
                fare_amount=Decimal(amount),
                duration_minutes=minutes,
                distance_km=km,
                travel_class=klass,
                valid_from=dt.date(today.year, 1, 1),
            ),
            by=hr,
        )


def _vehicles(people: list[Employee], by_of: Callable[[Employee], User]) -> dict[int, Vehicle]:
    cars = {}
    for person, (label, plate, kind, power, electric) in zip(people, VEHICLES, strict=False):
        cars[person.pk] = vehicle_save(
            vehicle=Vehicle(
                employee=person,
                label=label,
                registration=plate,
                kind=kind,
                fiscal_power=power,
                electric=electric,
            ),
            by=by_of(person),
        )
    return cars


def _trip(
    plan: Plan,
    person: Employee,
    employer: Employer,
    today: dt.date,
    hr: User,
    author: User,
    car: Vehicle | None,
) -> Trip:
    if plan.place == _city(employer):  # not a trip from home: go to the other office instead
        plan = Plan(**{**plan.__dict__, "place": "Strasbourg", "postal_code": "67000", "km": 490})
    start = today + dt.timedelta(days=plan.start_in)
    end = start + dt.timedelta(days=plan.days - 1)
    trip = trip_create(
        employee=person,
        data=TripInput(
            purpose=plan.purpose,
            departure_place=_city(employer),
            start_date=start,
            end_date=end,
            distance_km=plan.km,
            destinations=[
                DestinationInput(
                    place=plan.place,
                    postal_code=plan.postal_code,
                    arrival_date=start,
                    departure_date=end,
                )
            ],
            lodging_nights=plan.days - 1,
            meals=2 * plan.days - 1,
            advance_requested_amount=Decimal(plan.advance),
        ),
        by=author,
    )
    train = option_add(
        trip=trip, mode=T, duration_minutes=plan.minutes, fare_amount=Decimal(plan.fare), by=author
    )
    if plan.plane_fare:
        option_add(
            trip=trip,
            mode=P,
            duration_minutes=75,
            fare_amount=Decimal(plan.plane_fare),
            by=author,
        )
    if car is not None and plan.km <= 500:
        option_add(
            trip=trip,
            mode=TransportMode.OWN_CAR,
            duration_minutes=round(plan.km / 95 * 60),
            vehicle=car,
            by=author,
        )
    option_choose(option=train, by=author)
    if plan.status == "draft":
        return trip
    trip = trip_submit(trip=trip, by=author)
    if plan.status == "cancelled":
        return trip_cancel(trip=trip, by=author, comment="Événement reporté à l'an prochain.")
    department = person.department
    manager = (
        department.manager if has_manager(person) and department and department.manager else hr
    )
    if plan.status == "rejected":
        return trip_reject(
            trip=trip, by=manager, comment="Une visioconférence suffit pour ce forum."
        )
    if plan.status == "submitted":
        return trip
    if not can_approve_trip_as_manager(manager, trip):
        manager = hr
    trip = trip_approve(trip=trip, by=manager)
    if plan.status == "manager_approved" or trip.status == "approved":
        return trip
    return trip_approve(trip=trip, by=hr)


@transaction.atomic
def load_trips_demo(*, today: dt.date) -> bool:
    """False, writing nothing, when the demo HR manager is missing or trips already exist."""
    users = {u.username: u for u in User.objects.filter(username__in=["rh", "manager", "salarie"])}
    hr = users.get("rh")
    if hr is None:
        return False
    employers = list(hr_employers_for(hr).order_by("name"))
    if not employers or Trip.objects.filter(employer__in=employers).exists():
        return False
    own = Employee.objects.filter(user__username="salarie").first()
    for employer in employers:
        _settings(employer, today, hr)
        staff = Employee.objects.filter(
            employer=employer, file_closed_at__isnull=True, department__isnull=False
        ).select_related("department", "user", "employer")
        boss = getattr(users.get("manager"), "pk", 0)
        team = [e for e in staff if e.department is not None and e.department.manager_id == boss]
        first = ([own] if own is not None and own.employer_id == employer.pk else []) + [
            e for e in team if e != own
        ]
        others = [e for e in staff.order_by("matricule") if e not in first]
        people = (first + others)[:6]
        if not people:
            continue

        def author_of(person: Employee) -> User:
            return person.user if person == own and person.user is not None else hr

        cars = _vehicles(people[:4], author_of)
        plans = PLANS if _city(employer) != "Nancy" else COTEAUX_PLANS
        for index, plan in enumerate(plans):
            person = people[index % len(people)]
            _trip(plan, person, employer, today, hr, author_of(person), cars.get(person.pk))
    return True

"""The cost and duration of each transport option, estimated by `rules.travel.options` from
the trip's facts and the employer's policy, and the comparison of the options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from effectif.rules.travel.allowances import is_paris_area
from effectif.rules.travel.mileage import VehicleFacts
from effectif.rules.travel.mileage import VehicleKind as RuleVehicleKind
from effectif.rules.travel.options import (
    Comparison,
    Estimate,
    Mode,
    OptionFacts,
    TripFacts,
    TripPolicy,
    compare,
    estimate,
)
from effectif.travel.models import (
    TravelPolicy,
    Trip,
    TripOption,
    Vehicle,
)
from effectif.travel.selectors.trips import policy_of, prior_km


def trip_facts(trip: Trip, vehicle: Vehicle | None = None) -> TripFacts:
    paris = any(is_paris_area(d.postal_code) for d in trip.destinations.all())
    return TripFacts(
        start_date=trip.start_date,
        end_date=trip.end_date,
        distance_km=trip.distance_km,
        lodging_nights=trip.lodging_nights,
        meals=trip.meals,
        paris_area=paris,
        travellers=max(trip.travellers.count(), 1),
        prior_km=prior_km(vehicle, trip.start_date) if vehicle is not None else Decimal(0),
    )


def policy_facts(policy: TravelPolicy) -> TripPolicy:
    return TripPolicy(
        train_first_class=policy.train_first_class,
        plane_min_distance_km=policy.plane_min_distance_km,
        own_car_max_distance_km=policy.own_car_max_distance_km,
        company_car_cost_per_km=policy.company_car_cost_per_km,
        meal_cap=policy.meal_cap_amount,
        lodging_cap=policy.lodging_cap_amount,
        lodging_cap_paris=policy.lodging_cap_paris_amount,
    )


def is_first_class(travel_class: str) -> bool:
    words = travel_class.lower().replace("è", "e")
    return any(mark in words for mark in ("1re", "1ere", "premiere", "1st", "first", "1e classe"))


def option_facts(option: TripOption) -> OptionFacts:
    vehicle = option.vehicle
    facts = (
        VehicleFacts(
            kind=RuleVehicleKind(vehicle.kind),
            fiscal_power=vehicle.fiscal_power,
            electric=vehicle.electric,
        )
        if vehicle is not None
        else None
    )
    entry = option.price_list_entry
    return OptionFacts(
        mode=Mode(option.mode),
        duration_minutes=option.duration_minutes,
        fare_amount=option.fare_amount,
        first_class=entry is not None and is_first_class(entry.travel_class),
        vehicle=facts,
    )


def parameters_date(trip: Trip) -> dt.date:
    """Parameters of the trip's start (the allowances of the day the costs are incurred)."""
    return trip.start_date


def estimate_option(option: TripOption, trip: Trip, policy: TripPolicy) -> Estimate:
    return estimate(
        option_facts(option), trip_facts(trip, option.vehicle), policy, parameters_date(trip)
    )


def store_estimate(option: TripOption, result: Estimate) -> None:
    option.transport_cost_amount = result.transport_cost
    option.allowances_amount = result.allowances
    option.total_cost_amount = result.total
    option.cost_basis = result.basis[:300]
    option.within_policy = result.within_policy
    option.policy_reason = result.policy_reason[:300]


def estimate_all(trip: Trip) -> None:
    policy = policy_facts(policy_of(trip.employer))
    for option in trip.options.select_related("vehicle", "price_list_entry"):
        store_estimate(option, estimate_option(option, trip, policy))
        option.save()


def comparison(trip: Trip, options: Sequence[TripOption]) -> Comparison:
    """Which of the options is the cheapest within policy, which the fastest."""
    facts = [option_facts(o) for o in options]
    estimates = [
        Estimate(
            transport_cost=o.transport_cost_amount,
            allowances=o.allowances_amount,
            total=o.total_cost_amount,
            basis=o.cost_basis,
            within_policy=o.within_policy,
            policy_reason=o.policy_reason,
        )
        for o in options
    ]
    return compare(facts, estimates)

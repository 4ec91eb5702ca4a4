"""Comparison of the ways to make a trip: cost (transport and allowances), duration, policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from effectif.rules.travel.mileage import VehicleFacts


class Mode(StrEnum):
    TRAIN = "train"
    PLANE = "avion"
    OWN_CAR = "vehicule_personnel"
    COMPANY_CAR = "vehicule_service"
    PUBLIC_TRANSPORT = "transports_commun"


@dataclass(frozen=True)
class TripFacts:
    start_date: date
    end_date: date
    distance_km: int  # one way
    lodging_nights: int
    meals: int
    paris_area: bool
    travellers: int = 1
    prior_km: Decimal = Decimal(0)


@dataclass(frozen=True)
class TripPolicy:
    train_first_class: bool
    plane_min_distance_km: int
    own_car_max_distance_km: int
    company_car_cost_per_km: Decimal
    meal_cap: Decimal | None = None
    lodging_cap: Decimal | None = None
    lodging_cap_paris: Decimal | None = None


@dataclass(frozen=True)
class OptionFacts:
    mode: Mode
    duration_minutes: int  # one way
    fare_amount: Decimal | None = None  # return ticket per traveller (train, plane, transport)
    first_class: bool = False
    vehicle: VehicleFacts | None = None  # own car


@dataclass(frozen=True)
class Estimate:
    transport_cost: Decimal
    allowances: Decimal
    total: Decimal
    basis: str
    within_policy: bool
    policy_reason: str  # French; "" when within policy


def estimate(option: OptionFacts, trip: TripFacts, policy: TripPolicy, on: date) -> Estimate:
    """The cost of one option for the trip, and whether the policy allows it."""
    raise NotImplementedError


@dataclass(frozen=True)
class Comparison:
    cheapest: int | None  # index among the options within policy
    fastest: int | None  # index among all options


def compare(options: Sequence[OptionFacts], estimates: Sequence[Estimate]) -> Comparison:
    """The cheapest option within policy and the fastest option."""
    raise NotImplementedError

"""Comparison of the ways to make a trip: cost (transport and allowances), duration, policy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from effectif.rules.money import ZERO, round_amount
from effectif.rules.travel.allowances import MealKind, lodging_limit, meal_limit
from effectif.rules.travel.mileage import VehicleFacts, trip_amount
from effectif.rules.travel.wording import euros, number


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


_FARE_MODES = frozenset({Mode.TRAIN, Mode.PLANE, Mode.PUBLIC_TRANSPORT})
_MODE_LABELS = {
    Mode.TRAIN: "Train",
    Mode.PLANE: "Avion",
    Mode.OWN_CAR: "Véhicule personnel",
    Mode.COMPANY_CAR: "Véhicule de service",
    Mode.PUBLIC_TRANSPORT: "Transports en commun",
}


def _lower(cap: Decimal | None, limit: Decimal) -> Decimal:
    return limit if cap is None else min(cap, limit)


def _allowances(trip: TripFacts, policy: TripPolicy, on: date) -> tuple[Decimal, str]:
    """Meals and nights of all the travellers, each at the lower of the policy cap and the
    URSSAF limit (restaurant meal; grand déplacement lodging, Paris or not)."""
    meal = _lower(policy.meal_cap, meal_limit(MealKind.RESTAURANT, on).amount)
    cap = policy.lodging_cap
    if trip.paris_area and policy.lodging_cap_paris is not None:
        cap = policy.lodging_cap_paris
    night = _lower(cap, lodging_limit(paris_area=trip.paris_area, on=on).amount)
    travellers = trip.travellers
    total = round_amount((trip.meals * meal + trip.lodging_nights * night) * travellers)
    per = f" × {travellers} voyageurs" if travellers > 1 else ""
    parts = []
    if trip.meals:
        parts.append(f"{trip.meals} repas × {euros(meal)}{per}")
    if trip.lodging_nights:
        plural = "s" if trip.lodging_nights > 1 else ""
        parts.append(f"{trip.lodging_nights} nuit{plural} × {euros(night)}{per}")
    return total, " + ".join(parts) if parts else "aucun repas ni nuit"


def _transport(
    option: OptionFacts, trip: TripFacts, policy: TripPolicy, on: date
) -> tuple[Decimal | None, str]:
    """The transport cost, or None with the reason when it cannot be computed."""
    travellers = trip.travellers
    if option.mode in _FARE_MODES:
        if option.fare_amount is None:
            return None, "tarif non renseigné"
        per = f" × {travellers} voyageurs" if travellers > 1 else ""
        cost = round_amount(option.fare_amount * travellers)
        return cost, f"billet aller-retour {euros(option.fare_amount)}{per}"
    round_trip = Decimal(2 * trip.distance_km)
    if option.mode == Mode.OWN_CAR:
        if option.vehicle is None:
            return None, "véhicule non renseigné"
        mileage = trip_amount(option.vehicle, prior_km=trip.prior_km, distance_km=round_trip, on=on)
        return mileage.amount, f"barème kilométrique : {mileage.basis}"
    cost = round_amount(round_trip * policy.company_car_cost_per_km)
    return cost, (
        f"{number(round_trip)} km × {euros(policy.company_car_cost_per_km)} "
        "(coût kilométrique du véhicule de service)"
    )


def _policy_reasons(option: OptionFacts, trip: TripFacts, policy: TripPolicy) -> list[str]:
    reasons = []
    if option.mode == Mode.PLANE and trip.distance_km < policy.plane_min_distance_km:
        reasons.append(
            f"l'avion n'est autorisé qu'à partir de {number(policy.plane_min_distance_km)} km "
            f"(trajet de {number(trip.distance_km)} km)"
        )
    if option.mode == Mode.OWN_CAR and trip.distance_km > policy.own_car_max_distance_km:
        reasons.append(
            "le véhicule personnel n'est autorisé que jusqu'à "
            f"{number(policy.own_car_max_distance_km)} km (trajet de "
            f"{number(trip.distance_km)} km)"
        )
    if option.first_class and not policy.train_first_class:
        reasons.append("la 1re classe n'est pas autorisée par la politique de voyage")
    return reasons


def estimate(option: OptionFacts, trip: TripFacts, policy: TripPolicy, on: date) -> Estimate:
    """The cost of one option for the trip, and whether the policy allows it.

    Transport: fares × travellers; own car: the mileage scale on the round trip (one car, after
    the year's `prior_km`); company car: round trip × cost per km. Allowances: meals and nights
    × travellers, each at the lower of the policy cap and the URSSAF limit. Out of policy: plane
    below its minimum distance, own car beyond its maximum, first class when not allowed, and a
    missing fare or vehicle (the total is then not comparable).
    """
    if trip.travellers < 1:
        raise ValueError("Un déplacement compte au moins un voyageur.")
    if trip.end_date < trip.start_date:
        raise ValueError("La date de retour précède la date de départ.")
    allowances, allowances_basis = _allowances(trip, policy, on)
    transport, transport_basis = _transport(option, trip, policy, on)
    reasons = _policy_reasons(option, trip, policy)
    if transport is None:
        reasons.append(f"{transport_basis} : coût non comparable")
        transport = ZERO
    reason = " ; ".join(reasons)
    return Estimate(
        transport_cost=transport,
        allowances=allowances,
        total=transport + allowances,
        basis=f"{_MODE_LABELS[option.mode]} : {transport_basis} ; frais : {allowances_basis}",
        within_policy=not reasons,
        policy_reason=reason[:1].upper() + reason[1:] + "." if reason else "",
    )


@dataclass(frozen=True)
class Comparison:
    cheapest: int | None  # index among the options within policy
    fastest: int | None  # index among all options


def compare(options: Sequence[OptionFacts], estimates: Sequence[Estimate]) -> Comparison:
    """The cheapest option within policy (ties: the faster, then the first) and the fastest
    option of all (ties: the cheaper, then the first)."""
    if len(options) != len(estimates):
        raise ValueError("Il faut une estimation par option.")
    indexes = range(len(options))
    allowed = [i for i in indexes if estimates[i].within_policy]
    cheapest = min(
        allowed,
        key=lambda i: (estimates[i].total, options[i].duration_minutes, i),
        default=None,
    )
    fastest = min(
        indexes,
        key=lambda i: (options[i].duration_minutes, estimates[i].total, i),
        default=None,
    )
    return Comparison(cheapest=cheapest, fastest=fastest)

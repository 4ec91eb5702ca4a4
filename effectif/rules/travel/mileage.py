"""Mileage allowances with the employee's own vehicle: the fiscal barème kilométrique.

The scale is annual: the amount of a year is computed on the year's total professional
distance. A trip is priced as the increase of the annual amount it causes, so that the trips of
a year add up to the annual amount of their total, band changes included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from effectif.rules.money import round_amount
from effectif.rules.parameters.travel import MILEAGE_SCALE, MileageBand, PowerScale
from effectif.rules.travel.wording import euros, number, rate


class VehicleKind(StrEnum):
    CAR = "voiture"
    MOTORCYCLE = "moto"  # more than 50 cm³
    MOPED = "cyclomoteur"  # 50 cm³ or less


@dataclass(frozen=True)
class VehicleFacts:
    kind: VehicleKind
    fiscal_power: int  # chevaux fiscaux (CV); ignored for mopeds
    electric: bool


@dataclass(frozen=True)
class MileageAmount:
    amount: Decimal
    basis: str  # French explanation of the computation


def _power_scale(vehicle: VehicleFacts, on: date) -> tuple[PowerScale, Decimal]:
    """The class of the vehicle and the multiplier of its amounts (1.20 when electric)."""
    if vehicle.kind != VehicleKind.MOPED and vehicle.fiscal_power < 1:
        raise ValueError("La puissance fiscale du véhicule doit être d'au moins 1 CV.")
    scale = MILEAGE_SCALE.at(on)
    factor = 1 + scale.electric_increase if vehicle.electric else Decimal(1)
    return scale.power_scale(vehicle.kind, vehicle.fiscal_power), factor


def _raw(power: PowerScale, distance_km: Decimal) -> Decimal:
    band = power.bands[power.band_index(distance_km)]
    return distance_km * band.rate + band.fixed


def _check_distance(distance_km: Decimal, what: str) -> None:
    if distance_km < 0:
        raise ValueError(f"La distance {what} ne peut pas être négative.")


def annual_amount(vehicle: VehicleFacts, distance_km: Decimal, on: date) -> Decimal:
    """The scale's amount for `distance_km` professional kilometres in the year of `on`."""
    _check_distance(distance_km, "annuelle")
    power, factor = _power_scale(vehicle, on)
    return round_amount(_raw(power, distance_km) * factor)


def _segments(
    power: PowerScale, start: Decimal, end: Decimal
) -> tuple[list[tuple[Decimal, MileageBand]], Decimal]:
    """The kilometres driven in each band between two yearly totals, and the sum of the jumps
    of the scale at the band limits crossed (the car scale is not continuous at 20 000 km)."""
    segments: list[tuple[Decimal, MileageBand]] = []
    jumps = Decimal(0)
    lower = Decimal(0)
    previous: MileageBand | None = None
    for band in power.bands:
        if previous is not None and start < lower < end:
            jumps += (lower * band.rate + band.fixed) - (lower * previous.rate + previous.fixed)
        upper = band.up_to_km
        driven = (end if upper is None else min(end, upper)) - max(start, lower)
        if driven > 0:
            segments.append((driven, band))
        if upper is None:
            break
        previous, lower = band, upper
    return segments, jumps


def trip_amount(
    vehicle: VehicleFacts, *, prior_km: Decimal, distance_km: Decimal, on: date
) -> MileageAmount:
    """The allowance of a trip of `distance_km` after `prior_km` already driven in the year:
    annual_amount(prior + distance) − annual_amount(prior)."""
    _check_distance(prior_km, "déjà parcourue dans l'année")
    _check_distance(distance_km, "du trajet")
    total = prior_km + distance_km
    amount = annual_amount(vehicle, total, on) - annual_amount(vehicle, prior_km, on)
    power, _ = _power_scale(vehicle, on)
    segments, jumps = _segments(power, prior_km, total)
    terms = [
        f"{number(driven)} km × {rate(band.rate)} ({power.label}, {band.label})"
        for driven, band in segments
    ] or ["0 km"]
    if jumps:
        terms.append(f"{euros(jumps)} (changement de tranche du barème)")
    basis = " + ".join(terms)
    if vehicle.electric:
        increase = MILEAGE_SCALE.at(on).electric_increase
        if len(terms) > 1:
            basis = f"({basis})"
        basis += f" + {number(increase * 100)} % (véhicule électrique)"
    if prior_km:
        basis += f" ; cumul de l'année porté de {number(prior_km)} à {number(total)} km"
    return MileageAmount(amount=amount, basis=basis)

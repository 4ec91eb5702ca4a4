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


def annual_amount(vehicle: VehicleFacts, distance_km: Decimal, on: date) -> Decimal:
    """The scale's amount for `distance_km` professional kilometres in the year of `on`."""
    raise NotImplementedError


def trip_amount(
    vehicle: VehicleFacts, *, prior_km: Decimal, distance_km: Decimal, on: date
) -> MileageAmount:
    """The allowance of a trip of `distance_km` after `prior_km` already driven in the year:
    annual_amount(prior + distance) − annual_amount(prior)."""
    raise NotImplementedError

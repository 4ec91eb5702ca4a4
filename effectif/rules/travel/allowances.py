"""URSSAF limits of exemption of meal and lodging allowances (arrêté du 20/12/2002)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class MealKind(StrEnum):
    ON_SITE = "sur_place"
    OFF_SITE = "hors_locaux"
    RESTAURANT = "restaurant"
    LONG_DISTANCE = "grand_deplacement"


@dataclass(frozen=True)
class Limit:
    amount: Decimal
    label: str  # French, e.g. "repas au restaurant en déplacement"
    source: str


def meal_limit(kind: MealKind, on: date, *, months_on_site: int = 0) -> Limit:
    """The exempt limit of one meal; `months_on_site` (full months already spent on the same
    site) reduces the grand déplacement limit after 3 and 24 months."""
    raise NotImplementedError


def lodging_limit(*, paris_area: bool, on: date, months_on_site: int = 0) -> Limit:
    """The exempt limit of one night (lodging and breakfast) in grand déplacement."""
    raise NotImplementedError


def is_paris_area(postal_code: str) -> bool:
    """Paris and the petite couronne: départements 75, 92, 93, 94."""
    raise NotImplementedError


def presumed_long_distance(*, distance_km: int, public_transport_minutes: int) -> bool:
    """Grand déplacement is presumed at 50 km or more and 1 h 30 or more of public transport
    (both one way)."""
    raise NotImplementedError

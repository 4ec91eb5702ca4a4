"""URSSAF limits of exemption of meal and lodging allowances (arrêté du 20/12/2002)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache

from effectif.rules.money import CENT
from effectif.rules.parameters.base import Parameter
from effectif.rules.parameters.travel import (
    LODGING_OTHER,
    LODGING_PARIS,
    LONG_DISTANCE_MEAL,
    LONG_DISTANCE_PRESUMPTION,
    LONG_DISTANCE_REDUCTIONS,
    MEAL_OFF_SITE,
    MEAL_ON_SITE,
    MEAL_RESTAURANT,
)


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


_MEALS: dict[MealKind, tuple[Parameter[Decimal], str]] = {
    MealKind.ON_SITE: (MEAL_ON_SITE, "repas sur le lieu de travail"),
    MealKind.OFF_SITE: (MEAL_OFF_SITE, "repas hors des locaux de l'entreprise"),
    MealKind.RESTAURANT: (MEAL_RESTAURANT, "repas au restaurant en déplacement"),
    MealKind.LONG_DISTANCE: (LONG_DISTANCE_MEAL, "repas en grand déplacement"),
}

PARIS_AREA_DEPARTMENTS = frozenset({"75", "92", "93", "94"})


def _long_stay(parameter: Parameter[Decimal], label: str, on: date, months_on_site: int) -> Limit:
    """A grand déplacement limit, reduced after 3 and 24 months on the same site."""
    if months_on_site < 0:
        raise ValueError("Le nombre de mois sur le même lieu ne peut pas être négatif.")
    version = parameter.version_at(on)
    reductions = LONG_DISTANCE_REDUCTIONS.version_at(on)
    step = reductions.value.step_for(months_on_site)
    if step is None:
        return Limit(version.value, label, version.source)
    reduced = (version.value * (1 - step.rate)).quantize(
        reductions.value.rounding, rounding=ROUND_HALF_UP
    )
    return Limit(
        reduced.quantize(CENT),
        f"{label}, {step.label}",
        f"{version.source} ; {reductions.source}",
    )


@lru_cache(maxsize=4096)
def _meal_limit(kind: MealKind, on: date, months_on_site: int) -> Limit:
    parameter, label = _MEALS[kind]
    if kind == MealKind.LONG_DISTANCE:
        return _long_stay(parameter, label, on, months_on_site)
    version = parameter.version_at(on)
    return Limit(version.value, label, version.source)


@lru_cache(maxsize=4096)
def _lodging_limit(paris_area: bool, on: date, months_on_site: int) -> Limit:
    if paris_area:
        return _long_stay(
            LODGING_PARIS,
            "logement et petit-déjeuner en grand déplacement à Paris et en petite couronne",
            on,
            months_on_site,
        )
    return _long_stay(
        LODGING_OTHER,
        "logement et petit-déjeuner en grand déplacement hors Paris et petite couronne",
        on,
        months_on_site,
    )


def meal_limit(kind: MealKind, on: date, *, months_on_site: int = 0) -> Limit:
    """The exempt limit of one meal; `months_on_site` (full months already spent on the same
    site) reduces the grand déplacement limit: −15 % from 3 months, −30 % from 24 months."""
    return _meal_limit(MealKind(kind), on, months_on_site)


def lodging_limit(*, paris_area: bool, on: date, months_on_site: int = 0) -> Limit:
    """The exempt limit of one night (lodging and breakfast) in grand déplacement."""
    return _lodging_limit(paris_area, on, months_on_site)


def is_paris_area(postal_code: str) -> bool:
    """Paris and the petite couronne: départements 75, 92, 93, 94."""
    code = postal_code.replace(" ", "").strip()
    return len(code) == 5 and code.isdigit() and code[:2] in PARIS_AREA_DEPARTMENTS


def presumed_long_distance(
    *, distance_km: int, public_transport_minutes: int, on: date | None = None
) -> bool:
    """Grand déplacement is presumed at 50 km or more and 1 h 30 or more of public transport
    (both one way): the employee cannot be expected to go home each day."""
    version = (
        LONG_DISTANCE_PRESUMPTION.values[-1]
        if on is None
        else LONG_DISTANCE_PRESUMPTION.version_at(on)
    )
    rule = version.value
    return (
        distance_km >= rule.min_distance_km
        and public_transport_minutes >= rule.min_public_transport_minutes
    )

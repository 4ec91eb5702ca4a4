"""The fiscal mileage scale (arrêté du 27/03/2023, JORFTEXT000047416556, BOI-BAREME-000001,
unchanged since): annual amounts
by band, trips priced on the year's cumulative distance, +20 % for electric vehicles.

Every expected figure below is computed by hand in its comment from the arrêté's table.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effectif.rules.parameters.base import MissingParameter
from effectif.rules.travel.mileage import (
    VehicleFacts,
    VehicleKind,
    annual_amount,
    trip_amount,
)

ON = date(2026, 3, 10)
CAR, MOTO, MOPED = VehicleKind.CAR, VehicleKind.MOTORCYCLE, VehicleKind.MOPED


def car(cv: int, electric: bool = False) -> VehicleFacts:
    return VehicleFacts(CAR, cv, electric)


@pytest.mark.parametrize(
    ("vehicle", "km", "expected"),
    [
        (car(3), 4000, "2116.00"),  # 4 000 × 0,529
        (car(4), 10000, "4730.00"),  # 10 000 × 0,340 + 1 330
        (car(5), 5000, "3180.00"),  # 5 000 × 0,636 (the limit is in the first band)
        (car(5), 5001, "3180.36"),  # 5 001 × 0,357 + 1 395 = 3 180,357
        (car(6), 25000, "11175.00"),  # 25 000 × 0,447
        (car(7), 20000, "9395.00"),  # 20 000 × 0,394 + 1 515
        (car(11), 1000, "697.00"),  # ≥ 7 CV: 1 000 × 0,697
        (car(1), 1000, "529.00"),  # ≤ 3 CV
        (car(5, electric=True), 312, "238.12"),  # 312 × 0,636 = 198,432 × 1,2 = 238,1184
        (VehicleFacts(MOTO, 2, False), 2000, "790.00"),  # 2 000 × 0,395
        (VehicleFacts(MOTO, 4, False), 4000, "1486.00"),  # 4 000 × 0,082 + 1 158
        (VehicleFacts(MOTO, 8, False), 7000, "2401.00"),  # 7 000 × 0,343
        (VehicleFacts(MOPED, 0, False), 5000, "1106.00"),  # 5 000 × 0,079 + 711
        (VehicleFacts(MOPED, 0, True), 1000, "378.00"),  # 1 000 × 0,315 × 1,2
        (car(5), 0, "0.00"),
        (car(5), Decimal("12.5"), "7.95"),  # 12,5 × 0,636 = 7,95
    ],
)
def test_annual_amounts_of_the_scale(
    vehicle: VehicleFacts, km: int | Decimal, expected: str
) -> None:
    assert annual_amount(vehicle, Decimal(km), ON) == Decimal(expected)
    assert annual_amount(vehicle, Decimal(km), date(2025, 7, 1)) == Decimal(expected)


def test_the_scale_starts_in_2025() -> None:
    with pytest.raises(MissingParameter):
        annual_amount(car(5), Decimal(100), date(2024, 12, 31))


def test_trip_within_the_first_band_explains_itself() -> None:
    found = trip_amount(car(5, electric=True), prior_km=Decimal(0), distance_km=Decimal(312), on=ON)
    assert found.amount == Decimal("238.12")
    assert found.basis == (
        "312 km × 0,636 € (5 CV, jusqu'à 5 000 km par an) + 20 % (véhicule électrique)"
    )


def test_trip_crossing_5000_km_is_priced_on_both_bands() -> None:
    # annual(5 100) − annual(4 900) = (5 100 × 0,357 + 1 395) − 4 900 × 0,636
    # = 3 215,70 − 3 116,40 = 99,30 = 100 × 0,636 + 100 × 0,357
    found = trip_amount(car(5), prior_km=Decimal(4900), distance_km=Decimal(200), on=ON)
    assert found.amount == Decimal("99.30")
    assert "100 km × 0,636 €" in found.basis
    assert "100 km × 0,357 € (5 CV, de 5 001 à 20 000 km par an)" in found.basis
    assert "4 900 à 5 100 km" in found.basis


def test_trip_crossing_20000_km_shows_the_jump_of_the_scale() -> None:
    # annual(20 100) − annual(19 900) = 20 100 × 0,370 − (19 900 × 0,316 + 1 065)
    # = 7 437,00 − 7 353,40 = 83,60 = 31,60 + 37,00 + 15,00 (7 400 − 7 385 at 20 000 km)
    found = trip_amount(car(2), prior_km=Decimal(19900), distance_km=Decimal(200), on=ON)
    assert found.amount == Decimal("83.60")
    assert "100 km × 0,370 € (3 CV et moins, au-delà de 20 000 km par an)" in found.basis
    assert "15,00 € (changement de tranche du barème)" in found.basis


def test_later_trips_of_the_year_are_priced_at_the_lower_rate() -> None:
    # 100 km after 6 000 km with a 4 CV: 100 × 0,340 = 34,00 (not 100 × 0,606 = 60,60)
    found = trip_amount(car(4), prior_km=Decimal(6000), distance_km=Decimal(100), on=ON)
    assert found.amount == Decimal("34.00")


@pytest.mark.parametrize(
    ("prior", "distance", "cv", "message"),
    [(-1, 10, 5, "négative"), (0, -10, 5, "négative"), (0, 10, 0, "1 CV")],
)
def test_bad_facts_are_refused_in_french(prior: int, distance: int, cv: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        trip_amount(car(cv), prior_km=Decimal(prior), distance_km=Decimal(distance), on=ON)


vehicles = st.builds(
    VehicleFacts,
    kind=st.sampled_from(list(VehicleKind)),
    fiscal_power=st.integers(1, 12),
    electric=st.booleans(),
)
distances = st.decimals(min_value=0, max_value=4000, places=1)


@given(vehicle=vehicles, trips=st.lists(distances, min_size=1, max_size=30))
def test_trips_of_a_year_add_up_to_the_annual_amount_of_their_total(
    vehicle: VehicleFacts, trips: list[Decimal]
) -> None:
    prior = Decimal(0)
    paid = Decimal(0)
    for distance in trips:
        paid += trip_amount(vehicle, prior_km=prior, distance_km=distance, on=ON).amount
        prior += distance
    assert paid == annual_amount(vehicle, prior, ON)


@given(vehicle=vehicles, first=distances, second=distances)
def test_the_annual_amount_never_decreases(
    vehicle: VehicleFacts, first: Decimal, second: Decimal
) -> None:
    low, high = sorted((first * 10, second * 10))
    assert annual_amount(vehicle, low, ON) <= annual_amount(vehicle, high, ON)


@given(vehicle=vehicles, km=distances)
def test_electric_is_twenty_percent_more(vehicle: VehicleFacts, km: Decimal) -> None:
    thermal = VehicleFacts(vehicle.kind, vehicle.fiscal_power, False)
    electric = VehicleFacts(vehicle.kind, vehicle.fiscal_power, True)
    gap = annual_amount(electric, km, ON) - annual_amount(thermal, km, ON) * Decimal("1.2")
    assert abs(gap) <= Decimal("0.01")

"""Estimates and comparison of the ways to make a trip. Hand computations in the comments;
URSSAF limits of the arrêté du 20/12/2002 (2026: restaurant meal 21,40 €, night 76,60 € in Paris,
56,80 € elsewhere) and the mileage scale of the arrêté du 27/03/2023 (5 CV: 0,636 €/km up to
5 000 km)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.travel.mileage import VehicleFacts, VehicleKind
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

D = Decimal
ON = date(2026, 3, 1)
# Lyon → Paris for two, one night in Paris, three meals each
TRIP = TripFacts(
    start_date=date(2026, 3, 9),
    end_date=date(2026, 3, 10),
    distance_km=420,
    lodging_nights=1,
    meals=3,
    paris_area=True,
    travellers=2,
)
POLICY = TripPolicy(
    train_first_class=False,
    plane_min_distance_km=500,
    own_car_max_distance_km=400,
    company_car_cost_per_km=D("0.45"),
    meal_cap=D("20.00"),
)
FIVE_CV = VehicleFacts(VehicleKind.CAR, 5, False)
OPTIONS = [
    OptionFacts(Mode.TRAIN, 120, fare_amount=D("120.00")),
    OptionFacts(Mode.PLANE, 70, fare_amount=D("200.00")),
    OptionFacts(Mode.OWN_CAR, 250, vehicle=FIVE_CV),
    OptionFacts(Mode.COMPANY_CAR, 250),
]
# Allowances: 3 meals × min(20,00 ; 21,40) × 2 = 120,00 + 1 night × 76,60 × 2 = 153,20 → 273,20
ALLOWANCES = D("273.20")


@pytest.mark.parametrize(
    ("index", "transport", "within", "reason"),
    [
        (0, "240.00", True, ""),  # 120 × 2 travellers
        (1, "400.00", False, "L'avion n'est autorisé qu'à partir de 500 km (trajet de 420 km)."),
        # one car: 2 × 420 = 840 km × 0,636 = 534,24
        (2, "534.24", False, "Le véhicule personnel n'est autorisé que jusqu'à 400 km"),
        (3, "378.00", True, ""),  # 840 × 0,45
    ],
)
def test_estimates(index: int, transport: str, within: bool, reason: str) -> None:
    found = estimate(OPTIONS[index], TRIP, POLICY, ON)
    assert found.transport_cost == D(transport)
    assert found.allowances == ALLOWANCES
    assert found.total == D(transport) + ALLOWANCES
    assert found.within_policy is within
    assert found.policy_reason.startswith(reason)
    assert (found.policy_reason == "") is within


def test_the_basis_explains_the_figures() -> None:
    train = estimate(OPTIONS[0], TRIP, POLICY, ON)
    assert train.basis == (
        "Train : billet aller-retour 120,00 € × 2 voyageurs ; frais : 3 repas × 20,00 € × 2 "
        "voyageurs + 1 nuit × 76,60 € × 2 voyageurs"
    )
    car = estimate(OPTIONS[2], TRIP, POLICY, ON)
    assert "840 km × 0,636 € (5 CV, jusqu'à 5 000 km par an)" in car.basis


def test_the_cheapest_within_policy_and_the_fastest_of_all() -> None:
    estimates = [estimate(option, TRIP, POLICY, ON) for option in OPTIONS]
    assert compare(OPTIONS, estimates) == Comparison(cheapest=0, fastest=1)


def test_the_lower_of_policy_cap_and_urssaf_limit() -> None:
    # meal cap 30 > 21,40: URSSAF; Paris night cap 70 < 76,60: policy. One traveller:
    # 3 × 21,40 + 1 × 70,00 = 134,20
    policy = TripPolicy(False, 500, 400, D("0.45"), meal_cap=D("30"), lodging_cap_paris=D("70"))
    trip = TripFacts(date(2026, 3, 9), date(2026, 3, 10), 420, 1, 3, True)
    assert estimate(OPTIONS[3], trip, policy, ON).allowances == D("134.20")
    # out of Paris the general cap (none here) applies: URSSAF 56,80 → 64,20 + 56,80 = 121,00
    province = TripFacts(date(2026, 3, 9), date(2026, 3, 10), 420, 1, 3, False)
    assert estimate(OPTIONS[3], province, policy, ON).allowances == D("121.00")


def test_own_car_is_priced_after_the_kilometres_of_the_year() -> None:
    # 4 900 km already driven: 100 km × 0,636 + 740 km × 0,357 = 63,60 + 264,18 = 327,78
    trip = TripFacts(date(2026, 3, 9), date(2026, 3, 9), 420, 0, 0, False, prior_km=D(4900))
    found = estimate(OPTIONS[2], trip, POLICY, ON)
    assert found.transport_cost == D("327.78")
    assert found.allowances == D("0.00")


def test_first_class_out_of_policy() -> None:
    option = OptionFacts(Mode.TRAIN, 120, fare_amount=D("180"), first_class=True)
    found = estimate(option, TRIP, POLICY, ON)
    assert not found.within_policy
    assert "1re classe" in found.policy_reason
    allowed = TripPolicy(True, 500, 400, D("0.45"))
    assert estimate(option, TRIP, allowed, ON).within_policy


@pytest.mark.parametrize(
    ("option", "reason"),
    [
        (OptionFacts(Mode.TRAIN, 120), "Tarif non renseigné : coût non comparable."),
        (OptionFacts(Mode.PUBLIC_TRANSPORT, 300), "Tarif non renseigné"),
        (OptionFacts(Mode.OWN_CAR, 250), "Véhicule non renseigné : coût non comparable."),
    ],
)
def test_missing_fare_or_vehicle_is_not_comparable(option: OptionFacts, reason: str) -> None:
    found = estimate(option, replace(TRIP, distance_km=300), POLICY, ON)
    assert not found.within_policy
    assert found.policy_reason.startswith(reason)
    assert found.transport_cost == D("0.00")


def test_several_reasons_are_joined() -> None:
    option = OptionFacts(Mode.PLANE, 60, first_class=True)
    reason = estimate(option, TRIP, POLICY, ON).policy_reason
    assert reason.count(" ; ") == 2
    assert reason.startswith("L'avion")


def test_bad_trips_are_refused() -> None:
    with pytest.raises(ValueError, match="voyageur"):
        estimate(OPTIONS[0], TripFacts(ON, ON, 10, 0, 0, False, travellers=0), POLICY, ON)
    with pytest.raises(ValueError, match="retour"):
        estimate(OPTIONS[0], TripFacts(ON, date(2026, 2, 1), 10, 0, 0, False), POLICY, ON)


def _estimate(total: str, within: bool = True) -> Estimate:
    return Estimate(D(total), D(0), D(total), "", within, "" if within else "non")


def test_compare_ties_and_empty_cases() -> None:
    options = [
        OptionFacts(Mode.TRAIN, 90),
        OptionFacts(Mode.TRAIN, 60),
        OptionFacts(Mode.PLANE, 60),
    ]
    estimates = [_estimate("100"), _estimate("100"), _estimate("50", within=False)]
    # same cost: the faster one; same duration: the cheaper one
    assert compare(options, estimates) == Comparison(cheapest=1, fastest=2)
    none_allowed = [_estimate("1", within=False)] * 3
    assert compare(options, none_allowed) == Comparison(cheapest=None, fastest=1)
    assert compare([], []) == Comparison(cheapest=None, fastest=None)
    with pytest.raises(ValueError, match="estimation"):
        compare(options, estimates[:2])

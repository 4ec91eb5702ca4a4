"""URSSAF limits of meal and lodging allowances.

Expected figures: arrêté du 20/12/2002 (art. 3 meals, art. 5 grand déplacement) and the URSSAF
limits of 2025 and 2026 (urssaf.fr, « Frais professionnels : les limites d'exonération »). The
reduced limits of 2025 are the official ones (17,90 / 64,30 / 47,70 € and 14,80 / 52,90 / 39,30 €): the
rule (−15 % / −30 %, rounded to the ten cents) must find them again; the 2026 ones are computed
by the same rule (not yet seen in the published limits), e.g. 21,40 × 0,85 = 18,19 → 18,20 €.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.travel.allowances import (
    MealKind,
    is_paris_area,
    lodging_limit,
    meal_limit,
    presumed_long_distance,
)

Y2025 = date(2025, 6, 1)
Y2026 = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("kind", "on", "expected"),
    [
        (MealKind.ON_SITE, Y2025, "7.40"),
        (MealKind.OFF_SITE, Y2025, "10.30"),
        (MealKind.RESTAURANT, Y2025, "21.10"),
        (MealKind.LONG_DISTANCE, Y2025, "21.10"),
        (MealKind.ON_SITE, Y2026, "7.50"),
        (MealKind.OFF_SITE, Y2026, "10.40"),
        (MealKind.RESTAURANT, Y2026, "21.40"),
        (MealKind.LONG_DISTANCE, Y2026, "21.40"),
        (MealKind.RESTAURANT, date(2025, 12, 31), "21.10"),
        (MealKind.RESTAURANT, date(2026, 1, 1), "21.40"),
    ],
)
def test_meal_limits_of_facts_8_1(kind: MealKind, on: date, expected: str) -> None:
    limit = meal_limit(kind, on)
    assert limit.amount == Decimal(expected)
    assert "20/12/2002" in limit.source


@pytest.mark.parametrize(
    ("on", "months", "meal", "paris", "other"),
    [
        (Y2025, 0, "21.10", "75.60", "56.10"),
        (Y2025, 2, "21.10", "75.60", "56.10"),
        (Y2025, 3, "17.90", "64.30", "47.70"),  # official 2025 (−15 %)
        (Y2025, 23, "17.90", "64.30", "47.70"),
        (Y2025, 24, "14.80", "52.90", "39.30"),  # official 2025 (−30 %)
        (Y2025, 60, "14.80", "52.90", "39.30"),
        (Y2026, 0, "21.40", "76.60", "56.80"),
        (Y2026, 3, "18.20", "65.10", "48.30"),  # 18,19 / 65,11 / 48,28 rounded
        (Y2026, 24, "15.00", "53.60", "39.80"),  # 14,98 / 53,62 / 39,76 rounded
    ],
)
def test_long_distance_limits_and_their_reductions(
    on: date, months: int, meal: str, paris: str, other: str
) -> None:
    assert meal_limit(MealKind.LONG_DISTANCE, on, months_on_site=months).amount == Decimal(meal)
    assert lodging_limit(paris_area=True, on=on, months_on_site=months).amount == Decimal(paris)
    assert lodging_limit(paris_area=False, on=on, months_on_site=months).amount == Decimal(other)


def test_reductions_do_not_touch_short_trip_meals_and_are_labelled() -> None:
    assert meal_limit(MealKind.RESTAURANT, Y2026, months_on_site=30).amount == Decimal("21.40")
    reduced = lodging_limit(paris_area=False, on=Y2026, months_on_site=5)
    assert "15 %" in reduced.label
    assert "grand déplacement" in reduced.label
    assert "art. 5" in reduced.source


def test_the_meal_kind_may_be_given_as_its_stored_value() -> None:
    assert meal_limit("hors_locaux", Y2026).amount == Decimal("10.40")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="buffet"):
        meal_limit("buffet", Y2026)  # type: ignore[arg-type]


def test_negative_months_are_refused() -> None:
    with pytest.raises(ValueError, match="négatif"):
        lodging_limit(paris_area=True, on=Y2026, months_on_site=-1)


@pytest.mark.parametrize(
    ("postal_code", "expected"),
    [
        ("75011", True),
        ("92100", True),
        ("93200", True),
        ("94 300", True),
        ("77300", False),  # Seine-et-Marne: grande couronne
        ("78000", False),
        ("91000", False),
        ("95000", False),
        ("69001", False),
        ("7501", False),
        ("", False),
        ("2A004", False),
    ],
)
def test_paris_area(postal_code: str, expected: bool) -> None:
    assert is_paris_area(postal_code) is expected


@pytest.mark.parametrize(
    ("km", "minutes", "expected"),
    [
        (50, 90, True),  # both thresholds reached (arrêté art. 5)
        (300, 180, True),
        (49, 120, False),
        (120, 89, False),
        (10, 30, False),
    ],
)
def test_presumption_of_long_distance(km: int, minutes: int, expected: bool) -> None:
    assert presumed_long_distance(distance_km=km, public_transport_minutes=minutes) is expected
    assert (
        presumed_long_distance(distance_km=km, public_transport_minutes=minutes, on=Y2026)
        is expected
    )

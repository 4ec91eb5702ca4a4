from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.money import round_amount
from effectif.rules.parameters import DatedValue, MissingParameter, Parameter

SMIC_HOURLY = Parameter(
    name="smic_horaire",
    description="test",
    values=(
        DatedValue(date(2026, 6, 1), Decimal("12.31"), "Arrêté du 22/05/2026"),
        DatedValue(date(2026, 1, 1), Decimal("12.02"), "Décret n° 2025-1228"),
    ),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 1, 1), Decimal("12.02")),
        (date(2026, 5, 31), Decimal("12.02")),
        (date(2026, 6, 1), Decimal("12.31")),
        (date(2027, 3, 1), Decimal("12.31")),
    ],
)
def test_parameter_switches_on_its_dates(on: date, expected: Decimal) -> None:
    assert SMIC_HOURLY.at(on) == expected


def test_parameter_before_first_value_is_a_clear_error() -> None:
    with pytest.raises(MissingParameter, match="31/12/2025"):
        SMIC_HOURLY.at(date(2025, 12, 31))


def test_two_values_on_one_date_are_refused() -> None:
    with pytest.raises(ValueError, match="two values"):
        Parameter(
            "x", "x", (DatedValue(date(2026, 1, 1), 1, "a"), DatedValue(date(2026, 1, 1), 2, "b"))
        )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1.005", "1.01"), ("1.004", "1.00"), ("-1.005", "-1.01"), ("125.785", "125.79")],
)
def test_one_rounding_rule_half_up_to_the_cent(value: str, expected: str) -> None:
    assert round_amount(Decimal(value)) == Decimal(expected)


def test_travel_parameters_flag_their_unconfirmed_values() -> None:
    """Business travel (arrêté du 20/12/2002 on professional costs; fiscal mileage scale, arrêté
    du 27/03/2023): the 2026 long-stay reductions and mileage scale, not seen in an official text."""
    from effectif.rules.parameters.base import unconfirmed_values
    from effectif.rules.parameters.travel import ALL_PARAMETERS

    flagged = {name for name, _ in unconfirmed_values(*ALL_PARAMETERS)}
    assert {"grand_deplacement_abattements", "bareme_kilometrique"} <= flagged

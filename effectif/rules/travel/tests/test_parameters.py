"""The travel figures cover every day of 2025 and 2026, cite a source, and flag the values not
seen in an official text (the 2026 reduced limits of the arrêté du 20/12/2002 art. 5, the 2026
mileage scale awaiting its arrêté)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from effectif.rules.parameters import travel as parameters
from effectif.rules.parameters.base import MissingParameter, Parameter, unconfirmed_values
from effectif.rules.parameters.travel import ALL_PARAMETERS, parameters_version


def test_all_parameters_lists_every_parameter_of_the_module() -> None:
    declared = {id(v) for v in vars(parameters).values() if isinstance(v, Parameter)}
    assert declared == {id(p) for p in ALL_PARAMETERS}


@pytest.mark.parametrize("parameter", ALL_PARAMETERS, ids=lambda p: p.name)
def test_every_parameter_has_a_value_every_day_of_2025_and_2026(parameter: Parameter[Any]) -> None:
    for offset in range(730):
        parameter.at(date(2025, 1, 1) + timedelta(days=offset))


@pytest.mark.parametrize("parameter", ALL_PARAMETERS, ids=lambda p: p.name)
def test_every_value_cites_a_source(parameter: Parameter[Any]) -> None:
    assert parameter.description
    for value in parameter.values:
        assert len(value.source) > 10, (parameter.name, value.start)


def test_unconfirmed_values_are_the_2026_reductions_and_mileage_scale() -> None:
    flagged = {(name, value.start) for name, value in unconfirmed_values(*ALL_PARAMETERS)}
    assert flagged == {
        ("grand_deplacement_abattements", date(2026, 1, 1)),
        ("bareme_kilometrique", date(2026, 1, 1)),
    }


def test_no_figure_before_2025_but_the_presumption_of_2003() -> None:
    with pytest.raises(MissingParameter, match="31/12/2024"):
        parameters.MEAL_RESTAURANT.at(date(2024, 12, 31))
    assert parameters.LONG_DISTANCE_PRESUMPTION.at(date(2010, 1, 1)).min_distance_km == 50


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2025, 1, 1), "frais-2025-01-01"),
        (date(2025, 12, 31), "frais-2025-01-01"),
        (date(2026, 1, 1), "frais-2026-01-01"),
        (date(2026, 9, 15), "frais-2026-01-01"),
    ],
)
def test_parameters_version_names_the_start_of_the_values_used(on: date, expected: str) -> None:
    assert parameters_version(on) == expected

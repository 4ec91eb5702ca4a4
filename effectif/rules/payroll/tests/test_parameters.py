"""The payroll parameters cover every month of 2025 and 2026, switch on the right dates, cite a
source for every value and flag the unconfirmed ones."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from types import ModuleType

import pytest

from effectif.rules.money import round_amount
from effectif.rules.parameters import (
    apprentices,
    benefits_in_kind,
    csg_crds,
    dsn_codes,
    employer_levies,
    general_reduction,
    income_tax,
    net_social,
    overtime,
    payroll_tax,
    sickness,
    smic,
    social_security_ceiling,
    social_security_contributions,
    supplementary_pensions,
    unemployment,
    withholding,
)
from effectif.rules.parameters.base import MissingParameter, Parameter
from effectif.rules.parameters.general_reduction import FillonFormula, RgduFormula
from effectif.rules.payroll.month_parameters import month_parameters

MODULES: tuple[ModuleType, ...] = (
    apprentices,
    benefits_in_kind,
    csg_crds,
    dsn_codes,
    employer_levies,
    general_reduction,
    income_tax,
    net_social,
    overtime,
    payroll_tax,
    sickness,
    smic,
    social_security_ceiling,
    social_security_contributions,
    supplementary_pensions,
    unemployment,
    withholding,
)


def all_parameters() -> list[Parameter[object]]:
    return [
        value
        for module in MODULES
        for value in vars(module).values()
        if isinstance(value, Parameter)
    ]


def every_day_of_2025_and_2026() -> list[date]:
    start = date(2025, 1, 1)
    return [start + timedelta(days=offset) for offset in range(730)]


@pytest.mark.parametrize("parameter", all_parameters(), ids=lambda p: p.name)
def test_every_parameter_has_a_value_every_day_of_2025_and_2026(
    parameter: Parameter[object],
) -> None:
    for day in every_day_of_2025_and_2026():
        parameter.at(day)


@pytest.mark.parametrize("parameter", all_parameters(), ids=lambda p: p.name)
def test_every_value_cites_a_source(parameter: Parameter[object]) -> None:
    assert parameter.description
    for value in parameter.values:
        assert len(value.source) > 10, (parameter.name, value.start)


def test_every_month_has_its_snapshot() -> None:
    for year in (2025, 2026):
        for month in range(1, 13):
            assert month_parameters(date(year, month, 1)).period_date == date(year, month, 1)


@pytest.mark.parametrize(
    ("month", "name"),
    [
        (date(2024, 12, 1), "plafond_mensuel_securite_sociale"),
        (date(2027, 1, 1), "plafond_mensuel_securite_sociale"),
        (date(2027, 6, 1), "plafond_mensuel_securite_sociale"),
    ],
)
def test_a_month_outside_the_coverage_is_an_error_naming_the_parameter(
    month: date, name: str
) -> None:
    """Before 2025 or after 2026 no snapshot is made from the nearest values: the ceiling of
    2026 is fixed for 2026 only (CSS D242-17), and so is the SMIC of the réduction générale."""
    with pytest.raises(MissingParameter, match=name) as raised:
        month_parameters(month)
    assert raised.value.name == name
    assert "Aucune valeur du paramètre" in str(raised.value)
    with pytest.raises(MissingParameter, match="reduction_generale_smic"):
        general_reduction.GENERAL_REDUCTION_SMIC.at(date(2027, 1, 1))


def test_unconfirmed_values_are_listed() -> None:
    flagged = {p.name for p in all_parameters() for v in p.values if v.unconfirmed}
    assert {
        "pas_grille_taux_neutre_metropole",
        "reduction_generale_formule",
        "codes_dsn_lignes_bulletin",
        "avantage_nature_repas",
    } <= flagged


def test_switching_dates() -> None:
    before, january, june = (
        month_parameters(day) for day in (date(2025, 12, 1), date(2026, 1, 1), date(2026, 6, 1))
    )
    assert (before.smic_hourly, january.smic_hourly, june.smic_hourly) == (
        Decimal("11.88"),
        Decimal("12.02"),
        Decimal("12.31"),
    )
    assert (before.pss, january.pss) == (Decimal("3925"), Decimal("4005"))
    assert before.health_reduced is not None
    assert january.health_reduced is None
    assert before.family_reduced is not None
    assert january.family_reduced is None
    assert isinstance(before.reduction_formula, FillonFormula)
    assert isinstance(january.reduction_formula, RgduFormula)
    assert june.reduction_smic.hourly == Decimal("12.02")
    assert month_parameters(date(2025, 4, 1)).unemployment_rate == Decimal("0.0405")
    assert month_parameters(date(2025, 5, 1)).unemployment_rate == Decimal("0.04")
    assert month_parameters(date(2026, 4, 1)).neutral_grid.thresholds[0] == Decimal("1620")
    assert month_parameters(date(2026, 5, 1)).neutral_grid.thresholds[0] == Decimal("1635")


@pytest.mark.parametrize("parameter", [smic.SMIC_HOURLY], ids=["smic"])
def test_published_monthly_smic_is_hourly_times_35_times_52_over_12(
    parameter: Parameter[Decimal],
) -> None:
    for value in parameter.values:
        monthly = smic.SMIC_MONTHLY_FULL_TIME.at(value.start)
        assert round_amount(value.value * 35 * 52 / 12) == monthly
    for value in general_reduction.GENERAL_REDUCTION_SMIC.values:
        reduction_smic = value.value
        assert (
            round_amount(reduction_smic.hourly * 35 * 52 / 12) == reduction_smic.monthly_full_time
        )

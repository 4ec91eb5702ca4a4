"""Reference cases for 2025: réduction « Fillon », reduced health and family rates, 4,05 % then
4,00 % unemployment, 2,02 % uncapped old age, the two neutral grids of the year. SMIC 11,88 €
(1 801,80 €/month), PSS 3 925 €. Figures computed by hand in the docstrings (r() = to the cent,
half up; r4() = to four decimals)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.payroll.inputs import Employee, Employer
from effectif.rules.payroll.results import Payslip
from effectif.rules.payroll.tests.builders import D, line, payslip


def _rates(result: Payslip, *codes: str) -> tuple[Decimal | None, ...]:
    return tuple(line(result, code).employer_rate for code in codes)


def test_january_2025_at_the_smic() -> None:
    """1 801,80 € with 5 employees. Health 7 % and family 3,45 %: pay ≤ r(2.25 × 1801.80) =
    4 054.05 and ≤ r(3.3 × 1801.80) = 5 945.94 (CSS D241-3-2). Unemployment 4,05 % until April.
    Fillon: 1.6 × SMIC / pay − 1 = 0.6, C = T / 0.6 × 0.6 = T = 0.3194 (< 50 employees),
    reduction r(1801.80 × 0.3194) = 575.49. Net taxable 1801.80 − (124.32 + 7.21 + 56.76 +
    15.50) − r(1770.27 × 6.8 %) = 1 477.63 < 1 591 (grid in force until April 2025): PAS 0."""
    result = payslip(
        date(2025, 1, 1),
        Employer(headcount=5, at_rate=D("0.01")),
        Employee(base_salary_amount=D("1801.80")),
    )
    assert _rates(result, "maladie", "allocations_familiales", "chomage") == (
        D("0.07"),
        D("0.0345"),
        D("0.0405"),
    )
    assert line(result, "vieillesse_deplafonnee").employer_rate == D("0.0202")
    assert result.general_reduction_coefficient == D("0.3194")
    assert result.general_reduction_amount == D("575.49")
    assert result.net_taxable_amount == D("1477.63")
    assert result.withholding.amount == D("0.00")


def test_june_2025_fillon_between_one_and_one_point_six_smic() -> None:
    """2 500 € with 60 employees (T = 0.3234): C = r4(0.3234 × (1.6 × 1801.80 − 2500) /
    (0.6 × 2500)) = 0.0825, reduction 206.25; unemployment 4,00 % since 1 May 2025."""
    result = payslip(
        date(2025, 6, 1),
        Employer(headcount=60, at_rate=D("0.01")),
        Employee(base_salary_amount=D("2500.00"), pas_rate=D("0.02")),
    )
    assert result.general_reduction_coefficient == D("0.0825")
    assert result.general_reduction_amount == D("206.25")
    assert _rates(result, "maladie", "allocations_familiales", "chomage") == (
        D("0.07"),
        D("0.0345"),
        D("0.04"),
    )


def test_november_2025_above_the_health_ceiling() -> None:
    """4 500 € > 4 054.05: full 13 % health; ≤ 5 945.94: family still 3,45 %; no Fillon
    reduction above 1.6 SMIC (2 882.88)."""
    result = payslip(
        date(2025, 11, 1),
        Employer(headcount=60, at_rate=D("0.01")),
        Employee(base_salary_amount=D("4500.00"), pas_rate=D("0.02")),
    )
    assert _rates(result, "maladie", "allocations_familiales") == (D("0.13"), D("0.0345"))
    assert result.general_reduction_amount == D("0.00")


def test_neutral_grid_changes_on_1_may_2025() -> None:
    """Net taxable 1960 − (135.24 + 7.84 + 61.74 + 16.86) − r(1925.70 × 6.8 %) = 1 607.37, between
    1 591 and 1 620: 0,5 % on the 2024 grid in April, 0 % on the LF 2025 grid from May."""
    april, may = (
        payslip(
            date(2025, month, 1),
            Employer(headcount=11, at_rate=D("0.01")),
            Employee(base_salary_amount=D("1960.00")),
        )
        for month in (4, 5)
    )
    assert april.net_taxable_amount == D("1607.37")
    assert april.withholding.rate == D("0.005")
    assert may.withholding.rate == D("0")


def test_alsace_moselle_2025() -> None:
    """Local regime: employee health 1,30 % (r(2500 × 1.3 %) = 32.50), taxe d'apprentissage
    0,44 % and no solde."""
    result = payslip(
        date(2025, 9, 1),
        Employer(headcount=30, at_rate=D("0.015"), alsace_moselle=True),
        Employee(base_salary_amount=D("2500.00"), pas_rate=D("0")),
    )
    assert line(result, "maladie_alsace_moselle").employee_amount == D("32.50")
    assert line(result, "taxe_apprentissage").employer_rate == D("0.0044")
    assert result.line("taxe_apprentissage_solde") is None

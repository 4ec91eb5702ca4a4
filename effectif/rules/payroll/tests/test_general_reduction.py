"""Réduction générale: progressive regularisation over the year, the SMIC of 2026, the shape of
the coefficient, and the batch path's coefficient against the Decimal one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from effectif.rules.parameters.general_reduction import FillonFormula, RgduFormula
from effectif.rules.payroll.batch import Population, compute_batch
from effectif.rules.payroll.batch.reduction import COEFFICIENT_SCALE, coefficients
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.general_reduction import coefficient, maximum_coefficient
from effectif.rules.payroll.inputs import (
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    YearToDate,
)
from effectif.rules.payroll.month_parameters import month_parameters
from effectif.rules.payroll.tests.builders import D, payslip
from effectif.rules.payroll.tests.test_batch import one_by_one_figures

RGDU = month_parameters(date(2026, 1, 1)).reduction_formula
FILLON = month_parameters(date(2025, 1, 1)).reduction_formula


def _year(*pays: str) -> list[tuple[Decimal, Decimal, YearToDate]]:
    """Coefficient, month's amount and year-to-date of consecutive months of 2026 from January."""
    ytd, months = YearToDate(), []
    for index, pay in enumerate(pays):
        result = payslip(
            date(2026, index + 1, 1),
            Employer(headcount=5, at_rate=D("0.01")),
            Employee(base_salary_amount=D(pay), pas_rate=D("0")),
            year_to_date=ytd,
        )
        ytd = result.year_to_date
        months.append((result.general_reduction_coefficient, result.general_reduction_amount, ytd))
    return months


def test_regularisation_across_a_rise() -> None:
    """Two months at the SMIC (725.75 each: r(1823.03 × 0.3981); after February r(3646.06 ×
    0.3981) = 1 451.50 in total), then 4 000 € in March. Year to date: pay 7 646.06, SMIC
    3 × 1823.03 = 5 469.09, ratio (16407.27 − 7646.06) / 15292.12 = 0.572923, C = 0.1627, total
    r(7646.06 × 0.1627) = 1 244.01, so March gives back 1244.01 − 1451.50 = −207.49."""
    january, february, march = _year("1823.03", "1823.03", "4000.00")
    assert january[:2] == february[:2] == (D("0.3981"), D("725.75"))
    assert march[0] == D("0.1627")
    assert march[1] == D("-207.49")
    assert march[2].reduction_pay_amount == D("7646.06")
    assert march[2].reduction_smic_amount == D("5469.09")
    assert march[2].reduction_amount == D("1244.01")


def test_regularisation_beyond_three_smic_cancels_the_year() -> None:
    """January at the SMIC, February at 10 000 €: 11 823.03 ≥ 3 × 3 646.06 = 10 938.18, the
    coefficient is nil for the year and February takes back January's 725.75."""
    _, february = _year("1823.03", "10000.00")
    assert february[:2] == (D("0"), D("-725.75"))


def test_june_2026_keeps_the_smic_of_january() -> None:
    """Décret n° 2026-509: the 2026 reduction uses the SMIC of 1 January (12,02 €) all year. Paid
    the new SMIC of June (1 867,02 €), ratio (3 × 1823.03 − 1867.02) / (2 × 1867.02) = 0.964658,
    C = 0.3750 — not the maximum 0.3981 the current SMIC would give —, reduction r(1867.02 ×
    0.3750) = 700.13."""
    result = payslip(
        date(2026, 6, 1),
        Employer(headcount=5, at_rate=D("0.01")),
        Employee(base_salary_amount=D("1867.02")),
    )
    assert result.year_to_date.reduction_smic_amount == D("1823.03")
    assert result.general_reduction_coefficient == D("0.3750")
    assert result.general_reduction_amount == D("700.13")


smics = st.integers(50_000, 2_500_000).map(lambda cents: Decimal(cents).scaleb(-2))


@given(smic=smics, large=st.booleans(), excess=st.integers(0, 10**7))
def test_rgdu_is_greatest_at_the_smic_and_nil_from_three_smic(
    smic: Decimal, large: bool, excess: int
) -> None:
    top = maximum_coefficient(RGDU, large)
    assert coefficient(RGDU, large, smic, smic) == top
    above = 3 * smic + Decimal(excess).scaleb(-2)
    assert coefficient(RGDU, large, above, smic) == 0


@given(smic=smics, large=st.booleans(), a=st.integers(0, 10**6), b=st.integers(0, 10**6))
def test_rgdu_decreases_with_pay(smic: Decimal, large: bool, a: int, b: int) -> None:
    low, high = sorted((smic + Decimal(a).scaleb(-2), smic + Decimal(b).scaleb(-2)))
    assert coefficient(RGDU, large, low, smic) >= coefficient(RGDU, large, high, smic)


@settings(max_examples=300)
@given(
    formula=st.sampled_from([RGDU, FILLON]),
    smic=st.integers(50_000, 2_500_000),
    ratio=st.floats(0.5, 3.2),
    large=st.booleans(),
)
def test_batch_coefficient_equals_the_decimal_one(
    formula: FillonFormula | RgduFormula, smic: int, ratio: float, large: bool
) -> None:
    pay = int(smic * ratio)
    vector = coefficients(formula, np.array([large]), np.array([pay]), np.array([smic]))
    exact = coefficient(
        formula,
        large,
        Decimal(pay).scaleb(-2),
        Decimal(smic).scaleb(-2),
    )
    assert Decimal(int(vector[0])) / COEFFICIENT_SCALE == exact


def test_batch_coefficient_near_rounding_boundaries() -> None:
    """Scan every pay between 1 and 3 SMIC for twelve year-to-date SMIC totals: the pays whose
    float coefficient lies within 10⁻⁶ of a rounding boundary go to the Decimal function, and the
    result equals it there and on a random sample."""
    rng = np.random.default_rng(7)
    checked = 0
    for months in range(1, 13):
        smic = 182_303 * months
        pays = np.arange(smic, 3 * smic, dtype=np.int64)
        large = np.zeros(pays.shape, dtype=np.bool_)
        result = coefficients(RGDU, large, pays, np.full(pays.shape, smic, dtype=np.int64))
        ratio = (3.0 * smic - pays) / (2.0 * pays)
        scaled = (0.02 + 0.3781 * ratio**1.75) * COEFFICIENT_SCALE
        near = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-5)
        sample = rng.choice(pays.size, 200, replace=False)
        for index in np.concatenate([near, sample]):
            exact = coefficient(
                RGDU, False, Decimal(int(pays[index])).scaleb(-2), Decimal(smic).scaleb(-2)
            )
            assert Decimal(int(result[index])) / COEFFICIENT_SCALE == exact
            checked += 1
    assert checked > 12 * 200


def test_the_lines_show_the_rate_they_apply() -> None:
    """2 500 € in January 2026, under 50 employees: C = 0.1719 (ratio (5469.09 − 2500) / 5000),
    reduction r(2500 × 0.1719) = 429.75, of which r(429.75 × 6.01 / 39.81) = 64.88 on AGIRC-ARRCO
    and 364.87 on URSSAF contributions. Each line shows as its rate its amount over its base:
    364.87 / 2500 = 14.5948 % and 64.88 / 2500 = 2.5952 % (together the coefficient), not the
    whole coefficient on the URSSAF part nor the 6,01 % pension share of T."""
    result = payslip(
        date(2026, 1, 1),
        Employer(headcount=5, at_rate=D("0.01")),
        Employee(base_salary_amount=D("2500.00"), pas_rate=D("0")),
    )
    urssaf = result.line("reduction_generale")
    pension = result.line("reduction_generale_retraite")
    assert urssaf is not None
    assert pension is not None
    assert result.general_reduction_coefficient == D("0.1719")
    assert (urssaf.employer_base_amount, urssaf.employer_rate, urssaf.employer_amount) == (
        D("2500.00"),
        D("0.145948"),
        D("-364.87"),
    )
    assert (pension.employer_base_amount, pension.employer_rate, pension.employer_amount) == (
        D("2500.00"),
        D("0.025952"),
        D("-64.88"),
    )
    assert urssaf.employer_rate + pension.employer_rate == result.general_reduction_coefficient


def test_a_regularisation_month_shows_the_rate_it_gives_back() -> None:
    """March of the rise above (4 000 €, 207.49 € given back): the lines' rates are their amounts
    over 4 000 €, negative, and still add up to the month's amount."""
    result = payslip(
        date(2026, 3, 1),
        Employer(headcount=5, at_rate=D("0.01")),
        Employee(base_salary_amount=D("4000.00"), pas_rate=D("0")),
        year_to_date=YearToDate(
            reduction_pay_amount=D("3646.06"),
            reduction_smic_amount=D("3646.06"),
            reduction_amount=D("1451.50"),
        ),
    )
    assert result.general_reduction_amount == D("-207.49")
    for code in ("reduction_generale", "reduction_generale_retraite"):
        line = result.line(code)
        assert line is not None
        assert line.employer_rate is not None
        assert line.employer_rate < 0
        assert abs(line.employer_rate * D("4000.00") + line.employer_amount) <= D("0.005")


def test_a_pay_of_exactly_three_monthly_smic_is_still_reduced() -> None:
    """BOSS, Allègements généraux, § 720: the SMIC of the formula is hourly × 35 × 52 / 12 =
    12.02 × 1820 / 12 = 1 823,0333… €, not the rounded 1 823,03 €. A pay of 3 × 1 823,03 =
    5 469,09 € is below 3 × 1 823,0333… = 5 469,10 €: ratio (5469.10 − 5469.09) / 10938.18
    ≈ 10⁻⁶, C = r4(0.02 + 0.3781 × ratio^1.75) = 0.0200, reduction r(5469.09 × 0.02) = 109.38.
    Exactly three unrounded SMIC (5 469,10 €) is not reduced. Every month of the year stays
    reduced (December: 3 × (11 × 1823.03 + 1823.0333…) = 65 629,09 > 12 × 5469.09), and the
    year-to-date SMIC carried from month to month stays in cents (12 × 1823.03)."""
    exactly_three, above = _year("5469.09"), _year("5469.10")
    assert exactly_three[0][:2] == (D("0.0200"), D("109.38"))
    assert exactly_three[0][2].reduction_smic_amount == D("1823.03")
    assert above[0][:2] == (D("0"), D("0"))
    year = _year(*["5469.09"] * 12)
    assert all(coefficient == D("0.0200") and amount > 0 for coefficient, amount, _ in year)
    assert year[-1][2].reduction_smic_amount == D("21876.36")
    assert year[-1][2].reduction_amount == D("1312.58")


def test_the_unrounded_smic_in_the_batch_path() -> None:
    """The batch path keeps the same unrounded SMIC (ten-thousandths of a euro, truncated) and
    gives the same figures at three SMIC: full time, part time (80 h: 3 × 961.60), a reduced
    forfait (150 days: 1823.0333… × 150 / 218 = 1 254,3807 €), an entry on the 16th and
    overtime."""
    employer = Employer(headcount=5, at_rate=D("0.01"))
    inputs = [
        PayslipInput(date(2026, 2, 1), employer, employee, variables)
        for employee, variables in (
            (Employee(base_salary_amount=D("5469.09")), MonthVariables()),
            (Employee(base_salary_amount=D("2884.79"), monthly_hours=D("80")), MonthVariables()),
            (
                Employee(base_salary_amount=D("3763.14"), forfait_days=150, cadre=True),
                MonthVariables(),
            ),
            (
                Employee(base_salary_amount=D("6000.00"), entry_date=date(2026, 2, 16)),
                MonthVariables(),
            ),
            (
                Employee(base_salary_amount=D("5000.00")),
                MonthVariables(overtime_hours_25=D("10")),
            ),
        )
    ]
    result = compute_batch(Population.from_inputs(inputs))
    for index, payslip_input in enumerate(inputs):
        one = compute_payslip(payslip_input)
        assert result.totals(index) == one_by_one_figures(one), index
    assert compute_payslip(inputs[1]).general_reduction_coefficient == D("0.0200")
    assert compute_payslip(inputs[2]).general_reduction_coefficient > 0

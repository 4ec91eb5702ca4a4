"""The batch path returns, to the cent, the figures of the one-by-one path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effectif.rules.payroll.batch import Population, compute_batch
from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import PayslipInput
from effectif.rules.payroll.results import Payslip
from effectif.rules.payroll.tests.strategies import MONTHS, payslip_inputs


def one_by_one_figures(payslip: Payslip) -> dict[str, Decimal]:
    ytd = payslip.year_to_date
    return {
        "gross": payslip.gross_amount,
        "employee_contributions": payslip.employee_contributions_amount,
        "employer_contributions": payslip.employer_contributions_amount,
        "general_reduction": payslip.general_reduction_amount,
        "general_reduction_coefficient": payslip.general_reduction_coefficient,
        "overtime_employee_reduction": payslip.overtime_employee_reduction_amount,
        "overtime_employer_deduction": payslip.overtime_employer_deduction_amount,
        "exempt_overtime": payslip.exempt_overtime_amount,
        "net_social": payslip.net_social_amount,
        "net_taxable": payslip.net_taxable_amount,
        "net_before_tax": payslip.net_before_tax_amount,
        "withholding_base": payslip.withholding.base_amount,
        "withholding_abatement": payslip.withholding.abatement_amount,
        "withholding_rate": payslip.withholding.rate,
        "withholding": payslip.withholding.amount,
        "net_paid": payslip.net_paid_amount,
        "employer_cost": payslip.employer_cost_amount,
        "ytd_gross": ytd.gross_amount,
        "ytd_taxable": ytd.taxable_amount,
        "ytd_withheld": ytd.withheld_amount,
        "ytd_exempt_overtime": ytd.exempt_overtime_amount,
        "ytd_reduction_pay": ytd.reduction_pay_amount,
        "ytd_reduction_smic": ytd.reduction_smic_amount,
        "ytd_reduction": ytd.reduction_amount,
    }


def one_by_one_lines(payslip: Payslip) -> dict[str, tuple[Decimal, Decimal, Decimal, Decimal]]:
    return {
        line.code: (
            line.employee_base_amount,
            line.employee_amount,
            line.employer_base_amount,
            line.employer_amount,
        )
        for line in payslip.lines
    }


@st.composite
def populations(draw: st.DrawFn) -> tuple[date, list[PayslipInput]]:
    period = draw(st.sampled_from(MONTHS))
    return period, draw(st.lists(payslip_inputs(period), min_size=1, max_size=12))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(populations())
def test_batch_equals_one_by_one_on_random_populations(
    population: tuple[date, list[PayslipInput]],
) -> None:
    _, inputs = population
    result = compute_batch(Population.from_inputs(inputs))
    for index, payslip_input in enumerate(inputs):
        payslip = compute_payslip(payslip_input)
        assert result.totals(index) == one_by_one_figures(payslip), index
        assert result.line_amounts(index) == one_by_one_lines(payslip), index

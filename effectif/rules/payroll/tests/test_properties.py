"""Properties of every payslip, on random inputs of 2025 and 2026 (hypothesis)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import Employee, Employer, PayslipInput
from effectif.rules.payroll.results import Heading
from effectif.rules.payroll.tests.strategies import MONTHS, payslip_inputs

inputs = st.sampled_from(MONTHS).flatmap(payslip_inputs)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(inputs)
def test_net_never_exceeds_gross(payslip_input: PayslipInput) -> None:
    """What the employee gets is gross pay less contributions; only the exempt reimbursements
    (transport, expenses) are added on top of it."""
    result = compute_payslip(payslip_input)
    assert result.net_social_amount <= result.gross_amount
    exempt_reimbursements = (
        payslip_input.variables.expense_allowance_amount
        + payslip_input.employee.transit_pass_amount
    )
    assert result.net_before_tax_amount <= result.gross_amount + exempt_reimbursements
    assert result.net_paid_amount <= result.net_before_tax_amount


@SETTINGS
@given(inputs)
def test_no_contribution_is_negative(payslip_input: PayslipInput) -> None:
    """Only the lines of the « Exonérations » heading reduce contributions."""
    result = compute_payslip(payslip_input)
    for line in result.lines:
        if line.heading is Heading.EXEMPTIONS:
            continue
        assert line.employee_amount >= 0, line
        assert line.employer_amount >= 0, line
    assert result.withholding.amount >= 0
    assert result.employer_contributions_amount + result.general_reduction_amount >= 0


@SETTINGS
@given(inputs)
def test_totals_are_sums_of_lines(payslip_input: PayslipInput) -> None:
    result = compute_payslip(payslip_input)
    assert result.employee_contributions_amount == sum(
        (line.employee_amount for line in result.lines), Decimal(0)
    )
    assert result.employer_contributions_amount == sum(
        (line.employer_amount for line in result.lines), Decimal(0)
    )
    assert result.gross_amount == sum((line.amount for line in result.gross_lines), Decimal(0))
    for line in result.lines:
        for amount in (line.employee_amount, line.employer_amount):
            assert amount == amount.quantize(Decimal("0.01"))


@settings(max_examples=200, deadline=None)
@given(
    month=st.sampled_from([date(2026, m, 1) for m in range(1, 13)]),
    multiple=st.decimals(Decimal("1"), Decimal("5"), places=3),
    headcount=st.integers(1, 500),
)
def test_rgdu_on_payslips_is_greatest_at_the_smic_and_nil_from_three_smic(
    month: date, multiple: Decimal, headcount: int
) -> None:
    """A full-time employee alone in the year: the reduction rate is at its maximum at the
    (January 2026) SMIC and nil from three SMIC."""

    def rate(pay: Decimal) -> Decimal:
        result = compute_payslip(
            PayslipInput(
                month,
                Employer(headcount=headcount, at_rate=Decimal("0.01")),
                Employee(base_salary_amount=pay, pas_rate=Decimal("0")),
            )
        )
        return result.general_reduction_coefficient

    smic = Decimal("1823.03")
    top = Decimal("0.4021") if headcount >= 50 else Decimal("0.3981")
    pay = (smic * multiple).quantize(Decimal("0.01"))
    assert rate(smic) == top
    assert rate(pay) <= top
    if pay >= 3 * smic:
        assert rate(pay) == 0
    else:
        assert rate(pay) > 0

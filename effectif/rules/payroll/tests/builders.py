"""Short constructors for the hand-computed reference cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.payroll.engine import compute_payslip
from effectif.rules.payroll.inputs import (
    Employee,
    Employer,
    MonthVariables,
    PayslipInput,
    YearToDate,
)
from effectif.rules.payroll.results import ContributionLine, Payslip

D = Decimal


def payslip(
    period: date,
    employer: Employer,
    employee: Employee,
    variables: MonthVariables | None = None,
    year_to_date: YearToDate | None = None,
) -> Payslip:
    return compute_payslip(
        PayslipInput(
            period, employer, employee, variables or MonthVariables(), year_to_date or YearToDate()
        )
    )


def line(result: Payslip, code: str) -> ContributionLine:
    found = result.line(code)
    assert found is not None, f"no line {code}"
    return found


def gross_line(result: Payslip, code: str) -> Decimal:
    return next(item.amount for item in result.gross_lines if item.code == code)

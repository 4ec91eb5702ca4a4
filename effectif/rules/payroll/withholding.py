"""Prélèvement à la source (CGI art. 204 A, 204 H): personalised rate, or the neutral grid of
the month with the short-contract abatement."""

from __future__ import annotations

import bisect
import calendar
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.withholding import NeutralGrid
from effectif.rules.payroll.amounts import apply_rate
from effectif.rules.payroll.inputs import ContractKind, PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters
from effectif.rules.payroll.results import Withholding

ZERO = Decimal("0")


def neutral_rate(grid: NeutralGrid, base: Decimal) -> Decimal:
    """Rate of the neutral grid for a monthly base."""
    return grid.rates[bisect.bisect_right(grid.thresholds, base)]


def add_months(day: date, months: int) -> date:
    """The same day `months` later (clamped to the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def short_contract(payslip: PayslipInput, params: MonthParameters) -> bool:
    """A fixed-term contract whose initial term is at most two months, date to date, paid
    within that term (CGI 204 H III 2°; BOI-IR-PAS-30-10-20-10)."""
    employee = payslip.employee
    if employee.contract is not ContractKind.FIXED_TERM:
        return False
    if employee.entry_date is None or employee.initial_term_end_date is None:
        return False
    limit = add_months(employee.entry_date, params.short_contract_max_months)
    return employee.initial_term_end_date < limit and payslip.period_date <= (
        employee.initial_term_end_date
    )


def compute_withholding(
    payslip: PayslipInput, params: MonthParameters, net_taxable: Decimal
) -> Withholding:
    """Withholding on the month's net taxable pay."""
    personal = payslip.employee.pas_rate
    if personal is not None:
        base = max(net_taxable, ZERO)
        return Withholding(net_taxable, ZERO, personal, False, apply_rate(base, personal))
    abatement = params.short_contract_abatement if short_contract(payslip, params) else ZERO
    base = max(net_taxable - abatement, ZERO)
    rate = neutral_rate(params.neutral_grid, base)
    return Withholding(net_taxable, abatement, rate, True, apply_rate(base, rate))

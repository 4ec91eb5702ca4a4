"""Réduction générale des cotisations patronales (CSS L241-13, D241-7): the coefficient, and the
month's amount by progressive regularisation over the year (one-by-one path; the batch path
calls `coefficient` for the rare values its floating-point estimate cannot settle)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from effectif.rules.parameters.general_reduction import FillonFormula, RgduFormula
from effectif.rules.payroll.amounts import apply_rate, prorate
from effectif.rules.payroll.bases import reference_smic, unrounded_reference_smic
from effectif.rules.payroll.gross import GrossPay
from effectif.rules.payroll.inputs import PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters

ZERO = Decimal("0")
COEFFICIENT_PLACES = Decimal(
    "0.0001"
)  # D241-7: "arrondi à 4 décimales, au dix-millième le plus proche"
RGDU_HALF = 2  # the ½ of [½ × (3 × SMIC / pay − 1)]


@dataclass(frozen=True, slots=True)
class GeneralReduction:
    """The month's reduction and the year-to-date figures it was computed from."""

    coefficient: Decimal
    amount: Decimal
    pension_amount: Decimal
    pay_to_date: Decimal
    smic_to_date: Decimal
    total_to_date: Decimal


def maximum_coefficient(formula: FillonFormula | RgduFormula, large_employer: bool) -> Decimal:
    """T (2025) or Tmin + Tdelta (2026), for employers below or at/above the FNAL threshold."""
    if isinstance(formula, RgduFormula):
        delta = formula.t_delta_large if large_employer else formula.t_delta_small
        return formula.t_min + delta
    return formula.t_large if large_employer else formula.t_small


def coefficient(
    formula: FillonFormula | RgduFormula, large_employer: bool, pay: Decimal, smic: Decimal
) -> Decimal:
    """The coefficient for a pay and the SMIC of the same period, rounded to four decimals."""
    if pay <= 0 or pay >= formula.smic_multiple * smic:
        return ZERO
    top = maximum_coefficient(formula, large_employer)
    if isinstance(formula, RgduFormula):
        ratio = (formula.smic_multiple * smic - pay) / (RGDU_HALF * pay)
        if ratio >= 1:
            return top
        delta = top - formula.t_min
        value = formula.t_min + delta * ratio**formula.power
    else:
        value = top * (formula.smic_multiple * smic - pay) / ((formula.smic_multiple - 1) * pay)
    return min(value.quantize(COEFFICIENT_PLACES, rounding=ROUND_HALF_UP), top)


def compute_general_reduction(
    payslip: PayslipInput, params: MonthParameters, gross: GrossPay, large_employer: bool
) -> GeneralReduction:
    """The month's reduction: coefficient × pay since January, less the reductions already
    applied (progressive regularisation, CSS D241-7 I and the URSSAF's monthly method).

    The "< 3 SMIC" test and the coefficient use the month's SMIC unrounded (BOSS, Allègements
    généraux, § 720) added to the SMIC of the earlier months as stored; the year-to-date SMIC
    carried to the next month is the month's SMIC rounded to the cent, like every stored amount.
    """
    ytd = payslip.year_to_date
    hourly = params.reduction_smic.hourly
    smic = reference_smic(payslip, params, gross, hourly)
    unrounded = unrounded_reference_smic(payslip, params, gross, hourly)
    pay_to_date = ytd.reduction_pay_amount + gross.gross_amount
    smic_to_date = ytd.reduction_smic_amount + smic
    formula = params.reduction_formula
    value = coefficient(formula, large_employer, pay_to_date, ytd.reduction_smic_amount + unrounded)
    total = apply_rate(pay_to_date, value)
    amount = total - ytd.reduction_amount
    pension = prorate(
        amount, params.reduction_pension_rate, maximum_coefficient(formula, large_employer)
    )
    return GeneralReduction(value, amount, pension, pay_to_date, smic_to_date, total)

"""Réduction générale of a population (batch mirror of `general_reduction.py`).

The RGDU coefficient has a power of 1.75, which no integer arithmetic gives: it is estimated in
float64 and rounded to four decimals; where the estimate lies within 10⁻⁶ of a rounding
boundary (a handful of payslips at most, usually none), the `Decimal` function of the one-by-one
path decides, so both paths always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from effectif.rules.parameters.general_reduction import FillonFormula, RgduFormula
from effectif.rules.payroll.batch.bases import SMIC_SCALE
from effectif.rules.payroll.batch.cents import (
    CENTS,
    Bool,
    Int,
    apply_rate,
    from_cents,
    prorate,
    to_micro,
)
from effectif.rules.payroll.general_reduction import RGDU_HALF, coefficient, maximum_coefficient

COEFFICIENT_SCALE = 10_000
_MARGIN = 1e-6


@dataclass(frozen=True)
class ReductionColumns:
    """The month's reduction per payslip, and the year-to-date figures."""

    coefficient: Int  # in ten-thousandths
    amount: Int
    pension: Int
    pay_to_date: Int
    smic_to_date: Int
    total_to_date: Int


def coefficients(
    formula: FillonFormula | RgduFormula,
    large: Bool,
    pay: Int,
    smic: Int,
    smic_scale: int = CENTS,
) -> Int:
    """Coefficients in ten-thousandths, equal to `general_reduction.coefficient`; `pay` in cents,
    `smic` in units of 1 / `smic_scale` euro (cents by default)."""
    pay_cents = pay
    pay = pay * (smic_scale // CENTS)  # in the SMIC's unit, exactly
    top = np.where(
        large,
        int(maximum_coefficient(formula, True) * COEFFICIENT_SCALE),
        int(maximum_coefficient(formula, False) * COEFFICIENT_SCALE),
    )
    multiple = formula.smic_multiple
    # pay >= multiple × smic, exactly: multiple has at most one decimal
    due = (pay_cents > 0) & (pay * 10 < int(multiple * 10) * smic)
    pay_f = np.where(due, pay, 1).astype(np.float64)
    smic_f = smic.astype(np.float64)
    top_f = top / COEFFICIENT_SCALE
    if isinstance(formula, RgduFormula):
        ratio = (float(multiple) * smic_f - pay_f) / (RGDU_HALF * pay_f)
        capped = (int(multiple * 10) * smic - 10 * pay) >= 10 * RGDU_HALF * pay
        ratio = np.clip(ratio, 0.0, 1.0)
        value = float(formula.t_min) + (top_f - float(formula.t_min)) * ratio ** float(
            formula.power
        )
    else:
        capped = np.zeros(pay.shape, dtype=np.bool_)
        value = top_f * (float(multiple) * smic_f - pay_f) / ((float(multiple) - 1) * pay_f)
    scaled = value * COEFFICIENT_SCALE
    rounded = np.floor(scaled + 0.5).astype(np.int64)
    result = np.where(capped, top, np.minimum(rounded, top))
    unsure = due & ~capped & (np.abs(scaled - np.floor(scaled) - 0.5) < _MARGIN)
    for row in np.flatnonzero(unsure):
        exact = coefficient(
            formula,
            bool(large[row]),
            from_cents(pay_cents[row]),
            Decimal(int(smic[row])) / smic_scale,
        )
        result[row] = int(exact * COEFFICIENT_SCALE)
    return np.where(due, result, 0)


def general_reduction(
    formula: FillonFormula | RgduFormula,
    large: Bool,
    pension_rate: Decimal,
    pay_to_date: Int,
    smic_to_date: Int,
    reduction_to_date: Int,
    unrounded_smic_to_date: Int,
) -> ReductionColumns:
    """Coefficient × pay since January, less the reductions already applied; the coefficient
    uses `unrounded_smic_to_date` (ten-thousandths of a euro), `smic_to_date` (cents) is kept
    for the next month."""
    value = coefficients(formula, large, pay_to_date, unrounded_smic_to_date, SMIC_SCALE)
    total = apply_rate(pay_to_date, value * (1_000_000 // COEFFICIENT_SCALE))
    amount = total - reduction_to_date
    top = np.where(
        large,
        to_micro(maximum_coefficient(formula, True)),
        to_micro(maximum_coefficient(formula, False)),
    )
    pension = prorate(amount, to_micro(pension_rate), top)
    return ReductionColumns(value, amount, pension, pay_to_date, smic_to_date, total)

"""Contribution lines of a population: one row per line code, one column per payslip (batch
mirror of the line computations of `engine.py`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from effectif.rules.payroll.batch.bases import BaseColumns
from effectif.rules.payroll.batch.cents import Bool, Int, apply_rate, prorate, to_cents, to_micro
from effectif.rules.payroll.batch.gross import GrossColumns
from effectif.rules.payroll.batch.payroll_tax import payroll_tax
from effectif.rules.payroll.batch.population import Population
from effectif.rules.payroll.catalogue import (
    LINE_ORDER,
    InputRate,
    Line,
    RateLine,
    Special,
    SpecialLine,
)
from effectif.rules.payroll.engine import PENSION_CODES
from effectif.rules.payroll.month_parameters import MonthParameters


@dataclass(frozen=True)
class LineMatrix:
    """Amounts and bases of every line (rows in `LINE_ORDER`) for every payslip (columns)."""

    employee_amounts: Int
    employer_amounts: Int
    employee_bases: Int
    employer_bases: Int

    def row(self, code: str) -> int:
        return LINE_ORDER.index(code)


@dataclass(frozen=True)
class LineContext:
    """What the line computations read."""

    population: Population
    params: MonthParameters
    gross: GrossColumns
    bases: BaseColumns
    specs: list[dict[str, Line]]
    profile: Int
    reduced_rates_smic: Callable[[], Int]
    general_reduction: Callable[[], tuple[Int, Int, Int]]


def _table(context: LineContext, code: str, value: Callable[[Line], int | bool]) -> Int:
    """A per-profile value of a line, spread to every payslip (0/False where absent)."""
    values = [value(specs[code]) if code in specs else 0 for specs in context.specs]
    return np.asarray(values, dtype=np.int64)[context.profile]


def _micro(rate: object) -> int:
    return to_micro(rate) if isinstance(rate, Decimal) else 0


def compute_lines(context: LineContext) -> LineMatrix:
    """Every line of every payslip."""
    size = len(context.population)
    shape = (len(LINE_ORDER), size)
    matrix = LineMatrix(*(np.zeros(shape, dtype=np.int64) for _ in range(4)))
    for row, code in enumerate(LINE_ORDER):
        present = [specs[code] for specs in context.specs if code in specs]
        if not present:
            continue
        applicable = _table(context, code, lambda _: True).astype(np.bool_)
        if isinstance(present[0], RateLine):
            _rate_row(context, matrix, row, code, present[0], applicable)
        else:
            assert isinstance(present[0], SpecialLine)
            _special_row(context, matrix, row, code, present[0], applicable)
    return matrix


def _rate_row(
    context: LineContext, matrix: LineMatrix, row: int, code: str, spec: RateLine, applicable: Bool
) -> None:
    p, bases = context.population, context.bases

    def employee_rate(line: Line) -> int:
        return _micro(line.employee_rate) if isinstance(line, RateLine) else 0

    def employer_rate(line: Line) -> int:
        return _micro(line.employer_rate) if isinstance(line, RateLine) else 0

    ee_rate = _table(context, code, employee_rate)
    ee_defined = _table(
        context, code, lambda line: getattr(line, "employee_rate", None) is not None
    )
    if spec.employer_input is InputRate.WORK_ACCIDENTS:
        er_rate, er_defined = np.where(applicable, p.at_rate, 0), applicable.astype(np.int64)
    elif spec.employer_input is InputRate.MOBILITY:
        er_rate = np.where(applicable, p.mobility_rate, 0)
        er_defined = applicable.astype(np.int64)
    else:
        er_rate = _table(context, code, employer_rate)
        er_defined = _table(
            context, code, lambda line: getattr(line, "employer_rate", None) is not None
        )
    if spec.reduced is not None:
        reduced_rate, multiple = spec.reduced
        limit = apply_rate(context.reduced_rates_smic(), to_micro(multiple))
        use_reduced = applicable & (context.gross.gross <= limit)
        er_rate = np.where(use_reduced, to_micro(reduced_rate), er_rate)
    ee_base, er_base = bases.employee[spec.base], bases.employer[spec.base]
    ee_on = applicable & (ee_rate != 0) & (ee_base != 0)
    er_on = applicable & (er_rate != 0) & (er_base != 0)
    present = ee_on | er_on
    matrix.employee_amounts[row] = np.where(ee_on, apply_rate(ee_base, ee_rate), 0)
    matrix.employer_amounts[row] = np.where(er_on, apply_rate(er_base, er_rate), 0)
    matrix.employee_bases[row] = np.where(present & (ee_defined != 0), ee_base, 0)
    matrix.employer_bases[row] = np.where(present & (er_defined != 0), er_base, 0)


def _special_row(
    context: LineContext,
    matrix: LineMatrix,
    row: int,
    code: str,
    spec: SpecialLine,
    applicable: Bool,
) -> None:
    p, gross, bases = context.population, context.gross, context.bases
    if spec.kind in (Special.PREVOYANCE, Special.HEALTH_COVER):
        health = spec.kind is Special.HEALTH_COVER
        premium = p.health_premium if health else p.prevoyance_premium
        share = p.health_employer_share if health else p.prevoyance_employer_share
        on = applicable & (premium != 0)
        employer = apply_rate(premium, share)
        matrix.employer_amounts[row] = np.where(on, employer, 0)
        matrix.employee_amounts[row] = np.where(on, premium - employer, 0)
        matrix.employer_bases[row] = matrix.employee_bases[row] = np.where(on, premium, 0)
        return
    if spec.kind is Special.OVERTIME_REDUCTION:
        overtime = gross.overtime + gross.complementary
        subject = gross.gross
        pension_rows = [LINE_ORDER.index(name) for name in PENSION_CODES]
        contributions = matrix.employee_amounts[pension_rows].sum(axis=0)
        on = applicable & (overtime != 0) & (subject != 0)
        assert spec.rate is not None
        amount = np.minimum(
            apply_rate(overtime, to_micro(spec.rate)),
            prorate(overtime, contributions, np.where(subject != 0, subject, 1)),
        )
        amount = np.where(on, amount, 0)
        matrix.employee_amounts[row] = -amount
        matrix.employee_bases[row] = np.where(amount != 0, overtime, 0)
        return
    if spec.kind is Special.FORFAIT_SOCIAL:
        assert spec.rate is not None
        base = bases.protection_employer
        amount = apply_rate(base, to_micro(spec.rate))
    elif spec.kind is Special.PAYROLL_TAX:
        base = gross.gross + bases.protection_employer
        amount = payroll_tax(context.params, base)
    elif spec.kind is Special.OVERTIME_DEDUCTION:
        base = p.overtime_hours_25 + p.overtime_hours_50
        per_hour = _table(context, code, _rate_in_cents)
        # Deducted from the employer's contributions, never beyond them (CSS L241-18): the
        # rows above this one hold them already.
        due = np.maximum(matrix.employer_amounts[:row].sum(axis=0), 0)
        amount = -np.minimum(prorate(base, per_hour, 100), due)
    else:
        month_amount, pension, _ = context.general_reduction()
        base = gross.gross
        own = month_amount - pension if spec.kind is Special.GENERAL_REDUCTION else pension
        amount = -own
    on = applicable & (amount != 0)
    matrix.employer_amounts[row] = np.where(on, amount, 0)
    matrix.employer_bases[row] = np.where(on, base, 0)


def _rate_in_cents(line: Line) -> int:
    """A special line's rate that is an amount (the overtime deduction per hour), in cents."""
    if isinstance(line, SpecialLine) and line.rate is not None:
        return to_cents(line.rate)
    return 0

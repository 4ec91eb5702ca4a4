"""Gross pay of a population (batch mirror of `gross.py`)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import numpy as np

from effectif.rules.payroll.batch.cents import (
    QUANTITY_SCALE,
    Bool,
    Int,
    apply_rate,
    prorate,
    to_cents,
    to_micro,
)
from effectif.rules.payroll.batch.population import ABSENCE_METHODS, Population
from effectif.rules.payroll.inputs import AbsenceMethod
from effectif.rules.payroll.month_parameters import MonthParameters


@dataclass(frozen=True)
class GrossColumns:
    """Gross pay and the parts of it later rules need, per payslip."""

    gross: Int
    paid_base: Int
    overtime: Int
    complementary: Int
    in_kind: Int
    voucher_employee: Int
    voucher_exempt: Int
    transport_exempt: Int
    presence_days: Int
    days_in_month: int


def presence_days(population: Population) -> tuple[Int, int]:
    """Calendar days of employment in the month, and the month's length."""
    period = population.period_date
    days_in_month = calendar.monthrange(period.year, period.month)[1]
    start = np.datetime64(period, "D")
    end = np.datetime64(date(period.year, period.month, days_in_month), "D")
    entry, exit_ = population.entry_date, population.exit_date
    first = np.where(np.isnat(entry), start, np.maximum(entry, start))
    last = np.where(np.isnat(exit_), end, np.minimum(exit_, end))
    return (last - first).astype(np.int64) + 1, days_in_month


def _method(population: Population, method: AbsenceMethod) -> Bool:
    return np.asarray(population.absence_method == ABSENCE_METHODS.index(method))


def compute_gross(population: Population, params: MonthParameters) -> GrossColumns:
    """Gross pay of every payslip, equal to the one-by-one path to the cent."""
    p = population
    base = p.base_salary
    zero = np.zeros(len(p), dtype=np.int64)
    days, days_in_month = presence_days(p)
    partial = days < days_in_month
    paid_base = np.where(partial, prorate(base, days, days_in_month), base)
    by_days = _method(p, AbsenceMethod.WORKING_DAYS)
    actual = _method(p, AbsenceMethod.ACTUAL_HOURS)
    absence = np.where(
        by_days,
        np.where(p.absence_days > 0, prorate(base, p.absence_days, _safe(p.month_working_days)), 0),
        np.where(
            p.absence_hours > 0,
            prorate(
                base,
                p.absence_hours,
                np.where(actual, _safe(p.month_workable_hours), _safe(p.monthly_hours)),
            ),
            0,
        ),
    )
    paid_base = paid_base - absence
    leave = p.paid_leave_days > 0
    maintained = prorate(base, p.paid_leave_days, _safe(p.month_working_days))
    tenth = prorate(
        p.paid_leave_reference_gross, p.paid_leave_days, 10 * _safe(p.paid_leave_acquired_days)
    )
    leave_net = np.where(leave, np.maximum(maintained, tenth) - maintained, 0)
    premiums = params.hour_premiums
    overtime = zero.copy()
    complementary = zero.copy()
    hours = _safe(p.monthly_hours) * QUANTITY_SCALE
    for quantity, premium, is_overtime in (
        (p.overtime_hours_25, premiums.overtime_first, True),
        (p.overtime_hours_50, premiums.overtime_second, True),
        (p.complementary_hours_10, premiums.complementary_first, False),
        (p.complementary_hours_25, premiums.complementary_second, False),
    ):
        factor = to_cents(1 + premium)  # (1 + premium) in hundredths
        amount = np.where(quantity > 0, prorate(base, quantity * factor, hours), 0)
        if is_overtime:
            overtime += amount
        else:
            complementary += amount
    meals = p.meals_provided * to_cents(params.meal_benefit_value)
    voucher_employee, voucher_exempt, voucher_taxable = _meal_vouchers(p, params)
    transport_paid = apply_rate(p.transit_pass, p.transit_employer_share)
    transport_limit = apply_rate(p.transit_pass, to_micro(params.public_transport.exempt_share))
    transport_exempt = np.minimum(transport_paid, transport_limit)
    in_kind = meals + p.housing_benefit + p.vehicle_benefit + voucher_taxable
    gross = (
        paid_base
        + leave_net
        + overtime
        + complementary
        + p.bonus
        + in_kind
        + (transport_paid - transport_exempt)
    )
    return GrossColumns(
        gross=gross,
        paid_base=paid_base,
        overtime=overtime,
        complementary=complementary,
        in_kind=in_kind,
        voucher_employee=voucher_employee,
        voucher_exempt=voucher_exempt,
        transport_exempt=transport_exempt,
        presence_days=days,
        days_in_month=days_in_month,
    )


def _safe(divisor: Int) -> Int:
    """A divisor where 0 (absent, and then unused) is replaced by 1 to avoid dividing by zero."""
    return np.where(divisor > 0, divisor, 1)


def _meal_vouchers(population: Population, params: MonthParameters) -> tuple[Int, Int, Int]:
    p, rules = population, params.meal_vouchers
    total = p.meal_vouchers * p.meal_voucher_face
    employer = apply_rate(total, p.meal_voucher_employer_share)
    share = p.meal_voucher_employer_share
    allowed = (share >= to_micro(rules.min_share)) & (share <= to_micro(rules.max_share))
    cap = p.meal_vouchers * to_cents(rules.exempt_cap)
    exempt = np.where(allowed, np.minimum(employer, cap), 0)
    return total - employer, exempt, employer - exempt

"""Bases of a population's contributions (batch mirror of `bases.py`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from effectif.rules.parameters.apprentices import APPRENTICE_EXEMPTION
from effectif.rules.payroll.bases import MONTHS_PER_YEAR, WEEKS_PER_YEAR
from effectif.rules.payroll.batch.cents import (
    Bool,
    Int,
    apply_rate,
    prorate,
    round_div,
    to_cents,
    to_hundredths,
    to_micro,
)
from effectif.rules.payroll.batch.gross import GrossColumns
from effectif.rules.payroll.batch.population import CONTRACTS, Population
from effectif.rules.payroll.catalogue import Base
from effectif.rules.payroll.inputs import ContractKind
from effectif.rules.payroll.month_parameters import MonthParameters


@dataclass(frozen=True)
class BaseColumns:
    """Every base of the month per payslip, for the employer's and the employee's parts."""

    ceiling: Int
    employer: dict[Base, Int]
    employee: dict[Base, Int]
    protection_employer: Int
    exempt_overtime: Int
    contract_smic: Int


def is_contract(population: Population, kind: ContractKind) -> Bool:
    return np.asarray(population.contract == CONTRACTS.index(kind))


def ceiling(population: Population, params: MonthParameters, gross: GrossColumns) -> Int:
    """The month's ceiling per payslip (CSS R242-2, R242-7)."""
    p = population
    numerator = np.ones(len(p), dtype=np.int64)
    denominator = np.ones(len(p), dtype=np.int64)
    applied = np.zeros(len(p), dtype=np.bool_)
    partial = (gross.presence_days < gross.days_in_month) & (
        gross.presence_days < params.ceiling_proration_days
    )
    numerator = np.where(partial, numerator * gross.presence_days, numerator)
    denominator = np.where(partial, denominator * params.ceiling_proration_days, denominator)
    applied |= partial
    forfait = (p.forfait_days > 0) & (p.forfait_days < params.forfait_full_days)
    numerator = np.where(forfait, numerator * p.forfait_days, numerator)
    denominator = np.where(forfait, denominator * params.forfait_full_days, denominator)
    applied |= forfait
    legal = to_hundredths(params.legal_monthly_hours)
    worked = p.monthly_hours + p.complementary_hours_10 + p.complementary_hours_25
    part_time = (p.forfait_days == 0) & (worked < legal)
    numerator = np.where(part_time, numerator * worked, numerator)
    denominator = np.where(part_time, denominator * legal, denominator)
    applied |= part_time
    pss = to_cents(params.pss)
    return np.where(applied, prorate(pss, numerator, denominator), pss)


def full_time_smic(params: MonthParameters, hourly_cents: int) -> int:
    """Monthly SMIC of the legal full time, in cents."""
    weekly = params.legal_weekly_hours * WEEKS_PER_YEAR
    return int(prorate(hourly_cents, weekly, MONTHS_PER_YEAR))


def contract_smic(population: Population, params: MonthParameters, hourly_cents: int) -> Int:
    """SMIC for the contractual duration, per payslip."""
    p = population
    full = full_time_smic(params, hourly_cents)
    reduced_forfait = (p.forfait_days > 0) & (p.forfait_days < params.forfait_full_days)
    forfait = np.where(
        reduced_forfait, prorate(full, p.forfait_days, params.forfait_full_days), full
    )
    legal = to_hundredths(params.legal_monthly_hours)
    part_time = round_div(p.monthly_hours * hourly_cents, 100)
    hourly = np.where(p.monthly_hours >= legal, full, part_time)
    return np.where(p.forfait_days > 0, forfait, hourly)


def reference_smic(
    population: Population, params: MonthParameters, gross: GrossColumns, hourly_cents: int
) -> Int:
    """SMIC the reductions compare pay with (CSS D241-7 I), per payslip."""
    p = population
    smic = contract_smic(p, params, hourly_cents)
    corrected = (p.base_salary != 0) & (gross.paid_base != p.base_salary)
    smic = np.where(
        corrected, prorate(smic, gross.paid_base, np.where(corrected, p.base_salary, 1)), smic
    )
    extra = p.overtime_hours_25 + p.overtime_hours_50 + p.complementary_hours_10
    extra = extra + p.complementary_hours_25
    return smic + np.where(extra > 0, round_div(extra * hourly_cents, 100), 0)


#: Units of the réduction générale's unrounded SMIC per euro (`bases.SMIC_PLACES`).
SMIC_SCALE = 10_000


def unrounded_reference_smic(
    population: Population, params: MonthParameters, gross: GrossColumns, hourly_cents: int
) -> Int:
    """`bases.unrounded_reference_smic` per payslip, in ten-thousandths of a euro: every step
    truncated (floor division of non-negative integers) exactly where the Decimal one is."""
    p = population
    hourly = hourly_cents * (SMIC_SCALE // 100)
    weekly = int(params.legal_weekly_hours) * WEEKS_PER_YEAR
    full = hourly * weekly // MONTHS_PER_YEAR
    full_days = params.forfait_full_days
    reduced_forfait = (p.forfait_days > 0) & (p.forfait_days < full_days)
    forfait = np.where(
        reduced_forfait, hourly * weekly * p.forfait_days // (MONTHS_PER_YEAR * full_days), full
    )
    legal = to_hundredths(params.legal_monthly_hours)
    # hundredths of an hour × cents = ten-thousandths of a euro, exactly
    hours = np.where(p.monthly_hours >= legal, full, p.monthly_hours * hourly_cents)
    smic = np.where(p.forfait_days > 0, forfait, hours)
    corrected = (p.base_salary != 0) & (gross.paid_base != p.base_salary)
    smic = np.where(
        corrected, smic * gross.paid_base // np.where(corrected, p.base_salary, 1), smic
    )
    extra = p.overtime_hours_25 + p.overtime_hours_50 + p.complementary_hours_10
    extra = extra + p.complementary_hours_25
    return np.asarray(smic + extra * hourly_cents, dtype=np.int64)


def tranches(pay: Int, ceiling_cents: Int, params: MonthParameters) -> dict[Base, Int]:
    above = np.maximum(pay - ceiling_cents, 0)
    return {
        Base.SUBJECT: pay,
        Base.TRANCHE_1: np.minimum(pay, ceiling_cents),
        Base.TRANCHE_2: np.minimum(above, (params.tranche_2_multiple - 1) * ceiling_cents),
        Base.UNEMPLOYMENT: np.minimum(pay, params.unemployment_multiple * ceiling_cents),
        Base.APEC: np.minimum(pay, params.apec_multiple * ceiling_cents),
        Base.CET: np.where(
            above > 0, np.minimum(pay, params.tranche_2_multiple * ceiling_cents), 0
        ),
    }


def csg_gross_base(pay: Int, ceiling_cents: Int, params: MonthParameters) -> Int:
    share, limit = params.csg_base
    abated = np.minimum(pay, limit * ceiling_cents)
    return apply_rate(abated, to_micro(share)) + (pay - abated)


def apprentice_exemption(population: Population, apprentice: Bool) -> tuple[Int, Bool]:
    """Exempt SMIC share (millionths) and full CSG exemption of each apprentice's contract,
    by the contract's conclusion date (entry date, or the pay month when unknown)."""
    p = population
    concluded = np.where(np.isnat(p.entry_date), np.datetime64(p.period_date, "D"), p.entry_date)
    values = APPRENTICE_EXEMPTION.values
    starts = np.asarray([np.datetime64(v.start, "D") for v in values])
    index = np.searchsorted(starts, concluded, side="right") - 1
    if np.any(apprentice & (index < 0)):
        raise ValueError("an apprentice contract predates the apprentices' parameters")
    index = np.where(apprentice, index, 0)
    shares = np.asarray([to_micro(v.value.smic_share) for v in values], dtype=np.int64)
    fully = np.asarray([v.value.csg_fully_exempt for v in values], dtype=np.bool_)
    return shares[index], fully[index]


def protection_employer(population: Population, params: MonthParameters, tranche_1: Int) -> Int:
    p = population
    amount = apply_rate(p.health_premium, p.health_employer_share)
    amount = amount + apply_rate(p.prevoyance_premium, p.prevoyance_employer_share)
    cadre = apply_rate(tranche_1, to_micro(params.cadre_prevoyance_rate))
    return amount + np.where(p.cadre, cadre, 0)


def compute_bases(
    population: Population, params: MonthParameters, gross: GrossColumns
) -> BaseColumns:
    """All bases of every payslip."""
    p = population
    ceiling_cents = ceiling(p, params, gross)
    subject = gross.gross
    employer = tranches(subject, ceiling_cents, params)
    smic = contract_smic(p, params, to_cents(params.smic_hourly))
    apprentice = is_contract(p, ContractKind.APPRENTICESHIP)
    share, fully_exempt = apprentice_exemption(p, apprentice)
    employee_pay = np.where(apprentice, np.maximum(subject - apply_rate(smic, share), 0), subject)
    employee = tranches(employee_pay, ceiling_cents, params)
    protection = protection_employer(p, params, employer[Base.TRANCHE_1])
    no_csg = apprentice & (fully_exempt | (employee_pay == 0))
    csg_total = np.where(
        no_csg, 0, csg_gross_base(employee_pay, ceiling_cents, params) + protection
    )
    remaining = np.maximum(to_cents(params.overtime_tax_cap) - p.ytd_exempt_overtime, 0)
    exempt_overtime = np.minimum(gross.overtime + gross.complementary, remaining)
    csg_overtime = np.minimum(apply_rate(exempt_overtime, to_micro(params.csg_base[0])), csg_total)
    for side in (employer, employee):
        side[Base.CSG_TAXABLE] = csg_total - csg_overtime
        side[Base.CSG_OVERTIME] = csg_overtime
    return BaseColumns(
        ceiling=ceiling_cents,
        employer=employer,
        employee=employee,
        protection_employer=protection,
        exempt_overtime=exempt_overtime,
        contract_smic=smic,
    )

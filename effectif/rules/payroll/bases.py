"""Bases of the contributions: the prorated social security ceiling, tranches, the CSG base,
the SMIC the reductions compare pay with, and the apprentices' exempt share (one-by-one path)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from effectif.rules.parameters.apprentices import APPRENTICE_EXEMPTION, ApprenticeExemption
from effectif.rules.payroll.amounts import apply_rate, prorate
from effectif.rules.payroll.catalogue import Base
from effectif.rules.payroll.gross import GrossPay, presence
from effectif.rules.payroll.inputs import ContractKind, PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters

ZERO = Decimal("0")
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
SMIC_PLACES = Decimal("0.0001")  # the réduction générale's SMIC, kept below the cent


@dataclass(frozen=True, slots=True)
class Bases:
    """Every base of the month, for the employer's and for the employee's parts."""

    ceiling_amount: Decimal
    employer: dict[Base, Decimal]
    employee: dict[Base, Decimal]
    protection_employer_amount: Decimal
    exempt_overtime_amount: Decimal
    contract_smic_amount: Decimal


def ceiling(payslip: PayslipInput, params: MonthParameters) -> Decimal:
    """The month's social security ceiling: prorated by calendar days / 30 when employment does
    not cover the month (CSS R242-2), by the worked duration for part time and reduced forfaits
    (R242-7, L242-8), complementary hours included."""
    numerator, denominator = _ceiling_ratio(payslip, params)
    if numerator == denominator:
        return params.pss
    return prorate(params.pss, numerator, denominator)


def _ceiling_ratio(payslip: PayslipInput, params: MonthParameters) -> tuple[Decimal, Decimal]:
    numerator = denominator = Decimal(1)
    days, days_in_month = presence(payslip)
    if days < days_in_month and days < params.ceiling_proration_days:
        numerator *= days
        denominator *= params.ceiling_proration_days
    employee, variables = payslip.employee, payslip.variables
    if employee.forfait_days is not None:
        if employee.forfait_days < params.forfait_full_days:
            numerator *= employee.forfait_days
            denominator *= params.forfait_full_days
    else:
        worked = (
            employee.monthly_hours
            + variables.complementary_hours_10
            + variables.complementary_hours_25
        )
        if worked < params.legal_monthly_hours:
            numerator *= worked
            denominator *= params.legal_monthly_hours
    return numerator, denominator


def full_time_smic(params: MonthParameters, hourly: Decimal) -> Decimal:
    """Monthly SMIC of the legal full time: hourly × 35 × 52 / 12 (D3231-6)."""
    return prorate(hourly, params.legal_weekly_hours * WEEKS_PER_YEAR, MONTHS_PER_YEAR)


def contract_smic(payslip: PayslipInput, params: MonthParameters, hourly: Decimal) -> Decimal:
    """SMIC for the contractual duration: full time, part-time hours or a reduced forfait."""
    employee = payslip.employee
    full = full_time_smic(params, hourly)
    if employee.forfait_days is not None:
        if employee.forfait_days < params.forfait_full_days:
            return prorate(full, employee.forfait_days, params.forfait_full_days)
        return full
    if employee.monthly_hours >= params.legal_monthly_hours:
        return full
    return apply_rate(employee.monthly_hours, hourly)


def reference_smic(
    payslip: PayslipInput, params: MonthParameters, gross: GrossPay, hourly: Decimal
) -> Decimal:
    """SMIC the month's pay is compared with by the réduction générale and the 2025 reduced
    rates (CSS D241-7 I): contractual SMIC, corrected by the share of the base salary paid
    (entry, exit, unpaid absence; during a sick leave, the employer's maintenance subject to
    contributions counts as paid), plus the overtime and complementary hours at the SMIC."""
    smic = contract_smic(payslip, params, hourly)
    base = payslip.employee.base_salary_amount
    paid = gross.paid_base_amount + gross.sick_pay_amount
    if base and paid != base:
        smic = prorate(smic, paid, base)
    extra = _extra_hours(payslip)
    if extra:
        smic += apply_rate(extra, hourly)
    return smic


def _extra_hours(payslip: PayslipInput) -> Decimal:
    """Overtime and complementary hours, added to the SMIC at the hourly SMIC (D241-7 I)."""
    variables = payslip.variables
    return (
        variables.overtime_hours_25
        + variables.overtime_hours_50
        + variables.complementary_hours_10
        + variables.complementary_hours_25
    )


def unrounded_reference_smic(
    payslip: PayslipInput, params: MonthParameters, gross: GrossPay, hourly: Decimal
) -> Decimal:
    """The month's SMIC of the réduction générale's "< 3 SMIC" test and coefficient, computed
    like `reference_smic` but not rounded to the cent (BOSS, Allègements généraux, § 720: the
    yearly SMIC is 1 820 × the hourly SMIC, or twelve fractions of hourly × 35 × 52 / 12):
    1 823,0333 € a month at 12,02 €, not 1 823,03 €, so that a pay of 3 × 1 823,03 € is still
    below three SMIC. Each step is kept to the ten-thousandth of a euro, truncated, so the value
    is never above the exact one (the batch path computes the same in integers)."""
    employee = payslip.employee
    weekly = params.legal_weekly_hours * WEEKS_PER_YEAR
    if employee.forfait_days is not None and employee.forfait_days < params.forfait_full_days:
        smic = _truncate(
            hourly * weekly * employee.forfait_days / (MONTHS_PER_YEAR * params.forfait_full_days)
        )
    elif employee.forfait_days is not None or employee.monthly_hours >= params.legal_monthly_hours:
        smic = _truncate(hourly * weekly / MONTHS_PER_YEAR)
    else:
        smic = employee.monthly_hours * hourly
    base = employee.base_salary_amount
    paid = gross.paid_base_amount + gross.sick_pay_amount
    if base and paid != base:
        smic = _truncate(smic * paid / base)
    return smic + _extra_hours(payslip) * hourly


def _truncate(value: Decimal) -> Decimal:
    return value.quantize(SMIC_PLACES, rounding=ROUND_DOWN)


def apprentice_exemption(payslip: PayslipInput) -> ApprenticeExemption | None:
    """The exemption of an apprentice's contract, by its conclusion date (entry date)."""
    if payslip.employee.contract is not ContractKind.APPRENTICESHIP:
        return None
    concluded = payslip.employee.entry_date or payslip.period_date
    return APPRENTICE_EXEMPTION.at(concluded)


def tranches(pay: Decimal, ceiling_amount: Decimal, params: MonthParameters) -> dict[Base, Decimal]:
    """Bases derived from a pay and the month's ceiling."""
    above = max(pay - ceiling_amount, ZERO)
    return {
        Base.SUBJECT: pay,
        Base.TRANCHE_1: min(pay, ceiling_amount),
        Base.TRANCHE_2: min(above, (params.tranche_2_multiple - 1) * ceiling_amount),
        Base.UNEMPLOYMENT: min(pay, params.unemployment_multiple * ceiling_amount),
        Base.APEC: min(pay, params.apec_multiple * ceiling_amount),
        Base.CET: min(pay, params.tranche_2_multiple * ceiling_amount) if above else ZERO,
    }


def csg_gross_base(pay: Decimal, ceiling_amount: Decimal, params: MonthParameters) -> Decimal:
    """98,25 % of pay up to four ceilings, all of it above (CSS L136-1-2 I)."""
    share, limit = params.csg_base
    abated = min(pay, limit * ceiling_amount)
    return apply_rate(abated, share) + (pay - abated)


def compute_bases(payslip: PayslipInput, params: MonthParameters, gross: GrossPay) -> Bases:
    """All bases of the payslip."""
    ceiling_amount = ceiling(payslip, params)
    subject = gross.gross_amount
    employer = tranches(subject, ceiling_amount, params)
    smic = contract_smic(payslip, params, params.smic_hourly)
    exemption = apprentice_exemption(payslip)
    employee_pay = subject
    if exemption is not None:
        employee_pay = max(subject - apply_rate(smic, exemption.smic_share), ZERO)
    employee = tranches(employee_pay, ceiling_amount, params)
    protection = protection_employer_amount(payslip, params, employer[Base.TRANCHE_1])
    if exemption is not None and (exemption.csg_fully_exempt or not employee_pay):
        csg_total = ZERO
    else:
        csg_total = csg_gross_base(employee_pay, ceiling_amount, params) + protection
    remaining_cap = max(params.overtime_tax_cap - payslip.year_to_date.exempt_overtime_amount, ZERO)
    exempt_overtime = min(gross.overtime_amount + gross.complementary_amount, remaining_cap)
    csg_overtime = min(apply_rate(exempt_overtime, params.csg_base[0]), csg_total)
    for side in (employer, employee):
        side[Base.CSG_TAXABLE] = csg_total - csg_overtime
        side[Base.CSG_OVERTIME] = csg_overtime
    return Bases(
        ceiling_amount=ceiling_amount,
        employer=employer,
        employee=employee,
        protection_employer_amount=protection,
        exempt_overtime_amount=exempt_overtime,
        contract_smic_amount=smic,
    )


def protection_employer_amount(
    payslip: PayslipInput, params: MonthParameters, tranche_1: Decimal
) -> Decimal:
    """Employer's contributions to complementary health and prévoyance, cadres' 1,50 % included:
    part of the CSG base (L136-1-1 II 4°) and of the forfait social base."""
    employee = payslip.employee
    amount = apply_rate(employee.health_premium_amount, employee.health_employer_share)
    amount += apply_rate(employee.prevoyance_premium_amount, employee.prevoyance_employer_share)
    if employee.cadre:
        amount += apply_rate(tranche_1, params.cadre_prevoyance_rate)
    return amount

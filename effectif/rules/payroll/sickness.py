"""Sick leave and work accidents in the pay month: the IJSS (CSS R323-1 to R323-5 for an
illness, L433-1, L433-2, R433-1 to R433-4 for a work accident or occupational disease) and the
employer's legal maintenance (C. trav. L1226-1, D1226-1 to D1226-5), net of the IJSS.

Pure rules: the facts of a stop (`inputs.SickLeave`), the pay month and the pay the stop takes
from the month give the days, the benefits and the maintenance complement (`SickLeavePay`).
The IJSS rules are those in force on the stop's first day; the CSG/CRDS on the IJSS those of
the pay month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from effectif.rules.parameters.sickness import (
    BENEFIT_LEVIES,
    LEGAL_MAINTENANCE,
    SICKNESS_BENEFIT,
    WORK_ACCIDENT_BENEFIT,
    BenefitLevies,
    LegalMaintenance,
)
from effectif.rules.parameters.smic import SMIC_MONTHLY_FULL_TIME
from effectif.rules.parameters.social_security_ceiling import PSS_MONTHLY
from effectif.rules.payroll.amounts import apply_rate, prorate
from effectif.rules.payroll.inputs import SickLeave
from effectif.rules.payroll.results import AfterNetLine

ZERO = Decimal("0")
MONTHS_PER_YEAR = 12


@dataclass(frozen=True, slots=True)
class SickLeavePay:
    """What one stop gives in the pay month.

    `days` are the stop's calendar days in the month; `benefit_waiting_days` and
    `employer_waiting_days` those of them in the IJSS's and the employer's waiting periods.
    `daily_benefits` are the daily IJ (for a work accident: up to day 28, then from day 29),
    `benefit_days` the days paid at each, `benefit_amount` their total (gross).
    `maintained_days` are the days maintained at the first and at the second share;
    `maintained_gross_amount` is that share of the pay the employee would have earned those
    days, `benefit_maintained_amount` the IJSS of the same days and `complement_amount` the
    employer's complement (the difference, never negative).
    """

    days: int
    benefit_waiting_days: int
    employer_waiting_days: int
    daily_benefits: tuple[Decimal, Decimal]
    benefit_days: tuple[int, int]
    benefit_amount: Decimal
    maintained_days: tuple[int, int]
    maintained_gross_amount: Decimal
    benefit_maintained_amount: Decimal
    complement_amount: Decimal


@dataclass(frozen=True, slots=True)
class BenefitDeductions:
    """CSG and CRDS withheld on gross IJSS, and the part of them that is taxable income."""

    csg_deductible_amount: Decimal
    csg_non_deductible_amount: Decimal
    crds_amount: Decimal
    taxable_amount: Decimal

    @property
    def total_amount(self) -> Decimal:
        return self.csg_deductible_amount + self.csg_non_deductible_amount + self.crds_amount


def month_days(period_date: date) -> tuple[date, date]:
    """First and last day of the pay month."""
    last = calendar.monthrange(period_date.year, period_date.month)[1]
    return period_date.replace(day=1), period_date.replace(day=last)


def days_in_month(leave: SickLeave, period_date: date) -> tuple[date, date] | None:
    """The stop's first and last day within the month, or None when it misses the month."""
    first, last = month_days(period_date)
    start, end = max(leave.start_date, first), min(leave.end_date, last)
    return (start, end) if start <= end else None


def sickness_daily_benefit(reference_gross_amounts: tuple[Decimal, ...], start: date) -> Decimal:
    """Daily IJ of an illness: half of 1/91,25 of the three months' gross, each month limited to
    1,4 SMIC (1,8 for a stop begun before 1 April 2025) in force on the last day of the month
    before the stop (CSS R323-4, R323-5; décret n° 2025-160)."""
    rules = SICKNESS_BENEFIT.at(start)
    smic = SMIC_MONTHLY_FULL_TIME.at(start.replace(day=1) - timedelta(days=1))
    cap = apply_rate(smic, rules.smic_cap_multiple)
    total = sum((min(amount, cap) for amount in reference_gross_amounts), ZERO)
    return apply_rate(total / rules.divisor, rules.rate)


def work_accident_daily_benefits(
    reference_gross_amounts: tuple[Decimal, ...], start: date
) -> tuple[Decimal, Decimal]:
    """Daily IJ of a work accident or occupational disease up to day 28 and from day 29: 60 %
    and 80 % of the previous month's gross / 30,42, the daily wage limited to 0,834 % of the
    annual ceiling, each IJ to the net daily wage, 79 % of it (CSS L433-2, R433-1, R433-4)."""
    rules = WORK_ACCIDENT_BENEFIT.at(start)
    previous = reference_gross_amounts[-1] if reference_gross_amounts else ZERO
    annual_ceiling = PSS_MONTHLY.at(start) * MONTHS_PER_YEAR
    daily_wage = min(previous / rules.divisor, annual_ceiling * rules.pass_cap_share)
    net = apply_rate(daily_wage, rules.net_wage_share)
    return (
        min(apply_rate(daily_wage, rules.first_rate), net),
        min(apply_rate(daily_wage, rules.second_rate), net),
    )


def maintenance_band_days(rules: LegalMaintenance, seniority_years: int) -> int:
    """Days of each band (90 %, then two thirds) for a seniority: none below one year, 30 from
    one year, 10 more per whole 5 years beyond the first, at most 90 (C. trav. D1226-2)."""
    if seniority_years < rules.min_seniority_years:
        return 0
    steps = (seniority_years - rules.min_seniority_years) // rules.step_years
    return min(rules.base_days + steps * rules.step_days, rules.max_days)


def _share(rate: Decimal) -> tuple[int, int]:
    numerator, denominator = rate.as_integer_ratio()
    return numerator, denominator


def compute_sick_leave(leave: SickLeave, period_date: date, pay_of_days: Decimal) -> SickLeavePay:
    """The month's part of `leave`; `pay_of_days` is the pay the stop takes from the month (the
    absence deduction), spread evenly over the stop's calendar days in the month."""
    span = days_in_month(leave, period_date)
    if span is None:
        return SickLeavePay(0, 0, 0, (ZERO, ZERO), (0, 0), ZERO, (0, 0), ZERO, ZERO, ZERO)
    first_day, last_day = span
    start = leave.start_date
    rules = LEGAL_MAINTENANCE.at(start)
    if leave.occupational:
        benefit_waiting = 0
        daily = work_accident_daily_benefits(leave.reference_gross_amounts, start)
        second_rate_from = WORK_ACCIDENT_BENEFIT.at(start).first_days + 1
        employer_waiting = rules.occupational_waiting_days
    else:
        benefit_waiting = SICKNESS_BENEFIT.at(start).waiting_days
        one = sickness_daily_benefit(leave.reference_gross_amounts, start)
        daily = (one, one)
        second_rate_from = 0  # never: one rate for an illness
        employer_waiting = rules.waiting_days
    band = maintenance_band_days(rules, leave.seniority_years)
    count = (last_day - first_day).days + 1
    benefit_days = [0, 0]
    maintained = [0, 0]
    waiting = [0, 0]
    benefit_maintained = ZERO
    for offset in range(count):
        number = (first_day - start).days + offset + 1  # day number within the stop
        benefit_index: int | None = None
        if number <= benefit_waiting:
            waiting[0] += 1
        else:
            benefit_index = 1 if second_rate_from and number >= second_rate_from else 0
            benefit_days[benefit_index] += 1
        if number <= employer_waiting:
            waiting[1] += 1
            continue
        rank = leave.previous_maintained_days + number - employer_waiting
        if rank > 2 * band:
            continue
        maintained[0 if rank <= band else 1] += 1
        if benefit_index is not None:
            benefit_maintained += daily[benefit_index]
    first_share, second_share = rules.first_share, rules.second_share
    if leave.maintenance_rates is not None:
        first_share, second_share = (_share(rate) for rate in leave.maintenance_rates)
    (a, b), (c, d) = first_share, second_share
    weighted = maintained[0] * a * d + maintained[1] * c * b
    maintained_gross = prorate(pay_of_days, weighted, b * d * count)
    benefit = daily[0] * benefit_days[0] + daily[1] * benefit_days[1]
    return SickLeavePay(
        days=count,
        benefit_waiting_days=waiting[0],
        employer_waiting_days=waiting[1],
        daily_benefits=daily,
        benefit_days=(benefit_days[0], benefit_days[1]),
        benefit_amount=benefit,
        maintained_days=(maintained[0], maintained[1]),
        maintained_gross_amount=maintained_gross,
        benefit_maintained_amount=benefit_maintained,
        complement_amount=max(maintained_gross - benefit_maintained, ZERO),
    )


def benefit_deductions(
    benefit_amount: Decimal, occupational: bool, period_date: date
) -> BenefitDeductions:
    """CSG (6,2 %, of which 3,8 % deductible) and CRDS (0,5 %) on the whole of gross IJSS, and
    their taxable part: the IJSS less the deductible CSG, half of it for a work accident (CGI
    art. 80 quinquies, 81 8°)."""
    levies: BenefitLevies = BENEFIT_LEVIES.at(period_date)
    deductible = apply_rate(benefit_amount, levies.csg_deductible_rate)
    taxable = benefit_amount - deductible
    if occupational:
        taxable = apply_rate(taxable, levies.work_accident_taxable_share)
    return BenefitDeductions(
        csg_deductible_amount=deductible,
        csg_non_deductible_amount=apply_rate(benefit_amount, levies.csg_non_deductible_rate),
        crds_amount=apply_rate(benefit_amount, levies.crds_rate),
        taxable_amount=taxable,
    )


def subrogated_benefits(
    leaves: tuple[SickLeave, ...], pays: tuple[SickLeavePay, ...], period_date: date
) -> tuple[tuple[AfterNetLine, ...], Decimal]:
    """The lines after net of the IJSS received by subrogation (gross IJSS, less the CSG and
    CRDS the CPAM withheld on them) and their taxable part, added to the withholding's base."""
    levies = BENEFIT_LEVIES.at(period_date)
    gross = taxable = deductible = non_deductible = crds = ZERO
    days = 0
    for leave, pay in zip(leaves, pays, strict=True):
        if not (leave.subrogation and pay.benefit_amount):
            continue
        deductions = benefit_deductions(pay.benefit_amount, leave.occupational, period_date)
        gross += pay.benefit_amount
        days += sum(pay.benefit_days)
        deductible += deductions.csg_deductible_amount
        non_deductible += deductions.csg_non_deductible_amount
        crds += deductions.crds_amount
        taxable += deductions.taxable_amount
    if not gross:
        return (), ZERO
    lines = (
        AfterNetLine("ijss_subrogees", "IJSS subrogées (brutes)", Decimal(days), None, None, gross),
        AfterNetLine(
            "csg_deductible_ijss",
            "CSG déductible sur IJSS (précomptée par la CPAM)",
            None,
            gross,
            levies.csg_deductible_rate,
            -deductible,
        ),
        AfterNetLine(
            "csg_non_deductible_ijss",
            "CSG non déductible sur IJSS (précomptée par la CPAM)",
            None,
            gross,
            levies.csg_non_deductible_rate,
            -non_deductible,
        ),
        AfterNetLine(
            "crds_ijss",
            "CRDS sur IJSS (précomptée par la CPAM)",
            None,
            gross,
            levies.crds_rate,
            -crds,
        ),
    )
    return lines, taxable

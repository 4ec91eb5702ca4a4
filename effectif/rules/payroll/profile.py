"""The discrete facts that decide which contribution lines apply and at which rates.

Headcount and alternants' share only matter through legal thresholds, so a profile keeps the
floor of their band: two employers between the same thresholds share one profile. The batch path
resolves the lines once per profile instead of once per employee.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal

from effectif.rules.payroll.inputs import ContractKind, PayslipInput
from effectif.rules.payroll.month_parameters import MonthParameters


@dataclass(frozen=True, slots=True)
class Profile:
    """What the line catalogue depends on, besides the month's parameters."""

    headcount: int
    alsace_moselle: bool
    cadre: bool
    contract: ContractKind
    payroll_tax_liable: bool
    non_profit: bool
    work_study_share: Decimal


def headcount_thresholds(params: MonthParameters) -> tuple[int, ...]:
    """Every headcount threshold some rule of the month compares with, in increasing order."""
    cached = params.cache.get("headcount_thresholds")
    if cached is None:
        limits = {
            params.vocational_training.threshold,
            params.forfait_social[1],
            params.mobility_threshold,
            params.fnal[2],
            params.construction_effort[1],
            params.reduction_large_employer,
            params.work_study.headcount_threshold,
            params.work_study.large_headcount,
            params.apprentice_wages_exempt_below,
            *(limit for limit, _ in params.overtime_employer_deduction.bands),
        }
        cached = tuple(sorted(limits))
        params.cache["headcount_thresholds"] = cached
    return tuple(cached)


def work_study_thresholds(params: MonthParameters) -> tuple[Decimal, ...]:
    """The alternants' shares where the contribution supplémentaire à l'apprentissage changes."""
    return tuple(limit for limit, _ in params.work_study.bands)


def headcount_floor(params: MonthParameters, headcount: int) -> int:
    """The smallest headcount treated exactly like `headcount` by every rule of the month."""
    limits = headcount_thresholds(params)
    index = bisect.bisect_right(limits, headcount)
    return limits[index - 1] if index else 0


def work_study_floor(params: MonthParameters, share: Decimal) -> Decimal:
    """The smallest alternants' share treated like `share`."""
    limits = work_study_thresholds(params)
    index = bisect.bisect_right(limits, share)
    return limits[index - 1] if index else Decimal("0")


def profile_of(payslip: PayslipInput, params: MonthParameters) -> Profile:
    """The profile of a payslip."""
    employer, employee = payslip.employer, payslip.employee
    return Profile(
        headcount=headcount_floor(params, employer.headcount),
        alsace_moselle=employer.alsace_moselle,
        cadre=employee.cadre,
        contract=employee.contract,
        payroll_tax_liable=employer.payroll_tax_liable,
        non_profit=employer.non_profit,
        work_study_share=work_study_floor(params, employer.work_study_share),
    )

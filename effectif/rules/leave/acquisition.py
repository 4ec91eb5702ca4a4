"""Paid leave acquired in a month (C. trav. L3141-3 to L3141-5-1).

A month of effective work gives 2.5 jours ouvrables (2.08 jours ouvrés); four weeks of work
count as a month (L3141-4), so a month is full from 28 calendar days of effective work or
assimilated absence (paid leave, maternity, paternity, work accident, family events…). Entries
and exits are pro rata of those 28 days. Since the loi n° 2024-364, a month of absence for
non-occupational illness gives 2 jours ouvrables, at most 24 per reference period; work
accidents and occupational diseases count as effective work with no limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.money import round_amount
from effectif.rules.parameters.leave import ACQUISITION, MONTH_EQUIVALENT_DAYS

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True)
class MonthActivity:
    """Calendar days of a month, as the employer's records tell them.

    `effective_days`: under contract, at work or in an absence assimilated to work;
    `sick_days`: under contract, absent for non-occupational illness. Days of non-assimilated
    absence (unpaid leave, unjustified absence) are in neither.
    """

    month: date
    effective_days: int
    sick_days: int = 0

    def __post_init__(self) -> None:
        if self.effective_days < 0 or self.sick_days < 0:
            raise ValueError("days cannot be negative")


@dataclass(frozen=True)
class MonthAcquisition:
    month: date
    days: Decimal
    sick_days: Decimal  # the part acquired during non-occupational illness
    basis: str  # the legal source of the figures used


@dataclass(frozen=True)
class PeriodSoFar:
    """What the period has already given: everything, and the part due to illness."""

    acquired: Decimal = ZERO
    sick_acquired: Decimal = ZERO


def monthly_acquisition(
    activity: MonthActivity, counting: str, so_far: PeriodSoFar = PeriodSoFar()
) -> MonthAcquisition:
    """The days acquired in the month, capped by what the period may still give."""
    version = ACQUISITION.version_at(activity.month)
    rates = version.value[counting]
    full_month = Decimal(MONTH_EQUIVALENT_DAYS.at(activity.month))
    effective = min(ONE, Decimal(activity.effective_days) / full_month)
    sick = min(ONE - effective, Decimal(activity.sick_days) / full_month)
    sick_days = round_amount(rates.sick_per_month * sick)
    sick_days = max(ZERO, min(sick_days, rates.sick_cap - so_far.sick_acquired))
    days = round_amount(rates.per_month * effective) + sick_days
    days = max(ZERO, min(days, rates.yearly_max - so_far.acquired))
    return MonthAcquisition(activity.month, days, min(sick_days, days), version.source)


def period_acquisition(
    activities: list[MonthActivity], counting: str, so_far: PeriodSoFar = PeriodSoFar()
) -> list[MonthAcquisition]:
    """Month after month, each month capped by what the previous ones gave."""
    results = []
    for activity in sorted(activities, key=lambda a: a.month):
        result = monthly_acquisition(activity, counting, so_far)
        so_far = PeriodSoFar(so_far.acquired + result.days, so_far.sick_acquired + result.sick_days)
        results.append(result)
    return results


def rounded_entitlement(total: Decimal, counting: str, on: date) -> Decimal:
    """The period's total as the law grants it: a fraction of a day is rounded up to a whole
    day (L3141-7), and the total never exceeds the yearly maximum (L3141-3)."""
    yearly_max = ACQUISITION.at(on)[counting].yearly_max
    whole = total.to_integral_value(rounding="ROUND_CEILING")
    return min(whole, yearly_max)

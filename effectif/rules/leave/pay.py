"""Leave pay (indemnité de congés payés): the higher of two amounts (C. trav. L3141-24).

- **Maintien de salaire**: the pay the employee would have earned by working those days: the
  monthly gross of the month in proportion of the hours planned on the days of leave.
- **Dixième**: a tenth of the gross pay of the reference period (leave pay of the previous
  year included), in proportion of the days taken to the days acquired over that period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.money import ZERO, round_amount
from effectif.rules.parameters.leave import TENTH_RATE

MAINTIEN = "maintien"
TENTH = "dixieme"


@dataclass(frozen=True)
class LeavePayFacts:
    """One period of leave taken within a month."""

    on: date  # the first day of leave (for the parameters in force)
    days_taken: Decimal  # in the employer's unit (jours ouvrables or ouvrés)
    monthly_gross: Decimal  # the month's gross pay for the usual working time
    month_hours: Decimal  # hours planned over the whole month
    leave_hours: Decimal  # hours planned on the days of leave
    reference_gross: Decimal  # gross pay of the reference period the days were acquired in
    days_acquired: Decimal  # days acquired over that reference period


@dataclass(frozen=True)
class LeavePay:
    maintien_amount: Decimal
    tenth_amount: Decimal
    method: str  # the retained method: MAINTIEN or TENTH
    basis: str

    @property
    def amount(self) -> Decimal:
        return self.tenth_amount if self.method == TENTH else self.maintien_amount


def maintien(facts: LeavePayFacts) -> Decimal:
    if facts.month_hours <= 0:
        return ZERO
    return round_amount(facts.monthly_gross * facts.leave_hours / facts.month_hours)


def tenth(facts: LeavePayFacts) -> Decimal:
    if facts.days_acquired <= 0:
        return ZERO
    rate = TENTH_RATE.at(facts.on)
    return round_amount(facts.reference_gross * rate * facts.days_taken / facts.days_acquired)


def leave_pay(facts: LeavePayFacts) -> LeavePay:
    """Both amounts and the higher one; on a tie, the maintien de salaire."""
    by_maintien, by_tenth = maintien(facts), tenth(facts)
    method = TENTH if by_tenth > by_maintien else MAINTIEN
    return LeavePay(by_maintien, by_tenth, method, TENTH_RATE.version_at(facts.on).source)

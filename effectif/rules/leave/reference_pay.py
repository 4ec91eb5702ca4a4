"""The gross pay of a period from the contracts' monthly base pay, pro rata of the days under
contract: the base of the tenth rule (C. trav. L3141-24: a tenth of the gross pay received over
the reference period) and of the departure indemnities' reference pay.

Each month counts the monthly pay in force on its last day under contract, times the days under
contract in the month over the days of the month.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.leave.periods import add_months, days_between, month_end, month_start
from effectif.rules.money import ZERO


@dataclass(frozen=True, slots=True)
class PayVersion:
    """A version of a contract's terms: its monthly base pay from `effective_date`, within the
    contract running from `contract_start` to `contract_end` (None: open-ended)."""

    effective_date: date
    contract_start: date
    contract_end: date | None
    monthly_gross: Decimal

    def in_force(self, day: date) -> bool:
        return (
            self.effective_date <= day
            and self.contract_start <= day
            and (self.contract_end is None or self.contract_end >= day)
        )


def pro_rata_gross(versions: Sequence[PayVersion], first: date, last: date) -> Decimal:
    """Base gross pay from `first` to `last` (not rounded): each month's pay in force, pro rata
    of the days under contract. `versions` are in order of `effective_date`; on a day several
    are in force, the last one applies."""
    total = ZERO
    month = month_start(first)
    while month <= last:
        days = list(days_between(month, month_end(month)))
        covered, gross = 0, ZERO
        for day in days:
            if day < first or day > last:
                continue
            current = [v for v in versions if v.in_force(day)]
            if current:
                covered += 1
                gross = current[-1].monthly_gross
        total += gross * Decimal(covered) / Decimal(len(days))
        month = add_months(month, 1)
    return total

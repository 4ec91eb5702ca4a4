"""Closing a leave year: what becomes of the days not taken by the end of the taking period.

Days acquired over a reference period are rounded up to a whole day (L3141-7) and taken by the
end of the next period, fractionnement days being earned by leave taken outside the main
season (L3141-23). Days not taken by their deadline are lost, unless an illness prevented
taking them: they are then carried over (L3141-19-1, `carry_over.illness_carry_over`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from effectif.rules.leave.carry_over import illness_carry_over
from effectif.rules.leave.periods import Period
from effectif.rules.parameters.leave_closing import PREVENTING_ILLNESS_DAYS

ROUNDING_BASIS = "C. trav. art. L3141-7"
SPLITTING_BASIS = "C. trav. art. L3141-23"
CARRY_OVER_BASIS = "C. trav. art. L3141-19-1"


def preventing_illness_from(closed: Period) -> date:
    """An absence for illness still running on or after this day is taken to have prevented
    taking the leave due by the end of `closed`."""
    return closed.end - timedelta(days=PREVENTING_ILLNESS_DAYS.at(closed.end))


@dataclass(frozen=True)
class UnusedDays:
    """What becomes of days not taken by `due`: lost (`carried_until` None) or carried over."""

    due: date
    carried_until: date | None
    basis: str = ""

    @property
    def expire(self) -> bool:
        return self.carried_until is None


def unused_days(
    closed: Period,
    available_until: date | None,
    remaining: Decimal,
    sick_spell: tuple[date, date] | None,
) -> UnusedDays | None:
    """The fate, at the closing of `closed`, of `remaining` days available until
    `available_until`: None when they are still available (or none remain). Days due by the
    end of `closed` are carried over when an illness from `sick_spell[0]` to `sick_spell[1]`
    (see `preventing_illness_from`) prevented taking them (L3141-19-1); otherwise lost."""
    if available_until is None or available_until > closed.end or remaining <= 0:
        return None
    if sick_spell is not None and available_until == closed.end:
        carry = illness_carry_over(closed.previous(), *sick_spell)
        return UnusedDays(available_until, carry.deadline, CARRY_OVER_BASIS)
    return UnusedDays(available_until, None)

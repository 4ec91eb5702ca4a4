"""Closing a leave year: days not taken by their deadline are lost, or carried over when an
illness prevented taking them (C. trav. art. L3141-19-1, L3141-19-2) — by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.leave.closing import (
    CARRY_OVER_BASIS,
    ROUNDING_BASIS,
    SPLITTING_BASIS,
    UnusedDays,
    preventing_illness_from,
    unused_days,
)
from effectif.rules.leave.periods import period_starting

D = Decimal
CLOSED = period_starting(date(2025, 6, 1))  # 1 June 2025 – 31 May 2026
DUE = CLOSED.end  # days of 2024-2025, to be taken by 31 May 2026


def test_days_not_taken_by_their_deadline_are_lost() -> None:
    """No illness: the days acquired in 2024-2025 and not taken by 31 May 2026 are lost."""
    fate = unused_days(CLOSED, DUE, D(5), None)
    assert fate == UnusedDays(DUE, None)
    assert fate is not None
    assert fate.expire


def test_days_still_available_or_used_up_are_left_alone() -> None:
    assert unused_days(CLOSED, date(2027, 5, 31), D(5), None) is None
    assert unused_days(CLOSED, None, D(5), None) is None
    assert unused_days(CLOSED, DUE, D(0), None) is None


def test_an_illness_at_the_deadline_carries_the_days_over_fifteen_months_from_the_return() -> None:
    """L3141-19-1: sick 10 May – 15 June 2026, back on 16 June 2026: 15 months from the return,
    until 15 September 2027."""
    fate = unused_days(CLOSED, DUE, D(5), (date(2026, 5, 10), date(2026, 6, 15)))
    assert fate == UnusedDays(DUE, date(2027, 9, 15), CARRY_OVER_BASIS)
    assert fate is not None
    assert not fate.expire
    assert CARRY_OVER_BASIS == "C. trav. art. L3141-19-1"


def test_an_absence_of_a_year_carries_over_from_the_end_of_the_acquisition_period() -> None:
    """L3141-19-2: absent since 1 March 2025, a year by 31 May 2025 the end of the acquisition
    period: 15 months from 1 June 2025, until 31 August 2026."""
    fate = unused_days(CLOSED, DUE, D(5), (date(2024, 3, 1), date(2026, 6, 30)))
    assert fate == UnusedDays(DUE, date(2026, 8, 31), CARRY_OVER_BASIS)


def test_only_days_due_at_the_end_of_the_closed_period_are_carried_over() -> None:
    """Days carried over earlier with their own deadline expire at it, illness or not."""
    fate = unused_days(CLOSED, date(2026, 3, 31), D(2), (date(2026, 5, 10), date(2026, 6, 15)))
    assert fate == UnusedDays(date(2026, 3, 31), None)


def test_an_illness_in_the_last_thirty_days_is_taken_to_have_prevented_taking_leave() -> None:
    assert preventing_illness_from(CLOSED) == date(2026, 5, 1)


def test_the_bases_of_rounding_and_fractionnement() -> None:
    """L3141-7: rounding up to a whole day; L3141-23: fractionnement days."""
    assert (ROUNDING_BASIS, SPLITTING_BASIS) == ("C. trav. art. L3141-7", "C. trav. art. L3141-23")

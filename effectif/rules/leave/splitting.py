"""Extra days for splitting the main leave (jours de fractionnement, C. trav. L3141-23).

The main leave is the first four weeks (24 jours ouvrables; the fifth week is excluded). When
part of it is taken outside 1 May – 31 October, the employee earns one extra day for 3 to 5
such days, two for 6 or more, unless they waived them individually or an agreement sets other
rules (L3141-21)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.leave import SPLITTING

ZERO = Decimal(0)


def in_main_period(day: date, window: tuple[tuple[int, int], tuple[int, int]]) -> bool:
    (start_month, start_day), (end_month, end_day) = window
    return (start_month, start_day) <= (day.month, day.day) <= (end_month, end_day)


def days_outside(taken: Iterable[tuple[date, Decimal]], counting: str, on: date) -> Decimal:
    """Days of the main leave taken outside the legal period: the days outside, less those
    that belong to the fifth week (beyond the main leave once the days inside are counted)."""
    rule = SPLITTING.at(on)[counting]
    window = (rule.period_start, rule.period_end)
    inside = outside = ZERO
    for day, amount in taken:
        if in_main_period(day, window):
            inside += amount
        else:
            outside += amount
    return min(outside, max(ZERO, rule.main_leave - inside))


def splitting_days(taken: Iterable[tuple[date, Decimal]], counting: str, on: date) -> int:
    """The extra days earned by the days `taken` (day, amount) of one period's leave."""
    rule = SPLITTING.at(on)[counting]
    outside = days_outside(taken, counting, on)
    if outside >= rule.two_days_from:
        return 2
    if outside >= rule.one_day_from:
        return 1
    return 0

"""Counting a request in jours ouvrables, ouvrés, calendar days and hours, by hand.

The week used: Monday 1 June 2026 to Sunday 7 June; the worker works Monday to Friday, 7 h.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from effectif.rules.leave.counting import (
    CALENDAR,
    CountingError,
    Span,
    count_days,
    count_hours,
)
from effectif.rules.parameters.leave import OUVRABLES, OUVRES

D = Decimal
MON = date(2026, 6, 1)


def day(n: int) -> date:
    return MON + timedelta(days=n)


def calendar_of(weekdays: set[int], hours: str = "7", weeks: int = 5) -> dict[date, Decimal]:
    return {
        day(n): (D(hours) if day(n).weekday() in weekdays else D(0)) for n in range(-7, 7 * weeks)
    }


FULL_WEEK = calendar_of({0, 1, 2, 3, 4})
PART_TIME = calendar_of({0, 1, 2}, "8")  # Monday to Wednesday, 8 h
NO_HOLIDAY: frozenset[date] = frozenset()


@pytest.mark.parametrize(
    ("span", "counting", "planned", "holidays", "expected", "hand"),
    [
        (Span(day(0), day(4)), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "6", "Mon–Fri + Saturday = 6"),
        (Span(day(0), day(4)), OUVRES, FULL_WEEK, NO_HOLIDAY, "5", "Mon–Fri = 5"),
        (Span(day(4), day(4)), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "2", "a Friday: Fri + Sat"),
        (Span(day(3), day(3)), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "1", "a Thursday alone"),
        (Span(day(0), day(11)), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "12", "two weeks = 12"),
        (Span(day(0), day(11)), OUVRES, FULL_WEEK, NO_HOLIDAY, "10", "two weeks = 10"),
        # Saturday and Sunday asked for: the count starts on the first working day (Monday).
        (Span(day(-2), day(4)), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "6", "from the Saturday before"),
        # Part time Monday–Wednesday off a whole week: Mon → Sat, 6 jours ouvrables.
        (Span(day(0), day(2)), OUVRABLES, PART_TIME, NO_HOLIDAY, "6", "part time: 6 too"),
        (Span(day(0), day(2)), OUVRES, PART_TIME, NO_HOLIDAY, "3", "part time: 3 days worked"),
        # A public holiday on the Thursday: 6 − 1 = 5 ouvrables; 5 − 1 = 4 ouvrés.
        (Span(day(0), day(4)), OUVRABLES, FULL_WEEK, frozenset({day(3)}), "5", "holiday"),
        (Span(day(0), day(4)), OUVRES, FULL_WEEK, frozenset({day(3)}), "4", "holiday ouvrés"),
        (Span(day(0), day(6)), CALENDAR, FULL_WEEK, NO_HOLIDAY, "7", "calendar days"),
        # Half days: from Monday afternoon to Wednesday noon = 0.5 + 1 + 0.5 ouvrés.
        (Span(day(0), day(2), True, True), OUVRES, FULL_WEEK, NO_HOLIDAY, "2", "0.5+1+0.5"),
        # Ending Friday at noon: the employee is back Friday afternoon, no Saturday: 4.5.
        (Span(day(0), day(4), False, True), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "4.5", "4 + 0.5"),
        (Span(day(2), day(2), True), OUVRABLES, FULL_WEEK, NO_HOLIDAY, "0.5", "one afternoon"),
    ],
)
def test_days(span, counting, planned, holidays, expected, hand):
    assert count_days(span, planned, holidays, counting).total == D(expected), hand


def test_the_count_says_what_each_day_uses():
    count = count_days(Span(day(4), day(4)), FULL_WEEK, NO_HOLIDAY, OUVRABLES)
    assert count.per_day == {day(4): D(1), day(5): D(1)}


@pytest.mark.parametrize(
    ("span", "hours", "expected", "hand"),
    [
        (Span(day(0), day(4)), None, "35", "5 × 7 h"),
        (Span(day(0), day(0), True), None, "3.5", "an afternoon: 7 / 2"),
        (Span(day(1), day(1)), D("2.5"), "2.5", "2 h 30 on a Tuesday"),
        (Span(day(1), day(1)), D(9), "7", "never more than the day's hours"),
    ],
)
def test_hours(span, hours, expected, hand):
    assert count_hours(span, FULL_WEEK, NO_HOLIDAY, hours).total == D(expected), hand


@pytest.mark.parametrize(
    ("span", "code"),
    [
        (Span(day(4), day(0)), "end_before_start"),
        (Span(day(5), day(5), True), "half_day_on_rest_day"),  # a Saturday afternoon
        (Span(day(2), day(6), False, True), "half_day_on_rest_day"),  # ending Sunday at noon
        (Span(day(2), day(2), True, True), "half_days_same_day"),
        (Span(day(5), day(6)), "nothing_to_count"),  # a weekend
    ],
)
def test_refusals(span, code):
    with pytest.raises(CountingError) as caught:
        count_days(span, FULL_WEEK, NO_HOLIDAY, OUVRABLES)
    assert caught.value.code == code


def test_half_days_covered_by_a_span():
    assert Span(day(0), day(1), True, True).halves() == {(day(0), 1), (day(1), 0)}
    assert Span(day(0), day(0)).halves() == {(day(0), 0), (day(0), 1)}

"""Counting the delays of the Code du travail in jours ouvrables and calendar days.

A jour ouvrable is any day but Sunday and public holidays. The day that starts a delay (the
presentation of a letter, an interview, a signature) does not count. A delay that expires on a
Saturday, a Sunday or a public holiday runs on to the next working day (C. trav. R1231-1).
"""

from __future__ import annotations

from datetime import date, timedelta

from effectif.rules.working_time.holidays import holidays_between

SATURDAY, SUNDAY = 5, 6


def holidays_near(start: date, days: int, department: str | None) -> frozenset[date]:
    """Public holidays from `start` over enough days to count a delay of `days`."""
    return frozenset(holidays_between(start, start + timedelta(days=days * 2 + 31), department))


def is_ouvrable(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() != SUNDAY and day not in holidays


def prorogated(day: date, holidays: frozenset[date]) -> date:
    """R1231-1: a delay ending on a Saturday, Sunday or holiday ends on the next working day."""
    while day.weekday() in (SATURDAY, SUNDAY) or day in holidays:
        day += timedelta(days=1)
    return day


def after_working_days(start: date, count: int, department: str | None) -> date:
    """The last day of a delay of `count` jours ouvrables starting after `start`, prorogated."""
    holidays = holidays_near(start, count, department)
    day, counted = start, 0
    while counted < count:
        day += timedelta(days=1)
        if is_ouvrable(day, holidays):
            counted += 1
    return prorogated(day, holidays)


def after_calendar_days(start: date, count: int, department: str | None) -> date:
    """The last day of a delay of `count` calendar days starting after `start`, prorogated."""
    day = start + timedelta(days=count)
    return prorogated(day, holidays_near(start, count, department))


def open_days_after(
    start: date, count: int, open_weekdays: frozenset[int], department: str | None
) -> date:
    """The last of `count` days the establishment is open after `start` (start excluded)."""
    holidays = holidays_near(start, count * 2, department)
    day, counted = start, 0
    while counted < count:
        day += timedelta(days=1)
        if day.weekday() in open_weekdays and day not in holidays:
            counted += 1
    return day

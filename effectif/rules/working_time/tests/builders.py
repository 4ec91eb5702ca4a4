"""Writing worked time in tests as people write it: « 08:00-12:00 13:00-17:00 »."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from effectif.rules.working_time.timeline import Timeline, WorkInterval

MONDAY = date(2026, 3, 2)  # a Monday without public holiday, in a week without one


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def intervals(day: date, spec: str) -> list[WorkInterval]:
    """The shift of `day`: « 22:00-02:00 02:30-06:00 » runs into the next day."""
    found: list[WorkInterval] = []
    for part in spec.split():
        start_text, end_text = part.split("-")
        start = datetime.combine(day, _time(start_text))
        while found and start < found[-1].end:
            start += timedelta(days=1)
        end = datetime.combine(start.date(), _time(end_text))
        if end <= start:
            end += timedelta(days=1)
        found.append(WorkInterval(start, end, day))
    return found


def week(monday: date, *days: str) -> dict[date, str]:
    """A week's days from Monday on; an empty string is a day off."""
    return {monday + timedelta(days=n): spec for n, spec in enumerate(days) if spec}


def every_day(
    first: date, last: date, spec: str, weekdays: Iterable[int] = range(5)
) -> dict[date, str]:
    chosen = set(weekdays)
    return {
        first + timedelta(days=n): spec
        for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() in chosen
    }


def timeline(
    days: Mapping[date, str],
    first: date | None = None,
    last: date | None = None,
    totals: Mapping[date, Decimal] | None = None,
) -> Timeline:
    first = first or min(days)
    last = last or max(days)
    found = [interval for day, spec in days.items() for interval in intervals(day, spec)]
    return Timeline.build(first, last, found, totals)

"""Reference periods (périodes de référence) and months."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the last day of the month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def days_between(start: date, end: date) -> Iterator[date]:
    """Every day from `start` to `end`, both included."""
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


@dataclass(frozen=True, order=True)
class Period:
    """A reference period: twelve months from `start` (1 June by default) to `end`."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """« 2025-2026 » for 1 June 2025 – 31 May 2026; « 2026 » for a calendar year."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}-{self.end.year}"

    def months(self) -> list[date]:
        """The first day of each month of the period."""
        return [add_months(self.start, n) for n in range(12)]

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> Period:
        return period_starting(add_months(self.start, 12))

    def previous(self) -> Period:
        return period_starting(add_months(self.start, -12))


def period_starting(start: date) -> Period:
    return Period(start, add_months(start, 12) - timedelta(days=1))


def reference_period(on: date, start_month: int) -> Period:
    """The reference period containing `on`, periods starting on the 1st of `start_month`."""
    if not 1 <= start_month <= 12:
        raise ValueError(f"start_month must be 1 to 12, not {start_month}")
    year = on.year if on.month >= start_month else on.year - 1
    return period_starting(date(year, start_month, 1))


def end_of_validity(period: Period, months: int) -> date:
    """The last day to take days acquired over `period`, `months` after its end (12 for paid
    leave: acquired June N-1 – May N, taken until 31 May N+1)."""
    return add_months(period.end + timedelta(days=1), months) - timedelta(days=1)

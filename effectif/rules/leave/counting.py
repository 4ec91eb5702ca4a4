"""Counting a leave request as the employer counts it.

- **Jours ouvrables** (L3141-3): every day from Monday to Saturday that is not a public
  holiday. The count starts on the first day the employee would have worked and runs until the
  day before they return: a Monday-to-Friday worker off from Monday to Friday uses six days
  (the Saturday counts), and a Friday alone uses two (Cass. soc., established case law).
- **Jours ouvrés**: the days the employee would have worked (their working calendar), public
  holidays excepted.
- **Calendar days**: every day (maternity, paternity, sickness).
- **Hours** (RTT, time off in lieu): the hours the employee would have worked.

A half day counts 0.5 (half the day's hours when counting hours). The working calendar is
given as hours per day; a day with no hours is a rest day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from effectif.rules.leave.periods import days_between
from effectif.rules.parameters.leave import OUVRABLES, OUVRES

CALENDAR = "calendaires"
HOURS = "heures"
COUNTINGS = (OUVRABLES, OUVRES, CALENDAR)

ZERO = Decimal(0)
HALF = Decimal("0.5")
ONE = Decimal(1)
SUNDAY = 6
#: How far after the end the return to work is looked for (jours ouvrables).
RETURN_LOOKAHEAD_DAYS = 14


class CountingError(ValueError):
    """A request that cannot be counted; `code` names the reason, `day` the day at fault."""

    def __init__(self, code: str, day: date | None = None) -> None:
        super().__init__(code if day is None else f"{code} ({day.isoformat()})")
        self.code = code
        self.day = day


END_BEFORE_START = "end_before_start"
HALF_DAY_ON_REST_DAY = "half_day_on_rest_day"
HALF_DAYS_SAME_DAY = "half_days_same_day"
NOTHING_TO_COUNT = "nothing_to_count"


@dataclass(frozen=True)
class Span:
    """What the employee asks: from `start` to `end`, maybe starting in the afternoon
    (`start_afternoon`) or ending at noon (`end_morning`)."""

    start: date
    end: date
    start_afternoon: bool = False
    end_morning: bool = False

    def check(self) -> None:
        if self.end < self.start:
            raise CountingError(END_BEFORE_START)
        if self.start == self.end and self.start_afternoon and self.end_morning:
            raise CountingError(HALF_DAYS_SAME_DAY)

    def halves(self) -> set[tuple[date, int]]:
        """The half days covered: (day, 0) for the morning, (day, 1) for the afternoon."""
        covered = {(day, part) for day in days_between(self.start, self.end) for part in (0, 1)}
        if self.start_afternoon:
            covered.discard((self.start, 0))
        if self.end_morning:
            covered.discard((self.end, 1))
        return covered


@dataclass(frozen=True)
class Count:
    """The total and what each day contributes (to split a leave across months)."""

    total: Decimal
    per_day: dict[date, Decimal] = field(default_factory=dict)


def _works(planned: Mapping[date, Decimal], day: date) -> bool:
    return planned.get(day, ZERO) > 0


def check_half_days(span: Span, planned: Mapping[date, Decimal]) -> None:
    """A half day can only be taken on a day the employee works."""
    span.check()
    if span.start_afternoon and not _works(planned, span.start):
        raise CountingError(HALF_DAY_ON_REST_DAY, span.start)
    if span.end_morning and not _works(planned, span.end):
        raise CountingError(HALF_DAY_ON_REST_DAY, span.end)


def _halve(span: Span, per_day: dict[date, Decimal]) -> None:
    if span.start_afternoon and span.start in per_day:
        per_day[span.start] -= HALF
    if span.end_morning and span.end in per_day:
        per_day[span.end] -= HALF


def _return_day(span: Span, planned: Mapping[date, Decimal]) -> date | None:
    """The first day after the leave on which the employee works again, if the calendar
    shows one within the look-ahead."""
    for offset in range(1, RETURN_LOOKAHEAD_DAYS + 1):
        day = span.end + timedelta(days=offset)
        if _works(planned, day):
            return day
    return None


def count_days(
    span: Span,
    planned: Mapping[date, Decimal],
    public_holidays: frozenset[date],
    counting: str,
) -> Count:
    """The days the request uses in `counting` (ouvrables, ouvrés or calendar days).

    `planned` holds the hours planned each day from `span.start` to at least
    `RETURN_LOOKAHEAD_DAYS` after `span.end` (to find the return, in jours ouvrables).
    """
    check_half_days(span, planned)
    per_day: dict[date, Decimal] = {}
    if counting == CALENDAR:
        per_day = dict.fromkeys(days_between(span.start, span.end), ONE)
    elif counting == OUVRES:
        per_day = {
            day: ONE
            for day in days_between(span.start, span.end)
            if _works(planned, day) and day not in public_holidays
        }
    elif counting == OUVRABLES:
        first = next((d for d in days_between(span.start, span.end) if _works(planned, d)), None)
        if first is not None:
            last = span.end
            if not span.end_morning:
                back = _return_day(span, planned)
                if back is not None:
                    last = back - timedelta(days=1)
            per_day = {
                day: ONE
                for day in days_between(first, last)
                if day.weekday() != SUNDAY and day not in public_holidays
            }
    else:
        raise ValueError(f"unknown counting {counting!r}")
    _halve(span, per_day)
    per_day = {day: value for day, value in per_day.items() if value > 0}
    total = sum(per_day.values(), ZERO)
    if total <= 0:
        raise CountingError(NOTHING_TO_COUNT)
    return Count(total, per_day)


def count_hours(
    span: Span,
    planned: Mapping[date, Decimal],
    public_holidays: frozenset[date],
    hours: Decimal | None = None,
) -> Count:
    """The hours the request uses: the hours planned on each day of leave (half of them on a
    half day), or `hours` given for a single day, at most that day's planned hours."""
    check_half_days(span, planned)
    per_day = {
        day: planned.get(day, ZERO)
        for day in days_between(span.start, span.end)
        if _works(planned, day) and day not in public_holidays
    }
    if span.start_afternoon and span.start in per_day:
        per_day[span.start] = per_day[span.start] / 2
    if span.end_morning and span.end in per_day:
        per_day[span.end] = per_day[span.end] / 2
    if hours is not None and span.start == span.end and span.start in per_day:
        per_day[span.start] = min(hours, per_day[span.start])
    per_day = {day: value for day, value in per_day.items() if value > 0}
    total = sum(per_day.values(), ZERO)
    if total <= 0:
        raise CountingError(NOTHING_TO_COUNT)
    return Count(total, per_day)

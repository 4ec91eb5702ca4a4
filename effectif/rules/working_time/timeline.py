"""One person's worked time over a run of days, as the checks read it.

Times are wall-clock times of the place of work (Europe/Paris), as time records and schedules
are written; a rest across a change to or from summer time is counted on the clock. Inside, a
timeline counts in whole minutes from midnight of its first day, so that checking a month for
thousands of people stays arithmetic on integers.

A day's work is the work of the shift (poste) planned or declared on that day: a night shift
from 22:00 to 06:00 with its break at 02:00 belongs to the day it starts, for the daily
maximum, the week it counts in and the rests around it. Some
days are known only by their total (hours declared without entry and exit): they count in the
durations, but rests and breaks can only be checked on days whose times are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY


class OverlappingIntervals(ValueError):
    """Two worked intervals overlap: the time would be counted twice."""


@dataclass(frozen=True, slots=True)
class WorkInterval:
    """A stretch of effective work; breaks are the gaps between intervals. `day` is the day of
    the shift it belongs to (by default, the day it starts)."""

    start: datetime
    end: datetime
    day: date | None = None

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"interval ends before it starts: {self.start} – {self.end}")

    @property
    def shift_day(self) -> date:
        return self.day if self.day is not None else self.start.date()


def minutes_of(value: Decimal) -> int:
    """Hours as whole minutes (rounded to the nearest minute)."""
    return int((value * 60).to_integral_value())


def hours_of(minutes: int) -> Decimal:
    """Whole minutes as hours, to the hundredth (the precision of payroll quantities)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


@dataclass
class Timeline:
    """Worked time from `first_day` to `last_day` inclusive.

    `intervals` are (start, end, day) with start and end in minutes from `first_day` at 00:00
    and `day` the index of the shift's day; sorted, not overlapping; an interval may end after
    `last_day` (a night shift of the last day). `untimed` maps a day's index to the minutes
    worked that day when only the total is known. `paid_leave` maps a day's index to the
    minutes of paid leave taken that day (the hours the day would have been worked): they are
    not worked, but count towards the weekly thresholds of overtime and complementary hours
    (see `overtime`).
    """

    first_day: date
    last_day: date
    intervals: list[tuple[int, int, int]] = field(default_factory=list)
    untimed: dict[int, int] = field(default_factory=dict)
    paid_leave: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError("a timeline ends before it starts")
        previous_end = None
        for start, end, _day in self.intervals:
            if end <= start:
                raise ValueError("an interval ends before it starts")
            if previous_end is not None and start < previous_end:
                raise OverlappingIntervals("worked intervals overlap")
            previous_end = end

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def index(self, day: date) -> int:
        return (day - self.first_day).days

    def day(self, index: int) -> date:
        return self.first_day + timedelta(days=index)

    def at(self, minute: int) -> datetime:
        """The wall-clock time of a minute of the timeline."""
        return datetime.combine(self.first_day, time()) + timedelta(minutes=minute)

    @classmethod
    def build(
        cls,
        first_day: date,
        last_day: date,
        intervals: Iterable[WorkInterval] = (),
        day_totals: Mapping[date, Decimal] | None = None,
    ) -> Timeline:
        """A timeline from intervals and, for days known only by their total, those totals."""
        origin = datetime.combine(first_day, time())
        minutes = sorted(
            (
                int((interval.start - origin).total_seconds()) // 60,
                int((interval.end - origin).total_seconds()) // 60,
                (interval.shift_day - first_day).days,
            )
            for interval in intervals
        )
        untimed = {
            (day - first_day).days: minutes_of(hours)
            for day, hours in (day_totals or {}).items()
            if first_day <= day <= last_day and hours > 0
        }
        return cls(first_day, last_day, minutes, untimed)

    # --- What the checks read --------------------------------------------------------------

    def day_minutes(self) -> list[int]:
        """Minutes worked on each day (the work of the shifts of that day)."""
        totals = [0] * self.days
        for start, end, index in self.intervals:
            if 0 <= index < len(totals):
                totals[index] += end - start
        for index, minutes in self.untimed.items():
            totals[index] += minutes
        return totals

    def week_of(self, index: int) -> int:
        """The week (from 0, weeks running Monday to Sunday) of a day's index."""
        return (index + self.first_day.weekday()) // 7

    def week_start(self, week: int) -> int:
        """The index of the Monday of a week (negative when before `first_day`)."""
        return week * 7 - self.first_day.weekday()

    def weeks(self) -> range:
        return range(self.week_of(0), self.week_of(self.days - 1) + 1)

    def week_is_complete(self, week: int) -> bool:
        """Whether the whole week, Monday to Sunday, lies within the timeline."""
        monday = self.week_start(week)
        return monday >= 0 and monday + 6 < self.days

    def week_paid_leave(self, week: int) -> int:
        """Minutes of paid leave taken in a week."""
        if not self.paid_leave:
            return 0
        monday = self.week_start(week)
        return sum(m for index, m in self.paid_leave.items() if monday <= index < monday + 7)

    def week_totals(self, day_minutes: list[int]) -> list[int]:
        totals = [0] * len(self.weeks())
        offset = self.first_day.weekday()
        for index, minutes in enumerate(day_minutes):
            totals[(index + offset) // 7] += minutes
        return totals


class UnorderedShift(ValueError):
    """The stretches of a shift are not in order, overlap, or last a whole day."""


def shift_minutes(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of one day's shift as minutes from that day's midnight.

    Each pair is (start, end) as minutes of the clock (0–1439). The stretches follow each
    other from the first start: a time earlier on the clock than the one before it is on the
    next day (« 22:00-02:00 02:30-06:00 » is a night shift). The whole shift lasts less than
    24 hours; stretches that overlap or go back in time are refused, stretches that touch are
    joined.
    """
    found: list[tuple[int, int]] = []
    first: int | None = None
    previous = -1
    for start, end in pairs:
        if first is None:
            first = start
        start_offset = (start - first) % MINUTES_PER_DAY
        end_offset = (end - first) % MINUTES_PER_DAY or MINUTES_PER_DAY
        if start_offset < previous or end_offset <= start_offset:
            raise UnorderedShift("stretches overlap or are out of order")
        if end_offset >= MINUTES_PER_DAY:
            raise UnorderedShift("a shift lasts less than 24 hours")
        if found and start_offset == previous:
            found[-1] = (found[-1][0], first + end_offset)
        else:
            found.append((first + start_offset, first + end_offset))
        previous = end_offset
    return found

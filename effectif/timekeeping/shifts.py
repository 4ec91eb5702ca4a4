"""A day's shift as the calendar and the checks read it: stretches of work in minutes from the
day's midnight, and its hours. Stored shifts (overrides, time records) keep their stretches as
`[["08:00", "12:00"], ["13:00", "17:00"]]`: readable in the database and in the audit trail."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from effectif.rules.working_time.timeline import MINUTES_PER_DAY, hours_of, shift_minutes

_CLOCK = re.compile(r"(\d{1,2})\s*[:hH.]\s*(\d{2})?")


@dataclass(frozen=True, slots=True)
class Shift:
    """`timed` is False for a day known by its hours only (forfait jours, a declared total)."""

    intervals: tuple[tuple[int, int], ...]
    hours: Decimal
    timed: bool = True

    @property
    def works(self) -> bool:
        return self.hours > 0

    def pairs(self) -> list[list[str]]:
        return [[clock_text(start), clock_text(end)] for start, end in self.intervals]

    def label(self) -> str:
        """« 08:00–12:00, 13:00–17:00 », or the hours of an untimed day."""
        if not self.intervals:
            return f"{self.hours:.2f} h".replace(".", ",") if self.hours else ""
        return ", ".join(f"{a}–{b}" for a, b in self.pairs())


REST = Shift((), Decimal("0.00"))


def clock_minutes(text: str) -> int:
    """« 8:30 », « 08h30 », « 8h » as minutes of the clock; ValueError otherwise."""
    match = _CLOCK.fullmatch(text.strip())
    if not match:
        raise ValueError(text)
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        if hours == 24 and minutes == 0:
            return 0
        raise ValueError(text)
    return hours * 60 + minutes


def clock_text(minutes: int) -> str:
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def time_minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def timed_shift(pairs: Iterable[tuple[int, int]]) -> Shift:
    """A shift from its stretches as clock minutes; `UnorderedShift` when they overlap."""
    intervals = tuple(shift_minutes(pairs))
    return Shift(intervals, hours_of(sum(end - start for start, end in intervals)))


def shift_from_pairs(pairs: Sequence[Sequence[str]]) -> Shift:
    """A shift from stored stretches (« 08:00 », « 12:00 »)."""
    return timed_shift((clock_minutes(start), clock_minutes(end)) for start, end in pairs)


def shift_from_times(pairs: Sequence[tuple[dt.time, dt.time]]) -> Shift:
    return timed_shift((time_minutes(start), time_minutes(end)) for start, end in pairs)


def untimed_shift(hours: Decimal) -> Shift:
    return Shift((), hours, timed=False)


def first_overlap(shifts: Mapping[dt.date, Shift]) -> dt.date | None:
    """The first day whose shift starts before the previous day's shift has ended."""
    previous_end: int | None = None
    previous_day: dt.date | None = None
    for day in sorted(shifts):
        shift = shifts[day]
        if not shift.timed or not shift.intervals:
            continue
        offset = 0 if previous_day is None else (day - previous_day).days * MINUTES_PER_DAY
        if previous_end is not None and shift.intervals[0][0] + offset < previous_end:
            return day
        previous_end, previous_day = shift.intervals[-1][1], day
    return None

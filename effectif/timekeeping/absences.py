"""Days an employee is away — approved leave, recorded absences — as the legal checks read them.

Timekeeping sits below the leave app (see the import-linter layers) and never imports it: the
leave app registers a source when it is ready (`absence_sources.register("leave", source)`).
A source answers, for many employees and a range of days, with one query whatever their
number, the days off of each employee on each day (`DayOff`); the checks take them off the
planned shifts (a day off is not worked: L3121-1 defines effective work as time at the
employer's disposal). What a time sheet records is what was worked, leave or not.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from effectif.rules.working_time.timeline import hours_of, minutes_of
from effectif.timekeeping.shifts import REST, Shift, untimed_shift

#: Which part of a day is off: all of it, the morning (work resumes at noon) or the afternoon
#: (work stops at noon).
FULL, MORNING, AFTERNOON = "", "matin", "apres_midi"
NOON = 12 * 60


@dataclass(frozen=True, slots=True)
class DayOff:
    """One absence on one day.

    `hours` are the hours off when the absence is counted in hours and leaves part of the
    day worked (they come off the end of the shift); `paid_leave` marks congés payés, whose
    hours count towards the weekly thresholds of overtime and complementary hours (see
    `rules.working_time.overtime`).
    """

    part: str = FULL
    hours: Decimal | None = None
    paid_leave: bool = False


#: (employee ids — a list, or a queryset of them —, first day, last day) ->
#: {employee id: {day: the absences of that day}}. One query per call, whatever the range.
AbsenceSource = Callable[[Any, dt.date, dt.date], Mapping[int, Mapping[dt.date, Sequence[DayOff]]]]


class AbsenceRegistry:
    """The sources of days off that upper apps register."""

    def __init__(self) -> None:
        self._sources: dict[str, AbsenceSource] = {}

    def register(self, key: str, source: AbsenceSource) -> None:
        self._sources[key] = source

    def unregister(self, key: str) -> AbsenceSource | None:
        return self._sources.pop(key, None)

    def days_off(
        self, ids: Any, start: dt.date, end: dt.date
    ) -> dict[int, dict[dt.date, list[DayOff]]]:
        """Every employee's days off from `start` to `end`, from every source."""
        found: dict[int, dict[dt.date, list[DayOff]]] = defaultdict(dict)
        for source in self._sources.values():
            for employee_id, days in source(ids, start, end).items():
                mine = found[employee_id]
                for day, offs in days.items():
                    mine.setdefault(day, []).extend(offs)
        return dict(found)


absence_sources = AbsenceRegistry()


def _clip(intervals: Iterable[tuple[int, int]], low: int, high: int) -> tuple[tuple[int, int], ...]:
    kept = ((max(start, low), min(end, high)) for start, end in intervals)
    return tuple((start, end) for start, end in kept if end > start)


def _shorten(intervals: tuple[tuple[int, int], ...], minutes: int) -> tuple[tuple[int, int], ...]:
    """The stretches without their last `minutes` (the employee leaves earlier)."""
    kept = list(intervals)
    while kept and minutes > 0:
        start, end = kept.pop()
        if end - start > minutes:
            kept.append((start, end - minutes))
        minutes -= end - start
    return tuple(kept)


def _timed(intervals: tuple[tuple[int, int], ...]) -> Shift:
    if not intervals:
        return REST
    return Shift(intervals, hours_of(sum(end - start for start, end in intervals)))


def worked_part(shift: Shift, off: DayOff) -> Shift:
    """What is still worked of `shift` on a day with `off`: nothing on a whole day off; from
    noon on a morning off, until noon on an afternoon off (half the hours of a day known by
    its hours only); then, for an absence counted in hours, that many hours fewer at the end."""
    if not shift.works:
        return shift
    if off.part == FULL and off.hours is None:
        return REST
    if shift.timed:
        intervals = shift.intervals
        if off.part == MORNING:
            intervals = _clip(intervals, NOON, 10 * 24 * 60)
        elif off.part == AFTERNOON:
            intervals = _clip(intervals, -24 * 60, NOON)
        if off.hours is not None:
            intervals = _shorten(intervals, minutes_of(off.hours))
        return _timed(intervals)
    hours = shift.hours if off.part == FULL else shift.hours / 2
    if off.hours is not None:
        hours -= off.hours
    return untimed_shift(hours_of(minutes_of(hours))) if hours > 0 else REST


def worked_on_day_off(shift: Shift, offs: Sequence[DayOff]) -> tuple[Shift, int]:
    """What is still worked of `shift` with the day's absences, and the minutes of paid leave
    taken off it."""
    paid = 0
    for off in offs:
        left = worked_part(shift, off)
        if off.paid_leave:
            paid += minutes_of(shift.hours) - minutes_of(left.hours)
        shift = left
    return shift, paid


def without_days_off(employee_id: int, shifts: Mapping[dt.date, Shift]) -> dict[dt.date, Shift]:
    """One employee's planned `shifts` less their days off (one query): what a time sheet
    starts from."""
    if not shifts:
        return {}
    days = absence_sources.days_off([employee_id], min(shifts), max(shifts)).get(employee_id, {})
    return {
        day: worked_on_day_off(shift, days[day])[0] if day in days else shift
        for day, shift in shifts.items()
    }

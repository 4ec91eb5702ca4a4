"""What every check of one person reads, computed once: day and week totals, the limits of each
day, and which days and weeks are checked (those of the period asked; the days around it only
give context, such as the eleven weeks before for the 12-week average)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from effectif.rules.working_time.breaches import Breach, Rule
from effectif.rules.working_time.facts import Limits, PersonFacts, daily_limits
from effectif.rules.working_time.timeline import MINUTES_PER_DAY, Timeline, hours_of


@dataclass
class CheckContext:
    facts: PersonFacts
    timeline: Timeline
    start: date
    end: date
    day_minutes: list[int] = field(init=False)
    week_minutes: list[int] = field(init=False)
    limits: list[Limits] = field(init=False)
    first_index: int = field(init=False)  # the checked days, as indexes of the timeline
    last_index: int = field(init=False)

    intervals: list[tuple[int, int, int]] = field(init=False)
    spans: dict[int, list[int]] | None = field(init=False, default=None)  # read by the rests

    def __post_init__(self) -> None:
        timeline = self.timeline
        self.day_minutes = timeline.day_minutes()
        self.week_minutes = timeline.week_totals(self.day_minutes)
        self.limits = daily_limits(self.facts, timeline.first_day, timeline.days)
        self.first_index = max(timeline.index(self.start), 0)
        self.last_index = min(timeline.index(self.end), timeline.days - 1)
        # Rests and breaks only need the intervals from shortly before the checked weeks (the
        # eleven weeks of context before them count in the durations only).
        first_day = min(self.first_index, timeline.week_start(timeline.week_of(self.first_index)))
        bound = (first_day - 2) * MINUTES_PER_DAY
        position = bisect_left(timeline.intervals, bound, key=lambda interval: interval[0])
        self.intervals = timeline.intervals[max(position - 1, 0) :]

    @property
    def empty(self) -> bool:
        return self.last_index < self.first_index

    def checked_days(self) -> range:
        return range(self.first_index, self.last_index + 1)

    def checked_weeks(self) -> range:
        """The weeks (timeline week numbers) that overlap the checked days."""
        if self.empty:
            return range(0)
        return range(
            self.timeline.week_of(self.first_index), self.timeline.week_of(self.last_index) + 1
        )

    def week_limits(self, week: int) -> Limits:
        """The limits of a week: those of its Monday (or of its first day in the timeline)."""
        return self.limits[max(self.timeline.week_start(week), 0)]

    def week_dates(self, week: int) -> tuple[date, date]:
        monday = self.timeline.day(self.timeline.week_start(week))
        return monday, monday + timedelta(days=6)

    def day_breach(
        self,
        rule: Rule,
        index: int,
        measured: int,
        limit: int,
        starts_at: datetime | None = None,
        ends_at: datetime | None = None,
    ) -> Breach:
        """A breach on one day, with figures in minutes."""
        day = self.timeline.day(index)
        young = self.limits[index].young
        return Breach(
            rule, day, day, hours_of(measured), hours_of(limit), young, starts_at, ends_at
        )

    def week_breach(
        self, rule: Rule, week: int, measured: Decimal, limit: Decimal, young: bool = False
    ) -> Breach:
        monday, sunday = self.week_dates(week)
        return Breach(rule, monday, sunday, measured, limit, young=young)

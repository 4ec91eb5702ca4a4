"""Checks of rests and breaks, on the days whose times are known.

- Daily rest: 11 consecutive hours between two working days (12 h under 18, 14 h under 16),
  L3131-1, L3164-1; and, as the courts derive from it, a working day's amplitude (first start
  to last end) of at most 24 h less that rest: 13 h.
- Break: 20 consecutive minutes once 6 h of work are reached (L3121-16): a stretch of work
  with no break of 20 minutes may not exceed 6 h; under 18, 30 minutes after 4 h 30 (L3162-3).
- Weekly rest: 24 consecutive hours plus the daily rest, 35 h, within each week Monday to
  Sunday (L3132-2); a rest counts for a week when it lasts 35 h and at least 24 h of it fall in
  that week. Under 18: two consecutive days (L3164-2).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from effectif.rules.working_time.breaches import Breach, Rule
from effectif.rules.working_time.context import CheckContext
from effectif.rules.working_time.timeline import MINUTES_PER_DAY, MINUTES_PER_WEEK, hours_of

#: Stand-ins for the unknown before the first and after the last interval: a rest as far as
#: anyone knows.
_BEFORE, _AFTER = -(10**9), 10**9


def _spans(ctx: CheckContext) -> dict[int, list[int]]:
    """The work of each day around the checked period: [first start, last end]."""
    if ctx.spans is not None:
        return ctx.spans
    spans: dict[int, list[int]] = {}
    for start, end, day in ctx.intervals:
        span = spans.get(day)
        if span is None:
            spans[day] = [start, end]
        elif end > span[1]:
            span[1] = end
    ctx.spans = spans
    return spans


def _in_check(ctx: CheckContext, index: int) -> bool:
    return ctx.first_index <= index <= ctx.last_index


def daily_rest(ctx: CheckContext) -> Iterator[Breach]:
    spans = _spans(ctx)
    untimed = {day for day, minutes in ctx.timeline.untimed.items() if minutes and day not in spans}
    previous: int | None = None
    for day in sorted(spans.keys() | untimed):
        if previous is not None and _in_check(ctx, day) and day in spans and previous in spans:
            rest = spans[day][0] - spans[previous][1]
            limit = ctx.limits[day].daily_rest
            if rest < limit:
                yield ctx.day_breach(
                    Rule.DAILY_REST,
                    day,
                    rest,
                    limit,
                    ctx.timeline.at(spans[previous][1]),
                    ctx.timeline.at(spans[day][0]),
                )
        previous = day


def amplitude(ctx: CheckContext) -> Iterator[Breach]:
    timeline = ctx.timeline
    for day, (first, last) in sorted(_spans(ctx).items()):
        if not _in_check(ctx, day):
            continue
        limit = MINUTES_PER_DAY - ctx.limits[day].daily_rest
        if last - first > limit:
            yield ctx.day_breach(
                Rule.AMPLITUDE, day, last - first, limit, timeline.at(first), timeline.at(last)
            )


def breaks(ctx: CheckContext) -> Iterator[Breach]:
    """Stretches of work whose pauses are all shorter than the break due, each judged with
    the limits of the day it starts on; one breach a day at most."""
    timeline = ctx.timeline
    last_day = timeline.days - 1
    runs: list[tuple[int, int, int, int]] = []  # (day, start, end, minutes of work)
    run_day = run_start = run_end = run_work = 0
    pause = -1
    for start, end, day in ctx.intervals:
        if pause < 0 or start - run_end >= pause:
            if pause >= 0:
                runs.append((run_day, run_start, run_end, run_work))
            run_day, run_start, run_work = day, start, 0
            pause = ctx.limits[min(max(day, 0), last_day)].break_minutes
        run_work += end - start
        run_end = end
    if pause >= 0:
        runs.append((run_day, run_start, run_end, run_work))
    reported: set[int] = set()
    for day, start, end, work in runs:
        if day in reported or not _in_check(ctx, day):
            continue
        limit = ctx.limits[day].break_after
        if work > limit:
            reported.add(day)
            yield ctx.day_breach(Rule.BREAK, day, work, limit, timeline.at(start), timeline.at(end))


def _rests(ctx: CheckContext) -> list[tuple[int, int]]:
    """Every rest between intervals, with the unknown before and after taken as rest."""
    rests, previous_end = [], _BEFORE
    for start, end, _day in ctx.intervals:
        if start > previous_end:
            rests.append((previous_end, start))
        previous_end = end
    rests.append((previous_end, _AFTER))
    return rests


def weekly_rest(ctx: CheckContext) -> Iterator[Breach]:
    timeline = ctx.timeline
    untimed_days = {day for day, minutes in timeline.untimed.items() if minutes}
    weeks = [
        week
        for week in ctx.checked_weeks()
        if timeline.week_is_complete(week)
        and not any(
            timeline.week_start(week) <= day < timeline.week_start(week) + 7 for day in untimed_days
        )
    ]
    if not weeks:
        return
    rests = _rests(ctx)
    long_rests = [(start, end) for start, end in rests if end - start >= MINUTES_PER_DAY]
    known_end = timeline.days * MINUTES_PER_DAY
    for week in weeks:
        limits = ctx.week_limits(week)
        if limits.weekly_rest_days:
            yield from _young_weekly_rest(ctx, week)
            continue
        week_start = timeline.week_start(week) * MINUTES_PER_DAY
        week_end = week_start + MINUTES_PER_WEEK
        if any(
            end - start >= limits.weekly_rest
            and min(end, week_end) - max(start, week_start) >= MINUTES_PER_DAY
            for start, end in long_rests
        ):
            continue
        longest = _longest_rest(rests, week_start, week_end, known_end)
        yield ctx.week_breach(
            Rule.WEEKLY_REST, week, hours_of(longest), hours_of(limits.weekly_rest)
        )


def _longest_rest(
    rests: list[tuple[int, int]], week_start: int, week_end: int, known_end: int
) -> int:
    """The rest to show against a week that lacks one: the longest with a day in the week
    (whole, as far as it is known), else the longest part of a rest inside the week."""
    whole = [
        min(end, known_end) - max(start, 0)
        for start, end in rests
        if min(end, week_end) - max(start, week_start) >= MINUTES_PER_DAY
    ]
    if whole:
        return max(whole)
    return max((min(end, week_end) - max(start, week_start) for start, end in rests), default=0)


def _young_weekly_rest(ctx: CheckContext, week: int) -> Iterator[Breach]:
    """Two consecutive days without work, at least one of them in the week (L3164-2)."""
    timeline = ctx.timeline
    busy: set[int] = {day for day, minutes in timeline.untimed.items() if minutes}
    for start, end, _day in ctx.intervals:
        busy.update(range(start // MINUTES_PER_DAY, (end - 1) // MINUTES_PER_DAY + 1))
    monday = timeline.week_start(week)
    longest = run = 0
    for day in range(monday - 1, monday + 8):
        run = 0 if day in busy else run + 1
        longest = max(longest, run)
    required = ctx.week_limits(week).weekly_rest_days
    if longest < required:
        yield ctx.week_breach(
            Rule.WEEKLY_REST, week, Decimal(24 * longest), Decimal(24 * required), young=True
        )

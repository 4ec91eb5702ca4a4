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
from dataclasses import dataclass
from decimal import Decimal

from effectif.rules.working_time.breaches import Breach, Rule
from effectif.rules.working_time.context import CheckContext
from effectif.rules.working_time.timeline import MINUTES_PER_DAY, MINUTES_PER_WEEK, hours_of

#: Stand-ins for the unknown before the first and after the last interval: a rest as far as
#: anyone knows.
_BEFORE, _AFTER = -(10**9), 10**9


@dataclass(frozen=True, slots=True)
class _Span:
    """The work starting on one day: first start, last end."""

    first: int
    last: int


def _spans(ctx: CheckContext) -> dict[int, _Span]:
    spans: dict[int, _Span] = {}
    for start, end, day in ctx.timeline.intervals:
        span = spans.get(day)
        spans[day] = _Span(start, end) if span is None else _Span(span.first, max(span.last, end))
    return spans


def _in_check(ctx: CheckContext, index: int) -> bool:
    return ctx.first_index <= index <= ctx.last_index


def daily_rest(ctx: CheckContext) -> Iterator[Breach]:
    spans = _spans(ctx)
    untimed = {day for day, minutes in ctx.timeline.untimed.items() if minutes and day not in spans}
    previous: int | None = None
    for day in sorted(spans.keys() | untimed):
        if previous is not None and _in_check(ctx, day) and day in spans and previous in spans:
            rest = spans[day].first - spans[previous].last
            limit = ctx.limits[day].daily_rest
            if rest < limit:
                yield ctx.day_breach(
                    Rule.DAILY_REST,
                    day,
                    rest,
                    limit,
                    ctx.timeline.at(spans[previous].last),
                    ctx.timeline.at(spans[day].first),
                )
        previous = day


def amplitude(ctx: CheckContext) -> Iterator[Breach]:
    timeline = ctx.timeline
    for day, span in sorted(_spans(ctx).items()):
        if not _in_check(ctx, day):
            continue
        limit = MINUTES_PER_DAY - ctx.limits[day].daily_rest
        if span.last - span.first > limit:
            yield ctx.day_breach(
                Rule.AMPLITUDE,
                day,
                span.last - span.first,
                limit,
                timeline.at(span.first),
                timeline.at(span.last),
            )


def breaks(ctx: CheckContext) -> Iterator[Breach]:
    """Stretches of work whose pauses are all shorter than the break due, each judged with
    the limits of the day it starts on; one breach a day at most."""
    timeline = ctx.timeline
    reported: set[int] = set()
    run_start = run_end = run_work = run_day = 0
    in_run = False

    def flush() -> Breach | None:
        day = run_day
        if not in_run or day in reported or not _in_check(ctx, day):
            return None
        limit = ctx.limits[day].break_after
        if run_work <= limit:
            return None
        reported.add(day)
        return ctx.day_breach(
            Rule.BREAK, day, run_work, limit, timeline.at(run_start), timeline.at(run_end)
        )

    for start, end, day in timeline.intervals:
        pause = ctx.limits[min(max(day, 0), timeline.days - 1)].break_minutes
        if not in_run or start - run_end >= pause:
            breach = flush()
            if breach is not None:
                yield breach
            run_start, run_day, run_work, in_run = start, day, 0, True
        run_work += end - start
        run_end = end
    breach = flush()
    if breach is not None:
        yield breach


def _rests(ctx: CheckContext) -> list[tuple[int, int]]:
    """Every rest between intervals, with the unknown before and after taken as rest."""
    rests, previous_end = [], _BEFORE
    for start, end, _day in ctx.timeline.intervals:
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
    known_end = timeline.days * MINUTES_PER_DAY
    for week in weeks:
        limits = ctx.week_limits(week)
        if limits.weekly_rest_days:
            yield from _young_weekly_rest(ctx, week)
            continue
        week_start = timeline.week_start(week) * MINUTES_PER_DAY
        week_end = week_start + MINUTES_PER_WEEK
        longest = 0
        satisfied = False
        for start, end in rests:
            overlap = min(end, week_end) - max(start, week_start)
            if overlap <= 0:
                continue
            if end - start >= limits.weekly_rest and overlap >= MINUTES_PER_DAY:
                satisfied = True
                break
            # What is known of the rest: the unknown before and after the timeline is left out.
            longest = max(longest, min(end, known_end) - max(start, 0))
        if not satisfied:
            yield ctx.week_breach(
                Rule.WEEKLY_REST, week, hours_of(longest), hours_of(limits.weekly_rest)
            )


def _young_weekly_rest(ctx: CheckContext, week: int) -> Iterator[Breach]:
    """Two consecutive days without work, at least one of them in the week (L3164-2)."""
    timeline = ctx.timeline
    busy: set[int] = {day for day, minutes in timeline.untimed.items() if minutes}
    for start, end, _day in timeline.intervals:
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

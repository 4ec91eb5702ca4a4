"""Checks of durations: per day, per week, on average over 12 weeks, days worked per week, part
time and its complementary hours, and the annual overtime contingent."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from effectif.rules.working_time.breaches import Breach, Rule
from effectif.rules.working_time.context import CheckContext
from effectif.rules.working_time.overtime import (
    complementary_allowance,
    counted_minutes,
    overtime_minutes,
)
from effectif.rules.working_time.timeline import hours_of, minutes_of


def daily_maximum(ctx: CheckContext) -> Iterator[Breach]:
    """10 h of effective work a day (12 h by agreement), 8 h under 18 (L3121-18, L3162-1)."""
    if ctx.facts.days_package:
        return
    for index in ctx.checked_days():
        worked, limit = ctx.day_minutes[index], ctx.limits[index].daily_max
        if worked > limit:
            yield ctx.day_breach(Rule.DAILY_MAXIMUM, index, worked, limit)


def weekly_maximum(ctx: CheckContext) -> Iterator[Breach]:
    """48 h in a week, 35 h under 18 (L3121-20, L3162-1)."""
    if ctx.facts.days_package:
        return
    for week in ctx.checked_weeks():
        limits = ctx.week_limits(week)
        worked = ctx.week_minutes[week]
        if worked > limits.weekly_max:
            yield ctx.week_breach(
                Rule.WEEKLY_MAXIMUM,
                week,
                hours_of(worked),
                hours_of(limits.weekly_max),
                limits.young,
            )


def weekly_average(ctx: CheckContext) -> Iterator[Breach]:
    """44 h a week on average over any 12 consecutive weeks (46 h by agreement), L3121-22.
    Only windows the timeline covers entirely are judged: weeks before a hiring are unknown."""
    if ctx.facts.days_package:
        return
    timeline = ctx.timeline
    complete = [timeline.week_is_complete(week) for week in timeline.weeks()]
    for week in ctx.checked_weeks():
        limits = ctx.week_limits(week)
        first = week - limits.average_weeks + 1
        if limits.young or first < 0 or not all(complete[first : week + 1]):
            continue
        total = sum(ctx.week_minutes[first : week + 1])
        if total > limits.average_max * limits.average_weeks:
            average = (Decimal(total) / limits.average_weeks / 60).quantize(Decimal("0.01"))
            yield ctx.week_breach(Rule.WEEKLY_AVERAGE, week, average, hours_of(limits.average_max))


def days_per_week(ctx: CheckContext) -> Iterator[Breach]:
    """At most 6 working days a week (L3132-1)."""
    timeline = ctx.timeline
    for week in ctx.checked_weeks():
        monday = timeline.week_start(week)
        worked = sum(
            1
            for index in range(max(monday, 0), min(monday + 7, timeline.days))
            if ctx.day_minutes[index] > 0
        )
        limits = ctx.week_limits(week)
        if worked > limits.max_days:
            yield ctx.week_breach(
                Rule.DAYS_PER_WEEK, week, Decimal(worked), Decimal(limits.max_days), limits.young
            )


def part_time_minimum(ctx: CheckContext) -> Iterator[Breach]:
    """A part-time contract of at least 24 h a week, unless a derogation applies (L3123-7)."""
    facts = ctx.facts
    if facts.part_time_weekly_hours is None or facts.part_time_minimum_waived or ctx.empty:
        return
    contract = minutes_of(facts.part_time_weekly_hours)
    minimum = ctx.limits[ctx.first_index].part_time_minimum
    if contract < minimum:
        timeline = ctx.timeline
        yield Breach(
            Rule.PART_TIME_MINIMUM,
            timeline.day(ctx.first_index),
            timeline.day(ctx.last_index),
            hours_of(contract),
            hours_of(minimum),
        )


def complementary_hours(ctx: CheckContext) -> Iterator[Breach]:
    """Complementary hours within one tenth of the contractual duration (one third by
    agreement), and never bringing the week to the legal duration (L3123-28, L3123-20,
    L3123-9)."""
    facts = ctx.facts
    if facts.part_time_weekly_hours is None or facts.days_package:
        return
    contract = minutes_of(facts.part_time_weekly_hours)
    for week in ctx.checked_weeks():
        limits = ctx.week_limits(week)
        counted = counted_minutes(ctx, week)
        extra = counted - contract
        allowed = complementary_allowance(
            facts.part_time_weekly_hours, limits.complementary_fraction
        )
        if extra > allowed:
            yield ctx.week_breach(
                Rule.COMPLEMENTARY_HOURS, week, hours_of(extra), hours_of(allowed)
            )
        if extra > 0 and counted >= limits.legal_week:
            yield ctx.week_breach(
                Rule.COMPLEMENTARY_LEGAL_DURATION,
                week,
                hours_of(counted),
                hours_of(limits.legal_week),
            )


def overtime_contingent(ctx: CheckContext) -> Iterator[Breach]:
    """The annual overtime contingent (220 h by default, D3121-24), counted by calendar year,
    a week belonging to the year of its Sunday; reported once a year, on the week it is
    passed. Beyond it, each hour is owed compensatory rest and the works council's opinion
    (L3121-30, L3121-38)."""
    facts = ctx.facts
    if facts.days_package or facts.part_time:
        return
    used, year, reported = minutes_of(facts.overtime_before), None, set()
    for week in ctx.checked_weeks():
        sunday = ctx.week_dates(week)[1]
        if year is not None and sunday.year != year:
            used = 0
        year = sunday.year
        used += overtime_minutes(ctx, week)
        contingent = ctx.week_limits(week).contingent
        if used > contingent and year not in reported:
            reported.add(year)
            yield ctx.week_breach(
                Rule.OVERTIME_CONTINGENT, week, hours_of(used), hours_of(contingent)
            )

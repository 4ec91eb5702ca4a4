"""Hours worked in a week beyond the legal duration (overtime) or beyond a part-time contract
(complementary hours), split into the bands that earn each premium.

Overtime: every hour of effective work beyond 35 h in the week (Monday 0 h to Sunday 24 h,
L3121-35), the first 8 at the first premium (+25 % by default), the next at the second (+50 %),
L3121-36. Complementary hours: every hour beyond the contractual weekly duration of a part-time
employee, within one tenth of it at +10 %, beyond at +25 % (L3123-29). The hours of the journée
de solidarité are neither (L3133-10, L3133-11): up to 7 h on that day (pro rata at part time)
are taken off the week. A forfait jours has neither (L3121-62).

Leave and absences are not effective work (L3121-1): the maximums, rests and breaks only see
the time worked. Paid leave (congés payés) is the one absence that counts towards a
threshold: since Cass. soc., 10 septembre 2025, n° 23-14.455 (following CJUE, 13 janvier 2022,
C-514/20), the days of paid leave of a week count towards the 35 h beyond which hours are
overtime, L3121-28 being left unapplied in so far as it requires effective work. The ruling
is about overtime; we read it, conservatively, as covering the annual contingent those hours
use up and, for part time, the complementary hours and the legal duration they may not reach
(the same threshold mechanism, L3123-28 and L3123-9): the hours the paid-leave days would have
been worked (`Timeline.paid_leave`) count in `counted_minutes`. Other absences (sickness, RTT,
unpaid leave…) count in none: L3121-28 counts effective work, and the courts have not extended
the ruling beyond paid leave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from effectif.rules.parameters.working_time import PART_TIME
from effectif.rules.working_time.context import CheckContext
from effectif.rules.working_time.facts import PersonFacts
from effectif.rules.working_time.timeline import Timeline, hours_of, minutes_of


def solidarity_minutes(ctx: CheckContext, week: int) -> int:
    """Minutes of the week's journée de solidarité that count neither as overtime nor as
    complementary hours."""
    facts, timeline = ctx.facts, ctx.timeline
    if not facts.solidarity_days:
        return 0
    monday = timeline.week_start(week)
    excluded = 0
    for index in range(max(monday, 0), min(monday + 7, timeline.days)):
        if timeline.day(index) not in facts.solidarity_days:
            continue
        allowance = ctx.limits[index].solidarity_day
        if facts.part_time_weekly_hours is not None:
            share = Decimal(minutes_of(facts.part_time_weekly_hours)) / ctx.limits[index].legal_week
            allowance = int((allowance * share).to_integral_value(ROUND_FLOOR))
        excluded += min(ctx.day_minutes[index], allowance)
    return excluded


def counted_minutes(ctx: CheckContext, week: int) -> int:
    """The week's time that counts towards overtime or complementary hours: its effective
    work, less the journée de solidarité, plus its paid leave."""
    return (
        ctx.week_minutes[week] - solidarity_minutes(ctx, week) + ctx.timeline.week_paid_leave(week)
    )


def overtime_minutes(ctx: CheckContext, week: int) -> int:
    if ctx.facts.days_package or ctx.facts.part_time:
        return 0
    return max(counted_minutes(ctx, week) - ctx.week_limits(week).legal_week, 0)


def complementary_allowance(weekly_hours: Decimal, fraction: Decimal) -> int:
    """The complementary minutes allowed in a week: a fraction of the contractual duration,
    rounded down to the minute."""
    return int((minutes_of(weekly_hours) * fraction).to_integral_value(ROUND_FLOOR))


@dataclass(frozen=True, slots=True)
class WeekHours:
    """A week's hours for payroll, in hours to the hundredth."""

    monday: date
    worked: Decimal
    overtime_first: Decimal
    overtime_second: Decimal
    complementary_first: Decimal
    complementary_second: Decimal

    @property
    def overtime(self) -> Decimal:
        return self.overtime_first + self.overtime_second

    @property
    def complementary(self) -> Decimal:
        return self.complementary_first + self.complementary_second


def week_hours(ctx: CheckContext, week: int) -> WeekHours:
    """The bands of one week of a checked timeline."""
    limits = ctx.week_limits(week)
    facts = ctx.facts
    overtime = overtime_minutes(ctx, week)
    first = min(overtime, limits.overtime_first_band)
    complementary = complementary_first = 0
    if facts.part_time_weekly_hours is not None and not facts.days_package:
        contract = minutes_of(facts.part_time_weekly_hours)
        complementary = max(counted_minutes(ctx, week) - contract, 0)
        # The +10 % band is one tenth of the contract whatever the agreement allows (L3123-29).
        tenth = PART_TIME.at(ctx.week_dates(week)[0]).complementary_fraction.default
        band = complementary_allowance(facts.part_time_weekly_hours, tenth)
        complementary_first = min(complementary, band)
    return WeekHours(
        monday=ctx.week_dates(week)[0],
        worked=hours_of(ctx.week_minutes[week]),
        overtime_first=hours_of(first),
        overtime_second=hours_of(overtime - first),
        complementary_first=hours_of(complementary_first),
        complementary_second=hours_of(complementary - complementary_first),
    )


def weekly_hours(facts: PersonFacts, timeline: Timeline) -> list[WeekHours]:
    """The hours of every week the timeline covers, Monday to Sunday (a week the timeline
    covers only in part counts what it holds)."""
    ctx = CheckContext(facts, timeline, timeline.first_day, timeline.last_day)
    return [week_hours(ctx, week) for week in timeline.weeks()]

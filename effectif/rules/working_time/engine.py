"""The legal check of one person's working time over a period.

`check(facts, timeline, start, end)` lists every breach on the days from `start` to `end` (and
the weeks that overlap them). The timeline may, and should, reach further back: the 12-week
average needs the eleven weeks before, the daily rest the day before, the weekly rest the whole
week. What the timeline does not cover is unknown and never reported as a breach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from effectif.rules.working_time import durations, rests
from effectif.rules.working_time.breaches import Breach
from effectif.rules.working_time.context import CheckContext
from effectif.rules.working_time.facts import PersonFacts
from effectif.rules.working_time.timeline import Timeline

Check = Callable[[CheckContext], Iterator[Breach]]

#: Every check, in the order the breaches of one day are listed.
CHECKS: tuple[Check, ...] = (
    durations.daily_maximum,
    rests.amplitude,
    rests.daily_rest,
    rests.breaks,
    durations.weekly_maximum,
    durations.weekly_average,
    durations.days_per_week,
    rests.weekly_rest,
    durations.complementary_hours,
    durations.part_time_minimum,
    durations.overtime_contingent,
)


def check(
    facts: PersonFacts,
    timeline: Timeline,
    start: date,
    end: date,
    checks: Iterable[Check] = CHECKS,
) -> list[Breach]:
    """Every breach from `start` to `end`, in date order."""
    ctx = CheckContext(facts, timeline, start, end)
    if ctx.empty:
        return []
    order = {check: position for position, check in enumerate(checks)}
    found = [(breach, order[check]) for check in order for breach in check(ctx)]
    found.sort(key=lambda item: (item[0].start_date, item[1]))
    return [breach for breach, _ in found]

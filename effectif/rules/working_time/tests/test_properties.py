"""Properties of the checks and of the weekly bands, over generated fortnights of work."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from effectif.rules.working_time.breaches import Rule
from effectif.rules.working_time.engine import check
from effectif.rules.working_time.facts import PersonFacts
from effectif.rules.working_time.overtime import weekly_hours
from effectif.rules.working_time.timeline import Timeline, WorkInterval

MONDAY = date(2026, 3, 2)
LAST = MONDAY + timedelta(days=13)
DURATION_RULES = {Rule.DAILY_MAXIMUM, Rule.WEEKLY_MAXIMUM, Rule.DAYS_PER_WEEK}


@st.composite
def shifts(draw: st.DrawFn, days: int = 14) -> list[WorkInterval]:
    """Up to one shift a day, of one or two stretches, on a quarter-hour grid."""
    found: list[WorkInterval] = []
    for index in range(days):
        if not draw(st.booleans()):
            continue
        day = MONDAY + timedelta(days=index)
        start = datetime.combine(day, datetime.min.time()) + timedelta(
            minutes=15 * draw(st.integers(0, 60))
        )
        if found and start < found[-1].end:
            continue
        first = timedelta(minutes=15 * draw(st.integers(1, 32)))
        found.append(WorkInterval(start, start + first, day))
        if draw(st.booleans()):
            pause = timedelta(minutes=15 * draw(st.integers(1, 8)))
            second = timedelta(minutes=15 * draw(st.integers(1, 24)))
            found.append(WorkInterval(start + first + pause, start + first + pause + second, day))
    return found


def _keys(found: list) -> set[tuple[Rule, date]]:
    return {(b.rule, b.start_date) for b in found if b.rule in DURATION_RULES}


@given(shifts(), st.integers(0, 13), st.integers(1, 16))
def test_more_work_never_removes_a_duration_breach(
    base: list[WorkInterval], day: int, quarters: int
) -> None:
    """Adding a stretch at the end of the fortnight's last shift can only add breaches of the
    durations."""
    before = check(PersonFacts(), Timeline.build(MONDAY, LAST, base), MONDAY, LAST)
    start = base[-1].end + timedelta(minutes=30) if base else datetime(2026, 3, 2, 8)
    extra = WorkInterval(
        start, start + timedelta(minutes=15 * quarters), base[-1].shift_day if base else MONDAY
    )
    after = check(PersonFacts(), Timeline.build(MONDAY, LAST, [*base, extra]), MONDAY, LAST)
    assert _keys(before) <= _keys(after)


@given(shifts())
def test_checks_move_with_the_work(base: list[WorkInterval]) -> None:
    """The same work a week later breaks the same rules a week later."""
    week = timedelta(days=7)
    moved = [WorkInterval(i.start + week, i.end + week, i.shift_day + week) for i in base]
    first = check(PersonFacts(), Timeline.build(MONDAY, LAST, base), MONDAY, LAST)
    second = check(
        PersonFacts(), Timeline.build(MONDAY + week, LAST + week, moved), MONDAY + week, LAST + week
    )
    assert [(b.rule, b.start_date + week, b.measured) for b in first] == [
        (b.rule, b.start_date, b.measured) for b in second
    ]


@given(shifts())
def test_overtime_bands_add_up(base: list[WorkInterval]) -> None:
    """Overtime is what a full-time week holds beyond 35 h; the first band holds 8 h before the
    second one starts (L3121-36)."""
    for hours in weekly_hours(PersonFacts(), Timeline.build(MONDAY, LAST, base)):
        assert hours.overtime == max(hours.worked - 35, Decimal(0))
        assert hours.overtime_first <= 8
        assert hours.overtime_second == 0 or hours.overtime_first == 8


@given(
    st.lists(st.integers(7 * 4, 10 * 4), min_size=5, max_size=5),
    st.lists(st.integers(4, 3 * 4), min_size=5, max_size=5),
)
def test_an_office_week_breaks_nothing(starts: list[int], mornings: list[int]) -> None:
    """Monday to Friday, starting between 07:00 and 10:00, a morning of 1 h to 3 h, an hour's
    lunch, an afternoon completing 7 h: within every limit."""
    found = []
    for index, (start_quarter, morning_quarters) in enumerate(zip(starts, mornings, strict=True)):
        day = MONDAY + timedelta(days=index)
        start = datetime.combine(day, datetime.min.time()) + timedelta(minutes=15 * start_quarter)
        morning = timedelta(minutes=15 * morning_quarters)
        afternoon = timedelta(hours=7) - morning
        found.append(WorkInterval(start, start + morning, day))
        found.append(
            WorkInterval(
                start + morning + timedelta(hours=1),
                start + morning + timedelta(hours=1) + afternoon,
                day,
            )
        )
    timeline = Timeline.build(MONDAY, MONDAY + timedelta(days=6), found)
    assert check(PersonFacts(), timeline, MONDAY, MONDAY + timedelta(days=6)) == []

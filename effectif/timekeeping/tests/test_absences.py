"""Days off registered by upper apps (leave) through `absence_sources`: what is still worked of
a day, and the checks taking it off the planned time. Timekeeping does not know the leave app:
a source is registered here by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest

from effectif.timekeeping.absences import (
    AFTERNOON,
    FULL,
    MORNING,
    DayOff,
    absence_sources,
    worked_on_day_off,
    worked_part,
)
from effectif.timekeeping.checking import gather, legal_check_many
from effectif.timekeeping.models import ShiftOverride
from effectif.timekeeping.services.sheets import DayEntry, timesheet_save
from effectif.timekeeping.shifts import REST, shift_from_pairs, untimed_shift

OFFICE_DAY = shift_from_pairs([["09:00", "12:00"], ["13:00", "17:00"]])
MONDAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("off", "left"),
    [
        (DayOff(), []),
        (DayOff(MORNING), [["13:00", "17:00"]]),
        (DayOff(AFTERNOON), [["09:00", "12:00"]]),
        (DayOff(FULL, Decimal(2)), [["09:00", "12:00"], ["13:00", "15:00"]]),
        (DayOff(FULL, Decimal(5)), [["09:00", "11:00"]]),
        (DayOff(AFTERNOON, Decimal(1)), [["09:00", "11:00"]]),
    ],
)
def test_what_is_still_worked_of_a_day_off(off: DayOff, left: list[list[str]]) -> None:
    assert worked_part(OFFICE_DAY, off).pairs() == left


def test_a_stretch_across_noon_is_cut_at_noon() -> None:
    day = shift_from_pairs([["08:00", "16:00"]])
    assert worked_part(day, DayOff(MORNING)).pairs() == [["12:00", "16:00"]]
    assert worked_part(day, DayOff(AFTERNOON)).hours == Decimal("4.00")


def test_a_day_known_by_its_hours_loses_half_or_the_hours_off() -> None:
    day = untimed_shift(Decimal(7))
    assert worked_part(day, DayOff(MORNING)).hours == Decimal("3.50")
    assert worked_part(day, DayOff(FULL, Decimal(2))).hours == Decimal("5.00")
    assert worked_part(day, DayOff()) == REST


def test_only_paid_leave_minutes_are_kept_for_the_thresholds() -> None:
    shift, paid = worked_on_day_off(
        OFFICE_DAY, [DayOff(MORNING, paid_leave=True), DayOff(AFTERNOON)]
    )
    assert (shift.works, paid) == (False, 3 * 60)


@pytest.fixture
def off_on_monday() -> Iterator[dict[int, dict[dt.date, list[DayOff]]]]:
    found: dict[int, dict[dt.date, list[DayOff]]] = {}
    absence_sources.register("test", lambda ids, start, end: found)
    try:
        yield found
    finally:
        absence_sources.unregister("test")


@pytest.mark.django_db
def test_the_checks_take_registered_days_off(world, off_on_monday) -> None:
    ShiftOverride.objects.create(
        employee=world.member,
        day=MONDAY,
        intervals=[["07:00", "12:00"], ["13:00", "19:00"]],
        hours=Decimal(11),
    )
    sunday = MONDAY + dt.timedelta(days=6)
    assert world.member.pk in legal_check_many([world.member], MONDAY, sunday)
    off_on_monday[world.member.pk] = {MONDAY: [DayOff()]}
    assert legal_check_many([world.member], MONDAY, sunday) == {}


@pytest.mark.django_db
def test_paid_leave_is_at_most_what_the_sheet_says_was_not_worked(
    world, employee_user, off_on_monday
) -> None:
    off_on_monday[world.member.pk] = {MONDAY: [DayOff(MORNING, paid_leave=True)]}
    gathered = gather([world.member], MONDAY, MONDAY + dt.timedelta(days=6))
    index = (MONDAY - gathered.data.start).days
    # The legal day, 09:00–12:00 and 13:00–17:00: the morning off is 3 h of paid leave.
    assert gathered.worked_with_leave(world.member.pk)[1] == {index: 180}
    for hours, paid in ((5, {index: 120}), (8, {index: 0})):
        timesheet_save(
            employee=world.member,
            week_start=MONDAY,
            days={MONDAY: DayEntry(hours=Decimal(hours))},
            by=employee_user,
        )
        gathered = gather([world.member], MONDAY, MONDAY + dt.timedelta(days=6))
        assert gathered.worked_with_leave(world.member.pk)[1] == paid

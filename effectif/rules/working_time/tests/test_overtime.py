"""Overtime and complementary hours of a week, by premium band (L3121-36, L3123-29), with the
journée de solidarité left out (L3133-10, L3133-11). Hours are worked Monday to Friday in the
week of Monday 2 March 2026, then in the week of Whit Monday, 25 May 2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.working_time.facts import PersonFacts
from effectif.rules.working_time.overtime import weekly_hours
from effectif.rules.working_time.tests.builders import MONDAY, timeline, week

D = Decimal
FULL_TIME = PersonFacts()
PART_24 = PersonFacts(part_time_weekly_hours=D(24))
WHIT_MONDAY = date(2026, 5, 25)


@pytest.mark.parametrize(
    ("facts", "days", "expected"),
    [
        # 5 × 7 h = 35 h: the legal duration, no overtime.
        (FULL_TIME, ["09:00-12:00 13:00-17:00"] * 5, ("35.00", "0.00", "0.00", "0.00", "0.00")),
        # 5 × 7 h 48 = 39 h: 4 h beyond 35 h, all in the first band of 8 h (+25 %).
        (FULL_TIME, ["09:00-12:00 13:00-17:48"] * 5, ("39.00", "4.00", "0.00", "0.00", "0.00")),
        # 5 × 8 h 36 = 43 h: 8 h at +25 %, none at +50 % (the 44th hour is not reached).
        (FULL_TIME, ["08:00-12:00 13:00-17:36"] * 5, ("43.00", "8.00", "0.00", "0.00", "0.00")),
        # 5 × 9 h 12 = 46 h: 8 h at +25 % (36th to 43rd), 3 h at +50 % (44th to 46th).
        (FULL_TIME, ["08:00-12:00 13:00-18:12"] * 5, ("46.00", "8.00", "3.00", "0.00", "0.00")),
        # Part time 24 h, 27 h worked: 3 h of complementary hours, 2 h 24 (a tenth of 24 h)
        # at +10 %, the remaining 0 h 36 at +25 %.
        (
            PART_24,
            [
                "08:00-12:00 13:00-16:00",
                "08:00-12:00 13:00-17:00",
                "08:00-12:00 13:00-17:00",
                "08:00-12:00",
            ],
            ("27.00", "0.00", "0.00", "2.40", "0.60"),
        ),
        # Part time 24 h, 25 h worked: 1 h, within the tenth.
        (PART_24, ["08:00-13:00"] * 5, ("25.00", "0.00", "0.00", "1.00", "0.00")),
        # Forfait jours: neither overtime nor complementary hours (L3121-62).
        (
            PersonFacts(days_package=True),
            ["08:00-12:00 13:00-18:12"] * 5,
            ("46.00", "0.00", "0.00", "0.00", "0.00"),
        ),
    ],
)
def test_weekly_bands(facts: PersonFacts, days: list[str], expected: tuple[str, ...]) -> None:
    (hours,) = weekly_hours(facts, timeline(week(MONDAY, *days), MONDAY, date(2026, 3, 8)))
    got = (
        hours.worked,
        hours.overtime_first,
        hours.overtime_second,
        hours.complementary_first,
        hours.complementary_second,
    )
    assert got == tuple(D(value) for value in expected)


def test_solidarity_day_hours_are_not_overtime() -> None:
    # Whit Monday worked 7 h as the journée de solidarité, then 4 × 8 h = 39 h in the week:
    # 39 − 7 = 32 h count, no overtime. Without the solidarity day: 4 h at +25 %.
    days = week(WHIT_MONDAY, "09:00-12:00 13:00-17:00", *["08:00-12:00 13:00-17:00"] * 4)
    tl = timeline(days, WHIT_MONDAY, date(2026, 5, 31))
    (solidarity,) = weekly_hours(PersonFacts(solidarity_days=frozenset({WHIT_MONDAY})), tl)
    (ordinary,) = weekly_hours(FULL_TIME, tl)
    assert (solidarity.worked, solidarity.overtime) == (D("39.00"), D("0.00"))
    assert ordinary.overtime_first == D("4.00")


def test_solidarity_day_pro_rata_at_part_time() -> None:
    # 30 h contract: 7 h × 30/35 = 6 h are the solidarity day's. Whit Monday 6 h 30, then
    # 4 × 7 h 30 = 30 h: 36 h 30 worked, 36 h 30 − 6 h = 30 h 30 count, 0 h 30 complementary.
    facts = PersonFacts(part_time_weekly_hours=D(30), solidarity_days=frozenset({WHIT_MONDAY}))
    days = week(WHIT_MONDAY, "09:00-12:00 13:00-16:30", *["08:00-12:00 13:00-16:30"] * 4)
    (hours,) = weekly_hours(facts, timeline(days, WHIT_MONDAY, date(2026, 5, 31)))
    assert (hours.worked, hours.complementary_first) == (D("36.50"), D("0.50"))


def test_paid_leave_counts_towards_the_overtime_threshold() -> None:
    # Monday on paid leave (7 h it would have worked), then 4 × 9 h = 36 h worked: since Cass.
    # soc. 10 septembre 2025, n° 23-14.455, the week counts 43 h, 8 h of overtime at +25 %
    # (before it, 1 h). The hours worked stay 36 h.
    days = week(MONDAY, "", *["08:00-12:00 13:00-18:00"] * 4)
    tl = timeline(days, MONDAY, date(2026, 3, 8))
    tl.paid_leave = {0: 7 * 60}
    (hours,) = weekly_hours(FULL_TIME, tl)
    assert (hours.worked, hours.overtime_first, hours.overtime_second) == (
        D("36.00"),
        D("8.00"),
        D("0.00"),
    )
    # Part time 24 h, two days of paid leave (6 h each) and 14 h worked: 26 h count, 2 h of
    # complementary hours within the tenth.
    days = week(MONDAY, "", "", "08:00-12:00 13:00-16:00", "08:00-12:00 13:00-16:00")
    tl = timeline(days, MONDAY, date(2026, 3, 8))
    tl.paid_leave = {0: 6 * 60, 1: 6 * 60}
    (hours,) = weekly_hours(PART_24, tl)
    assert (hours.worked, hours.complementary_first) == (D("14.00"), D("2.00"))

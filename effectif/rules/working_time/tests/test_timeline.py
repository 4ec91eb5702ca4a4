"""Shifts written as clock times, and timelines built from intervals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from effectif.rules.working_time.timeline import (
    OverlappingIntervals,
    Timeline,
    UnorderedShift,
    WorkInterval,
    shift_minutes,
)

H = 60


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(8 * H, 12 * H), (13 * H, 17 * H)], [(8 * H, 12 * H), (13 * H, 17 * H)]),
        # A night shift: times earlier on the clock are on the next day.
        ([(22 * H, 2 * H), (2 * H + 30, 6 * H)], [(22 * H, 26 * H), (26 * H + 30, 30 * H)]),
        ([(22 * H, 6 * H)], [(22 * H, 30 * H)]),
        # Stretches that touch are one.
        ([(8 * H, 12 * H), (12 * H, 13 * H)], [(8 * H, 13 * H)]),
        ([], []),
    ],
)
def test_shift_minutes(pairs, expected) -> None:
    assert shift_minutes(pairs) == expected


@pytest.mark.parametrize(
    "pairs",
    [
        [(8 * H, 12 * H), (11 * H, 14 * H)],  # overlap
        [(8 * H, 8 * H)],  # a whole day
        [(8 * H, 12 * H), (13 * H, 8 * H)],  # back to the first start: 24 h
        [(10 * H, 5 * H), (6 * H, 10 * H + 10)],  # beyond 24 h
    ],
)
def test_shift_minutes_refuses(pairs) -> None:
    with pytest.raises(UnorderedShift):
        shift_minutes(pairs)


def test_timeline_refuses_overlapping_intervals() -> None:
    with pytest.raises(OverlappingIntervals):
        Timeline.build(
            date(2026, 3, 2),
            date(2026, 3, 2),
            [
                WorkInterval(datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 12)),
                WorkInterval(datetime(2026, 3, 2, 11), datetime(2026, 3, 2, 13)),
            ],
        )


def test_weeks_of_a_timeline_starting_midweek() -> None:
    timeline = Timeline(date(2026, 3, 4), date(2026, 3, 10))  # Wednesday to Tuesday
    assert list(timeline.weeks()) == [0, 1]
    assert timeline.week_start(1) == 5  # Monday 9 March
    assert not timeline.week_is_complete(0)

"""Monthly acquisition: reference cases computed by hand (C. trav. L3141-3 to L3141-5-1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from effectif.rules.leave.acquisition import (
    MonthActivity,
    PeriodSoFar,
    monthly_acquisition,
    period_acquisition,
    rounded_entitlement,
)
from effectif.rules.parameters.leave import OUVRABLES, OUVRES

D = Decimal
SEPT = date(2025, 9, 1)  # 30 days


@pytest.mark.parametrize(
    ("activity", "counting", "expected", "hand"),
    [
        (MonthActivity(SEPT, 30), OUVRABLES, "2.50", "a full month: 2,5 j (L3141-3)"),
        (MonthActivity(SEPT, 30), OUVRES, "2.08", "a full month in jours ouvrés: 2,08 j"),
        # Four weeks of work count as a month (L3141-4): hired on the 3rd, 28 days → 2,5.
        (MonthActivity(SEPT, 28), OUVRABLES, "2.50", "28 days = 4 weeks = a month"),
        # Hired on the 16th: 15 days; 2,5 × 15 / 28 = 1,339… → 1,34.
        (MonthActivity(SEPT, 15), OUVRABLES, "1.34", "2.5 × 15/28 = 1.3393"),
        # Left on the 10th: 10 days; 2,08 × 10 / 28 = 0,742… → 0,74.
        (MonthActivity(SEPT, 10), OUVRES, "0.74", "2.08 × 10/28 = 0.7429"),
        # A whole month of non-occupational illness (from 24/04/2024): 2 j (L3141-5-1).
        (MonthActivity(SEPT, 0, 30), OUVRABLES, "2.00", "sick all month: 2 j"),
        # 10 days worked, 20 days sick: 2,5 × 10/28 = 0,89 ; 2 × 18/28 (the rest of the month
        # equivalent) = 1,29 → 2,18.
        (MonthActivity(SEPT, 10, 20), OUVRABLES, "2.18", "0.8929 → 0.89 + 2 × 18/28 → 1.29"),
        # Unpaid leave of 12 days: 18 effective days; 2,5 × 18/28 = 1,607… → 1,61.
        (MonthActivity(SEPT, 18), OUVRABLES, "1.61", "2.5 × 18/28 = 1.6071"),
        (MonthActivity(SEPT, 0), OUVRABLES, "0.00", "no day under contract"),
    ],
)
def test_month(activity, counting, expected, hand):
    assert monthly_acquisition(activity, counting).days == D(expected), hand


def test_illness_before_the_2024_law_gave_nothing():
    # Before 24/04/2024 the law gave no leave for non-occupational illness (L3141-5 old).
    assert monthly_acquisition(MonthActivity(date(2024, 1, 1), 0, 31), OUVRABLES).days == 0
    after = monthly_acquisition(MonthActivity(date(2024, 5, 1), 0, 31), OUVRABLES)
    assert after.days == D(2)
    assert "2024-364" in after.basis


def test_illness_is_capped_at_24_days_a_period():
    # Twelve months of illness: 2 j × 12 = 24 j, the cap; the thirteenth would give nothing.
    results = period_acquisition(
        [MonthActivity(date(2025 + (5 + n) // 12, (5 + n) % 12 + 1, 1), 0, 30) for n in range(12)],
        OUVRABLES,
    )
    assert sum(r.days for r in results) == D(24)
    capped = monthly_acquisition(
        MonthActivity(date(2026, 5, 1), 0, 31), OUVRABLES, PeriodSoFar(D(23), D(23))
    )
    assert capped.days == D(1)  # 24 − 23


def test_six_months_of_work_and_six_of_illness_give_27_days():
    # 6 × 2,5 = 15 at work, 6 × 2 = 12 sick: 27 j (the cap of 24 applies to the sick part).
    months = [date(2025 + (5 + n) // 12, (5 + n) % 12 + 1, 1) for n in range(12)]
    activities = [
        MonthActivity(m, 31, 0) if n < 6 else MonthActivity(m, 0, 31) for n, m in enumerate(months)
    ]
    assert sum(r.days for r in period_acquisition(activities, OUVRABLES)) == D(27)


def test_the_year_never_gives_more_than_30_days():
    capped = monthly_acquisition(MonthActivity(SEPT, 30), OUVRABLES, PeriodSoFar(D("29"), D(0)))
    assert capped.days == D(1)


@pytest.mark.parametrize(
    ("total", "counting", "expected"),
    [
        ("24.96", OUVRES, "25"),  # 12 × 2,08 = 24,96 → 25 (L3141-7: rounded up)
        ("13.39", OUVRABLES, "14"),
        ("30", OUVRABLES, "30"),
        ("31", OUVRABLES, "30"),
        ("0", OUVRABLES, "0"),
    ],
)
def test_entitlement_is_rounded_up_and_capped(total, counting, expected):
    assert rounded_entitlement(D(total), counting, date(2026, 5, 31)) == D(expected)


def test_negative_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        MonthActivity(SEPT, -1)

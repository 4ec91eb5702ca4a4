"""Fractionnement, carry-over and expiry, leave pay, family durations, periods — by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from effectif.rules.leave.carry_over import illness_carry_over, information_deadline
from effectif.rules.leave.family import (
    child_bereavement_days,
    family_event_days,
    maternity_weeks,
    paternity_days,
)
from effectif.rules.leave.pay import MAINTIEN, TENTH, LeavePayFacts, leave_pay
from effectif.rules.leave.periods import (
    end_of_validity,
    period_starting,
    reference_period,
)
from effectif.rules.leave.splitting import days_outside, splitting_days
from effectif.rules.parameters.leave import OUVRABLES, OUVRES

D = Decimal
ON = date(2026, 5, 31)


def taken(start: date, days: int) -> list[tuple[date, Decimal]]:
    return [(start + timedelta(days=n), D(1)) for n in range(days)]


@pytest.mark.parametrize(
    ("days", "counting", "expected", "hand"),
    [
        (taken(date(2025, 7, 1), 18) + taken(date(2026, 2, 2), 6), OUVRABLES, 2, "6 outside → +2"),
        (taken(date(2025, 7, 1), 20) + taken(date(2026, 2, 2), 4), OUVRABLES, 1, "4 outside → +1"),
        (taken(date(2025, 7, 1), 22) + taken(date(2026, 2, 2), 2), OUVRABLES, 0, "2 → 0"),
        # 24 days in summer, 6 in winter: the winter days are the fifth week → nothing.
        (taken(date(2025, 7, 1), 24) + taken(date(2026, 2, 2), 6), OUVRABLES, 0, "5th week"),
        # 20 in summer, 10 in winter: 4 of the main leave outside → +1.
        (taken(date(2025, 7, 1), 20) + taken(date(2026, 2, 2), 10), OUVRABLES, 1, "24 − 20 = 4"),
        (taken(date(2025, 7, 1), 15) + taken(date(2026, 2, 2), 5), OUVRES, 2, "ouvrés: 5 → +2"),
        (taken(date(2025, 10, 27), 10), OUVRABLES, 1, "27–31 Oct in, 1–5 Nov out: 5 → +1"),
    ],
)
def test_splitting(days, counting, expected, hand):
    assert splitting_days(days, counting, ON) == expected, hand


def test_days_outside_counts_half_days():
    assert days_outside([(date(2026, 1, 5), D("0.5"))], OUVRABLES, ON) == D("0.5")


def test_periods():
    assert reference_period(date(2026, 5, 31), 6) == period_starting(date(2025, 6, 1))
    assert reference_period(date(2026, 6, 1), 6).end == date(2027, 5, 31)
    assert reference_period(date(2026, 6, 1), 1).label == "2026"
    assert period_starting(date(2025, 6, 1)).label == "2025-2026"
    assert len(period_starting(date(2025, 6, 1)).months()) == 12
    # Acquired June 2025 – May 2026, taken by 31 May 2027.
    assert end_of_validity(period_starting(date(2025, 6, 1)), 12) == date(2027, 5, 31)
    assert end_of_validity(period_starting(date(2026, 1, 1)), 0) == date(2026, 12, 31)
    with pytest.raises(ValueError, match="start_month"):
        reference_period(ON, 13)


def test_carry_over_starts_at_the_return():
    # Sick from 1 March to 30 June 2026: back on 1 July, 15 months → 30 September 2027.
    period = period_starting(date(2024, 6, 1))  # acquired 2024-2025, to take by May 2026
    result = illness_carry_over(period, date(2026, 3, 1), date(2026, 6, 30))
    assert result.starts == date(2026, 7, 1)
    assert result.deadline == date(2027, 9, 30)
    assert "L3141-19-1" in result.basis
    assert information_deadline(date(2026, 7, 1)) == date(2026, 8, 1)


def test_carry_over_after_a_year_of_absence_starts_at_the_end_of_the_period():
    # Absent since 1 March 2025, the period 2025-2026 ends on 31 May 2026 while they are still
    # off (more than a year): the 15 months run from 1 June 2026 → 31 August 2027.
    period = period_starting(date(2025, 6, 1))
    result = illness_carry_over(period, date(2025, 3, 1), date(2026, 12, 31))
    assert result.starts == date(2026, 6, 1)
    assert result.deadline == date(2027, 8, 31)
    assert "L3141-19-2" in result.basis


@pytest.mark.parametrize(
    ("facts", "maintien", "tenth", "method", "hand"),
    [
        # 2 400 €/month, 5 days of 7 h in a month of 147 h: 2 400 × 35 / 147 = 571,43.
        # Reference gross 28 800 €, 30 days acquired: 28 800 × 10 % × 6 / 30 = 576,00.
        (
            LeavePayFacts(ON, D(6), D(2400), D(147), D(35), D(28800), D(30)),
            "571.43",
            "576.00",
            TENTH,
            "tenth higher",
        ),
        # A raise during the year: 3 000 €/month now, reference gross 28 800 €:
        # maintien 3 000 × 35 / 147 = 714,29 > 576,00.
        (
            LeavePayFacts(ON, D(6), D(3000), D(147), D(35), D(28800), D(30)),
            "714.29",
            "576.00",
            MAINTIEN,
            "maintien higher",
        ),
        (LeavePayFacts(ON, D(6), D(0), D(0), D(0), D(0), D(0)), "0.00", "0.00", MAINTIEN, "none"),
    ],
)
def test_leave_pay(facts, maintien, tenth, method, hand):
    pay = leave_pay(facts)
    assert (pay.maintien_amount, pay.tenth_amount, pay.method) == (D(maintien), D(tenth), method)
    assert pay.amount == max(D(maintien), D(tenth)), hand
    assert "L3141-24" in pay.basis


@pytest.mark.parametrize(
    ("event", "days"),
    [("mariage", 4), ("pacs", 4), ("naissance", 3), ("deces_enfant_moins_25_ans", 7)],
)
def test_family_events(event, days):
    assert family_event_days(event, ON) == days


def test_family_leave_durations():
    assert maternity_weeks("premier_ou_deuxieme", ON) == (6, 10)
    assert maternity_weeks("troisieme_enfant", ON) == (8, 18)
    assert paternity_days(ON) == 25
    assert paternity_days(ON, multiple_births=True) == 32
    assert child_bereavement_days(ON) == 8
    with pytest.raises(KeyError):
        family_event_days("anniversaire", ON)

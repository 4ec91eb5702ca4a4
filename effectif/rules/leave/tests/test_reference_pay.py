"""The gross pay of the reference period, base of the tenth rule (C. trav. art. L3141-24) — by
hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.leave.periods import period_starting
from effectif.rules.leave.reference_pay import PayVersion, pro_rata_gross

D = Decimal
PERIOD = period_starting(date(2025, 6, 1))


def test_a_full_year_at_one_pay_is_twelve_months_of_it() -> None:
    """L3141-24: 12 × 2 500 € over the reference period 1 June 2025 – 31 May 2026."""
    versions = [PayVersion(date(2020, 1, 1), date(2020, 1, 1), None, D(2500))]
    assert pro_rata_gross(versions, PERIOD.start, PERIOD.end) == D(30000)


def test_a_raise_counts_from_the_month_it_is_in_force_on_its_last_day() -> None:
    """L3141-24: 2 000 € June – December, 2 400 € January – May → 7 × 2 000 + 5 × 2 400."""
    versions = [
        PayVersion(date(2024, 1, 1), date(2024, 1, 1), None, D(2000)),
        PayVersion(date(2026, 1, 1), date(2024, 1, 1), None, D(2400)),
    ]
    assert pro_rata_gross(versions, PERIOD.start, PERIOD.end) == D(26000)


def test_a_hire_mid_month_counts_the_days_under_contract() -> None:
    """L3141-24: hired 16 June 2025 at 3 000 €: June counts 15/30, then 11 full months."""
    versions = [PayVersion(date(2025, 6, 16), date(2025, 6, 16), None, D(3000))]
    assert pro_rata_gross(versions, PERIOD.start, PERIOD.end) == D(1500) + 11 * D(3000)


def test_the_days_after_the_contract_end_and_outside_the_bounds_do_not_count() -> None:
    """A fixed-term contract ending 10 July 2025 (10/31 of July), counted from 1 July only."""
    versions = [PayVersion(date(2025, 1, 1), date(2025, 1, 1), date(2025, 7, 10), D(3100))]
    assert pro_rata_gross(versions, date(2025, 7, 1), date(2025, 12, 31)) == D(1000)
    assert pro_rata_gross(versions, date(2025, 7, 6), date(2025, 7, 31)) == D(500)

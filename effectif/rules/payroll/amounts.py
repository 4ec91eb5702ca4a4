"""The two operations every payslip amount is made of, each rounded once by `round_amount`.

The batch path mirrors them exactly in integer cents (`batch/cents.py`): an amount is always an
exact rational (amount × rate, or amount × numerator / denominator) rounded half away from zero
to the cent, never a float.
"""

from __future__ import annotations

from decimal import Decimal

from effectif.rules.money import round_amount


def apply_rate(amount: Decimal, rate: Decimal) -> Decimal:
    """`amount × rate`, rounded to the cent."""
    return round_amount(amount * rate)


def prorate(amount: Decimal, numerator: Decimal | int, denominator: Decimal | int) -> Decimal:
    """`amount × numerator / denominator`, rounded to the cent (denominator > 0)."""
    return round_amount(amount * numerator / denominator)

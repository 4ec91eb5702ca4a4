"""Exact integer arithmetic of the batch path, mirroring `amounts.py`.

Amounts are int64 cents, rates int64 millionths (`RATE_SCALE`), hours and days int64
hundredths (`QUANTITY_SCALE`). A division rounds half away from zero like `round_amount`, on the
exact rational value, so each result equals the `Decimal` one to the cent. Inputs are bounded by
validation (amounts below 10^10 cents) so that no product exceeds the int64 range.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import numpy.typing as npt

Int = npt.NDArray[np.int64]
Bool = npt.NDArray[np.bool_]

RATE_SCALE = 1_000_000
QUANTITY_SCALE = 100
CENTS = 100


def round_div(numerator: Int | int, denominator: Int | int) -> Int:
    """numerator / denominator rounded half away from zero (denominator > 0)."""
    num = np.asarray(numerator, dtype=np.int64)
    den = np.asarray(denominator, dtype=np.int64)
    magnitude = (2 * np.abs(num) + den) // (2 * den)
    return np.where(num < 0, -magnitude, magnitude)


def apply_rate(amount: Int | int, rate: Int | int) -> Int:
    """amount × rate (rate in millionths), rounded to the cent."""
    return round_div(np.asarray(amount, dtype=np.int64) * rate, RATE_SCALE)


def prorate(amount: Int | int, numerator: Int | int, denominator: Int | int) -> Int:
    """amount × numerator / denominator, rounded to the cent."""
    return round_div(np.asarray(amount, dtype=np.int64) * numerator, denominator)


def to_cents(value: Decimal) -> int:
    """A Decimal amount with at most two decimals, in cents."""
    cents = value * CENTS
    if cents != cents.to_integral_value():
        raise ValueError(f"{value} has more than two decimals")
    return int(cents)


def to_micro(value: Decimal) -> int:
    """A Decimal rate with at most six decimals, in millionths."""
    micro = value * RATE_SCALE
    if micro != micro.to_integral_value():
        raise ValueError(f"{value} has more than six decimals")
    return int(micro)


def to_hundredths(value: Decimal) -> int:
    """Hours or days with at most two decimals, in hundredths."""
    return to_cents(value)


def from_cents(value: int | np.integer) -> Decimal:
    """Cents back to a Decimal amount."""
    return Decimal(int(value)).scaleb(-2)

"""Money: `Decimal` amounts and the one rounding rule of the project."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_amount(value: Decimal) -> Decimal:
    """Round an amount to the cent, half away from zero (the payslip convention)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(value: Decimal | int | str) -> Decimal:
    """A Decimal from an int, a str or a Decimal; floats are refused to keep amounts exact."""
    if isinstance(value, float):
        raise TypeError("Amounts are never floats: pass a str or a Decimal")
    return Decimal(value)

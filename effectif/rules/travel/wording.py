"""French wording of figures in messages: "1 234,56 €", "5 000 km", "0,636 €", "12/03/2026"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from effectif.rules.money import round_amount


def _group(integer_part: str) -> str:
    if len(integer_part) <= 3:
        return integer_part
    sign = "-" if integer_part.startswith("-") else ""
    digits = integer_part.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + " ".join(groups)


def number(value: Decimal | int) -> str:
    """A number as written in French, without trailing zeros: 5000 → "5 000", 312.50 → "312,5"."""
    text = f"{Decimal(value).normalize():f}"
    integer_part, _, fraction = text.partition(".")
    return _group(integer_part) + ("," + fraction if fraction else "")


def euros(value: Decimal) -> str:
    """An amount to the cent: "1 234,56 €"."""
    integer_part, _, fraction = f"{round_amount(value):f}".partition(".")
    return f"{_group(integer_part)},{fraction} €"


def rate(value: Decimal) -> str:
    """A rate per kilometre as published, with at least three decimals: "0,370 €"."""
    text = f"{value:f}"
    decimals = len(text.partition(".")[2])
    if decimals < 3:
        text = f"{value.quantize(Decimal('0.001')):f}"
    integer_part, _, fraction = text.partition(".")
    return f"{_group(integer_part)},{fraction} €"


def day(value: date) -> str:
    return f"{value:%d/%m/%Y}"

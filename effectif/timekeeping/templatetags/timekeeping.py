"""Durations as people read them: 8.6 → « 8 h 36 »."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from effectif.timekeeping.breach_text import hours_text

register = template.Library()


@register.filter
def duration(value: Any) -> str:
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return "—"
    return hours_text(hours) if hours else "—"

"""French display of rates, amounts and hours."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from effectif.rules.identity.checks import format_iban

register = template.Library()

NBSP = "\u00a0"
NNBSP = "\u202f"


def _french_number(value: Decimal, places: int) -> str:
    text = f"{value:,.{places}f}"
    return text.replace(",", NNBSP).replace(".", ",")


def _decimal(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def percent(value: Any, places: int = 2) -> str:
    """A fraction as a French percentage: 0.0208 → « 2,08 % »."""
    number = _decimal(value)
    if number is None:
        return "—"
    return f"{_french_number(number * 100, int(places))}{NBSP}%"


@register.filter
def euros(value: Any) -> str:
    """An amount in euros: 1823.03 → « 1 823,03 € »."""
    number = _decimal(value)
    if number is None:
        return "—"
    return f"{_french_number(number, 2)}{NBSP}€"


@register.filter
def decimal_fr(value: Any, places: int = 2) -> str:
    number = _decimal(value)
    if number is None:
        return "—"
    return _french_number(number, int(places))


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`mapping[key]` in a template, or an empty string."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.filter
def iban(value: Any) -> str:
    """An IBAN in groups of four characters, as printed on a RIB."""
    return format_iban(str(value)) if value else "—"


@register.simple_tag
def change_rows(entry: Any) -> list[dict[str, str]]:
    """An audit entry's changes with each field's label, as the user knows it."""
    from django.apps import apps

    try:
        model = apps.get_model(entry.target_type) if entry.target_type else None
    except (LookupError, ValueError):
        model = None
    rows = []
    for name, values in (entry.changes or {}).items():
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except Exception:  # a field since removed keeps its technical name
                label = name
        old, new = [*list(values), "", ""][:2]
        rows.append({"label": label[:1].upper() + label[1:], "old": old, "new": new})
    return rows

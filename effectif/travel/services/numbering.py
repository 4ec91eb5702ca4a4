"""How the travel app numbers and writes what it stores: the yearly references of trips
(« OM-2026-0001 ») and expense reports (« NF-2026-0001 »), and amounts in French in the
messages."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Model

from effectif.organisation.models import Employer


def next_reference(model: type[Model], employer: Employer, code: str, year: int) -> str:
    """« <code>-<year>-<seq> », numbered per employer and year (the employer row is locked)."""
    Employer.objects.select_for_update().filter(pk=employer.pk).first()
    prefix = f"{code}-{year}-"
    numbers = [
        int(ref[len(prefix) :])
        for ref in model._default_manager.filter(
            employer=employer, reference__startswith=prefix
        ).values_list("reference", flat=True)
        if ref[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def amount_fr(amount: Decimal) -> str:
    """An amount to the cent, without the currency: 1234.5 → « 1 234,50 »."""
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",")

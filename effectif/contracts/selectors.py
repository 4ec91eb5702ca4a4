"""Reads of contracts, through the scope of the personnel files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.employees.selectors import employees_for

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def contracts_for(user: Actor) -> QuerySet[Contract]:
    return Contract.objects.filter(employee__in=employees_for(user)).select_related(
        "employee", "employee__employer"
    )


def contract_get(user: Actor, pk: Any) -> Contract:
    return get_in_scope(contracts_for(user), pk)


def active_on(on: dt.date, prefix: str = "") -> Q:
    """Contracts running on a day (inclusive bounds)."""
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


def terms_as_of(contract: Contract, on: dt.date) -> ContractTerms | None:
    """The contract as it stood on a date: the latest version in effect then."""
    return (
        contract.versions.filter(effective_date__lte=on)
        .select_related("establishment", "position")
        .order_by("-effective_date")
        .first()
    )


def employee_contracts(employee: Employee) -> list[Contract]:
    """An employee's contracts, newest first, with all their versions (two queries)."""
    return list(
        Contract.objects.filter(employee=employee)
        .prefetch_related("versions__establishment", "versions__position")
        .order_by("-start_date")
    )


def current_contract(employee: Employee, on: dt.date) -> Contract | None:
    return Contract.objects.filter(active_on(on), employee=employee).first()

"""Reads of departures, through HR's scope (the employers it is granted). Managers and
employees do not see departures: a procedure is confidential until notified."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from effectif.contracts.models import Contract
from effectif.contracts.selectors import active_on, contracts_for
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.departures.models import Departure, NoticePolicy, Status
from effectif.departures.workflows import severance_label
from effectif.employees.selectors import employees_for
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for
from effectif.rules.leave.periods import month_end

if TYPE_CHECKING:
    from effectif.accounts.models import User


def departures_for(user: User) -> QuerySet[Departure]:
    if not is_hr(user):
        return Departure.objects.none()
    return Departure.objects.filter(employee__in=employees_for(user)).select_related(
        "employee", "employee__employer", "contract"
    )


def departure_get(user: User, pk: Any) -> Departure:
    return get_in_scope(departures_for(user), pk)


def departure_list(
    user: User, *, status: str = "", employer_id: int | None = None, q: str = ""
) -> QuerySet[Departure]:
    rows = departures_for(user)
    if status:
        rows = rows.filter(status=status)
    if employer_id:
        rows = rows.filter(employee__employer_id=employer_id)
    for term in q.split():
        rows = rows.filter(
            Q(employee__last_name__icontains=term)
            | Q(employee__usage_name__icontains=term)
            | Q(employee__first_names__icontains=term)
            | Q(employee__matricule__icontains=term)
        )
    return rows.order_by("status", "end_date", "-id")


def leavable_contracts(user: User, on: dt.date) -> QuerySet[Contract]:
    """Contracts running (or not yet ended) with no departure engaged, for HR to start one."""
    if not is_hr(user):
        return Contract.objects.none()
    engaged = Departure.objects.exclude(status=Status.CANCELLED).values("contract_id")
    return (
        contracts_for(user)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on - dt.timedelta(days=31)))
        .filter(end_reason="")
        .exclude(pk__in=engaged)
        .order_by("employee__last_name", "employee__first_names")
    )


def contract_for_departure(user: User, pk: Any) -> Contract:
    return get_in_scope(leavable_contracts(user, timezone.localdate()), pk)


def renewable_contract(user: User, pk: Any) -> Contract:
    if not is_hr(user):
        return get_in_scope(Contract.objects.none(), pk)
    return get_in_scope(contracts_for(user).filter(kind__in=["cdd", "interim"], end_reason=""), pk)


def hr_employers(user: User) -> QuerySet[Employer]:
    return hr_employers_for(user).order_by("name") if is_hr(user) else Employer.objects.none()


def notice_policies(employer: Employer) -> dict[str, NoticePolicy]:
    return {p.category: p for p in NoticePolicy.objects.filter(employer=employer)}


@dataclass(frozen=True)
class PayrollLine:
    departure: Departure
    label: str
    amount: Decimal
    basis: str


def payroll_lines(user: User, employer: Employer, month: dt.date) -> list[PayrollLine]:
    """The amounts of the departures whose contract ends within `month`, for payroll: legal or
    agreed severance, CDD indemnity, compensatory indemnity for untaken paid leave."""
    first, last = month.replace(day=1), month_end(month)
    rows = (
        departures_for(user)
        .filter(employee__employer=employer, end_date__range=(first, last))
        .exclude(status=Status.CANCELLED)
        .order_by("end_date", "employee__last_name")
    )
    lines = []
    for departure in rows:
        basis = departure.amounts_basis or {}
        for field, key, label in (
            ("severance_amount", "indemnite", severance_label(departure.reason)),
            ("cdd_indemnity_amount", "indemnite_fin_contrat", "Indemnité de fin de contrat"),
            (
                "leave_indemnity_amount",
                "conges",
                "Indemnité compensatrice de congés payés",
            ),
        ):
            amount = getattr(departure, field)
            if amount:
                lines.append(PayrollLine(departure, str(label), amount, str(basis.get(key, ""))))
    return lines


def still_employed(employee_id: int, on: dt.date) -> bool:
    return Contract.objects.filter(active_on(on), employee_id=employee_id).exists()

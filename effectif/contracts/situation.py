"""The employment situation of employees on a date, plugged into the employee lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from effectif.contracts.models import Contract, ContractTerms, Kind
from effectif.contracts.selectors import active_on


def latest_contracts(on: dt.date) -> QuerySet[Contract]:
    """Each employee's latest contract started by `on` (no later one started by then)."""
    later = Contract.objects.filter(
        employee=OuterRef("employee"), start_date__gt=OuterRef("start_date"), start_date__lte=on
    )
    return Contract.objects.filter(start_date__lte=on).exclude(Exists(later))


def terms_in_force(on: dt.date) -> QuerySet[ContractTerms]:
    """Each contract's version in force on `on` (no later version in effect by then)."""
    later = ContractTerms.objects.filter(
        contract=OuterRef("contract"),
        effective_date__gt=OuterRef("effective_date"),
        effective_date__lte=on,
    )
    return ContractTerms.objects.filter(effective_date__lte=on).exclude(Exists(later))


class ContractSituation:
    """Implements `effectif.employees.extensions.EmploymentSituation` from contracts."""

    def kind_choices(self) -> list[tuple[str, Any]]:
        return list(Kind.choices)

    def _latest_contract(self, on: dt.date, employee: Any = None) -> QuerySet[Contract]:
        """The employee's latest contract started by `on`. Nested in another subquery, the
        employee is `OuterRef(OuterRef("pk"))`: a bare OuterRef would name the middle query."""
        return Contract.objects.filter(
            employee=employee if employee is not None else OuterRef("pk"), start_date__lte=on
        ).order_by("-start_date")

    def _terms_on(self, on: dt.date) -> QuerySet[ContractTerms]:
        """The terms in effect on `on` of the employee's latest contract, newest first."""
        latest = self._latest_contract(on, employee=OuterRef(OuterRef("pk")))
        return ContractTerms.objects.filter(
            contract=Subquery(latest.values("pk")[:1]), effective_date__lte=on
        ).order_by("-effective_date")

    def annotate(self, employees: QuerySet[Any], on: dt.date) -> QuerySet[Any]:
        latest = self._latest_contract(on)
        terms = self._terms_on(on)
        first = Contract.objects.filter(employee=OuterRef("pk")).order_by("start_date")
        annotated: QuerySet[Any] = employees.annotate(
            situation_kind=Subquery(latest.values("kind")[:1]),
            situation_start_date=Subquery(latest.values("start_date")[:1]),
            situation_end_date=Subquery(latest.values("end_date")[:1]),
            situation_job_title=Subquery(terms.values("job_title")[:1]),
            situation_establishment=Subquery(terms.values("establishment__name")[:1]),
            # A subquery rather than Min() over a join: no GROUP BY on every column.
            hire_date=Subquery(first.values("start_date")[:1]),
        )
        return annotated

    def filter(
        self,
        employees: QuerySet[Any],
        *,
        on: dt.date,
        presence: str | None,
        kind: str | None,
        establishment_id: int | None,
    ) -> QuerySet[Any]:
        """Filters written as semi-joins over whole tables (`employee IN (…)`), never as
        per-row subqueries: the database plans them once, whatever the number of employees."""
        running = Contract.objects.filter(active_on(on), employee=OuterRef("pk"))
        if presence == "present":
            employees = employees.filter(Exists(running))
        elif presence == "gone":
            started = Contract.objects.filter(employee=OuterRef("pk"), start_date__lte=on)
            employees = employees.filter(Exists(started)).exclude(Exists(running))
        if kind or establishment_id:
            # The contract that describes an employee on the day: the one running then (for
            # those present, contracts never overlap) or else the latest one started.
            latest = (
                Contract.objects.filter(active_on(on))
                if presence == "present"
                else latest_contracts(on)
            )
            if kind:
                employees = employees.filter(pk__in=latest.filter(kind=kind).values("employee_id"))
            if establishment_id:
                employees = employees.filter(
                    pk__in=terms_in_force(on)
                    .filter(contract__in=latest, establishment_id=establishment_id)
                    .values("contract__employee_id")
                )
        return employees

    def sort_fields(self) -> dict[str, str]:
        return {
            "hire_date": "hire_date",
            "kind": "situation_kind",
            "job_title": "situation_job_title",
            "establishment": "situation_establishment",
        }

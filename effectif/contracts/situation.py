"""The employment situation of employees on a date, plugged into the employee lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from effectif.contracts.models import Contract, ContractTerms, Kind
from effectif.contracts.selectors import active_on


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
        running = Contract.objects.filter(active_on(on), employee=OuterRef("pk"))
        if presence == "present":
            employees = employees.filter(Exists(running))
        elif presence == "gone":
            started = Contract.objects.filter(employee=OuterRef("pk"), start_date__lte=on)
            employees = employees.filter(Exists(started)).exclude(Exists(running))
        if kind:
            latest_kind = self._latest_contract(on).values("kind")[:1]
            employees = employees.annotate(_kind_on=Subquery(latest_kind)).filter(_kind_on=kind)
        if establishment_id:
            terms = self._terms_on(on)
            employees = employees.annotate(
                _establishment_on=Subquery(terms.values("establishment_id")[:1])
            ).filter(_establishment_on=establishment_id)
        return employees

    def sort_fields(self) -> dict[str, str]:
        return {
            "hire_date": "hire_date",
            "kind": "situation_kind",
            "job_title": "situation_job_title",
            "establishment": "situation_establishment",
        }

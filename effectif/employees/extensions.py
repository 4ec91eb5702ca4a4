"""Extension point of the employee lists, filled by the contracts app above this one.

The *employment situation* annotates and filters employee lists by their contract on a date:
present or gone, contract type, establishment. (Sections of the personnel file page are
`effectif.core.panels`.)
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from django.db.models import QuerySet


class EmploymentSituation(Protocol):
    """What the list of employees needs to know of their contracts."""

    def kind_choices(self) -> list[tuple[str, Any]]: ...

    def annotate(self, employees: QuerySet[Any], on: date) -> QuerySet[Any]:
        """Add `situation_*` columns: kind, start and end dates, job title, establishment."""
        ...

    def filter(
        self,
        employees: QuerySet[Any],
        *,
        on: date,
        presence: str | None,
        kind: str | None,
        establishment_id: int | None,
    ) -> QuerySet[Any]: ...

    def sort_fields(self) -> dict[str, str]:
        """Sort keys the situation provides, mapped to annotation names."""
        ...


class _Registry:
    def __init__(self) -> None:
        self.situation: EmploymentSituation | None = None

    def set_situation(self, situation: EmploymentSituation) -> None:
        self.situation = situation


registry = _Registry()

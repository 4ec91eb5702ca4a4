"""What the analysis of an import file finds: its errors, and what it would create."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from effectif.contracts.models import Contract, ContractTerms
from effectif.core.cells import display
from effectif.core.tables import RowError
from effectif.employees.models import Employee

__all__ = ["Analysis", "PlannedRow", "RowError"]

#: Rows shown as a sample of what will be created.
SAMPLE_ROWS = 8


@dataclass
class PlannedRow:
    """A valid row: what it will create."""

    row: int
    employee: Employee
    creates_employee: bool
    contract: Contract
    terms: ContractTerms


@dataclass
class Analysis:
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    description: str = ""
    columns: list[str] = field(default_factory=list)  # headers recognised, in file order
    header_row: int = 0
    data_rows: int = 0
    error_total: int = 0
    plans: list[PlannedRow] = field(default_factory=list)

    @property
    def rows_in_error(self) -> int:
        """Data rows with at least one error (errors of the file itself are not rows)."""
        return self.data_rows - len(self.plans) if self.data_rows else 0

    @property
    def rows_ok(self) -> int:
        return len(self.plans)

    @property
    def employees_to_create(self) -> int:
        return sum(1 for plan in self.plans if plan.creates_employee)

    @property
    def contracts_to_create(self) -> int:
        return len(self.plans)

    @property
    def contracts_for_existing(self) -> int:
        return sum(1 for plan in self.plans if plan.employee.pk is not None)

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.plans)

    def sample(self) -> list[dict[str, str]]:
        """The first rows to be created, as the preview shows them."""
        return [
            {
                "row": str(plan.row),
                "matricule": plan.employee.matricule,
                "name": plan.employee.display_name,
                "new": "1" if plan.creates_employee else "",
                "kind": str(plan.contract.get_kind_display()),
                "start": display(plan.contract.start_date),
                "end": display(plan.contract.end_date),
                "job": plan.terms.job_title,
                "establishment": str(plan.terms.establishment.name),
                "gross": _money(plan.terms.monthly_gross_amount),
            }
            for plan in self.plans[:SAMPLE_ROWS]
        ]


def _money(amount: Any) -> str:
    """2 150,50: thousands by a narrow no-break space, decimal comma."""
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",")

"""Gathering the variable elements of a period from the other apps.

Each collector reads one source (approved leave, validated time sheets, checked expense reports,
departures) for the period's employer and month and returns drafts; `services.collect` replaces
the period's gathered elements by the drafts in one transaction (manual and imported elements
stay). A draft keeps its source: the app, the row (`source_key`) and a label and link for the
payslip page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime as dt

    from effectif.payroll.facts import Paid
    from effectif.payroll.models import ElementSource, PayrollPeriod


@dataclass(frozen=True)
class Draft:
    employee_id: int
    code: str
    label: str
    source: ElementSource
    source_key: str
    source_label: str = ""
    source_url: str = ""
    quantity: Decimal | None = None
    base_amount: Decimal | None = None
    rate: Decimal | None = None
    amount: Decimal | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    detail: dict[str, Any] = field(default_factory=dict)


#: A collector: the period and the people paid in it → the drafts of its source.
Collector = Callable[["PayrollPeriod", "list[Paid]"], Iterable[Draft]]


def collectors() -> list[Collector]:
    """Every source's collector, in the order the payslip page lists them."""
    # Imported here: each collector module imports `Draft` from this package.
    from effectif.payroll.collectors import expenses, leave, time_sheets

    return [leave.collect, time_sheets.collect, expenses.collect]

"""The payroll journal (livre de paie) of a period: one row per computed payslip with its
main amounts (`Payslip.AMOUNT_FIELDS`) and its contributions summed per heading of the bulletin
(employee and employer parts), then the period's totals; as a page and as .xlsx/.csv
(`core.exporting`, no live formula)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from effectif.core.exporting import Column
from effectif.payroll.models import PayrollPeriod, Payslip, PayslipStatus
from effectif.rules.money import ZERO


@dataclass
class JournalRow:
    matricule: str
    name: str
    amounts: dict[str, Decimal]
    #: heading number → (employee part, employer part)
    headings: dict[int, tuple[Decimal, Decimal]] = field(default_factory=dict)
    payslip_id: int | None = None


@dataclass(frozen=True)
class Journal:
    period: PayrollPeriod
    headings: tuple[tuple[int, str], ...]
    rows: tuple[JournalRow, ...]
    totals: JournalRow
    failed_count: int

    def heading_cells(self, row: JournalRow) -> list[Decimal]:
        cells: list[Decimal] = []
        for number, _label in self.headings:
            cells.extend(row.headings.get(number, (ZERO, ZERO)))
        return cells


def _headings_of(payslip: Payslip, labels: dict[int, str]) -> dict[int, tuple[Decimal, Decimal]]:
    sums: dict[int, tuple[Decimal, Decimal]] = {}
    for line in payslip.result.get("lines", []):
        number = int(line["heading"])
        labels.setdefault(number, line.get("heading_label", str(number)))
        employee, employer = sums.get(number, (ZERO, ZERO))
        sums[number] = (
            employee + Decimal(str(line.get("employee_amount") or 0)),
            employer + Decimal(str(line.get("employer_amount") or 0)),
        )
    return sums


def journal_of(period: PayrollPeriod) -> Journal:
    """The period's journal: computed payslips by name, then the totals."""
    payslips = (
        Payslip.objects.filter(period=period)
        .select_related("employee")
        .only(
            "pk",
            "status",
            "result",
            *Payslip.AMOUNT_FIELDS,
            "employee__matricule",
            "employee__last_name",
            "employee__usage_name",
            "employee__first_names",
        )
        .order_by("employee__last_name", "employee__first_names", "employee_id")
    )
    labels: dict[int, str] = {}
    rows: list[JournalRow] = []
    failed = 0
    totals = JournalRow("", _("Total"), dict.fromkeys(Payslip.AMOUNT_FIELDS, ZERO))
    for payslip in payslips.iterator(chunk_size=500):
        if payslip.status != PayslipStatus.COMPUTED:
            failed += 1
            continue
        row = JournalRow(
            payslip.employee.matricule,
            payslip.employee.display_name,
            {name: getattr(payslip, name) for name in Payslip.AMOUNT_FIELDS},
            _headings_of(payslip, labels),
            payslip.pk,
        )
        rows.append(row)
        for name, amount in row.amounts.items():
            totals.amounts[name] += amount
        for number, (employee, employer) in row.headings.items():
            before = totals.headings.get(number, (ZERO, ZERO))
            totals.headings[number] = (before[0] + employee, before[1] + employer)
    return Journal(
        period=period,
        headings=tuple(sorted(labels.items())),
        rows=tuple(rows),
        totals=totals,
        failed_count=failed,
    )


def amount_label(name: str) -> str:
    """The French name of one of `Payslip.AMOUNT_FIELDS`: « Brut », « Net payé »…"""
    field = Payslip._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.verbose_name).capitalize()


def _amount_column(name: str) -> Column:
    return Column(amount_label(name), lambda row: row.amounts[name], 14)


def _heading_column(number: int, label: str, part: int, which: str) -> Column:
    def value(row: JournalRow) -> Decimal:
        return row.headings.get(number, (ZERO, ZERO))[part]

    return Column(f"{label} — {which}", value, 16)


def journal_columns(journal: Journal) -> list[Column]:
    """The export's columns: who, the amounts, then each heading's two parts."""
    columns = [
        Column(_("Matricule"), lambda row: row.matricule, 12),
        Column(_("Salarié"), lambda row: row.name, 28),
        *(_amount_column(name) for name in Payslip.AMOUNT_FIELDS),
    ]
    parts: tuple[tuple[int, Callable[[], str]], ...] = (
        (0, lambda: _("part salariale")),
        (1, lambda: _("part patronale")),
    )
    for number, label in journal.headings:
        columns.extend(_heading_column(number, label, part, which()) for part, which in parts)
    return columns


def journal_export_rows(journal: Journal) -> list[JournalRow]:
    return [*journal.rows, journal.totals]


def journal_table(journal: Journal) -> dict[str, Any]:
    """What the page shows: the headers and, per row and for the totals, its cells."""

    def cells(row: JournalRow) -> list[Decimal]:
        return [row.amounts[name] for name in Payslip.AMOUNT_FIELDS] + journal.heading_cells(row)

    return {
        "amount_headers": [amount_label(name) for name in Payslip.AMOUNT_FIELDS],
        "rows": [(row, cells(row)) for row in journal.rows],
        "total_cells": cells(journal.totals),
    }

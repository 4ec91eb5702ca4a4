"""Scoped reads of expense reports: the employee's own, the approvers' list with its filters,
a line and its receipt (an audited read), what is left to reimburse and the payroll elements
of a month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.organisation.models import Employer
from effectif.travel.models import (
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    PaymentBatch,
    ReimbursementMethod,
)
from effectif.travel.selectors.scope import hr_employers, payment_batches_for, reports_for

if TYPE_CHECKING:
    from effectif.accounts.models import User

#: The DSN block where exempt reimbursements of professional costs are declared (cahier technique
#: de la norme DSN, net-entreprises.fr: rubrique S21.G00.54.001, type 09 « frais professionnels
#: remboursés au réel »).
DSN_EXPENSES = "S21.G00.54.001 = 09 (frais professionnels remboursés au réel)"


@dataclass(frozen=True)
class ReportFilters:
    status: str = ""
    employer_id: int | None = None
    department_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    q: str = ""


def _with_counts(rows: QuerySet[ExpenseReport]) -> QuerySet[ExpenseReport]:
    return rows.annotate(
        line_count=Count("lines", distinct=True),
        anomaly_count=Count("lines", filter=~Q(lines__anomalies=[]), distinct=True),
        total_amount=Sum("lines__amount"),
    )


def my_reports(user: User) -> QuerySet[ExpenseReport]:
    return _with_counts(
        ExpenseReport.objects.filter(employee__user=user).select_related("trip", "employer")
    ).order_by("-created_at", "-pk")


def report_list(user: User, filters: ReportFilters) -> QuerySet[ExpenseReport]:
    """The approvers' list: the reports in scope, others' drafts apart unless the drafts are
    asked for (HR find there the reports they prepare on an employee's behalf; the scope never
    shows a manager their team's drafts)."""
    rows = reports_for(user)
    if filters.status != ExpenseStatus.DRAFT:
        rows = rows.exclude(Q(status=ExpenseStatus.DRAFT) & ~Q(employee__user=user))
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.employer_id:
        rows = rows.filter(employer_id=filters.employer_id)
    if filters.department_id:
        rows = rows.filter(department_id=filters.department_id)
    if filters.start:
        rows = rows.filter(submitted_at__date__gte=filters.start)
    if filters.end:
        rows = rows.filter(submitted_at__date__lte=filters.end)
    if filters.q:
        rows = rows.filter(
            Q(reference__icontains=filters.q)
            | Q(title__icontains=filters.q)
            | Q(employee__last_name__icontains=filters.q)
        )
    return _with_counts(rows.select_related("employee", "employer", "department", "trip")).order_by(
        "-submitted_at", "-pk"
    )


def report_lines(report: ExpenseReport) -> QuerySet[ExpenseLine]:
    return report.lines.select_related("vehicle", "decided_by").order_by("expense_date", "pk")


def line_get(user: User, report: ExpenseReport, pk: Any) -> ExpenseLine:
    """A line of a report already fetched in scope."""
    return get_in_scope(
        ExpenseLine.objects.filter(report=report, report__in=reports_for(user)).select_related(
            "report", "vehicle"
        ),
        pk,
    )


def receipt_read(user: User, line: ExpenseLine) -> None:
    """A receipt may show personal data (an address, a guest's name): each download is
    recorded, except the employee's own."""
    if line.report.employee.user_id == user.pk:
        return
    audit(
        actor=user,
        action=AuditAction.READ,
        target=line,
        detail=_("Justificatif de la note %(ref)s") % {"ref": line.report.reference},
    )


def to_reimburse(user: User) -> QuerySet[ExpenseReport]:
    """Checked reports waiting to be paid, in the employers HR administer."""
    if not is_hr(user):
        return ExpenseReport.objects.none()
    return (
        reports_for(user)
        .filter(status=ExpenseStatus.CHECKED, employer__in=hr_employers(user))
        .select_related("employee", "employer")
        .order_by("employer__name", "checked_at", "pk")
    )


def transfers_ready(user: User, employer: Employer) -> QuerySet[ExpenseReport]:
    return to_reimburse(user).filter(
        employer=employer, reimbursement_method=ReimbursementMethod.TRANSFER
    )


def batches(user: User) -> QuerySet[PaymentBatch]:
    return payment_batches_for(user).select_related("employer", "created_by")


def batch_get(user: User, pk: Any) -> PaymentBatch:
    return get_in_scope(payment_batches_for(user), pk)


@dataclass(frozen=True)
class PayrollElement:
    report: ExpenseReport
    label: str
    amount: Decimal
    taxable: bool
    dsn: str

    @property
    def employee(self) -> Any:
        return self.report.employee


def payroll_elements(user: User, employer: Employer, month: dt.date) -> list[PayrollElement]:
    """What payroll pays for the reports assigned to `month`: the exempt reimbursement
    (non-taxable), the excess over the URSSAF limits (taxable, with the salary) and the
    advance already paid (deducted)."""
    if not is_hr(user):
        return []
    reports = (
        reports_for(user)
        .filter(
            employer=employer,
            reimbursement_method=ReimbursementMethod.PAYROLL,
            payroll_month=month.replace(day=1),
            status__in=(ExpenseStatus.CHECKED, ExpenseStatus.REIMBURSED),
        )
        .select_related("employee")
        .order_by("employee__last_name", "employee__first_names", "reference")
    )
    elements: list[PayrollElement] = []
    for report in reports:
        if report.exempt_amount:
            elements.append(
                PayrollElement(
                    report,
                    _("Remboursement de frais professionnels (non soumis)"),
                    report.exempt_amount,
                    False,
                    DSN_EXPENSES,
                )
            )
        if report.taxable_amount:
            elements.append(
                PayrollElement(
                    report,
                    _("Frais au-delà des limites URSSAF (soumis à cotisations)"),
                    report.taxable_amount,
                    True,
                    _("Réintégré au salaire brut soumis à cotisations"),
                )
            )
        if report.advance_deducted_amount:
            elements.append(
                PayrollElement(
                    report,
                    _("Avance sur frais déjà versée (déduite)"),
                    -report.advance_deducted_amount,
                    False,
                    "",
                )
            )
    return elements

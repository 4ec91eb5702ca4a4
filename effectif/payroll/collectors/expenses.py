"""Expense reimbursements paid with the month's pay, from the travel app.

**Which month a report belongs to.** The one HR chose for it in the travel app: when a checked
report is to be paid « avec la paie » (`reimbursement_method = PAYROLL`), HR names the pay month
(`payroll_month`); a report reimbursed by SEPA transfer never reaches the payslip. A report is
gathered once checked (`CHECKED`) and still after the payroll of its month has paid it
(`REIMBURSED` by `travel.services.payments.payroll_hand_over`). This is what a payroll manager
expects: the month is a decision HR records with the report, not a guess from its dates, and
what was checked after the period's cut-off waits for the month HR gives it (the period stops
following its sources at the cut-off). So that a report is never paid twice, one already among
the elements of another period of the employer (HR moved it to another month after that one
was gathered) is left out until that period is gathered again without it.

**What is paid**, as the travel app split each line when HR checked the report:
- the part within the URSSAF limits (arrêté du 20 décembre 2002) as « FRAIS », paid with the
  net and free of contributions;
- the excess over those limits as « FRAIS_SOUMIS », added to the gross pay and subject to
  contributions and income tax (CSS L242-1);
- the trip's advance already paid, which the travel app deducted from what is owed, as a
  negative « FRAIS » (at most the exempt part: the engine has no other deduction from the net;
  what is left is said in the detail).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Max, Min
from django.utils.translation import gettext as _

from effectif.payroll.catalogue import KINDS
from effectif.payroll.collectors import Draft
from effectif.payroll.models import ElementSource, PayrollElement
from effectif.travel.models import ExpenseReport, ExpenseStatus, ReimbursementMethod

if TYPE_CHECKING:
    from effectif.payroll.facts import Paid
    from effectif.payroll.models import PayrollPeriod

ZERO = Decimal(0)

#: A checked report, paid or still to pay.
PAYABLE = (ExpenseStatus.CHECKED, ExpenseStatus.REIMBURSED)


def source_key(report: ExpenseReport) -> str:
    return f"travel.expensereport:{report.pk}"


def collect(period: PayrollPeriod, paid: list[Paid]) -> list[Draft]:
    """The reimbursements of the reports HR assigned to the period's month."""
    ids = {person.employee.pk for person in paid}
    reports = [
        report
        for report in ExpenseReport.objects.filter(
            employer_id=period.employer_id,
            status__in=PAYABLE,
            reimbursement_method=ReimbursementMethod.PAYROLL,
            payroll_month=period.month,
        )
        .annotate(first_date=Min("lines__expense_date"), last_date=Max("lines__expense_date"))
        .order_by("employee_id", "reference")
        if report.employee_id in ids
    ]
    elsewhere = set(
        PayrollElement.objects.filter(
            period__employer_id=period.employer_id,
            source=ElementSource.TRAVEL,
            source_key__in=[source_key(report) for report in reports],
        )
        .exclude(period=period)
        .values_list("source_key", flat=True)
    )
    return [
        draft
        for report in reports
        if source_key(report) not in elsewhere
        for draft in _drafts(report)
    ]


def _drafts(report: ExpenseReport) -> list[Draft]:
    deducted = min(report.advance_deducted_amount, report.exempt_amount)
    detail = {
        "reference": report.reference,
        "status": report.status,
        "accepted_amount": str(report.accepted_amount),
        "exempt_amount": str(report.exempt_amount),
        "taxable_amount": str(report.taxable_amount),
        "advance_deducted_amount": str(report.advance_deducted_amount),
        "advance_not_deducted_amount": str(report.advance_deducted_amount - deducted),
        "payable_amount": str(report.payable_amount),
        "parameters_version": report.parameters_version,
    }
    base = Draft(
        employee_id=report.employee_id,
        code="FRAIS",
        label="",
        source=ElementSource.TRAVEL,
        source_key=source_key(report),
        source_label=_("Note de frais %(reference)s — %(title)s")
        % {"reference": report.reference, "title": report.title},
        source_url=report.get_absolute_url(),
        start_date=getattr(report, "first_date", None),
        end_date=getattr(report, "last_date", None),
        detail=detail,
    )
    return [
        replace(base, code=code, label=label, amount=amount)
        for code, label, amount in (
            ("FRAIS", str(KINDS["FRAIS"].label), report.exempt_amount),
            ("FRAIS_SOUMIS", str(KINDS["FRAIS_SOUMIS"].label), report.taxable_amount),
            ("FRAIS", _("Avance sur frais déjà versée (déduite)"), -deducted),
        )
        if amount
    ]

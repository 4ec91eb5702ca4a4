"""Expense reports (notes de frais): list, and detail with their lines, the anomalies the
checks found and the approver's decisions, through the scope of the pages: an employee sees
their own reports, a manager those of their team and their own, HR those of their employers;
anything else is a 404. A receipt is never inlined: each line gives the URL of its page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from ninja import Query, Router

from effectif.accounts.models import User
from effectif.api.auth import request_user
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.routers.trips import person
from effectif.api.schemas.common import READ_ERRORS, ref
from effectif.api.schemas.travel import ExpenseReportDetailOut, ExpenseReportOut, ReportFilters
from effectif.travel.models import ExpenseLine, ExpenseReport
from effectif.travel.selectors.scope import report_get, reports_for

router = Router(tags=["Notes de frais"])

#: The page that serves a line's receipt to those who may see the report.
RECEIPT_URL_NAME = "travel:receipt"

REPORT_FIELDS = (
    "id",
    "reference",
    "title",
    "status",
    "submitted_at",
    "manager_decided_at",
    "checked_at",
    "decision_comment",
    "reimbursement_method",
    "payroll_month",
    "reimbursed_at",
    "accepted_amount",
    "exempt_amount",
    "taxable_amount",
    "advance_deducted_amount",
    "payable_amount",
    "parameters_version",
)
LINE_FIELDS = (
    "id",
    "category",
    "expense_date",
    "merchant",
    "description",
    "amount",
    "vat_amount",
    "currency",
    "original_amount",
    "exchange_rate",
    "meal_kind",
    "paris_area",
    "guests",
    "route_from",
    "route_to",
    "distance_km",
    "computation",
    "decision",
    "accepted_amount",
    "decision_comment",
    "exempt_amount",
    "taxable_amount",
    "version",
)


def with_totals(rows: QuerySet[ExpenseReport]) -> QuerySet[ExpenseReport]:
    zero = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))
    return rows.select_related("employer", "employee", "department", "trip").annotate(
        line_count=Count("lines"), total_amount=Coalesce(Sum("lines__amount"), zero)
    )


def report_out(report: ExpenseReport) -> dict[str, Any]:
    trip = report.trip
    return {
        **{name: getattr(report, name) for name in REPORT_FIELDS},
        "employer": ref(report.employer),
        "employee": person(report.employee),
        "department": ref(report.department),
        "trip": None if trip is None else {"id": trip.pk, "reference": trip.reference},
        "status_label": report.get_status_display(),
        "line_count": getattr(report, "line_count", 0),
        "total_amount": getattr(report, "total_amount", Decimal("0.00")),
    }


def receipt_url(line: ExpenseLine) -> str | None:
    if not line.receipt:
        return None
    try:
        return reverse(RECEIPT_URL_NAME, args=[line.report_id, line.pk])
    except NoReverseMatch:  # the pages are not installed: no URL to give
        return None


def anomalies_out(stored: Any) -> list[dict[str, Any]]:
    """The anomalies as stored by the checks: {code, message, excess_amount?} each."""
    found = []
    for item in stored or []:
        if isinstance(item, dict):
            found.append(
                {
                    "code": str(item.get("code", "")),
                    "message": str(item.get("message", "")),
                    "excess_amount": item.get("excess_amount"),
                }
            )
    return found


def line_out(line: ExpenseLine) -> dict[str, Any]:
    return {
        **{name: getattr(line, name) for name in LINE_FIELDS},
        "category_label": line.get_category_display(),
        "decision_label": line.get_decision_display(),
        "has_receipt": bool(line.receipt),
        "receipt_url": receipt_url(line),
        "vehicle": line.vehicle_id,
        "anomalies": anomalies_out(line.anomalies),
    }


def report_detail_out(report: ExpenseReport) -> dict[str, Any]:
    return {**report_out(report), "lines": [line_out(line) for line in report.lines.all()]}


def detailed(user: User, report_id: int) -> ExpenseReport:
    report = report_get(user, report_id)
    return with_totals(ExpenseReport.objects.filter(pk=report.pk)).prefetch_related("lines").get()


@router.get("", response={200: Page[ExpenseReportOut], **READ_ERRORS}, url_name="expense_reports")
def report_list(request: HttpRequest, paging: Query[Paging], filters: Query[ReportFilters]) -> Any:
    """Expense reports in scope, latest first, with their number of lines and total."""
    rows = reports_for(request_user(request))
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.employee:
        rows = rows.filter(employee_id=filters.employee)
    if filters.trip:
        rows = rows.filter(trip_id=filters.trip)
    count = rows.count()
    return page_of(
        with_totals(rows).order_by("-created_at", "-id"),
        paging,
        count=count,
        present=lambda items: map(report_out, items),
    )


@router.get(
    "/{int:report_id}",
    response={200: ExpenseReportDetailOut, **READ_ERRORS},
    url_name="expense_report",
)
def report_detail(request: HttpRequest, report_id: int) -> Any:
    return report_detail_out(detailed(request_user(request), report_id))

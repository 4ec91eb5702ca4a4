"""Payroll: the periods of the employers HR administer, with their totals and anomaly counts,
their steps (gathering the elements, the computation asked of the worker, validation and
closing by the payroll lead), their variable elements, and the payslips (HR: their employers';
an employee: their own, once the period is closed; a manager: none but their own), as JSON
and as the PDF of the payslip.

Everything is read through `payroll.selectors` (a period or a payslip out of scope is a 404;
reading someone else's payslip is audited) and written through `payroll.services` (audited);
a refusal is a 422 in French on its field: `status` for a step the period is not at, `period`
for an element of a period that no longer changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from effectif.accounts.models import User
from effectif.api.assignment import unknown_reference
from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.pagination import Page, Paging, page_of
from effectif.api.routers.trips import person
from effectif.api.schemas.common import READ_ERRORS, WRITE_ERRORS, ref
from effectif.api.schemas.payroll import (
    ElementFilters,
    ElementIn,
    ElementOut,
    PayslipDetailOut,
    PayslipFilters,
    PayslipOut,
    PeriodDetailOut,
    PeriodFilters,
    PeriodOut,
)
from effectif.core.scoping import get_in_scope
from effectif.core.uploads.kinds import UPLOAD_CONTENT_SECURITY_POLICY
from effectif.core.uploads.serving import file_response
from effectif.employees.selectors import employees_for
from effectif.payroll import services
from effectif.payroll.collecting import collect
from effectif.payroll.documents import download_name, printed_payslip
from effectif.payroll.models import (
    PayrollElement,
    PayrollPeriod,
    Payslip,
    PayslipStatus,
)
from effectif.payroll.permissions import is_payroll_lead, may_run_payroll
from effectif.payroll.selectors import (
    anomaly_counts,
    elements_of,
    payslip_get,
    payslips_for,
    period_get,
    period_list,
    period_totals,
    periods_for,
)

router = Router(tags=["Paie"])

T = TypeVar("T")
M = TypeVar("M", bound=Model)

#: The PDF of a payslip, as the OpenAPI document describes its answer.
PDF_RESPONSE = {
    "responses": {
        "200": {
            "description": "Le bulletin de paie en PDF.",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


def _on_field(field: str, call: Callable[[], T]) -> T:
    """Call a service; a refusal that names no field is put on `field`."""
    try:
        return call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise
        raise ValidationError({field: error.messages}) from error


def _filtered(rows: QuerySet[M], **lookups: object) -> QuerySet[M]:
    """`rows` filtered by the lookups whose value the client gave."""
    return rows.filter(**{name: value for name, value in lookups.items() if value is not None})


# --- periods -------------------------------------------------------------------------------


def period_out(period: PayrollPeriod) -> dict[str, Any]:
    """A period of `period_list` (with its payslip and blocking anomaly counts)."""
    return {
        "id": period.pk,
        "employer": ref(period.employer),
        "month": period.month,
        "label": period.label,
        "pay_date": period.pay_date,
        "cutoff_date": period.cutoff_date,
        "status": period.status,
        "status_label": str(period.get_status_display()),
        "task_status": period.task_status,
        "task_status_label": str(period.get_task_status_display()),
        "progress_done": period.progress_done,
        "progress_total": period.progress_total,
        "progress_percent": period.progress_percent,
        "task_error": period.task_error,
        "collected_at": period.collected_at,
        "computed_at": period.computed_at,
        "validated_by": str(period.validated_by) if period.validated_by else None,
        "validated_at": period.validated_at,
        "closed_by": str(period.closed_by) if period.closed_by else None,
        "closed_at": period.closed_at,
        "payslip_count": getattr(period, "payslip_count", 0),
        "blocking_count": getattr(period, "blocking_count", 0),
    }


def _listed(user: User) -> Any:
    return period_list(user).select_related("validated_by", "closed_by")


def period_detail_out(user: User, pk: int) -> dict[str, Any]:
    """A period in scope with its totals, its element count and its anomaly counts."""
    period = get_in_scope(_listed(user), pk)
    anomalies = anomaly_counts(period)
    return {
        **period_out(period),
        "element_count": period.elements.count(),
        "failed_count": period.payslips.filter(status=PayslipStatus.FAILED).count(),
        "totals": period_totals(period),
        "anomalies": anomalies,
    }


@router.get(
    "/payroll-periods",
    response={200: Page[PeriodOut], **WRITE_ERRORS},
    url_name="payroll_periods",
)
def period_list_view(
    request: HttpRequest, paging: Query[Paging], filters: Query[PeriodFilters]
) -> Any:
    """The periods of the employers the user administers (HR), latest month first."""
    user = request_user(request)
    if not may_run_payroll(user):
        raise forbidden()
    rows = _filtered(
        _listed(user),
        employer_id=filters.employer,
        month__year=filters.year,
        status=filters.status,
    )
    return page_of(rows, paging, present=lambda items: [period_out(p) for p in items])


@router.get(
    "/payroll-periods/{int:period_id}",
    response={200: PeriodDetailOut, **READ_ERRORS},
    url_name="payroll_period",
)
def period_detail_view(request: HttpRequest, period_id: int) -> Any:
    """A period with the totals of its computed payslips and its anomaly counts."""
    return period_detail_out(request_user(request), period_id)


@router.post(
    "/payroll-periods/{int:period_id}/prepare",
    response={200: PeriodDetailOut, **WRITE_ERRORS},
    url_name="payroll_period_prepare",
)
def period_prepare_view(request: HttpRequest, period_id: int) -> Any:
    """Gather the period's variable elements from leave, time sheets and expense reports
    (the elements entered by hand or imported stay)."""
    user = request_user(request)
    period = period_get(user, period_id)
    _on_field("status", lambda: collect(period, by=user))
    return period_detail_out(user, period_id)


@router.post(
    "/payroll-periods/{int:period_id}/compute",
    response={200: PeriodDetailOut, **WRITE_ERRORS},
    url_name="payroll_period_compute",
)
def period_compute_view(request: HttpRequest, period_id: int) -> Any:
    """Ask the worker to compute the period's payslips; the answer is the period with its
    `task_status` (« pending », then « running » and « done »: read the period again to
    follow it). A computation already asked for is the one returned."""
    user = request_user(request)
    period = period_get(user, period_id)
    _on_field("status", lambda: services.computation_request(period=period, by=user))
    return period_detail_out(user, period_id)


def _lead_step(
    request: HttpRequest, period_id: int, step: Callable[[PayrollPeriod, User], object]
) -> dict[str, Any]:
    """A step of the payroll lead (HR manager or administrator): 403 for other HR."""
    user = request_user(request)
    period = period_get(user, period_id)
    if not is_payroll_lead(user):
        raise forbidden(_("Seul le responsable de la paie valide et clôt une période."))
    _on_field("status", lambda: step(period, user))
    return period_detail_out(user, period_id)


@router.post(
    "/payroll-periods/{int:period_id}/validate",
    response={200: PeriodDetailOut, **WRITE_ERRORS},
    url_name="payroll_period_validate",
)
def period_validate_view(request: HttpRequest, period_id: int) -> Any:
    """Validate the checked period (payroll lead only)."""
    return _lead_step(
        request, period_id, lambda period, user: services.period_validate(period=period, by=user)
    )


@router.post(
    "/payroll-periods/{int:period_id}/close",
    response={200: PeriodDetailOut, **WRITE_ERRORS},
    url_name="payroll_period_close",
)
def period_close_view(request: HttpRequest, period_id: int) -> Any:
    """Close the validated period (payroll lead only): its payslips no longer change and the
    employees can read them."""
    return _lead_step(
        request, period_id, lambda period, user: services.period_close(period=period, by=user)
    )


# --- elements ------------------------------------------------------------------------------


def element_out(element: PayrollElement) -> dict[str, Any]:
    return {
        "id": element.pk,
        "period_id": element.period_id,
        "employee": person(element.employee),
        "code": element.code,
        "label": element.label,
        "quantity": element.quantity,
        "base_amount": element.base_amount,
        "rate": element.rate,
        "amount": element.amount,
        "start_date": element.start_date,
        "end_date": element.end_date,
        "corrected_month": element.corrected_month,
        "source": element.source,
        "source_label": element.source_label,
        "comment": element.comment,
    }


@router.get(
    "/payroll-periods/{int:period_id}/elements",
    response={200: Page[ElementOut], **READ_ERRORS},
    url_name="payroll_elements",
)
def element_list_view(
    request: HttpRequest, period_id: int, paging: Query[Paging], filters: Query[ElementFilters]
) -> Any:
    """The period's variable elements, gathered or entered, by employee."""
    period = period_get(request_user(request), period_id)
    rows = elements_of(period, filters.employee)
    return page_of(rows, paging, present=lambda items: [element_out(e) for e in items])


@router.post(
    "/payroll-periods/{int:period_id}/elements",
    response={201: ElementOut, **WRITE_ERRORS},
    url_name="payroll_element_add",
)
def element_add_view(request: HttpRequest, period_id: int, payload: ElementIn) -> Any:
    """Enter an element by hand, checked as on the page (422, nothing written): a code of
    the catalogue, a quantity or an amount as the code needs, no negative quantity or rate,
    an employee of the period's employer, a period that still changes."""
    user = request_user(request)
    period = period_get(user, period_id)
    employee = employees_for(user).filter(pk=payload.employee).first()
    if employee is None:
        raise ValidationError({"employee": [unknown_reference(payload.employee)]})
    values = payload.model_dump(exclude={"employee"})
    element = _on_field(
        "period",
        lambda: services.element_add(period=period, employee=employee, by=user, **values),
    )
    return Status(201, element_out(element))


@router.delete(
    "/payroll-elements/{int:element_id}",
    response={204: None, **WRITE_ERRORS},
    url_name="payroll_element_delete",
)
def element_delete_view(request: HttpRequest, element_id: int) -> Any:
    """Remove an element entered by hand or imported (a gathered one is corrected at its
    source), from a period that still changes."""
    user = request_user(request)
    element = get_in_scope(
        PayrollElement.objects.filter(period__in=periods_for(user)).select_related("period"),
        element_id,
    )
    field = "source" if element.period.is_editable else "period"
    _on_field(field, lambda: services.element_delete(element=element, by=user))
    return Status(204, None)


# --- payslips ------------------------------------------------------------------------------


def payslip_out(payslip: Payslip) -> dict[str, Any]:
    period = payslip.period
    return {
        "id": payslip.pk,
        "employer": ref(period.employer),
        "period": {
            "id": period.pk,
            "month": period.month,
            "label": period.label,
            "status": period.status,
            "pay_date": period.pay_date,
        },
        "employee": person(payslip.employee),
        "status": payslip.status,
        "error": payslip.error,
        **{name: getattr(payslip, name) for name in Payslip.AMOUNT_FIELDS},
        "computed_at": payslip.computed_at,
    }


@router.get(
    "/payslips",
    response={200: Page[PayslipOut], **READ_ERRORS},
    url_name="payslips",
)
def payslip_list_view(
    request: HttpRequest, paging: Query[Paging], filters: Query[PayslipFilters]
) -> Any:
    """HR: the payslips of the employers they administer; anyone: their own, once the period
    is closed. Latest month first."""
    rows = _filtered(
        payslips_for(request_user(request)),
        period_id=filters.period,
        employee_id=filters.employee,
    ).order_by("-period__month", "employee__last_name", "employee__first_names", "pk")
    return page_of(rows, paging, present=lambda items: [payslip_out(p) for p in items])


@router.get(
    "/payslips/{int:payslip_id}",
    response={200: PayslipDetailOut, **READ_ERRORS},
    url_name="payslip",
)
def payslip_detail_view(request: HttpRequest, payslip_id: int) -> Any:
    """A payslip with its lines as computed: gross lines, contributions under their heading,
    the withholding and the lines after net. Reading someone else's is audited."""
    payslip = payslip_get(request_user(request), payslip_id)
    result = payslip.result or {}
    return {
        **payslip_out(payslip),
        "parameters_version": payslip.parameters_version,
        "gross_lines": result.get("gross_lines", []),
        "lines": result.get("lines", []),
        "withholding": result.get("withholding") or None,
        "after_net_lines": result.get("after_net_lines", []),
    }


@router.get(
    "/payslips/{int:payslip_id}/pdf",
    response={200: None, **READ_ERRORS},
    url_name="payslip_pdf",
    openapi_extra=PDF_RESPONSE,
)
def payslip_pdf_view(request: HttpRequest, payslip_id: int) -> HttpResponseBase:
    """The payslip's PDF (its stored document, else printed now); none for a payslip whose
    computation failed. Reading someone else's is audited."""
    payslip = payslip_get(request_user(request), payslip_id)
    if payslip.status != PayslipStatus.COMPUTED:
        raise Http404
    name = download_name(payslip)
    if payslip.document.name and payslip.document.storage.exists(payslip.document.name):
        return file_response(request, payslip.document, filename=name)
    response = HttpResponse(printed_payslip(payslip), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Security-Policy"] = UPLOAD_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response

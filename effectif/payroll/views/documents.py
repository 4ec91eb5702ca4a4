"""The payslip PDFs: one payslip's PDF (its stored document, else printed on the fly), the
period's batch asked of the worker with its progress (the count of payslips that have their
PDF), and the « Bulletins de paie » panel of the personnel file (HR)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from effectif.core.access import require
from effectif.core.panels import Panel
from effectif.core.typing import AuthenticatedRequest
from effectif.core.uploads.kinds import UPLOAD_CONTENT_SECURITY_POLICY
from effectif.core.uploads.serving import file_response
from effectif.payroll.documents import (
    documents_progress,
    download_name,
    period_documents_start,
    printed_payslip,
)
from effectif.payroll.models import PayrollPeriod, PayslipStatus
from effectif.payroll.permissions import may_run_payroll
from effectif.payroll.selectors import payslip_get, payslips_for, period_get

#: The session key under which the batch's task result is kept, per period (for the polling).
SESSION_KEY = "payroll_pdf_tasks"


@login_required
def payslip_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """One payslip's PDF, shown in the browser: HR of the employer, or the employee once the
    period is closed (`payslip_get` scopes and audits a read by someone else)."""
    payslip = payslip_get(request.user, pk)
    if payslip.status != PayslipStatus.COMPUTED:
        raise Http404
    stored = payslip.document
    if stored.name and stored.storage.exists(stored.name):
        return file_response(request, stored, filename=download_name(payslip), inline=True)
    response = HttpResponse(printed_payslip(payslip), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{download_name(payslip)}"'
    response["Content-Security-Policy"] = UPLOAD_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _batch_running(request: AuthenticatedRequest, period: PayrollPeriod) -> bool:
    """Is the batch this user asked for still waiting or running?"""
    from django_tasks.base import TaskResultStatus

    from effectif.payroll.tasks import build_payslip_pdfs

    result_id = request.session.get(SESSION_KEY, {}).get(str(period.pk))
    if not result_id:
        return False
    try:
        status = build_payslip_pdfs.get_result(result_id).status
    except Exception:  # a backend that keeps no results, or a result since purged
        return False
    return status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)


@require(may_run_payroll)
@require_http_methods(["GET", "POST"])
def period_pdfs(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """POST: ask the worker to print every computed payslip of the period. GET: the progress
    fragment the period's page polls (the count of payslips that have their PDF)."""
    period = period_get(request.user, pk)
    if request.method == "POST":
        try:
            result_id = period_documents_start(period=period, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            tasks = request.session.get(SESSION_KEY, {})
            tasks[str(period.pk)] = result_id
            request.session[SESSION_KEY] = tasks
            messages.success(
                request,
                _("Génération des bulletins PDF lancée : vous pouvez quitter la page."),
            )
        return redirect(period)
    return render(
        request,
        "payroll/partials/pdf_progress.html",
        {
            "period": period,
            "progress": documents_progress(period),
            "running": _batch_running(request, period),
        },
    )


def _employee_payslips(request: AuthenticatedRequest, employee: Any) -> dict[str, Any]:
    rows = (
        payslips_for(request.user)
        .filter(employee=employee, status=PayslipStatus.COMPUTED)
        .order_by("-period__month")
    )
    return {"employee": employee, "payslips": rows[:12], "count": rows.count()}


def _hr_sees_payslips(user: Any, employee: Any) -> bool:
    return may_run_payroll(user)


EMPLOYEE_PAYSLIPS = Panel(
    key="payslips",
    title=gettext_lazy("Bulletins de paie"),
    template="payroll/partials/employee_panel.html",
    context=_employee_payslips,
    order=70,
    visible=_hr_sees_payslips,
)

"""A payslip's page (its elements with their source, its lines by heading, its anomalies) and
the employee's own payslips."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from effectif.core.typing import AuthenticatedRequest
from effectif.payroll.permissions import may_run_payroll
from effectif.payroll.selectors import chose_paper, elements_of, own_payslips, payslip_get
from effectif.payroll.storing import headings_of


@login_required
def payslip_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    payslip = payslip_get(request.user, pk)
    hr = may_run_payroll(request.user) and payslip.employee.user_id != request.user.pk
    return render(
        request,
        "payroll/payslip_detail.html",
        {
            "payslip": payslip,
            "period": payslip.period,
            "hr": hr,
            "elements": elements_of(payslip.period, payslip.employee_id) if hr else [],
            "anomalies": payslip.anomalies.all() if hr else [],
            "gross_lines": payslip.result.get("gross_lines", []),
            "headings": headings_of(payslip.result),
            "withholding": payslip.result.get("withholding", {}),
            "after_net": payslip.result.get("after_net_lines", []),
            "ytd": payslip.result.get("year_to_date", {}),
        },
    )


@login_required
def my_payslips(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "payroll/my_payslips.html",
        {"payslips": own_payslips(request.user), "paper": chose_paper(request.user)},
    )

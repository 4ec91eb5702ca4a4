"""A payslip's page (its elements with their source, its lines by heading, its anomalies) and
the employee's own payslips."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from effectif.core.typing import AuthenticatedRequest
from effectif.payroll.models import Payslip
from effectif.payroll.permissions import may_run_payroll
from effectif.payroll.selectors import elements_of, own_payslips, payslip_get


def _headings(payslip: Payslip) -> list[dict[str, Any]]:
    """The contribution lines grouped under their heading, in the order of the bulletin."""
    groups: dict[int, dict[str, Any]] = {}
    for line in payslip.result.get("lines", []):
        group = groups.setdefault(
            line["heading"], {"label": line.get("heading_label", ""), "lines": []}
        )
        group["lines"].append(line)
    return [groups[key] for key in sorted(groups)]


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
            "headings": _headings(payslip),
            "withholding": payslip.result.get("withholding", {}),
            "ytd": payslip.result.get("year_to_date", {}),
        },
    )


@login_required
def my_payslips(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "payroll/my_payslips.html", {"payslips": own_payslips(request.user)})

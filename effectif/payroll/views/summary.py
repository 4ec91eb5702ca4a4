"""The period's summary per establishment, beside the previous month, as a page and .xlsx."""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from effectif.core.access import require
from effectif.core.exporting import Column, export_response
from effectif.core.typing import AuthenticatedRequest
from effectif.payroll.permissions import may_run_payroll
from effectif.payroll.selectors import period_get
from effectif.payroll.summary import Row, period_summary

EXPORT_COLUMNS = [
    Column(_lazy("Établissement"), lambda r: r.label, 32),
    Column(_lazy("Effectif"), lambda r: r.current.headcount, 10),
    Column(_lazy("Brut"), lambda r: r.current.amounts["gross_amount"], 14),
    Column(
        _lazy("Cotisations salariales"),
        lambda r: r.current.amounts["employee_contributions_amount"],
        16,
    ),
    Column(
        _lazy("Cotisations patronales"),
        lambda r: r.current.amounts["employer_contributions_amount"],
        16,
    ),
    Column(_lazy("Net payé"), lambda r: r.current.amounts["net_paid_amount"], 14),
    Column(_lazy("Coût employeur"), lambda r: r.current.amounts["employer_cost_amount"], 16),
    Column(_lazy("Effectif (mois précédent)"), lambda r: r.previous.headcount, 12),
    Column(
        _lazy("Coût employeur (mois précédent)"),
        lambda r: r.previous.amounts["employer_cost_amount"],
        16,
    ),
    Column(_lazy("Évolution du coût"), lambda r: r.cost_change, 12),
]


@require(may_run_payroll)
def summary(request: AuthenticatedRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    period = period_get(request.user, pk)
    rows, total, previous = period_summary(period)
    export_format = request.GET.get("export")
    if export_format in ("xlsx", "csv"):
        lines: list[Row] = [*rows, total]
        return export_response(
            export_format=export_format,
            columns=EXPORT_COLUMNS,
            rows=lines,
            name=_("Synthèse de paie %(month)s %(employer)s")
            % {"month": period.label, "employer": period.employer.name},
        )
    return render(
        request,
        "payroll/summary.html",
        {"period": period, "rows": rows, "total": total, "previous": previous},
    )

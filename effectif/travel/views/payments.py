"""Reimbursements (HR): the checked reports to pay and how, the payroll elements of a month per
employer (exportable), the SEPA credit-transfer batches and their pain.001 files."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import requested_export
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.travel.forms.expenses import BatchForm, MethodForm
from effectif.travel.models import ReimbursementMethod
from effectif.travel.permissions import can_reimburse
from effectif.travel.selectors.expenses import (
    batch_get,
    batches,
    payroll_elements,
    to_reimburse,
    transfers_ready,
)
from effectif.travel.selectors.scope import hr_employers, report_get
from effectif.travel.services.payments import (
    batch_downloaded,
    payroll_hand_over,
    reimbursement_choose,
    sepa_batch_create,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest

PAYROLL_COLUMNS = [
    Column(gettext_lazy("Matricule"), lambda e: e.employee.matricule, 12),
    Column(gettext_lazy("Salarié"), lambda e: e.employee.display_name, 28),
    Column(gettext_lazy("Note de frais"), lambda e: e.report.reference, 14),
    Column(gettext_lazy("Élément"), lambda e: e.label, 48),
    Column(gettext_lazy("Montant"), lambda e: e.amount, 14),
    Column(gettext_lazy("Soumis à cotisations"), lambda e: e.taxable, 12),
    Column(gettext_lazy("DSN"), lambda e: e.dsn, 50),
]


def _month(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{value}-01")
    except ValueError:
        return timezone.localdate().replace(day=1)


def _employer(request: AuthenticatedRequest, key: str = "employeur") -> Any:
    employers = hr_employers(request.user).order_by("name")
    chosen = request.GET.get(key) or request.POST.get(key)
    employer = employers.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    return employer or employers.first(), employers


@require(is_hr)
def payments_view(request: AuthenticatedRequest) -> HttpResponse:
    user: User = request.user
    reports = list(to_reimburse(user))
    employer, employers = _employer(request)
    ready = transfers_ready(user, employer) if employer is not None else to_reimburse(user).none()
    next_day = timezone.localdate() + dt.timedelta(days=1)
    return render(
        request,
        "travel/payments/index.html",
        {
            "reports": reports,
            "method_forms": {
                r.pk: MethodForm(
                    prefix=f"r{r.pk}",
                    initial={
                        "method": r.reimbursement_method or ReimbursementMethod.TRANSFER,
                        "payroll_month": (r.payroll_month or timezone.localdate()).strftime(
                            "%Y-%m"
                        ),
                    },
                )
                for r in reports
            },
            "employer": employer,
            "employers": employers,
            "batch_form": BatchForm(ready=ready, initial={"execution_date": next_day}),
            "ready": ready,
            "batches": batches(user)[:20],
            "month": timezone.localdate().replace(day=1),
        },
    )


@require(is_hr)
@require_POST
def method_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_reimburse(request.user, report))
    form = MethodForm(request.POST, prefix=f"r{report.pk}")
    done = submit(
        form,
        lambda: reimbursement_choose(
            report=report,
            method=form.cleaned_data["method"],
            payroll_month=form.cleaned_data["payroll_month"],
            by=request.user,
        ),
    )
    if done is not None:
        messages.success(
            request,
            _("%(ref)s : %(method)s.")
            % {"ref": done.reference, "method": done.get_reimbursement_method_display().lower()},
        )
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, f"{report.reference} : {message}")
    return redirect(f"{reverse('travel:payments')}?employeur={report.employer_id}")


@require(is_hr)
@require_POST
def batch_create_view(request: AuthenticatedRequest) -> HttpResponse:
    user: User = request.user
    employer, _employers = _employer(request)
    if employer is None:
        return redirect("travel:payments")
    form = BatchForm(request.POST, ready=transfers_ready(user, employer))
    batch = submit(
        form,
        lambda: sepa_batch_create(
            employer=employer,
            reports=list(form.cleaned_data["reports"]),
            execution_date=form.cleaned_data["execution_date"],
            by=user,
        ),
    )
    if batch is not None:
        messages.success(
            request,
            _("Remise %(id)s créée : %(count)s virement(s), téléchargez le fichier pain.001.")
            % {"id": batch.message_id, "count": batch.transfer_count},
        )
    else:
        for message in [str(m) for errors in form.errors.values() for m in errors]:
            messages.error(request, message)
    return redirect(f"{_payments_url()}?employeur={employer.pk}")


def _payments_url() -> str:
    return reverse("travel:payments")


@require(is_hr)
def batch_download(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    batch_downloaded(batch=batch, by=request.user)
    response = HttpResponse(batch.xml.encode("utf-8"), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{batch.message_id}.xml"'
    return response


@require(is_hr)
def payroll_view(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    employer, employers = _employer(request)
    month = _month(request.GET.get("mois", ""))
    elements = payroll_elements(request.user, employer, month) if employer is not None else []
    export = requested_export(request)
    if export and employer is not None:
        return export_response(
            export_format=export,
            columns=PAYROLL_COLUMNS,
            rows=elements,
            name=f"frais-paie-{employer.name}-{month:%Y-%m}",
        )
    pending = any(e.report.status == "checked" for e in elements)
    return render(
        request,
        "travel/payments/payroll.html",
        {
            "employers": employers,
            "employer": employer,
            "month": month,
            "elements": elements,
            "pending": pending,
            "exempt": sum((e.amount for e in elements if not e.taxable and e.amount > 0), start=0),
            "taxable": sum((e.amount for e in elements if e.taxable), start=0),
            "total": sum((e.amount for e in elements), start=0),
        },
    )


@require(is_hr)
@require_POST
def payroll_hand_over_view(request: AuthenticatedRequest) -> HttpResponse:
    employers = hr_employers(request.user)
    employer = get_in_scope(employers, request.POST.get("employeur"))
    month = _month(request.POST.get("mois", ""))
    try:
        done = payroll_hand_over(employer=employer, month=month, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(count)s note(s) de frais remboursée(s) avec la paie de %(month)s.")
            % {"count": len(done), "month": f"{month:%m/%Y}"},
        )
    return redirect(f"{_payments_url()}paie/?employeur={employer.pk}&mois={month:%Y-%m}")

"""The payroll periods: the list, opening one, a period's page with its payslips, its progress
bar while the worker computes, its elements and anomalies, and the steps to closing."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, saved, submit
from effectif.core.htmx import is_htmx
from effectif.core.listing import page_of, parse_id
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import employees_for
from effectif.organisation.selectors import hr_employers_for
from effectif.payroll import services
from effectif.payroll.collecting import collect
from effectif.payroll.forms import (
    AcknowledgeForm,
    ElementForm,
    PeriodForm,
    ReopenForm,
    default_dates,
)
from effectif.payroll.models import Anomaly, ElementSource, PayrollElement, PayrollPeriod
from effectif.payroll.permissions import is_payroll_lead, may_run_payroll
from effectif.payroll.selectors import (
    PayslipFilters,
    anomalies_of,
    anomaly_counts,
    elements_of,
    payslip_rows,
    period_get,
    period_totals,
    periods_for,
)
from effectif.payroll.selectors import period_list as periods_of


@require(may_run_payroll)
def period_list(request: AuthenticatedRequest) -> HttpResponse:
    employer_id = parse_id(request.GET.get("employeur"))
    return render(
        request,
        "payroll/period_list.html",
        {
            "page": page_of(request, periods_of(request.user, employer_id=employer_id)),
            "employers": hr_employers_for(request.user),
            "employer_id": employer_id,
        },
    )


@require(may_run_payroll)
def period_create(request: AuthenticatedRequest) -> HttpResponse:
    employers = hr_employers_for(request.user)
    initial = {**default_dates(timezone.localdate()), "employer": employers.first()}
    form = bound(request, PeriodForm, employers=employers, initial=initial)
    period = None
    if request.method == "POST":
        period = submit(
            form,
            lambda: services.period_open(
                employer=form.cleaned_data["employer"],
                month=form.cleaned_data["month"],
                pay_date=form.cleaned_data["pay_date"],
                cutoff_date=form.cleaned_data["cutoff_date"],
                by=request.user,
            ),
        )
    if period is not None:
        messages.success(request, _("Période ouverte."))
        return redirect(period)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Ouvrir une période de paie"), "subtitle": _("Paie")},
    )


def _context(request: AuthenticatedRequest, period: PayrollPeriod) -> dict[str, object]:
    counts = anomaly_counts(period)
    return {
        "period": period,
        "is_lead": is_payroll_lead(request.user),
        "blocking": counts["blocking"],
        "open_warnings": counts["open_warnings"],
    }


@require(may_run_payroll)
def period_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    filters = PayslipFilters(
        search=request.GET.get("q", "").strip()[:100], only=request.GET.get("filtre", "")
    )
    context = {
        **_context(request, period),
        "page": page_of(request, payslip_rows(period, filters)),
        "filters": filters,
        "totals": period_totals(period),
        "element_count": period.elements.count(),
    }
    return render(request, "payroll/period_detail.html", context)


@require(may_run_payroll)
def period_progress(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The progress bar, polled by the page while the worker computes; once done, the page
    reloads itself to show the payslips."""
    period = period_get(request.user, pk)
    response = render(request, "payroll/partials/progress.html", _context(request, period))
    if is_htmx(request) and not period.is_running:
        response["HX-Refresh"] = "true"
    return response


def _step(
    request: AuthenticatedRequest,
    pk: int,
    call: Callable[[PayrollPeriod], object],
    done: str,
) -> HttpResponse:
    period = period_get(request.user, pk)
    try:
        call(period)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(period)


@require(may_run_payroll)
@require_POST
def period_collect(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    def call(period: PayrollPeriod) -> None:
        count = collect(period, by=request.user)
        messages.info(request, _("%(n)s éléments collectés.") % {"n": count})

    return _step(request, pk, call, _("Éléments variables à jour."))


@require(may_run_payroll)
@require_POST
def period_compute(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda period: services.computation_request(period=period, by=request.user),
        _("Calcul lancé : vous pouvez quitter la page, il se poursuit."),
    )


@require(may_run_payroll)
@require_POST
def period_check(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda period: services.period_check(period=period, by=request.user),
        _("Période contrôlée."),
    )


@require(is_payroll_lead)
@require_POST
def period_validate(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda period: services.period_validate(period=period, by=request.user),
        _("Période validée."),
    )


@require(is_payroll_lead)
@require_POST
def period_close(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        lambda period: services.period_close(period=period, by=request.user),
        _("Période close : ses bulletins ne changeront plus."),
    )


@require(is_payroll_lead)
def period_reopen(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    form = bound(request, ReopenForm)
    if request.method == "POST" and saved(
        form,
        lambda: services.period_reopen(
            period=period, reason=form.cleaned_data["reason"], by=request.user
        ),
    ):
        messages.success(request, _("Période rouverte."))
        return redirect(period)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Rouvrir la période de %(month)s") % {"month": period.label},
            "subtitle": str(period.employer),
        },
    )


@require(may_run_payroll)
def element_list(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    employees = employees_for(request.user).filter(employer_id=period.employer_id)
    form = bound(request, ElementForm, employees=employees)
    if request.method == "POST":
        ensure(period.is_editable)
        if saved(
            form,
            lambda: services.element_add(
                period=period,
                employee=form.cleaned_data["employee"],
                code=form.cleaned_data["code"],
                quantity=form.cleaned_data["quantity"],
                base_amount=form.cleaned_data["base_amount"],
                rate=form.cleaned_data["rate"],
                amount=form.cleaned_data["amount"],
                corrected_month=form.cleaned_data["corrected_month"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            ),
        ):
            messages.success(request, _("Élément ajouté."))
            return redirect("payroll:elements", pk=period.pk)
    rows = elements_of(period, parse_id(request.GET.get("salarie")))
    source = request.GET.get("origine", "")
    if source in ElementSource.values:
        rows = rows.filter(source=source)
    return render(
        request,
        "payroll/elements.html",
        {
            **_context(request, period),
            "page": page_of(request, rows),
            "form": form,
            "sources": ElementSource.choices,
            "source": source,
            "manual_sources": (ElementSource.MANUAL, ElementSource.IMPORT),
        },
    )


@require(may_run_payroll)
@require_POST
def element_delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    element = get_in_scope(
        PayrollElement.objects.filter(period__in=periods_for(request.user)).select_related(
            "period"
        ),
        pk,
    )
    try:
        services.element_delete(element=element, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Élément supprimé."))
    return redirect("payroll:elements", pk=element.period_id)


@require(may_run_payroll)
def anomaly_list(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    period = period_get(request.user, pk)
    return render(
        request,
        "payroll/anomalies.html",
        {
            **_context(request, period),
            "anomalies": anomalies_of(period),
            "form": AcknowledgeForm(),
        },
    )


@require(may_run_payroll)
@require_POST
def anomaly_acknowledge(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    anomaly = get_in_scope(
        Anomaly.objects.filter(period__in=periods_for(request.user)).select_related("period"), pk
    )
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            services.anomaly_acknowledge(
                anomaly=anomaly, comment=form.cleaned_data["comment"], by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Anomalie prise en compte."))
    else:
        messages.error(request, _("Dites pourquoi l'anomalie est acceptée."))
    return redirect("payroll:anomalies", pk=anomaly.period_id)

"""Expense reports (notes de frais): the employee's list, the approvers' list with its filters
and export, a report's page, its creation (by the employee, or by HR for an employee in their
scope), the manager's approval, HR's check and the refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.dates import query_date
from effectif.core.editing import bound, saved, submit
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import is_htmx
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.roles import is_hr
from effectif.employees.models import Employee
from effectif.employees.selectors import own_employee
from effectif.organisation.models import Department
from effectif.travel.forms.expenses import CommentForm, DecisionForm, ReportForm
from effectif.travel.models import ExpenseLine, ExpenseReport, ExpenseStatus, Trip
from effectif.travel.permissions import (
    can_approve_report_as_manager,
    can_check_report,
    can_edit_report,
    can_reimburse,
    is_approver,
)
from effectif.travel.selectors.expenses import (
    ReportFilters,
    my_reports,
    report_lines,
    report_list,
)
from effectif.travel.selectors.scope import hr_employers, report_get
from effectif.travel.selectors.trips import requester_choices
from effectif.travel.services.expenses import (
    can_decide_lines,
    checks_today,
    report_approve,
    report_check,
    report_create,
    report_reject,
    report_submit,
    report_update,
    trips_for_report,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest

EXPORT_COLUMNS = [
    Column(gettext_lazy("Référence"), lambda r: r.reference, 14),
    Column(gettext_lazy("Salarié"), lambda r: r.employee.display_name, 25),
    Column(gettext_lazy("Matricule"), lambda r: r.employee.matricule, 12),
    Column(gettext_lazy("Employeur"), lambda r: r.employer.name, 22),
    Column(gettext_lazy("Service"), lambda r: r.department.name if r.department else "", 20),
    Column(gettext_lazy("Intitulé"), lambda r: r.title, 30),
    Column(gettext_lazy("Statut"), lambda r: r.get_status_display(), 22),
    Column(
        gettext_lazy("Soumise le"), lambda r: r.submitted_at.date() if r.submitted_at else None, 12
    ),
    Column(gettext_lazy("Lignes"), lambda r: r.line_count, 8),
    Column(gettext_lazy("Anomalies"), lambda r: r.anomaly_count, 10),
    Column(gettext_lazy("Montant déclaré"), lambda r: r.total_amount, 14),
    Column(gettext_lazy("Montant accepté"), lambda r: r.accepted_amount, 14),
    Column(gettext_lazy("Part exonérée"), lambda r: r.exempt_amount, 14),
    Column(gettext_lazy("Part soumise"), lambda r: r.taxable_amount, 14),
    Column(gettext_lazy("Avance déduite"), lambda r: r.advance_deducted_amount, 14),
    Column(gettext_lazy("Net à rembourser"), lambda r: r.payable_amount, 14),
]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
def my_reports_view(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    return render(
        request,
        "travel/expenses/mine.html",
        {"reports": my_reports(request.user), "employee": employee},
    )


def filters_from(request: AuthenticatedRequest) -> ReportFilters:
    status = request.GET.get("statut", "")
    return ReportFilters(
        status=status if status in ExpenseStatus.values else "",
        employer_id=_int(request.GET.get("employeur")),
        department_id=_int(request.GET.get("service")),
        start=query_date(request, "du"),
        end=query_date(request, "au"),
        q=request.GET.get("q", "").strip(),
    )


@require(is_approver)
def reports_view(request: AuthenticatedRequest) -> HttpResponseBase:
    user: User = request.user
    filters = filters_from(request)
    rows = report_list(user, filters)
    if export := requested_export(request):
        return export_response(
            export_format=export, columns=EXPORT_COLUMNS, rows=rows, name=_("Notes de frais")
        )
    employers = hr_employers(user).order_by("name") if is_hr(user) else []
    departments = Department.objects.filter(
        pk__in=rows.order_by().values("department_id")
    ).order_by("name")
    context = {
        "page_obj": page_of(request, rows),
        "filters": filters,
        "query": query_without(request.GET, "page", "export"),
        "statuses": ExpenseStatus.choices,
        "employers": employers,
        "departments": departments,
        "can_create": requester_choices(user).exists(),
        "is_hr": is_hr(user),
    }
    template = (
        "travel/expenses/partials/list_results.html"
        if is_htmx(request)
        else ("travel/expenses/list.html")
    )
    return render(request, template, context)


def _chosen_employee(
    request: AuthenticatedRequest, requesters: QuerySet[Employee]
) -> Employee | None:
    """The employee the new report is for: the one chosen among those the user may write for
    (HR), else the user themself, else the only one the user may write for."""
    chosen = _int(request.POST.get("employee") or request.GET.get("employee"))
    match = requesters.filter(pk=chosen).first() if chosen is not None else None
    if match is not None:
        return match
    user: User = request.user
    own = requesters.filter(user=user).first()
    if own is not None or requesters.count() > 1:
        return own
    return requesters.first()


def _report_create(data: dict[str, Any], employee: Employee | None, user: User) -> ExpenseReport:
    chosen: Employee | None = data.get("employee") or employee
    if chosen is None:
        raise ValidationError({"employee": [_("Choisissez le salarié.")]})
    return report_create(employee=chosen, title=data["title"], trip=data["trip"], by=user)


@login_required
def report_create_view(request: AuthenticatedRequest) -> HttpResponse:
    """A new report: the employee's own, or HR's for an employee in scope (with or without an
    account), through the same service."""
    user: User = request.user
    requesters = requester_choices(user)
    if not requesters.exists():
        raise Http404
    employee = _chosen_employee(request, requesters)
    trips = trips_for_report(employee) if employee is not None else Trip.objects.none()
    form = bound(
        request,
        ReportForm,
        trips=trips,
        requesters=requesters,
        reload_url=reverse("travel:report_create"),
        initial={"employee": employee.pk if employee else None},
    )
    if request.method == "POST":
        report = submit(
            form,
            lambda: _report_create(form.cleaned_data, employee, user),
        )
        if report is not None:
            message = (
                _("Note %(ref)s créée : ajoutez vos dépenses.")
                if report.employee.user_id == user.pk
                else _("Note %(ref)s créée pour %(name)s : ajoutez ses dépenses.")
            )
            messages.success(
                request, message % {"ref": report.reference, "name": report.employee.display_name}
            )
            return redirect(report.get_absolute_url())
    mine = employee is not None and employee.user_id == user.pk and "employee" not in form.fields
    back = (
        {"url": reverse("travel:my_reports"), "label": _("Mes notes de frais")}
        if mine
        else {"url": reverse("travel:reports"), "label": _("Notes de frais")}
    )
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Nouvelle note de frais"), "breadcrumb": [back]},
    )


@login_required
def report_edit_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_edit_report(request.user, report))
    initial = {"title": report.title, "trip": report.trip_id}
    form = bound(request, ReportForm, trips=trips_for_report(report.employee), initial=initial)
    if request.method == "POST" and saved(
        form,
        lambda: report_update(
            report=report,
            title=form.cleaned_data["title"],
            trip=form.cleaned_data["trip"],
            by=request.user,
        ),
    ):
        messages.success(request, _("Note de frais enregistrée."))
        return redirect(report.get_absolute_url())
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Modifier %(ref)s") % {"ref": report.reference},
            "back": report,
            "breadcrumb": [{"url": report.get_absolute_url(), "label": report.reference}],
        },
    )


def _decision_forms(report: ExpenseReport, lines: list[ExpenseLine]) -> dict[int, DecisionForm]:
    return {line.pk: DecisionForm.for_line(line) for line in lines}


@login_required
def report_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user: User = request.user
    report = report_get(user, pk)
    deciding = can_decide_lines(user, report)
    lines = list(report_lines(report))
    if deciding:
        # The approver sees the lines checked again today; reading writes nothing.
        today = checks_today(report=report)
        for line in lines:
            line.anomalies = today.get(line.pk, line.anomalies)
    context = {
        "report": report,
        "employee": report.employee,
        "lines": lines,
        "declared": sum((line.amount for line in lines), start=0),
        "anomalies": sum(1 for line in lines if line.anomalies),
        "can_edit": can_edit_report(user, report),
        "deciding": deciding,
        "forms": _decision_forms(report, lines) if deciding else {},
        "can_approve": can_approve_report_as_manager(user, report),
        "can_check": can_check_report(user, report),
        "can_reimburse": can_reimburse(user, report),
        "comment_form": CommentForm(),
    }
    return render(request, "travel/expenses/detail.html", context)


@login_required
@require_POST
def report_submit_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(can_edit_report(request.user, report))
    try:
        report_submit(report=report, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Note de frais soumise à votre manager."))
    return redirect(report.get_absolute_url())


def _workflow(
    request: AuthenticatedRequest, pk: int, allowed: Any, action: Any, done: str
) -> HttpResponse:
    report = report_get(request.user, pk)
    ensure(allowed(request.user, report))
    form = CommentForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "") if hasattr(form, "cleaned_data") else ""
    try:
        action(report=report, by=request.user, comment=comment)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(report.get_absolute_url())


@login_required
@require_POST
def report_approve_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _workflow(
        request, pk, can_approve_report_as_manager, report_approve, _("Note de frais validée.")
    )


@login_required
@require_POST
def report_check_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _workflow(
        request,
        pk,
        can_check_report,
        report_check,
        _("Note de frais contrôlée : choisissez son mode de remboursement."),
    )


@login_required
@require_POST
def report_reject_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _workflow(request, pk, can_decide_lines, report_reject, _("Note de frais refusée."))

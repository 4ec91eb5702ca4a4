"""Asking for leave, deciding on it, cancelling it; absences recorded by HR; notifications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.dates import query_date
from effectif.core.editing import add_service_errors, bound
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.models import AuditAction
from effectif.core.roles import is_hr, is_self
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.models import Employee
from effectif.employees.selectors import employee_get, own_employee
from effectif.leave import permissions as perms
from effectif.leave.checks import evaluate
from effectif.leave.forms import AbsenceForm, DecisionForm, RequestForm
from effectif.leave.models import RECORDED_CATEGORIES, Category, LeaveRequest, Status
from effectif.leave.selectors import (
    as_rows,
    colleagues_away,
    leave_types_for,
    notifications_for,
    request_filters,
    request_get,
    requestable_types,
    requests_for,
    statement,
    to_decide,
)
from effectif.leave.services import (
    absence_record,
    leave_request_approve,
    leave_request_cancel,
    leave_request_refuse,
    leave_request_submit,
    notifications_mark_read,
)
from effectif.leave.visibility import TypeReader
from effectif.organisation.selectors import employers_for


def _as_of(request: AuthenticatedRequest) -> dt.date:
    return query_date(request, "date") or timezone.localdate()


def _own_requests(employee: Employee, count: int = 20) -> list[LeaveRequest]:
    """An employee's latest requests, each knowing its employee (the rows ask who it is for,
    to name its type) without a query per row."""
    requests = list(
        LeaveRequest.objects.filter(employee=employee).select_related("leave_type")[:count]
    )
    for request in requests:
        request.employee = employee
    return requests


@login_required
def my_leave(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        if perms.can_list_requests(request.user):
            return redirect("leave:requests")
        messages.info(request, _("Aucun dossier du personnel n'est rattaché à votre compte."))
        return redirect("dashboards:home")
    on = _as_of(request)
    context = {
        "employee": employee,
        "statement": statement(employee, on),
        "on": on,
        "requests": _own_requests(employee),
        "today": timezone.localdate(),
    }
    return render(request, "leave/mine.html", context)


def _target(request: AuthenticatedRequest) -> Employee:
    """The employee a request is for: `?salarie=` (HR on someone's behalf) or oneself."""
    pk = request.GET.get("salarie") or request.POST.get("salarie")
    if pk:
        employee = employee_get(request.user, pk)
    else:
        own = own_employee(request.user)
        if own is None:
            raise Http404
        employee = own
    ensure(perms.can_request_for(request.user, employee))
    return employee


def _submit_form(request: AuthenticatedRequest, employee: Employee, absence: bool) -> Any:
    on_behalf = not is_self(request.user, employee)
    types = requestable_types(employee, on_behalf=on_behalf)
    if absence:
        types = types.filter(category__in=RECORDED_CATEGORIES) or types
    form_class = AbsenceForm if absence else RequestForm
    first = types.filter(category=Category.PAID_LEAVE).first() or types.first()
    return bound(request, form_class, types=types, initial={"leave_type": first})


@login_required
def request_new(request: AuthenticatedRequest, absence: bool = False) -> HttpResponseBase:
    employee = _target(request)
    if absence:
        ensure(perms.can_manage(request.user))
    form = _submit_form(request, employee, absence)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if absence:
                submission = absence_record(
                    employee=employee,
                    leave_type=data["leave_type"],
                    span=form.span(),
                    by=request.user,
                    subrogation=data["subrogation"],
                    comment=data["comment"],
                    upload=data.get("document"),
                )
            else:
                submission = leave_request_submit(
                    employee=employee,
                    leave_type=data["leave_type"],
                    span=form.span(),
                    by=request.user,
                    hours=data.get("hours"),
                    comment=data["comment"],
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            for warning in submission.warnings:
                messages.warning(request, warning)
            done = submission.request
            if done.status == Status.APPROVED:
                messages.success(request, _("Absence enregistrée."))
            else:
                messages.success(request, _("Demande envoyée pour validation."))
            return redirect("leave:request_detail", pk=done.pk)
    title = _("Enregistrer une absence") if absence else _("Demander un congé")
    context = {
        "form": form,
        "employee": employee,
        "on_behalf": not is_self(request.user, employee),
        "title": title,
        "absence": absence,
    }
    return render(request, "leave/request_form.html", context)


@login_required
def request_preview(request: AuthenticatedRequest) -> HttpResponse:
    """htmx: the count of the request being typed, and the balance after it."""
    employee = _target(request)
    form = _submit_form(request, employee, absence=False)
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        try:
            context["evaluation"] = evaluate(
                employee=employee,
                leave_type=form.cleaned_data["leave_type"],
                span=form.span(),
                hours=form.cleaned_data.get("hours"),
            )
            context["leave_type"] = form.cleaned_data["leave_type"]
        except ValidationError as error:
            context["errors"] = error.messages
    return render(request, "leave/partials/preview.html", context)


def request_columns(reader: TypeReader) -> list[Column]:
    """The export's columns, the type named as the reader may read it."""
    return [
        Column(_("Matricule"), lambda r: r.employee.matricule, 12),
        Column(_("Salarié"), lambda r: r.employee.display_name, 25),
        Column(_("Type"), reader.label, 22),
        Column(_("Du"), lambda r: r.start_date, 12),
        Column(_("Au"), lambda r: r.end_date, 12),
        Column(_("Décompte"), lambda r: r.amount, 10),
        Column(_("Unité"), lambda r: r.leave_type.get_unit_display(), 12),
        Column(_("Statut"), lambda r: r.get_status_display(), 12),
    ]


@require(perms.can_list_requests)
def request_list(request: AuthenticatedRequest) -> HttpResponseBase:
    user = request.user
    reader = TypeReader(user)
    status = request.GET.get("statut", "")
    status = status if status in Status.values else ""
    employer = request.GET.get("employeur", "")
    # A type whose nature the reader may not read is not offered, nor applied: filtering by
    # it would single out, say, who is on sick leave.
    types = leave_types_for(user).filter(reader.filterable_types()).order_by("label")
    leave_type = request.GET.get("type", "")
    leave_type = leave_type if leave_type.isdigit() and types.filter(pk=leave_type) else ""
    requests = request_filters(
        requests_for(user),
        status=status,
        employer=int(employer) if employer.isdigit() else None,
        leave_type=int(leave_type) if leave_type else None,
        q=request.GET.get("q", ""),
    )
    if export := requested_export(request):
        audit(actor=user, action=AuditAction.EXPORT, detail=_("Export des demandes de congés"))
        return export_response(
            export_format=export, columns=request_columns(reader), rows=requests, name=_("Congés")
        )
    context = {
        "leave_reader": reader,
        "pending": as_rows(to_decide(user))[:50],
        "page_obj": page_of(request, as_rows(requests)),
        "query": query_without(request.GET, "page", "export"),
        "statuses": Status.choices,
        "status": status,
        "employers": employers_for(user).order_by("name"),
        "types": types,
        "selected_employer": employer,
        "selected_type": leave_type,
        "q": request.GET.get("q", ""),
        "can_record": perms.can_manage(user),
    }
    return render(request, "leave/request_list.html", context)


@login_required
def request_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    leave = request_get(request.user, pk)
    today = timezone.localdate()
    can_decide = perms.can_decide(request.user, leave)
    reader = TypeReader(request.user)
    shown = reader.shown(leave)
    context = {
        "leave": leave,
        "leave_reader": reader,
        "shown": shown,
        "comment": reader.comment(leave),
        "can_decide": can_decide,
        "can_cancel": perms.can_cancel(request.user, leave, today),
        "away": colleagues_away(leave) if can_decide or is_hr(request.user) else [],
        "entries": [] if shown.hidden else leave.entries.order_by("id"),
        "form": DecisionForm(),
        "show_document": is_hr(request.user) or is_self(request.user, leave.employee),
    }
    return render(request, "leave/request_detail.html", context)


def _decision(request: AuthenticatedRequest, pk: int, action: str) -> HttpResponse:
    leave = request_get(request.user, pk)
    comment = request.POST.get("comment", "")
    today = timezone.localdate()
    allowed = (
        perms.can_cancel(request.user, leave, today)
        if action == "cancel"
        else perms.can_decide(request.user, leave)
    )
    ensure(allowed)
    services: dict[str, tuple[Callable[..., LeaveRequest], str]] = {
        "approve": (leave_request_approve, _("Demande validée.")),
        "refuse": (leave_request_refuse, _("Demande refusée.")),
        "cancel": (leave_request_cancel, _("Demande annulée.")),
    }
    service, done = services[action]
    try:
        service(request=leave, by=request.user, comment=comment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("leave:request_detail", pk=leave.pk)


@login_required
@require_POST
def request_approve(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _decision(request, pk, "approve")


@login_required
@require_POST
def request_refuse(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _decision(request, pk, "refuse")


@login_required
@require_POST
def request_cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _decision(request, pk, "cancel")


@login_required
def notification_list(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        notifications_mark_read(user=request.user)
        return redirect("leave:notifications")
    page = page_of(request, notifications_for(request.user))
    return render(request, "leave/notifications.html", {"page_obj": page})

"""HR's pages: an employee's statement and adjustments, everyone's balances, leave types,
leave pay for payroll, closing the leave year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.dates import query_date, query_month
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.models import AuditAction
from effectif.core.scoping import get_in_scope
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import employee_get, employees_for
from effectif.leave import permissions as perms
from effectif.leave.closing import closing_preview, leave_year_close
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.forms import AdjustmentForm, LeaveTypeForm
from effectif.leave.ledger import period_of
from effectif.leave.models import Category, LeaveClosing, LeaveType
from effectif.leave.pay import leave_pay_lines
from effectif.leave.selectors import (
    balances_as_of,
    leave_type_get,
    ledger_entries,
    managed_leave_types,
    must_take_before,
    statement,
)
from effectif.leave.services import ledger_adjust
from effectif.leave.visibility import TypeReader
from effectif.organisation.selectors import hr_employers_for


def _as_of(request: AuthenticatedRequest) -> dt.date:
    return query_date(request, "date") or timezone.localdate()


def _employer(request: AuthenticatedRequest) -> Any:
    employers = hr_employers_for(request.user).order_by("name")
    chosen = request.GET.get("employeur")
    if chosen:
        return get_in_scope(employers, chosen), employers
    return employers.first(), employers


@login_required
def employee_statement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    on = _as_of(request)
    reader = TypeReader(request.user)
    context = {
        "employee": employee,
        "statement": reader.statement(statement(employee, on)),
        "on": on,
        "entries": reader.keep(
            ledger_entries(employee)[:200],
            lambda entry: entry.leave_type,
            employee_user_id=employee.user_id,
        ),
        "can_manage": perms.can_manage(request.user),
        "can_request": perms.can_request_for(request.user, employee),
    }
    return render(request, "leave/statement.html", context)


@login_required
def employee_adjust(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employee = employee_get(request.user, pk)
    ensure(perms.can_manage(request.user))
    types = LeaveType.objects.filter(employer_id=employee.employer_id).exclude(
        balance_policy="aucun"
    )
    form = bound(request, AdjustmentForm, types=types, initial={"entry_date": timezone.localdate()})
    if request.method == "POST" and saved(
        form, lambda: ledger_adjust(employee=employee, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Ajustement enregistré."))
        return redirect("leave:statement", pk=employee.pk)
    return render(
        request,
        "leave/simple_form.html",
        {"form": form, "title": _("Ajuster un solde"), "employee": employee},
    )


def _remaining(pk: int) -> Callable[[Any], Decimal | None]:
    def value(row: Any) -> Decimal | None:
        return row.balances[pk].remaining if pk in row.balances else None

    return value


def _balance_columns(types: list[LeaveType]) -> list[Column]:
    columns = [
        Column(_("Matricule"), lambda r: r.employee.matricule, 12),
        Column(_("Salarié"), lambda r: r.employee.display_name, 25),
    ]
    for leave_type in types:
        columns.append(
            Column(
                _("%(type)s — solde") % {"type": leave_type.label}, _remaining(leave_type.pk), 14
            )
        )
    return columns


@require(perms.can_manage)
def balance_list(request: AuthenticatedRequest) -> HttpResponseBase:
    employer, employers = _employer(request)
    on = _as_of(request)
    types = list(
        LeaveType.objects.filter(employer=employer)
        .exclude(balance_policy="aucun")
        .order_by("label")
    )
    employees = (
        employees_for(request.user).filter(employer=employer).order_by("last_name", "first_names")
    )
    if export := requested_export(request):
        audit(actor=request.user, action=AuditAction.EXPORT, detail=_("Export des soldes"))
        return export_response(
            export_format=export,
            columns=_balance_columns(types),
            rows=balances_as_of(employees, on, types),
            name=_("Soldes de congés"),
        )
    page = page_of(request, employees)
    rows = balances_as_of(employees.filter(pk__in=[e.pk for e in page]), on, types)
    context = {
        "employer": employer,
        "employers": employers,
        "on": on,
        "types": types,
        "rows": rows,
        "page_obj": page,
        "query": query_without(request.GET, "page", "export"),
    }
    return render(request, "leave/balances.html", context)


@require(perms.can_manage)
def type_list(request: AuthenticatedRequest) -> HttpResponse:
    types = managed_leave_types(request.user).order_by("employer__name", "label")
    return render(
        request,
        "leave/types.html",
        {"types": types, "employers": hr_employers_for(request.user).order_by("name")},
    )


@require(perms.can_manage)
@require_POST
def type_defaults(request: AuthenticatedRequest) -> HttpResponse:
    employer = get_in_scope(hr_employers_for(request.user), request.POST.get("employeur"))
    created = leave_types_install_defaults(employer=employer, by=request.user)
    messages.success(request, _("%(n)s type(s) créé(s).") % {"n": len(created)})
    return redirect("leave:types")


@require(perms.can_manage)
def type_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    if pk is None:
        employer = get_in_scope(hr_employers_for(request.user), request.GET.get("employeur"))
        instance = LeaveType(employer=employer)
    else:
        instance = leave_type_get(request.user, pk)
    form = bound(request, LeaveTypeForm, instance=instance)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Type enregistré."))
        return redirect("leave:types")
    title = _("Nouveau type d'absence") if pk is None else instance.label
    return render(request, "leave/simple_form.html", {"form": form, "title": title})


def pay_columns() -> list[Column]:
    """The leave pay export's columns (headers translated when asked)."""
    return [
        Column(_("Matricule"), lambda line: line.employee.matricule, 12),
        Column(_("Salarié"), lambda line: line.employee.display_name, 25),
        Column(_("Du"), lambda line: line.first_day, 12),
        Column(_("Au"), lambda line: line.last_day, 12),
        Column(_("Jours"), lambda line: line.days, 8),
        Column(_("Maintien de salaire"), lambda line: line.pay.maintien_amount, 14),
        Column(_("Dixième"), lambda line: line.pay.tenth_amount, 14),
        Column(_("Indemnité retenue"), lambda line: line.pay.amount, 14),
        Column(_("Méthode"), lambda line: line.pay.method, 10),
    ]


@require(perms.can_manage)
def leave_pay(request: AuthenticatedRequest) -> HttpResponseBase:
    employer, employers = _employer(request)
    month = query_month(request, "mois") or timezone.localdate().replace(day=1)
    lines = leave_pay_lines(employer, month) if employer is not None else []
    if export := requested_export(request):
        audit(actor=request.user, action=AuditAction.EXPORT, detail=_("Export des indemnités"))
        return export_response(
            export_format=export, columns=pay_columns(), rows=lines, name=_("Indemnités de congés")
        )
    context = {
        "employer": employer,
        "employers": employers,
        "month": month,
        "lines": lines,
        "total": sum((line.pay.amount for line in lines), Decimal(0)),
        "query": query_without(request.GET, "export"),
    }
    return render(request, "leave/pay.html", context)


def report_columns() -> list[Column]:
    """The closing report's columns (headers translated when asked)."""
    return [
        Column(_("Matricule"), lambda r: r[0].matricule, 12),
        Column(_("Salarié"), lambda r: r[0].display_name, 25),
        Column(_("Période"), lambda r: r[1].period.label, 12),
        Column(_("Jours à prendre"), lambda r: r[1].remaining, 12),
        Column(_("À prendre avant le"), lambda r: r[1].available_until, 14),
    ]


@require(perms.can_manage)
def closing(request: AuthenticatedRequest) -> HttpResponseBase:
    types = managed_leave_types(request.user).filter(category=Category.PAID_LEAVE)
    chosen = request.GET.get("type") or request.POST.get("type")
    leave_type = get_in_scope(types, chosen) if chosen else types.order_by("employer__name").first()
    today = timezone.localdate()
    context: dict[str, Any] = {"types": types, "leave_type": leave_type, "today": today}
    if leave_type is None:
        return render(request, "leave/closing.html", context)
    period = period_of(leave_type, today).previous()
    if request.method == "POST":
        try:
            leave_year_close(leave_type=leave_type, period=period, by=request.user, today=today)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Période %(p)s clôturée.") % {"p": period.label})
        return redirect(f"{request.path}?type={leave_type.pk}")
    employees = employees_for(request.user).filter(employer_id=leave_type.employer_id)
    report = must_take_before(employees, leave_type, today)
    if export := requested_export(request):
        audit(
            actor=request.user, action=AuditAction.EXPORT, detail=_("Export des congés à prendre")
        )
        return export_response(
            export_format=export, columns=report_columns(), rows=report, name=_("Congés à prendre")
        )
    done = LeaveClosing.objects.filter(leave_type=leave_type, period_start=period.start).first()
    names = {e.pk: e for e in employees}
    preview = [] if done else closing_preview(leave_type, period)
    context.update(
        period=period,
        done=done,
        preview=[
            (names.get(line.employee_id), line) for line in preview if line.employee_id in names
        ],
        report=report,
        query=f"type={leave_type.pk}",
    )
    return render(request, "leave/closing.html", context)

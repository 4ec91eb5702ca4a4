"""Time sheets: the employee's week, the weeks to validate, one week, and HR's list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

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
from effectif.core.dates import query_date
from effectif.core.editing import add_service_errors
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, parse_id, query_without, requested_export
from effectif.core.roles import is_hr
from effectif.employees.selectors import own_employee
from effectif.organisation.selectors import hr_employers_for
from effectif.timekeeping import permissions as perms
from effectif.timekeeping.absences import without_days_off
from effectif.timekeeping.breach_text import breach_message, rule_label
from effectif.timekeeping.calendar import planned_shifts_many
from effectif.timekeeping.checking import legal_check_many, monday_of
from effectif.timekeeping.forms.sheets import ReopenForm, ReturnForm, WeekForm
from effectif.timekeeping.models import SheetStatus, TimeSheet
from effectif.timekeeping.selectors import (
    SheetFilters,
    sheet_get,
    sheet_list,
    sheet_of_week,
    sheets_for,
    sheets_to_validate,
)
from effectif.timekeeping.services.sheets import (
    stored_hours,
    timesheet_reopen,
    timesheet_return,
    timesheet_save,
    timesheet_submit,
    timesheet_validate,
    week_hours_of,
)

if TYPE_CHECKING:
    from effectif.core.typing import AuthenticatedRequest


def _monday(request: AuthenticatedRequest) -> dt.date:
    asked = query_date(request, "semaine")
    return monday_of(asked or timezone.localdate())


def _breaches(sheet_or_employee: Any, monday: dt.date) -> list[dict[str, str]]:
    employee = getattr(sheet_or_employee, "employee", sheet_or_employee)
    found = legal_check_many([employee], monday, monday + dt.timedelta(days=6))
    return [
        {"rule": rule_label(b), "article": b.article, "message": breach_message(b)}
        for b in found.get(employee.pk, [])
    ]


@login_required
def my_week(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    ensure(employee is not None)
    assert employee is not None
    monday = _monday(request)
    sheet = sheet_of_week(employee, monday)
    editable = sheet is None or sheet.is_editable
    records = list(sheet.records.all()) if sheet is not None else []
    planned = planned_shifts_many([employee], monday, monday + dt.timedelta(days=6))[employee.pk]
    if not records and editable and request.GET.get("prevu"):
        # Days of approved leave or absence are not worked: they start empty.
        initial = WeekForm.initial_from_shifts(without_days_off(employee.pk, planned))
    else:
        initial = WeekForm.initial_from(records)
    form = WeekForm(
        request.POST if request.method == "POST" else None, monday=monday, initial=initial
    )
    if request.method == "POST" and editable and form.is_valid():
        try:
            sheet = timesheet_save(
                employee=employee, week_start=monday, days=form.entries(), by=request.user
            )
            if "soumettre" in request.POST:
                timesheet_submit(sheet=sheet, by=request.user)
                messages.success(request, _("Semaine envoyée à votre responsable pour validation."))
            else:
                messages.success(request, _("Semaine enregistrée."))
        except ValidationError as error:
            for field, errors in error.message_dict.items() if hasattr(error, "error_dict") else []:
                prefix = field.removeprefix("day_")
                target = next((name for name in form.fields if name.startswith(prefix)), None)
                for message in errors:
                    form.add_error(target, message)
            if not hasattr(error, "error_dict"):
                add_service_errors(form, error)
        else:
            return redirect(f"{request.path}?semaine={monday.isoformat()}")
    rows = form.rows()
    for row in rows:
        row["planned"] = planned[row["day"]].label()
        row["errors"] = [
            e for name in form.errors if name.startswith(row["key"]) for e in form.errors[name]
        ]
    return render(
        request,
        "timekeeping/my_week.html",
        {
            "employee": employee,
            "monday": monday,
            "sunday": monday + dt.timedelta(days=6),
            "previous": monday - dt.timedelta(days=7),
            "next": monday + dt.timedelta(days=7),
            "sheet": sheet,
            "editable": editable,
            "has_records": bool(records),
            "form": form,
            "rows": rows,
            "recent": sheets_for(request.user).filter(employee=employee)[:8],
        },
    )


@require(perms.validates_weeks)
def to_validate(request: AuthenticatedRequest) -> HttpResponse:
    sheets = sheets_to_validate(request.user)
    return render(
        request, "timekeeping/to_validate.html", {"page_obj": page_of(request, sheets, 50)}
    )


@login_required
def sheet_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    sheet = sheet_get(request.user, pk)
    can_validate = perms.can_validate(request.user, sheet.employee)
    return_form = ReturnForm(request.POST if "renvoyer" in request.POST else None)
    reopen_form = ReopenForm(request.POST if "rouvrir" in request.POST else None)
    if request.method == "POST":
        ensure(can_validate)
        try:
            if "valider" in request.POST:
                timesheet_validate(sheet=sheet, by=request.user)
                messages.success(request, _("Semaine validée."))
            elif "renvoyer" in request.POST and return_form.is_valid():
                timesheet_return(
                    sheet=sheet, by=request.user, comment=return_form.cleaned_data["comment"]
                )
                messages.info(request, _("Semaine renvoyée au salarié."))
            elif "rouvrir" in request.POST and is_hr(request.user) and reopen_form.is_valid():
                timesheet_reopen(
                    sheet=sheet, by=request.user, reason=reopen_form.cleaned_data["reason"]
                )
                messages.info(request, _("Semaine rouverte : elle est de nouveau à saisir."))
            else:
                raise ValidationError(_("Action impossible : vérifiez le formulaire."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            return redirect("timekeeping:sheet_detail", pk=sheet.pk)
    records = {record.day: record for record in sheet.records.all()}
    monday = sheet.week_start
    planned = planned_shifts_many([sheet.employee], monday, monday + dt.timedelta(days=6))[
        sheet.employee_id
    ]
    days = [
        {"day": day, "planned": planned[day].label(), "record": records.get(day)}
        for day in (monday + dt.timedelta(days=n) for n in range(7))
    ]
    hours = week_hours_of(sheet) if sheet.status != SheetStatus.APPROVED else stored_hours(sheet)
    return render(
        request,
        "timekeeping/sheet_detail.html",
        {
            "sheet": sheet,
            "days": days,
            "hours": hours,
            "computed": sheet.status != SheetStatus.APPROVED,
            "breaches": _breaches(sheet, monday),
            "can_validate": can_validate,
            "can_reopen": is_hr(request.user) and sheet.status == SheetStatus.APPROVED,
            "return_form": return_form,
            "reopen_form": reopen_form,
        },
    )


def _sheet_columns() -> list[Column]:
    return [
        Column(_("Semaine du"), lambda s: s.week_start, 12),
        Column(_("Matricule"), lambda s: s.employee.matricule, 12),
        Column(_("Salarié"), lambda s: s.employee.display_name, 28),
        Column(_("Employeur"), lambda s: s.employee.employer.name, 24),
        Column(_("Statut"), lambda s: s.get_status_display(), 14),
        Column(_("Heures travaillées"), lambda s: s.worked_hours),
        Column(_("HS 25 %"), lambda s: s.overtime_first_hours),
        Column(_("HS 50 %"), lambda s: s.overtime_second_hours),
        Column(_("HC 10 %"), lambda s: s.complementary_first_hours),
        Column(_("HC 25 %"), lambda s: s.complementary_second_hours),
        Column(
            _("Validée par"),
            lambda s: s.manager_decided_by.get_username() if s.manager_decided_by else "",
        ),
    ]


@require(is_hr)
def sheet_list_view(request: AuthenticatedRequest) -> HttpResponseBase:
    employers = hr_employers_for(request.user).order_by("name")
    employer = request.GET.get("employeur", "")
    filters = SheetFilters(
        employer_id=parse_id(employer),
        status=request.GET.get("statut", "")
        if request.GET.get("statut") in SheetStatus.values
        else "",
        week_start=query_date(request, "semaine"),
        q=request.GET.get("q", "").strip(),
    )
    sheets = sheet_list(request.user, filters)
    if export := requested_export(request):
        return export_response(
            export_format=export, columns=_sheet_columns(), rows=sheets, name=_("Feuilles de temps")
        )
    return render(
        request,
        "timekeeping/sheet_list.html",
        {
            "page_obj": page_of(request, sheets),
            "filters": filters,
            "employers": employers,
            "statuses": SheetStatus.choices,
            "query": query_without(request.GET, "page"),
            "export_query": query_without(request.GET, "page", "export"),
        },
    )


@login_required
@require_POST
def sheet_validate_quick(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Validate from the list of weeks to validate."""
    sheet: TimeSheet = sheet_get(request.user, pk)
    ensure(perms.can_validate(request.user, sheet.employee))
    try:
        timesheet_validate(sheet=sheet, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Semaine du %(day)s de %(name)s validée.")
            % {"day": sheet.week_start.strftime("%d/%m/%Y"), "name": sheet.employee.display_name},
        )
    return redirect("timekeeping:to_validate")

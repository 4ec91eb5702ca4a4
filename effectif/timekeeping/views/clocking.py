"""Import of clocked hours (HR): upload, preview of every error, confirmation or cancellation,
and the template files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import require
from effectif.core.exporting import (
    XLSX_TYPE,
    Column,
    append_row,
    csv_bytes,
    export_response,
    new_workbook,
    workbook_bytes,
)
from effectif.core.roles import is_hr
from effectif.organisation.selectors import hr_employers_for
from effectif.timekeeping.forms.reports import ClockUploadForm
from effectif.timekeeping.selectors import clock_import_get, clock_imports_for
from effectif.timekeeping.services.clocking import (
    clock_import_cancel,
    clock_import_confirm,
    clock_import_upload,
)

if TYPE_CHECKING:
    from effectif.core.typing import AuthenticatedRequest

ERRORS_PER_PAGE = 100
SAMPLE_DAYS = 20
TEMPLATE_ROWS = [
    ["Matricule", "Date", "Entrée", "Sortie"],
    ["M00012", "02/03/2026", "08:00", "12:00"],
    ["M00012", "02/03/2026", "13:00", "17:00"],
    ["M00031", "02/03/2026", "22:00", "06:00+1"],
]


@require(is_hr)
def clock_start(request: AuthenticatedRequest) -> HttpResponse:
    employers = hr_employers_for(request.user).order_by("name")
    if request.method == "POST":
        posted = request.POST.get("employer", "")
        if posted and not employers.filter(pk=posted if posted.isdigit() else 0).exists():
            raise Http404
        form = ClockUploadForm(request.POST, request.FILES, employers=employers)
        if form.is_valid():
            try:
                batch = clock_import_upload(
                    employer=form.cleaned_data["employer"],
                    upload=form.cleaned_data["file"],
                    by=request.user,
                )
            except ValidationError as error:
                form.add_error("file", error.messages[0])
            else:
                return redirect("timekeeping:clock_preview", pk=batch.pk)
    else:
        form = ClockUploadForm(employers=employers)
    return render(
        request,
        "timekeeping/clock_start.html",
        {"form": form, "batches": clock_imports_for(request.user)[:8], "example": TEMPLATE_ROWS},
    )


@require(is_hr)
def clock_preview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = clock_import_get(request.user, pk)
    page = Paginator(batch.errors, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "timekeeping/clock_preview.html",
        {
            "batch": batch,
            "page_obj": page,
            "sample": [
                {**day, "day": dt.date.fromisoformat(day["day"]), "hours": Decimal(day["hours"])}
                for day in batch.days[:SAMPLE_DAYS]
            ],
            "days": len(batch.days),
        },
    )


@require(is_hr)
@require_POST
def clock_confirm(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = clock_import_get(request.user, pk)
    try:
        batch = clock_import_confirm(batch=batch, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("timekeeping:clock_preview", pk=batch.pk)
    messages.success(
        request,
        _(
            "Pointages importés : %(days)s journées de %(people)s salariés, à valider par leurs responsables."
        )
        % {"days": len(batch.days), "people": batch.employee_count},
    )
    return redirect("timekeeping:clock_preview", pk=batch.pk)


@require(is_hr)
@require_POST
def clock_cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = clock_import_get(request.user, pk)
    try:
        clock_import_cancel(batch=batch, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("timekeeping:clock_preview", pk=batch.pk)
    messages.info(request, _("Import annulé : rien n'a été enregistré."))
    return redirect("timekeeping:clock_start")


@require(is_hr)
def clock_errors_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponseBase:
    batch = clock_import_get(request.user, pk)
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    return export_response(
        export_format=fmt,
        name=_("erreurs pointages %(pk)s") % {"pk": batch.pk},
        rows=batch.errors,
        columns=[
            Column(_("Ligne"), lambda e: e["row"], 8),
            Column(_("Colonne"), lambda e: e["column"], 20),
            Column(_("Valeur lue"), lambda e: e["value"], 20),
            Column(_("Erreur"), lambda e: e["message"], 90),
        ],
    )


@require(is_hr)
def clock_template(request: AuthenticatedRequest, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        book = new_workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Pointages"
        for row in TEMPLATE_ROWS:
            append_row(sheet, row)
        for column in "ABCD":
            sheet.column_dimensions[column].width = 14
            for cell in sheet[column][1:]:
                cell.number_format = "@"  # typed as text: 08:00 stays 08:00
        response = HttpResponse(workbook_bytes(book), content_type=XLSX_TYPE)
    elif fmt == "csv":
        response = HttpResponse(csv_bytes(TEMPLATE_ROWS), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="modele-pointages.{fmt}"'
    return response

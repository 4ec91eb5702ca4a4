"""« Mes données »: a person downloads everything Effectif holds about them (RGPD art. 15 and
20), and reads how long each kind is kept. The archive is built in the background; the page
shows its state until it is ready."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import require
from effectif.core.retention import retention
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import own_employee
from effectif.privacy.models import DataExport, ExportStatus
from effectif.privacy.permissions import has_own_file
from effectif.privacy.selectors import export_get, exports_of
from effectif.privacy.services.exports import archive_name, export_downloaded, export_request


def schedule_rows(today: dt.date) -> list[dict[str, object]]:
    return [
        {"kind": kind, "duration": kind.describe(today), "source": kind.source(today)}
        for kind in retention.schedule()
    ]


@require(has_own_file)
def my_data(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    today = timezone.localdate()
    return render(
        request,
        "privacy/my_data.html",
        {
            "employee": employee,
            "exports": exports_of(employee)[:5],
            "sections": [part.label for part in retention.person_parts()],
            "schedule": schedule_rows(today),
        },
    )


@require(has_own_file)
@require_POST
def my_data_export(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    export = export_request(employee=employee, by=request.user)
    if export.status == ExportStatus.READY:
        messages.success(request, _("Votre archive est prête : téléchargez-la ci-dessous."))
    else:
        messages.success(
            request,
            _("Votre archive est en préparation ; cette page indique quand elle est prête."),
        )
    return redirect("privacy:my_data")


@login_required
def export_status(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The state of an archive, for the page to poll (htmx) while it is being built."""
    export = export_get(request.user, pk)
    return render(request, "privacy/partials/export_row.html", {"export": export})


@login_required
def export_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    export: DataExport = export_get(request.user, pk)
    if export.status != ExportStatus.READY or not export.file:
        raise Http404
    try:
        handle = export.file.open("rb")
    except OSError as error:
        raise Http404 from error
    export_downloaded(export=export, by=request.user)
    return FileResponse(
        handle, as_attachment=True, filename=archive_name(export), content_type="application/zip"
    )

"""The retention schedule and the record of processing activities (RGPD art. 30), as a page
and as a PDF, for HR managers and administrators."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.selectors import hr_employers_for
from effectif.privacy.permissions import is_privacy_officer
from effectif.privacy.record import record_of, record_pdf
from effectif.privacy.views.mine import schedule_rows


@require(is_privacy_officer)
def schedule(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "privacy/schedule.html",
        {"schedule": schedule_rows(timezone.localdate()), "today": timezone.localdate()},
    )


@require(is_privacy_officer)
def processing_record(request: AuthenticatedRequest) -> HttpResponse:
    employers = hr_employers_for(request.user).order_by("name")
    chosen = request.GET.get("employeur", "")
    employer = get_in_scope(employers, chosen) if chosen else employers.first()
    if employer is None:
        return render(request, "privacy/record.html", {"record": None, "employers": employers})
    record = record_of(employer, timezone.localdate())
    if request.GET.get("format") == "pdf":
        audit(
            actor=request.user,
            action=AuditAction.EXPORT,
            target=employer,
            detail=_("Registre des activités de traitement (PDF)"),
        )
        response = HttpResponse(record_pdf(record), content_type="application/pdf")
        name = slugify(f"registre-des-traitements-{employer.name}-{record.today:%Y-%m-%d}")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    return render(request, "privacy/record.html", {"record": record, "employers": employers})

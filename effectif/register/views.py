"""The register's pages: the establishments, and one establishment's register as a page, a PDF
or a spreadsheet (each download recorded in the audit trail)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.access import require
from effectif.core.audit import audit
from effectif.core.exporting import XLSX_TYPE
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.models import Establishment
from effectif.register.exports import register_pdf, register_xlsx
from effectif.register.selectors import (
    may_read_register,
    register_entries,
    register_establishment_get,
    register_establishments,
)


@require(may_read_register)
def register_index(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "register/index.html",
        {
            "establishments": register_establishments(request.user).order_by(
                "employer__name", "name"
            )
        },
    )


def download(establishment: Establishment, fmt: str, user: User) -> HttpResponse:
    """The register of an establishment as .pdf or .xlsx, its export audited."""
    today = timezone.localdate()
    entries = register_entries(establishment, today)
    audit(
        actor=user,
        action=AuditAction.EXPORT,
        target=establishment,
        detail=_("Registre unique du personnel (%(fmt)s), %(n)s entrées")
        % {"fmt": fmt, "n": len(entries)},
    )
    if fmt == "pdf":
        response = HttpResponse(register_pdf(establishment, entries, today), "application/pdf")
    else:
        response = HttpResponse(register_xlsx(establishment, entries), XLSX_TYPE)
    name = slugify(f"registre-personnel-{establishment.name}-{today:%Y-%m-%d}")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require(may_read_register)
def register_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    establishment = register_establishment_get(request.user, pk)
    fmt = request.GET.get("format", "")
    if fmt in ("pdf", "xlsx"):
        return download(establishment, fmt, request.user)
    return render(
        request,
        "register/detail.html",
        {"establishment": establishment, "entries": register_entries(establishment)},
    )

"""Pages of the import: upload, preview, confirmation, result, and the template downloads."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from effectif.core.editing import bound
from effectif.core.exporting import XLSX_TYPE, Column, export_response
from effectif.core.typing import AuthenticatedRequest
from effectif.imports.columns import COLUMNS, accepted_values, choice_values
from effectif.imports.forms import ImportUploadForm
from effectif.imports.models import ImportBatch, ImportStatus
from effectif.imports.selectors import batch_get, batches_for, created_contracts
from effectif.imports.services import import_cancel, import_confirm, import_upload
from effectif.imports.template_files import need_label, template_csv, template_xlsx
from effectif.organisation.models import Employer, Establishment
from effectif.organisation.selectors import hr_employers_for

ERRORS_PER_PAGE = 100
CONTRACTS_PER_PAGE = 50


def _hr_employers(request: AuthenticatedRequest) -> QuerySet[Employer]:
    """The employers the user may import into; none at all means no access to the import."""
    employers = hr_employers_for(request.user)
    if not employers.exists():
        raise PermissionDenied(_("L'import est réservé aux gestionnaires RH d'un employeur."))
    return employers


#: The help groups the columns under these headings (key of the first column of each group).
HELP_SECTIONS = {
    "matricule": _lazy("Identification"),
    "last_name": _lazy("État civil"),
    "address": _lazy("Coordonnées"),
    "iban": _lazy("Banque"),
    "family_status": _lazy("Famille, formation, titre de travail, service"),
    "kind": _lazy("Contrat"),
    "job_title": _lazy("Emploi et rémunération à l'embauche"),
}


def _help_rows() -> list[dict[str, Any]]:
    return [
        {
            "section": HELP_SECTIONS.get(column.key, ""),
            "header": str(column.header),
            "need": need_label(column),
            "need_key": column.need.value,
            "accepted": accepted_values(column),
            "values": choice_values(column)
            if column.key in {"fixed_term_reason", "work_permit_type", "education_level"}
            else [],
            "example": str(column.example),
        }
        for column in COLUMNS
    ]


@login_required
def start(request: AuthenticatedRequest) -> HttpResponse:
    employers = _hr_employers(request)
    posted = request.POST.get("employer")
    if posted and not employers.filter(pk=posted if posted.isdigit() else 0).exists():
        raise Http404  # an employer the user is not granted: as if it did not exist
    form = bound(request, ImportUploadForm, employers=employers)
    if request.method == "POST" and form.is_valid():
        batch = import_upload(
            employer=form.cleaned_data["employer"],
            upload=form.cleaned_data["file"],
            by=request.user,
        )
        _cancel_replaced(request, form.cleaned_data.get("replaces"))
        return redirect("imports:preview", pk=batch.pk)
    return render(
        request,
        "imports/start.html",
        {
            "form": form,
            "help_rows": _help_rows(),
            "batches": batches_for(request.user)[:8],
        },
    )


def _cancel_replaced(request: AuthenticatedRequest, pk: int | None) -> None:
    """A corrected file replaces the batch it was uploaded from."""
    if not pk:
        return
    try:
        previous = batch_get(request.user, pk)
    except Http404:
        return
    if previous.is_pending:
        import_cancel(batch=previous, by=request.user)


@login_required
def template_download(request: AuthenticatedRequest, fmt: str) -> HttpResponse:
    employers = _hr_employers(request)
    establishment = (
        Establishment.objects.filter(employer__in=employers)
        .order_by("employer__name", "pk")
        .first()
    )
    siret = establishment.siret if establishment is not None else ""
    if fmt == "xlsx":
        response = HttpResponse(template_xlsx(siret), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(template_csv(siret), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="modele-import-salaries.{fmt}"'
    return response


@login_required
def preview(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    if batch.status == ImportStatus.CONFIRMED:
        return redirect("imports:result", pk=batch.pk)
    page = Paginator(batch.errors, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    form = None
    if batch.is_pending:
        form = ImportUploadForm(
            employers=hr_employers_for(request.user),
            initial={"employer": batch.employer_id, "replaces": batch.pk},
        )
    return render(
        request,
        "imports/preview.html",
        {
            "batch": batch,
            "page_obj": page,
            "form": form,
            "shown_errors": len(batch.errors),
            "rows_ok": max(batch.row_count - batch.error_row_count, 0),
        },
    )


@login_required
@require_POST
def confirm(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    try:
        batch = import_confirm(batch=batch, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("imports:preview", pk=batch.pk)
    messages.success(
        request,
        _("Import terminé : %(employees)s salariés et %(contracts)s contrats créés.")
        % {"employees": batch.employees_created, "contracts": batch.contracts_created},
    )
    return redirect("imports:result", pk=batch.pk)


@login_required
@require_POST
def cancel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    try:
        import_cancel(batch=batch, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("imports:preview", pk=batch.pk)
    messages.info(request, _("Import annulé : rien n'a été enregistré."))
    return redirect("imports:start")


def employee_url(pk: int) -> str | None:
    """The page of a personnel file, when the personnel app provides one."""
    try:
        return reverse("employees:detail", args=[pk])
    except NoReverseMatch:
        return None


@login_required
def result(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    if batch.status != ImportStatus.CONFIRMED:
        return redirect("imports:preview", pk=batch.pk)
    page = Paginator(batch.created_contract_ids, CONTRACTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [
        {"contract": contract, "url": employee_url(contract.employee_id)}
        for contract in created_contracts(request.user, batch, list(page.object_list))
    ]
    return render(request, "imports/result.html", {"batch": batch, "page_obj": page, "rows": rows})


def _error_columns() -> list[Column]:
    return [
        Column(_("Ligne"), lambda e: e["row"], 8),
        Column(_("Colonne"), lambda e: e["column"], 28),
        Column(_("Lettre"), lambda e: e.get("letter", ""), 8),
        Column(_("Valeur lue"), lambda e: e["value"], 24),
        Column(_("Erreur"), lambda e: e["message"], 90),
    ]


@login_required
def errors_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponseBase:
    batch: ImportBatch = batch_get(request.user, pk)
    return export_response(
        export_format=fmt,
        columns=_error_columns(),
        rows=batch.errors,
        name=_("erreurs import %(pk)s") % {"pk": batch.pk},
    )

"""Departure pages: the list, starting one, its page with the steps of its procedure, and its
actions (end the contract, close the file, reopen, abandon, checklist)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import is_htmx
from effectif.core.listing import page_of, requested_export
from effectif.core.roles import is_hr
from effectif.core.typing import AuthenticatedRequest
from effectif.departures import permissions as perms
from effectif.departures.computing import department_of
from effectif.departures.forms import CancelForm, StartForm, StepsForm
from effectif.departures.models import Departure, Status
from effectif.departures.selectors import (
    departure_get,
    departure_list,
    hr_employers,
    leavable_contracts,
)
from effectif.departures.services import (
    certificate_generated,
    checklist_set,
    departure_cancel,
    departure_close,
    departure_end_contract,
    departure_reopen,
    departure_start,
    departure_update,
    pending_checklist,
)
from effectif.departures.workflows import CHECKLIST, Procedure, workflow_of
from effectif.documents.models import TemplateKind
from effectif.documents.selectors import generated_about, templates_for_generation
from effectif.rules.contracts.procedure import (
    earliest_homologation_request,
    earliest_interview,
    earliest_notification,
    homologation,
)

COLUMNS = [
    Column("Salarié", lambda d: d.employee.display_name, 28),
    Column("Employeur", lambda d: d.employee.employer.name, 24),
    Column("Motif", lambda d: d.get_reason_display(), 36),
    Column("État", lambda d: d.get_status_display(), 16),
    Column("Fin du préavis", lambda d: d.notice_end_date),
    Column("Date de sortie", lambda d: d.end_date),
    Column("Indemnité de rupture", lambda d: d.severance_amount),
    Column("Indemnité de fin de contrat", lambda d: d.cdd_indemnity_amount),
    Column("Indemnité de congés payés", lambda d: d.leave_indemnity_amount),
]


@require(is_hr)
def departure_list_view(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    status = request.GET.get("etat", "")
    status = status if status in Status.values else ""
    try:
        employer_id = int(request.GET.get("employeur") or 0) or None
    except ValueError:
        employer_id = None
    rows = departure_list(
        request.user, status=status, employer_id=employer_id, q=request.GET.get("q", "")
    )
    export = requested_export(request)
    if export:
        return export_response(export_format=export, columns=COLUMNS, rows=rows, name="departs")
    return render(
        request,
        "departures/list.html",
        {
            "page": page_of(request, rows),
            "statuses": Status.choices,
            "employers": hr_employers(request.user),
            "status": status,
            "employer_id": employer_id,
            "q": request.GET.get("q", ""),
        },
    )


@require(is_hr)
def departure_new(request: AuthenticatedRequest) -> HttpResponse:
    contracts = leavable_contracts(request.user, timezone.localdate()).select_related("employee")
    initial = {"contract": request.GET.get("contrat")} if request.GET.get("contrat") else None
    form = bound(request, StartForm, contracts=contracts, initial=initial)
    if request.method == "POST":
        departure = submit(
            form,
            lambda: departure_start(
                contract=form.cleaned_data["contract"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            ),
        )
        if departure is not None:
            messages.success(request, _("Départ engagé : saisissez les étapes de la procédure."))
            return redirect(departure)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Engager un départ"),
            "subtitle": _("Choisissez le contrat et le motif."),
        },
    )


def _limits(departure: Departure) -> list[tuple[str, str]]:
    """The dates the law allows next, shown beside the form."""
    flow = workflow_of(departure.reason)
    department = department_of(departure)
    shown: list[tuple[str, str]] = []
    if flow.procedure == Procedure.DISMISSAL:
        if departure.convocation_date:
            limit = earliest_interview(departure.convocation_date, department)
            shown.append((_("Entretien au plus tôt le"), f"{limit.day:%d/%m/%Y} ({limit.article})"))
        if departure.interview_date:
            limit = earliest_notification(
                departure.interview_date,
                department,
                economic=flow.economic,
                executive=departure.executive,
            )
            shown.append(
                (_("Notification au plus tôt le"), f"{limit.day:%d/%m/%Y} ({limit.article})")
            )
    if flow.procedure == Procedure.CONVENTIONAL and departure.signature_date:
        limit = earliest_homologation_request(departure.signature_date, department)
        shown.append((_("Demande d'homologation à partir du"), f"{limit.day:%d/%m/%Y}"))
        if departure.homologation_request_date:
            tacit = homologation(departure.homologation_request_date, department)
            shown.append((_("Homologation tacite le"), f"{tacit.day:%d/%m/%Y} ({tacit.article})"))
    return shown


def _letter_kinds(departure: Departure) -> list[tuple[str, str]]:
    flow = workflow_of(departure.reason)
    kinds: list[str] = []
    if flow.procedure == Procedure.DISMISSAL:
        kinds.append(TemplateKind.PRELIMINARY_INTERVIEW)
    if flow.letter:
        kinds.append(flow.letter)
    kinds += [TemplateKind.WORK_CERTIFICATE, TemplateKind.FINAL_SETTLEMENT]
    labels = dict(TemplateKind.choices)
    return [(str(k), str(labels[k])) for k in kinds]


def _documents(request: AuthenticatedRequest, departure: Departure) -> list[dict[str, Any]]:
    templates = list(
        templates_for_generation(
            request.user,
            departure.employee.employer,
            frozenset(k for k, _l in _letter_kinds(departure)),
        ).order_by("employer_id")
    )
    done = {g.kind for g in generated_about(request.user, "depart", departure.pk)}
    rows = []
    for kind, label in _letter_kinds(departure):
        own = [t for t in templates if t.kind == kind and t.employer_id is not None]
        default = [t for t in templates if t.kind == kind]
        template = (own or default)[0] if (own or default) else None
        rows.append({"kind": kind, "label": label, "template": template, "done": kind in done})
    return rows


def _detail_context(
    request: AuthenticatedRequest, departure: Departure, form: Any
) -> dict[str, Any]:
    return {
        "departure": departure,
        "employee": departure.employee,
        "flow": workflow_of(departure.reason),
        "form": form,
        "limits": _limits(departure),
        "documents": _documents(request, departure),
        "generated": generated_about(request.user, "depart", departure.pk),
        "checklist": [(k, label, bool(departure.checklist.get(k))) for k, label in CHECKLIST],
        "pending": pending_checklist(departure),
        "certificate": certificate_generated(departure),
        "can_reopen": perms.can_reopen(request.user),
        "today": timezone.localdate(),
    }


@require(is_hr)
def departure_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    form = StepsForm(request.POST or None, instance=departure) if departure.is_open else None
    if request.method == "POST":
        ensure(form is not None)
        assert form is not None
        values = form.changed_values() if form.is_valid() else None
        updated = (
            submit(
                form, lambda: departure_update(departure=departure, values=values, by=request.user)
            )
            if values is not None
            else None
        )
        if updated is not None:
            messages.success(request, _("Étapes enregistrées ; dates et montants recalculés."))
            return redirect(updated)
        departure = departure_get(request.user, pk)  # as stored: nothing was written
    return render(request, "departures/detail.html", _detail_context(request, departure, form))


def _act(
    request: AuthenticatedRequest, departure: Departure, call: Any, success: str
) -> HttpResponse:
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("departures:detail", pk=departure.pk)


@require_POST
@require(is_hr)
def departure_end(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    return _act(
        request,
        departure,
        lambda: departure_end_contract(departure=departure, by=request.user),
        _("Contrat terminé : date de sortie et motif transmis au contrat."),
    )


@require_POST
@require(is_hr)
def departure_close_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    return _act(
        request,
        departure,
        lambda: departure_close(departure=departure, by=request.user),
        _("Dossier clos : il est désormais en lecture seule."),
    )


@require_POST
@require(perms.can_reopen)
def departure_reopen_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    reason = request.POST.get("reason", "")
    return _act(
        request,
        departure,
        lambda: departure_reopen(departure=departure, by=request.user, reason=reason),
        _("Dossier rouvert."),
    )


@require_POST
@require(is_hr)
def departure_cancel_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    form = CancelForm(request.POST)
    reason = form.data.get("reason", "")
    return _act(
        request,
        departure,
        lambda: departure_cancel(departure=departure, by=request.user, reason=reason),
        _("Procédure abandonnée."),
    )


@require_POST
@require(is_hr)
def departure_checklist(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    departure = departure_get(request.user, pk)
    key = request.POST.get("item", "")
    done = request.POST.get("done") == "1"
    try:
        departure = checklist_set(departure=departure, key=key, done=done, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if is_htmx(request):
        return render(
            request,
            "departures/partials/checklist.html",
            _detail_context(request, departure, None),
        )
    return redirect("departures:detail", pk=departure.pk)

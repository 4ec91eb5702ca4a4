"""Job requisitions: a manager raises one, HR decides."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.typing import AuthenticatedRequest
from effectif.hiring import permissions as perms
from effectif.hiring.forms.requisitions import DecisionForm, RequisitionForm
from effectif.hiring.models import JobRequisition, RequisitionStatus
from effectif.hiring.selectors import requisition_get, requisitions_for
from effectif.hiring.services.requisitions import (
    requisition_approve,
    requisition_close,
    requisition_refuse,
    requisition_save,
)
from effectif.organisation.selectors import departments_for, managed_department_ids, positions_for


@require(perms.can_follow_recruitment)
def requisition_list(request: AuthenticatedRequest) -> HttpResponseBase:
    rows = requisitions_for(request.user).select_related("requested_by")
    status = request.GET.get("statut", "")
    if status in RequisitionStatus.values:
        rows = rows.filter(status=status)
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Demandes de recrutement"),
            rows=rows,
            columns=[
                Column(_("N°"), lambda r: r.pk, 6),
                Column(_("Employeur"), lambda r: r.employer.name, 24),
                Column(_("Poste"), lambda r: r.position.title, 28),
                Column(_("Motif"), lambda r: r.get_reason_display()),
                Column(_("Contrat"), lambda r: r.get_contract_kind_display()),
                Column(_("Arrivée"), lambda r: r.start_date, 12),
                Column(_("Budget annuel brut"), lambda r: r.budget_amount),
                Column(_("Statut"), lambda r: r.get_status_display()),
            ],
        )
    return render(
        request,
        "hiring/requisition_list.html",
        {
            "page_obj": page_of(request, rows),
            "statuses": RequisitionStatus.choices,
            "status": status,
            "query": query_without(request.GET, "page", "export"),
            "can_raise": perms.can_raise_requisition(request.user),
        },
    )


def _may_edit(request: AuthenticatedRequest, requisition: JobRequisition) -> bool:
    """Still submitted, and HR's or its author's."""
    return requisition.status == RequisitionStatus.SUBMITTED and (
        perms.acting_hr(request.user) or requisition.requested_by_id == request.user.pk
    )


@require(perms.can_raise_requisition)
def requisition_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    """A new requisition (no `pk`), or one still submitted corrected."""
    requisition = requisition_get(request.user, pk) if pk else JobRequisition()
    if pk:
        ensure(_may_edit(request, requisition))
    positions = positions_for(request.user)
    departments = departments_for(request.user)
    if not perms.acting_hr(request.user):  # a manager: the positions and departments they run
        managed = managed_department_ids(request.user)
        positions = positions.filter(department_id__in=managed)
        departments = departments.filter(pk__in=managed)
    form = bound(
        request, RequisitionForm, instance=requisition, positions=positions, departments=departments
    )
    if request.method == "POST":
        saved = submit(form, lambda: requisition_save(requisition=form.instance, by=request.user))
        if saved is not None:
            done = _("Demande modifiée.") if pk else _("Demande de recrutement transmise aux RH.")
            messages.success(request, done)
            return redirect(saved.get_absolute_url())
    if pk:
        page = {"title": str(requisition), "back_url": requisition.get_absolute_url()}
    else:
        page = {"title": _("Nouvelle demande de recrutement"), "back": "hiring:requisitions"}
    return render(request, "hiring/form.html", {"form": form, **page})


@require(perms.can_follow_recruitment)
def requisition_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    requisition = requisition_get(request.user, pk)
    return render(
        request,
        "hiring/requisition_detail.html",
        {
            "requisition": requisition,
            "postings": requisition.postings.all(),
            "can_decide": perms.can_decide_requisition(request.user),
            "can_edit": _may_edit(request, requisition),
            "can_post": perms.can_manage_postings(request.user)
            and requisition.status == RequisitionStatus.APPROVED,
            "decision_form": DecisionForm(),
        },
    )


@require(perms.can_decide_requisition)
@require_POST
def requisition_decide(request: AuthenticatedRequest, pk: int, decision: str) -> HttpResponse:
    requisition = requisition_get(request.user, pk)
    form = DecisionForm(request.POST)
    comment = form.data.get("comment", "")
    services: dict[str, tuple[Any, str]] = {
        "valider": (requisition_approve, _("Demande validée.")),
        "refuser": (requisition_refuse, _("Demande refusée.")),
        "clore": (requisition_close, _("Demande clôturée.")),
    }
    if decision not in services:
        return redirect(requisition.get_absolute_url())
    service, done = services[decision]
    try:
        service(requisition=requisition, by=request.user, comment=comment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(requisition.get_absolute_url())

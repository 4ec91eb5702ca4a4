"""The DPAE: the declaration to file, its checks and deadline, its exports, its filing."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from effectif.core.access import ensure, require
from effectif.core.audit import audit
from effectif.core.editing import add_service_errors, bound, submit
from effectif.core.listing import page_of, query_without
from effectif.core.models import AuditAction
from effectif.core.typing import AuthenticatedRequest
from effectif.hiring import permissions as perms
from effectif.hiring.exports import dpae_context, dpae_csv, dpae_pdf
from effectif.hiring.forms.dpae import DpaeDoneForm, DpaeForm, DpaeNewForm
from effectif.hiring.models import Dpae, DpaeStatus
from effectif.hiring.selectors import contract_to_declare_get, dpae_get, dpaes_for
from effectif.hiring.services.dpae import dpae_create, dpae_mark_done, dpae_save, timing_of


@require(perms.can_manage_dpae)
def dpae_list(request: AuthenticatedRequest) -> HttpResponse:
    rows = dpaes_for(request.user)
    status = request.GET.get("statut", "")
    if status in DpaeStatus.values:
        rows = rows.filter(status=status)
    return render(
        request,
        "hiring/dpae_list.html",
        {
            "page_obj": page_of(request, rows),
            "statuses": DpaeStatus.choices,
            "status": status,
            "query": query_without(request.GET, "page"),
            "now": timezone.now(),
        },
    )


@require(perms.can_manage_dpae)
def dpae_new(request: AuthenticatedRequest, contract_pk: int) -> HttpResponse:
    contract = contract_to_declare_get(request.user, contract_pk)
    existing = Dpae.objects.filter(contract=contract).first()
    if existing is not None:
        return redirect(existing.get_absolute_url())
    form = bound(request, DpaeNewForm, initial={"hire_time": dt.time(9, 0)})
    if request.method == "POST":
        saved = submit(
            form,
            lambda: dpae_create(
                contract=contract,
                hire_time=form.cleaned_data["hire_time"],
                nir_absence_reason=form.cleaned_data["nir_absence_reason"],
                by=request.user,
            ),
        )
        if saved is not None:
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "hiring/form.html",
        {
            "form": form,
            "title": _("DPAE de %(name)s") % {"name": contract.employee.display_name},
            "subtitle": _("Embauche le %(day)s (%(kind)s)")
            % {
                "day": contract.start_date.strftime("%d/%m/%Y"),
                "kind": contract.get_kind_display(),
            },
            "back_url": reverse("employees:detail", args=[contract.employee_id]),
            "back_label": contract.employee.display_name,
        },
    )


@require(perms.can_manage_dpae)
def dpae_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    dpae = dpae_get(request.user, pk)
    now = timezone.localtime()
    edit_form = DpaeForm(instance=dpae)
    done_form = DpaeDoneForm(initial={"declared_at": now.replace(second=0, microsecond=0)})
    if request.method == "POST":
        ensure(dpae.status == DpaeStatus.TODO)
        if request.POST.get("action") == "modifier":
            edit_form = DpaeForm(request.POST, instance=dpae)
            if submit(edit_form, lambda: dpae_save(dpae=edit_form.instance, by=request.user)):
                messages.success(request, _("DPAE mise à jour."))
                return redirect(dpae.get_absolute_url())
        else:
            done_form = DpaeDoneForm(request.POST)
            if done_form.is_valid():
                try:
                    _done, timing = dpae_mark_done(
                        dpae=dpae,
                        declared_at=done_form.cleaned_data["declared_at"],
                        receipt_number=done_form.cleaned_data["receipt_number"],
                        by=request.user,
                    )
                except ValidationError as error:
                    add_service_errors(done_form, error)
                else:
                    if timing is not None:
                        messages.error(request, str(timing))
                    messages.success(request, _("DPAE enregistrée comme effectuée."))
                    return redirect(dpae.get_absolute_url())
    context = dpae_context(dpae)
    context.update(
        {
            "edit_form": edit_form,
            "done_form": done_form,
            "timing": timing_of(dpae),
            "overdue": dpae.status == DpaeStatus.TODO and dpae.hire_at < now,
            "too_early": dpae.status == DpaeStatus.TODO and now.date() < context["earliest"],
        }
    )
    return render(request, "hiring/dpae_detail.html", context)


@require(perms.can_manage_dpae)
def dpae_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponseBase:
    dpae = dpae_get(request.user, pk)
    ensure(fmt in ("pdf", "csv"))
    audit(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=dpae,
        detail=_("Récapitulatif de DPAE exporté (%(fmt)s)") % {"fmt": fmt},
    )
    name = slugify(f"dpae {dpae.contract.employee.matricule} {dpae.hire_at:%Y-%m-%d}")
    if fmt == "pdf":
        response = HttpResponse(dpae_pdf(dpae), content_type="application/pdf")
    else:
        response = HttpResponse(dpae_csv(dpae), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response

"""Job descriptions (fiches de poste): duties, classification and risk exposures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import ensure, require
from effectif.core.editing import bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation import permissions as perms
from effectif.organisation.forms import PositionForm
from effectif.organisation.selectors import hr_employers_for, position_get, positions_for
from effectif.organisation.views import employer_filter


@login_required
def position_list(request: AuthenticatedRequest) -> HttpResponseBase:
    ensure(perms.can_view_employer_details(request.user))
    employers, selected = employer_filter(request)
    positions = positions_for(request.user)
    if selected is not None:
        positions = positions.filter(employer=selected)
    if q := request.GET.get("q", "").strip():
        positions = positions.filter(title__icontains=q)
    positions = positions.order_by("employer__name", "title")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Fiches de poste"),
            rows=positions,
            columns=[
                Column(_("Employeur"), lambda p: p.employer.name, 25),
                Column(_("Intitulé"), lambda p: p.title, 30),
                Column(_("Service"), lambda p: p.department.name if p.department else "", 20),
                Column(_("Classification"), lambda p: p.classification, 20),
                Column(_("Coefficient"), lambda p: p.coefficient),
                Column(_("PCS-ESE"), lambda p: p.pcs_ese),
                Column(_("Expositions"), lambda p: ", ".join(p.get_risk_exposures_display()), 40),
                Column(_("Finalité"), lambda p: p.purpose, 50),
            ],
        )
    return render(
        request,
        "organisation/position_list.html",
        {
            "page_obj": page_of(request, positions),
            "employers": employers,
            "selected": selected,
            "q": q,
            "query": query_without(request.GET, "page", "export"),
            "can_edit": perms.can_edit_organisation(request.user),
        },
    )


@login_required
def position_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    position = position_get(request.user, pk)
    return render(
        request,
        "organisation/position_detail.html",
        {"position": position, "can_edit": perms.can_edit_organisation(request.user)},
    )


@require(perms.can_edit_organisation)
def position_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    position = position_get(request.user, pk) if pk else None
    form = bound(
        request,
        PositionForm,
        instance=position,
        employers=hr_employers_for(request.user),
        initial={"employer": request.GET.get("employeur")} if position is None else None,
    )
    if request.method == "POST":
        saved = submit(form, lambda: save_audited(instance=form.instance, by=request.user))
        if saved is not None:
            messages.success(request, _("Fiche de poste enregistrée."))
            return redirect("organisation:position_detail", pk=saved.pk)
    title = (
        _("Modifier la fiche %(title)s") % {"title": position}
        if position
        else _("Nouvelle fiche de poste")
    )
    return render(request, "core/form_page.html", {"form": form, "title": title})

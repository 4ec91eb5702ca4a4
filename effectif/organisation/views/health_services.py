"""Occupational health services, shared by the establishments that use them."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.listing import requested_export
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation import permissions as perms
from effectif.organisation.forms import HealthServiceForm
from effectif.organisation.models import HealthService


@require(perms.can_edit_employer)
def health_service_list(request: AuthenticatedRequest) -> HttpResponseBase:
    services = HealthService.objects.annotate(n=Count("establishments")).order_by("name")
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Services de santé au travail"),
            rows=services,
            columns=[
                Column(_("Nom"), lambda s: s.name, 30),
                Column(_("Adresse"), lambda s: s.address, 40),
                Column(_("Téléphone"), lambda s: s.phone),
                Column(_("E-mail"), lambda s: s.email, 25),
                Column(_("Identifiant DSN"), lambda s: s.dsn_identifier),
                Column(_("Établissements"), lambda s: s.n),
            ],
        )
    return render(request, "organisation/health_service_list.html", {"services": services})


@require(perms.can_edit_employer)
def health_service_edit(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    service = get_object_or_404(HealthService, pk=pk) if pk else HealthService()
    form = bound(request, HealthServiceForm, instance=service)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Service de santé au travail enregistré."))
        return redirect("organisation:health_service_list")
    title = str(service) if pk else _("Nouveau service de santé au travail")
    return render(request, "core/form_page.html", {"form": form, "title": title})

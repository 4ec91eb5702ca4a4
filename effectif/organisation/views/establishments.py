"""An employer's establishments (SIRET, address, AT/MP and mobility rates)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from effectif.core.access import require
from effectif.core.editing import bound, saved
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation import permissions as perms
from effectif.organisation.forms import EstablishmentForm
from effectif.organisation.models import Establishment
from effectif.organisation.selectors import employer_get, establishment_get


@require(perms.can_edit_employer)
def establishment_create(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = bound(request, EstablishmentForm, instance=Establishment(employer=employer))
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Établissement créé."))
        return redirect("organisation:employer_detail", pk=employer.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Nouvel établissement de %(name)s") % {"name": employer.name},
            "back": employer,
        },
    )


@require(perms.can_edit_employer)
def establishment_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    establishment = establishment_get(request.user, pk)
    form = bound(request, EstablishmentForm, instance=establishment)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Modifications enregistrées."))
        return redirect("organisation:employer_detail", pk=establishment.employer_id)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": str(establishment), "back": establishment.employer},
    )

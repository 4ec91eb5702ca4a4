"""Employers: their list, legal identity, and the users granted access to them."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import require
from effectif.core.editing import bound, saved, submit
from effectif.core.exporting import Column, export_response
from effectif.core.listing import requested_export
from effectif.core.panels import panels
from effectif.core.roles import is_admin
from effectif.core.services import save_audited
from effectif.core.typing import AuthenticatedRequest
from effectif.organisation import permissions as perms
from effectif.organisation.forms import EmployerForm, GrantForm
from effectif.organisation.selectors import employer_get, employers_for
from effectif.organisation.services import employer_access_grant, employer_access_revoke


@require(perms.can_view_employer_details)
def employer_list(request: AuthenticatedRequest) -> HttpResponseBase:
    employers = (
        employers_for(request.user)
        .annotate(establishment_count=Count("establishments", distinct=True))
        .order_by("name")
    )
    if export := requested_export(request):
        return export_response(
            export_format=export,
            name=_("Employeurs"),
            rows=employers,
            columns=[
                Column(_("Raison sociale"), lambda e: e.name, 30),
                Column(_("SIREN"), lambda e: e.siren),
                Column(_("Forme juridique"), lambda e: e.get_legal_form_display()),
                Column(_("Code NAF"), lambda e: e.naf_code),
                Column(_("IDCC"), lambda e: e.idcc),
                Column(_("Convention collective"), lambda e: e.collective_agreement, 30),
                Column(_("Secteur"), lambda e: e.get_sector_display()),
                Column(_("Établissements"), lambda e: e.establishment_count),
            ],
        )
    return render(
        request,
        "organisation/employer_list.html",
        {"employers": employers, "can_create": perms.can_create_employer(request.user)},
    )


@require(perms.can_create_employer)
def employer_create(request: AuthenticatedRequest) -> HttpResponse:
    form = bound(request, EmployerForm)
    if request.method == "POST":
        employer = submit(form, lambda: save_audited(instance=form.instance, by=request.user))
        if employer is not None:
            employer_access_grant(employer=employer, user=request.user, by=request.user)
            messages.success(request, _("L'employeur %(name)s est créé.") % {"name": employer.name})
            return redirect("organisation:employer_detail", pk=employer.pk)
    return render(request, "core/form_page.html", {"form": form, "title": _("Nouvel employeur")})


@require(perms.can_view_employer_details)
def employer_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    return render(
        request,
        "organisation/employer_detail.html",
        {
            "employer": employer,
            "establishments": employer.establishments.select_related("health_service"),
            "accesses": employer.accesses.select_related("user").order_by("user__username"),
            "grant_form": GrantForm(employer=employer) if is_admin(request.user) else None,
            "can_edit": perms.can_edit_employer(request.user),
            "panels": panels.for_page("employer", request, employer),
            "today": timezone.localdate(),
        },
    )


@require(perms.can_edit_employer)
def employer_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = bound(request, EmployerForm, instance=employer)
    if request.method == "POST" and saved(
        form, lambda: save_audited(instance=form.instance, by=request.user)
    ):
        messages.success(request, _("Modifications enregistrées."))
        return redirect("organisation:employer_detail", pk=employer.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Modifier %(name)s") % {"name": employer.name}, "back": employer},
    )


@require(perms.can_create_employer)
@require_POST
def employer_grant(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    form = GrantForm(request.POST, employer=employer)
    if form.is_valid():
        employer_access_grant(employer=employer, user=form.cleaned_data["user"], by=request.user)
        messages.success(request, _("Accès accordé."))
    else:
        messages.error(request, _("Choisissez un utilisateur."))
    return redirect("organisation:employer_detail", pk=employer.pk)


@require(perms.can_create_employer)
@require_POST
def employer_revoke(request: AuthenticatedRequest, pk: int, access_pk: int) -> HttpResponse:
    employer = employer_get(request.user, pk)
    access = get_object_or_404(employer.accesses, pk=access_pk)
    employer_access_revoke(access=access, by=request.user)
    messages.success(request, _("Accès retiré."))
    return redirect("organisation:employer_detail", pk=employer.pk)

"""The visits to organise across the employers HR manages, their recomputation, the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from effectif.core.access import require
from effectif.core.dates import query_date
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import render_page_or_partial
from effectif.core.listing import page_of, parse_id, query_without, requested_export, sort_links
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.core.typing import AuthenticatedRequest
from effectif.employees.selectors import employees_for
from effectif.health.forms import SettingsForm
from effectif.health.models import VisitKind
from effectif.health.permissions import can_edit_settings
from effectif.health.recompute import visits_recompute_many
from effectif.health.selectors import (
    STATES,
    VisitFilters,
    list_read,
    settings_employers,
    settings_for,
    visit_list,
)
from effectif.health.services import settings_save
from effectif.organisation.selectors import establishments_for, hr_employers_for

if TYPE_CHECKING:
    from effectif.accounts.models import User

STATE_LABELS = [
    ("a_faire", gettext_lazy("À organiser")),
    ("a_planifier", gettext_lazy("À planifier")),
    ("planifiees", gettext_lazy("Planifiées")),
    ("realisees", gettext_lazy("Réalisées")),
    ("annulees", gettext_lazy("Annulées ou non honorées")),
    ("toutes", gettext_lazy("Toutes")),
]
SORTABLE = [
    ("due", gettext_lazy("Échéance")),
    ("name", gettext_lazy("Salarié")),
    ("kind", gettext_lazy("Visite")),
    ("planned", gettext_lazy("Prévue le")),
]
EXPORT_COLUMNS = [
    Column(gettext_lazy("Échéance"), lambda v: v.due_date, 12),
    Column(gettext_lazy("Matricule"), lambda v: v.employee.matricule, 12),
    Column(gettext_lazy("Salarié"), lambda v: v.employee.display_name, 25),
    Column(gettext_lazy("Employeur"), lambda v: v.employee.employer.name, 25),
    Column(
        gettext_lazy("Établissement"), lambda v: v.establishment.name if v.establishment else "", 25
    ),
    Column(gettext_lazy("Visite"), lambda v: v.get_kind_display(), 30),
    Column(gettext_lazy("Motif"), lambda v: v.get_reason_display(), 40),
    Column(gettext_lazy("Fondement"), lambda v: v.basis, 30),
    Column(gettext_lazy("Statut"), lambda v: v.get_status_display(), 14),
    Column(
        gettext_lazy("Prévue le"),
        lambda v: (
            timezone.localtime(v.planned_at).strftime("%d/%m/%Y %H:%M") if v.planned_at else ""
        ),
        16,
    ),
    Column(gettext_lazy("Service de santé au travail"), lambda v: str(v.health_service or ""), 25),
]


def filters_from(request: AuthenticatedRequest) -> VisitFilters:
    state = request.GET.get("etat", "a_faire")
    sort = request.GET.get("tri", "due")
    return VisitFilters(
        q=request.GET.get("q", "").strip(),
        employer_id=parse_id(request.GET.get("employeur")),
        establishment_id=parse_id(request.GET.get("etablissement")),
        kind=request.GET.get("visite", "") if request.GET.get("visite") in VisitKind.values else "",
        state=state if state in STATES else "a_faire",
        until=query_date(request, "avant"),
        overdue=request.GET.get("retard") == "1",
        sort=sort.lstrip("-"),
        descending=sort.startswith("-"),
    )


@require(is_hr)
def visit_list_view(request: AuthenticatedRequest) -> HttpResponseBase:
    user: User = request.user
    today = timezone.localdate()
    filters = filters_from(request)
    visits = visit_list(user, filters, today)
    if export := requested_export(request):
        list_read(user, filters.employer_id, visits.count())
        return export_response(
            export_format=export, columns=EXPORT_COLUMNS, rows=visits, name=_("Visites médicales")
        )
    page = page_of(request, visits)
    list_read(user, filters.employer_id, page.paginator.count)
    context = {
        "page_obj": page,
        "filters": filters,
        "today": today,
        "query": query_without(request.GET, "page", "export"),
        "sorts": sort_links(request, SORTABLE),
        "states": STATE_LABELS,
        "kinds": VisitKind.choices,
        "employers": hr_employers_for(user).order_by("name"),
        "establishments": establishments_for(user).order_by("employer__name", "name"),
    }
    return render_page_or_partial(
        request, "health/list.html", "health/partials/list_results.html", context
    )


@require(is_hr)
@require_POST
def recompute_all(request: AuthenticatedRequest) -> HttpResponse:
    """Recompute the visits of every file in scope (also run every night)."""
    done = visits_recompute_many(employees=employees_for(request.user), by=request.user)
    messages.success(
        request,
        _(
            "Échéances recalculées : %(created)s visite(s) à planifier ajoutée(s), "
            "%(updated)s mise(s) à jour, %(removed)s retirée(s)."
        )
        % {"created": done.created, "updated": done.updated, "removed": done.removed},
    )
    return redirect("health:list")


@require(can_edit_settings)
def settings_view(request: AuthenticatedRequest, employer_pk: int | None = None) -> HttpResponse:
    employers = settings_employers(request.user)
    rows = [(employer, settings_for(employer)) for employer in employers]
    if employer_pk is None:
        return render(request, "health/settings.html", {"rows": rows})
    employer = get_in_scope(employers, employer_pk)
    settings = settings_for(employer)
    form = bound(request, SettingsForm, instance=settings)
    if request.method == "POST" and saved(
        form, lambda: settings_save(settings=form.instance, by=request.user)
    ):
        messages.success(request, _("Paramètres du suivi médical enregistrés."))
        return redirect("health:settings")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Suivi médical de %(employer)s") % {"employer": employer.name},
            "breadcrumb": [
                {"url": reverse("health:settings"), "label": _("Paramètres du suivi médical")}
            ],
        },
    )

"""Travel settings: each employer's policy (editors of the employer), the price list of fares
(HR), and the employees' own vehicles (the employee themself, or HR on their behalf)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.dates import query_date
from effectif.core.editing import bound, saved
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import render_page_or_partial
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.roles import is_hr, is_self
from effectif.core.scoping import get_in_scope
from effectif.employees.models import Employee
from effectif.employees.selectors import employee_get, own_employee
from effectif.travel.forms.policy import FareForm, PolicyForm, VehicleForm
from effectif.travel.models import PriceListEntry, TransportMode, Vehicle
from effectif.travel.permissions import can_edit_settings, can_write_for
from effectif.travel.selectors.scope import hr_employers, vehicles_for
from effectif.travel.selectors.trips import (
    FareFilters,
    employee_vehicles,
    fare_editable_for,
    fare_list,
    policy_employers,
    policy_of,
)
from effectif.travel.services.policy import (
    fare_delete,
    fare_save,
    policy_ensure,
    policy_save,
    vehicle_delete,
    vehicle_save,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest

FARE_COLUMNS = [
    Column(gettext_lazy("Employeur"), lambda f: f.employer.name, 25),
    Column(gettext_lazy("Mode"), lambda f: f.get_mode_display(), 18),
    Column(gettext_lazy("Départ"), lambda f: f.origin, 20),
    Column(gettext_lazy("Arrivée"), lambda f: f.destination, 20),
    Column(gettext_lazy("Tarif aller (TTC)"), lambda f: f.fare_amount, 12),
    Column(gettext_lazy("Durée aller (min)"), lambda f: f.duration_minutes, 10),
    Column(gettext_lazy("Distance (km)"), lambda f: f.distance_km, 10),
    Column(gettext_lazy("Classe ou tarif"), lambda f: f.travel_class, 16),
    Column(gettext_lazy("Valable du"), lambda f: f.valid_from, 12),
    Column(gettext_lazy("Valable jusqu'au"), lambda f: f.valid_to, 12),
]


# --- policy --------------------------------------------------------------------------------


@require(can_edit_settings)
def policy_view(request: AuthenticatedRequest) -> HttpResponseBase:
    employers = list(policy_employers(request.user))
    if len(employers) == 1:
        return redirect("travel:policy_edit", employer_pk=employers[0].pk)
    rows = [(employer, policy_of(employer)) for employer in employers]
    return render(request, "travel/policy/policies.html", {"rows": rows})


@require(can_edit_settings)
def policy_edit(request: AuthenticatedRequest, employer_pk: int) -> HttpResponse:
    employer = get_in_scope(policy_employers(request.user), employer_pk)
    policy = policy_ensure(employer=employer, by=request.user)
    form = bound(request, PolicyForm, instance=policy)
    if request.method == "POST" and saved(
        form, lambda: policy_save(policy=form.instance, by=request.user)
    ):
        messages.success(request, _("Politique de déplacement enregistrée."))
        return redirect("travel:policy_edit", employer_pk=employer.pk)
    return render(
        request,
        "travel/policy/policy.html",
        {
            "form": form,
            "employer": employer,
            "several": policy_employers(request.user).count() > 1,
            "title": _("Politique de déplacement de %(employer)s") % {"employer": employer.name},
        },
    )


# --- fares ---------------------------------------------------------------------------------


def _fare_filters(request: AuthenticatedRequest) -> FareFilters:
    employer = request.GET.get("employeur", "")
    mode = request.GET.get("mode", "")
    return FareFilters(
        q=request.GET.get("q", "").strip(),
        employer_id=int(employer) if employer.isdigit() else None,
        mode=mode if mode in TransportMode.values else "",
        valid_on=query_date(request, "valable_le"),
    )


@require(is_hr)
def fares_view(request: AuthenticatedRequest) -> HttpResponseBase:
    filters = _fare_filters(request)
    fares = fare_list(request.user, filters)
    if export := requested_export(request):
        return export_response(
            export_format=export, columns=FARE_COLUMNS, rows=fares, name=_("Grille tarifaire")
        )
    context = {
        "page_obj": page_of(request, fares),
        "filters": filters,
        "modes": TransportMode.choices,
        "employers": hr_employers(request.user).order_by("name"),
        "query": query_without(request.GET, "page", "export"),
    }
    return render_page_or_partial(
        request, "travel/policy/fares.html", "travel/policy/partials/fares_results.html", context
    )


def _fare_form_page(request: AuthenticatedRequest, fare: PriceListEntry) -> HttpResponse:
    form = bound(
        request, FareForm, instance=fare, employers=hr_employers(request.user).order_by("name")
    )
    if request.method == "POST" and saved(
        form, lambda: fare_save(fare=form.instance, by=request.user)
    ):
        messages.success(request, _("Tarif enregistré."))
        return redirect("travel:fares")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Modifier le tarif") if fare.pk else _("Nouveau tarif"),
            "breadcrumb": [{"url": reverse("travel:fares"), "label": _("Grille tarifaire")}],
        },
    )


@require(is_hr)
def fare_create(request: AuthenticatedRequest) -> HttpResponse:
    return _fare_form_page(request, PriceListEntry(valid_from=timezone.localdate()))


@require(is_hr)
def fare_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _fare_form_page(request, get_in_scope(fare_editable_for(request.user), pk))


@require(is_hr)
@require_POST
def fare_delete_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    fare = get_in_scope(fare_editable_for(request.user), pk)
    fare_delete(fare=fare, by=request.user)
    messages.success(request, _("Tarif supprimé."))
    return redirect("travel:fares")


# --- vehicles ------------------------------------------------------------------------------


def _vehicles_page(request: AuthenticatedRequest, employee: Employee) -> HttpResponse:
    user: User = request.user
    mine = is_self(user, employee)
    return render(
        request,
        "travel/policy/vehicles.html",
        {
            "employee": employee,
            "vehicles": employee_vehicles(user, employee),
            "mine": mine,
            "can_write": can_write_for(user, employee),
            "title": _("Mes véhicules")
            if mine
            else _("Véhicules de %(name)s") % {"name": employee.display_name},
        },
    )


@login_required
def my_vehicles(request: AuthenticatedRequest) -> HttpResponse:
    employee = own_employee(request.user)
    if employee is None:
        raise Http404
    return _vehicles_page(request, employee)


@require(is_hr)
def employee_vehicles_view(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    return _vehicles_page(request, employee_get(request.user, employee_pk))


def _back(request: AuthenticatedRequest, employee: Employee) -> str:
    if is_self(request.user, employee):
        return reverse("travel:my_vehicles")
    return reverse("travel:employee_vehicles", args=[employee.pk])


def _vehicle_form_page(request: AuthenticatedRequest, vehicle: Vehicle) -> HttpResponse:
    employee = vehicle.employee
    ensure(can_write_for(request.user, employee))
    form = bound(request, VehicleForm, instance=vehicle)
    if request.method == "POST" and saved(
        form, lambda: vehicle_save(vehicle=form.instance, by=request.user)
    ):
        messages.success(request, _("Véhicule enregistré."))
        return redirect(_back(request, employee))
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Modifier le véhicule") if vehicle.pk else _("Nouveau véhicule"),
            "subtitle": employee.display_name,
            "breadcrumb": [{"url": _back(request, employee), "label": _("Véhicules")}],
        },
    )


@login_required
def vehicle_create(request: AuthenticatedRequest, employee_pk: int) -> HttpResponse:
    employee = employee_get(request.user, employee_pk)
    return _vehicle_form_page(request, Vehicle(employee=employee))


@login_required
def vehicle_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    return _vehicle_form_page(request, get_in_scope(vehicles_for(request.user), pk))


@login_required
@require_POST
def vehicle_delete_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    vehicle = get_in_scope(vehicles_for(request.user), pk)
    employee = vehicle.employee
    ensure(can_write_for(request.user, employee))
    kept = vehicle_delete(vehicle=vehicle, by=request.user)
    if kept is None:
        messages.success(request, _("Véhicule supprimé."))
    else:
        messages.success(
            request, _("Ce véhicule figure dans des déplacements : il est retiré du service.")
        )
    return redirect(_back(request, employee))

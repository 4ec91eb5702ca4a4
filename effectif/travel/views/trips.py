"""Trip requests (ordres de mission): the employee's list, the approvers' list with filters and
export, and the request form (the requester, the travellers, the destinations)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.core.access import ensure, require
from effectif.core.dates import query_date
from effectif.core.editing import add_service_errors, bound
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import render_page_or_partial
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.roles import is_hr
from effectif.organisation.models import Department
from effectif.travel.forms.trips import (
    DestinationFormSet,
    TripForm,
    destination_initial,
    display_name,
    traveller_label,
)
from effectif.travel.models import Trip, TripStatus
from effectif.travel.permissions import can_edit_trip, is_approver
from effectif.travel.selectors.scope import hr_employers, trip_get
from effectif.travel.selectors.trips import (
    STATE_FILTERS,
    TRAVELLER_MIN_LENGTH,
    TRAVELLER_RESULTS,
    TripFilters,
    fellow_travellers,
    my_trips,
    requester_choices,
    submitted_trip,
    traveller_search,
    trip_list,
)
from effectif.travel.services.trips import (
    trip_create_once,
    trip_update,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest

STATE_LABELS = [
    ("a_valider", gettext_lazy("À valider")),
    *TripStatus.choices,
    ("tous", gettext_lazy("Tous")),
]


EXPORT_COLUMNS = [
    Column(gettext_lazy("Référence"), lambda t: t.reference, 14),
    Column(gettext_lazy("Employeur"), lambda t: t.employer.name, 25),
    Column(gettext_lazy("Matricule"), lambda t: t.employee.matricule, 12),
    Column(gettext_lazy("Demandeur"), lambda t: t.employee.display_name, 25),
    Column(gettext_lazy("Service"), lambda t: t.department.name if t.department else "", 20),
    Column(gettext_lazy("Objet"), lambda t: t.purpose, 40),
    Column(
        gettext_lazy("Destinations"), lambda t: ", ".join(d.place for d in t.destinations.all()), 30
    ),
    Column(gettext_lazy("Départ"), lambda t: t.start_date, 12),
    Column(gettext_lazy("Retour"), lambda t: t.end_date, 12),
    Column(gettext_lazy("Distance aller (km)"), lambda t: t.distance_km, 10),
    Column(
        gettext_lazy("Transport"),
        lambda t: next((o.get_mode_display() for o in t.options.all() if o.chosen), ""),
        18,
    ),
    Column(gettext_lazy("Coût estimé"), lambda t: t.estimated_cost_amount, 12),
    Column(gettext_lazy("Avance demandée"), lambda t: t.advance_requested_amount, 12),
    Column(gettext_lazy("Statut"), lambda t: t.get_status_display(), 18),
    Column(gettext_lazy("Paramètres"), lambda t: t.parameters_version, 18),
]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def filters_from(request: AuthenticatedRequest) -> TripFilters:
    state = request.GET.get("etat", "a_valider")
    return TripFilters(
        q=request.GET.get("q", "").strip(),
        state=state if state in STATE_FILTERS else "a_valider",
        employer_id=_int(request.GET.get("employeur")),
        department_id=_int(request.GET.get("service")),
        start=query_date(request, "du"),
        end=query_date(request, "au"),
    )


@login_required
def my_trips_view(request: AuthenticatedRequest) -> HttpResponse:
    user: User = request.user
    page = page_of(request, my_trips(user))
    return render(
        request,
        "travel/trips/mine.html",
        {"page_obj": page, "can_create": requester_choices(user).exists()},
    )


@require(is_approver)
def trips_view(request: AuthenticatedRequest) -> HttpResponseBase:
    user: User = request.user
    filters = filters_from(request)
    trips = trip_list(user, filters)
    if export := requested_export(request):
        return export_response(
            export_format=export, columns=EXPORT_COLUMNS, rows=trips, name=_("Ordres de mission")
        )
    employers = hr_employers(user).order_by("name")
    departments = Department.objects.filter(
        pk__in=trip_list(user, TripFilters(state="tous")).values("department")
    ).order_by("name")
    context = {
        "page_obj": page_of(request, trips),
        "filters": filters,
        "states": STATE_LABELS,
        "employers": employers,
        "departments": departments,
        "query": query_without(request.GET, "page", "export"),
    }
    return render_page_or_partial(
        request, "travel/trips/list.html", "travel/trips/partials/list_results.html", context
    )


def _form_context(request: AuthenticatedRequest, trip: Trip | None) -> tuple[TripForm, Any]:
    user: User = request.user
    requesters = requester_choices(user)
    if trip is not None:
        requesters = requesters.filter(pk=trip.employee_id)
    employer_ids = requesters.values("employer")
    travellers = fellow_travellers(user, employer_ids)
    departments = Department.objects.filter(employer__in=employer_ids).order_by("name")
    form = bound(
        request,
        TripForm,
        requesters=requesters,
        travellers=travellers,
        departments=departments,
        trip=trip,
        show_departments=is_hr(user),
    )
    if request.method == "POST":
        stops = DestinationFormSet(request.POST, prefix="dest")
    else:
        stops = DestinationFormSet(prefix="dest", initial=destination_initial(trip))
    return form, stops


def _already_saved(request: AuthenticatedRequest, trip: Trip) -> HttpResponse:
    messages.info(
        request,
        _("La demande %(ref)s était déjà enregistrée : la voici.") % {"ref": trip.reference},
    )
    return redirect("travel:trip", pk=trip.pk)


def _save_trip(request: AuthenticatedRequest, trip: Trip | None) -> HttpResponse:
    if trip is None and request.method == "POST":
        # The same form sent again (a double click, the page sent back): the trip it made.
        done = submitted_trip(request.user, request.POST.get("submission_key", ""))
        if done is not None:
            return _already_saved(request, done)
    form, stops = _form_context(request, trip)
    if request.method == "POST":
        stops_valid = stops.is_valid()
        if form.is_valid() and stops_valid:
            data = form.trip_input(stops.destinations())
            try:
                if trip is None:
                    creation = trip_create_once(
                        employee=form.cleaned_data["employee"],
                        data=data,
                        by=request.user,
                        submission_key=form.cleaned_data["submission_key"],
                    )
                    if creation.replayed:
                        return _already_saved(request, creation.trip)
                    saved = creation.trip
                    messages.success(
                        request,
                        _("Demande %(ref)s enregistrée : ajoutez les options de transport.")
                        % {"ref": saved.reference},
                    )
                else:
                    saved = trip_update(trip=trip, data=data, by=request.user)
                    messages.success(request, _("Demande modifiée ; options estimées à nouveau."))
                return redirect("travel:trip", pk=saved.pk)
            except ValidationError as error:
                add_service_errors(form, error)
                if hasattr(error, "error_dict") and "destinations" in error.error_dict:
                    for message in error.message_dict["destinations"]:
                        form.add_error(None, message)
    return render(
        request,
        "travel/trips/form.html",
        {
            "form": form,
            "stops": stops,
            "trip": trip,
            "for_others": is_hr(request.user),
            "title": _("Modifier la demande %(ref)s") % {"ref": trip.reference}
            if trip
            else _("Nouvelle demande de déplacement"),
        },
    )


@login_required
def trip_create_view(request: AuthenticatedRequest) -> HttpResponse:
    ensure(requester_choices(request.user).exists())
    return _save_trip(request, None)


@login_required
def trip_edit_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_edit_trip(request.user, trip))
    return _save_trip(request, trip)


@login_required
def traveller_search_view(request: AuthenticatedRequest) -> HttpResponse:
    """The trip form's search for fellow travellers (htmx): at most `TRAVELLER_RESULTS`
    colleagues of the requester's employer whose name holds what was typed (2 letters at
    least), by name only (HR: with their department)."""
    user: User = request.user
    requesters = requester_choices(user)
    ensure(requesters.exists())
    requester = _int(request.GET.get("employee"))
    if requester is not None:
        requesters = requesters.filter(pk=requester)
    elif not is_hr(user):
        requester = requesters.values_list("pk", flat=True).first()
    q = request.GET.get("q", "")
    people = traveller_search(user, requesters.values("employer"), q, exclude=requester)
    label = traveller_label if is_hr(user) else display_name
    return render(
        request,
        "travel/trips/partials/traveller_results.html",
        {
            "short": len(" ".join(q.split())) < TRAVELLER_MIN_LENGTH,
            "found": [(person.pk, label(person)) for person in people[:TRAVELLER_RESULTS]],
            "more": len(people) > TRAVELLER_RESULTS,
            "limit": TRAVELLER_RESULTS,
        },
    )

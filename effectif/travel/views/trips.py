"""Trip requests (ordres de mission): the employee's list, the approvers' list with filters and
export, the request form, the trip page with its transport options side by side, and the
workflow (submit, approve, reject, cancel), then the mission order to download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure, require
from effectif.core.editing import add_service_errors, bound, submit
from effectif.core.exporting import Column, export_response
from effectif.core.htmx import render_page_or_partial
from effectif.core.listing import page_of, query_without, requested_export
from effectif.core.scoping import get_in_scope
from effectif.employees.selectors import employees_for
from effectif.organisation.models import Department
from effectif.rules.money import round_amount
from effectif.travel.forms_trips import (
    CommentForm,
    DestinationFormSet,
    OptionForm,
    TripForm,
    destination_initial,
)
from effectif.travel.models import Trip, TripStatus
from effectif.travel.permissions import (
    can_approve_trip_as_hr,
    can_approve_trip_as_manager,
    can_edit_trip,
    is_approver,
    is_hr,
)
from effectif.travel.selectors import hr_employers, trip_get
from effectif.travel.selectors_trips import (
    STATE_FILTERS,
    TripFilters,
    matching_fares,
    my_trips,
    policy_of,
    requester_choices,
    trip_list,
    usable_vehicles,
)
from effectif.travel.services.trips import (
    can_cancel,
    can_decide,
    comparison,
    option_add,
    option_choose,
    option_remove,
    trip_approve,
    trip_cancel,
    trip_create,
    trip_reject,
    trip_submit,
    trip_update,
)

STATE_LABELS = [("a_valider", _("À valider")), *TripStatus.choices, ("tous", _("Tous"))]
EXPORT_COLUMNS = [
    Column(_("Référence"), lambda t: t.reference, 14),
    Column(_("Employeur"), lambda t: t.employer.name, 25),
    Column(_("Matricule"), lambda t: t.employee.matricule, 12),
    Column(_("Demandeur"), lambda t: t.employee.display_name, 25),
    Column(_("Service"), lambda t: t.department.name if t.department else "", 20),
    Column(_("Objet"), lambda t: t.purpose, 40),
    Column(_("Destinations"), lambda t: ", ".join(d.place for d in t.destinations.all()), 30),
    Column(_("Départ"), lambda t: t.start_date, 12),
    Column(_("Retour"), lambda t: t.end_date, 12),
    Column(_("Distance aller (km)"), lambda t: t.distance_km, 10),
    Column(
        _("Transport"),
        lambda t: next((o.get_mode_display() for o in t.options.all() if o.chosen), ""),
        18,
    ),
    Column(_("Coût estimé"), lambda t: t.estimated_cost_amount, 12),
    Column(_("Avance demandée"), lambda t: t.advance_requested_amount, 12),
    Column(_("Statut"), lambda t: t.get_status_display(), 18),
    Column(_("Paramètres"), lambda t: t.parameters_version, 18),
]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def filters_from(request: HttpRequest) -> TripFilters:
    state = request.GET.get("etat", "a_valider")
    return TripFilters(
        q=request.GET.get("q", "").strip(),
        state=state if state in STATE_FILTERS else "a_valider",
        employer_id=_int(request.GET.get("employeur")),
        department_id=_int(request.GET.get("service")),
        start=parse_date(request.GET.get("du") or ""),
        end=parse_date(request.GET.get("au") or ""),
    )


# --- lists ---------------------------------------------------------------------------------


@login_required
def my_trips_view(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    page = page_of(request, my_trips(user))
    return render(
        request,
        "travel/trips/mine.html",
        {"page_obj": page, "can_create": requester_choices(user).exists()},
    )


@require(is_approver)
def trips_view(request: HttpRequest) -> HttpResponseBase:
    user: Any = request.user
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


# --- the request form ----------------------------------------------------------------------


def _form_context(request: HttpRequest, trip: Trip | None) -> tuple[TripForm, Any]:
    user: Any = request.user
    requesters = requester_choices(user)
    if trip is not None:
        requesters = requesters.filter(pk=trip.employee_id)
    employer_ids = requesters.values("employer")
    travellers = (
        employees_for(user)
        .filter(employer__in=employer_ids, file_closed_at__isnull=True)
        .order_by("last_name", "first_names")
    )
    departments = Department.objects.filter(employer__in=employer_ids).order_by("name")
    form = bound(
        request,
        TripForm,
        requesters=requesters,
        travellers=travellers,
        departments=departments,
        trip=trip,
    )
    if request.method == "POST":
        stops = DestinationFormSet(request.POST, prefix="dest")
    else:
        stops = DestinationFormSet(prefix="dest", initial=destination_initial(trip))
    return form, stops


def _save_trip(request: HttpRequest, trip: Trip | None) -> HttpResponse:
    form, stops = _form_context(request, trip)
    if request.method == "POST":
        stops_valid = stops.is_valid()
        if form.is_valid() and stops_valid:
            data = form.trip_input(stops.destinations())
            try:
                if trip is None:
                    saved = trip_create(
                        employee=form.cleaned_data["employee"], data=data, by=request.user
                    )
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
            "title": _("Modifier la demande %(ref)s") % {"ref": trip.reference}
            if trip
            else _("Nouvelle demande de déplacement"),
        },
    )


@login_required
def trip_create_view(request: HttpRequest) -> HttpResponse:
    ensure(requester_choices(request.user).exists())
    return _save_trip(request, None)


@login_required
def trip_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_edit_trip(request.user, trip))
    return _save_trip(request, trip)


# --- the trip page -------------------------------------------------------------------------


def _detail_context(request: HttpRequest, trip: Trip, option_form: Any = None) -> dict[str, Any]:
    user: Any = request.user
    editable = can_edit_trip(user, trip)
    options = list(trip.options.select_related("vehicle", "price_list_entry"))
    compared = comparison(trip, options) if options else None
    rows = [
        {
            "option": option,
            "cheapest": compared is not None and compared.cheapest == index,
            "fastest": compared is not None and compared.fastest == index,
            "hours": divmod(option.duration_minutes, 60),
        }
        for index, option in enumerate(options)
    ]
    if editable and option_form is None:
        option_form = OptionForm(
            fares=matching_fares(trip), vehicles=usable_vehicles(user, trip.employee)
        )
    policy = policy_of(trip.employer)
    chosen = trip.chosen_option
    cost = (
        trip.estimated_cost_amount
        if trip.status != TripStatus.DRAFT
        else (chosen.total_cost_amount if chosen else None)
    )
    cap = round_amount(cost * policy.advance_max_percent / 100) if cost is not None else None
    return {
        "trip": trip,
        "destinations": list(trip.destinations.all()),
        "travellers": list(trip.travellers.order_by("last_name", "first_names")),
        "rows": rows,
        "chosen": chosen,
        "can_edit": editable,
        "option_form": option_form,
        "can_approve_manager": can_approve_trip_as_manager(user, trip),
        "can_approve_hr": can_approve_trip_as_hr(user, trip),
        "can_decide": can_decide(user, trip),
        "can_cancel": can_cancel(user, trip),
        "is_hr": is_hr(user),
        "is_approver": is_approver(user),
        "comment_form": CommentForm(),
        "policy": policy,
        "advance_cap": cap,
        "steps": _steps(trip),
    }


def _steps(trip: Trip) -> list[dict[str, Any]]:
    order = [
        TripStatus.DRAFT,
        TripStatus.SUBMITTED,
        TripStatus.MANAGER_APPROVED,
        TripStatus.APPROVED,
    ]
    labels = [_("Brouillon"), _("Soumise"), _("Visa du manager"), _("Approuvée par les RH")]
    reached = order.index(TripStatus(trip.status)) if trip.status in order else -1
    return [
        {
            "label": label,
            "done": index < reached or trip.status == TripStatus.APPROVED,
            "current": index == reached,
        }
        for index, label in enumerate(labels)
    ]


@login_required
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    return render(request, "travel/trips/detail.html", _detail_context(request, trip))


@login_required
def option_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    user: Any = request.user
    trip = trip_get(user, pk)
    ensure(can_edit_trip(user, trip))
    if request.method != "POST":
        return redirect("travel:trip", pk=trip.pk)
    form = OptionForm(
        request.POST, fares=matching_fares(trip), vehicles=usable_vehicles(user, trip.employee)
    )
    done = submit(
        form,
        lambda: option_add(
            trip=trip,
            mode=form.cleaned_data["mode"],
            duration_minutes=form.cleaned_data["duration_minutes"],
            fare_amount=form.cleaned_data["fare_amount"],
            price_list_entry=form.cleaned_data["price_list_entry"],
            vehicle=form.cleaned_data["vehicle"],
            by=user,
        ),
    )
    if done is not None:
        messages.success(
            request,
            _("Option « %(mode)s » estimée à %(total)s €.")
            % {
                "mode": done.get_mode_display(),
                "total": f"{done.total_cost_amount:.2f}".replace(".", ","),
            },
        )
        return redirect(f"{trip.get_absolute_url()}#options")
    return render(
        request, "travel/trips/detail.html", _detail_context(request, trip, option_form=form)
    )


def _option_of(request: HttpRequest, pk: int, option_pk: int) -> tuple[Trip, Any]:
    trip = trip_get(request.user, pk)
    ensure(can_edit_trip(request.user, trip))
    return trip, get_in_scope(trip.options.all(), option_pk)


def _run(request: HttpRequest, call: Any, success: str) -> bool:
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def option_remove_view(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    trip, option = _option_of(request, pk, option_pk)
    _run(request, lambda: option_remove(option=option, by=request.user), _("Option retirée."))
    return redirect(f"{trip.get_absolute_url()}#options")


@login_required
@require_POST
def option_choose_view(request: HttpRequest, pk: int, option_pk: int) -> HttpResponse:
    trip, option = _option_of(request, pk, option_pk)
    _run(
        request,
        lambda: option_choose(option=option, by=request.user),
        _("Option « %(mode)s » retenue.") % {"mode": option.get_mode_display()},
    )
    return redirect(f"{trip.get_absolute_url()}#options")


@login_required
@require_POST
def trip_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_edit_trip(request.user, trip))
    _run(
        request,
        lambda: trip_submit(trip=trip, by=request.user),
        _("Demande soumise à la validation."),
    )
    return redirect("travel:trip", pk=trip.pk)


@login_required
@require_POST
def trip_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_decide(request.user, trip))
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        done = trip_approve(trip=trip, by=request.user, comment=comment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        raise
    else:
        if done.status == TripStatus.APPROVED:
            messages.success(
                request, _("Déplacement approuvé ; l'ordre de mission est dans le dossier.")
            )
        else:
            messages.success(request, _("Demande validée ; elle attend l'approbation des RH."))
    return redirect("travel:trip", pk=trip.pk)


@login_required
def trip_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_decide(request.user, trip))
    form = bound(request, CommentForm)
    if request.method == "POST":
        done = submit(
            form,
            lambda: trip_reject(trip=trip, by=request.user, comment=form.cleaned_data["comment"]),
        )
        if done is not None:
            messages.success(request, _("Demande refusée ; le demandeur voit votre commentaire."))
            return redirect("travel:trip", pk=trip.pk)
    return render(
        request,
        "travel/trips/reject.html",
        {
            "trip": trip,
            "form": form,
            "title": _("Refuser la demande %(ref)s") % {"ref": trip.reference},
        },
    )


@login_required
@require_POST
def trip_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    ensure(can_cancel(request.user, trip))
    form = CommentForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    _run(
        request,
        lambda: trip_cancel(trip=trip, by=request.user, comment=comment),
        _("Déplacement annulé."),
    )
    return redirect("travel:trip", pk=trip.pk)


@login_required
def mission_order_download(request: HttpRequest, pk: int) -> FileResponse:
    """The mission order of a trip the user may see (the employee, their manager, HR)."""
    trip = trip_get(request.user, pk)
    document = trip.mission_order
    if document is None or not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=f"ordre-de-mission-{trip.reference}.pdf",
    )


urlpatterns = [
    path("mes-deplacements/", my_trips_view, name="my_trips"),
    path("ordres-de-mission/nouveau/", trip_create_view, name="trip_create"),
    path("ordres-de-mission/", trips_view, name="trips"),
    path("ordres-de-mission/<int:pk>/", trip_detail, name="trip"),
    path("ordres-de-mission/<int:pk>/modifier/", trip_edit_view, name="trip_edit"),
    path("ordres-de-mission/<int:pk>/options/", option_add_view, name="option_add"),
    path(
        "ordres-de-mission/<int:pk>/options/<int:option_pk>/retirer/",
        option_remove_view,
        name="option_remove",
    ),
    path(
        "ordres-de-mission/<int:pk>/options/<int:option_pk>/retenir/",
        option_choose_view,
        name="option_choose",
    ),
    path("ordres-de-mission/<int:pk>/soumettre/", trip_submit_view, name="trip_submit"),
    path("ordres-de-mission/<int:pk>/approuver/", trip_approve_view, name="trip_approve"),
    path("ordres-de-mission/<int:pk>/refuser/", trip_reject_view, name="trip_reject"),
    path("ordres-de-mission/<int:pk>/annuler/", trip_cancel_view, name="trip_cancel"),
    path(
        "ordres-de-mission/<int:pk>/ordre-de-mission/",
        mission_order_download,
        name="mission_order",
    ),
]

"""The page of a trip request: its transport options side by side (cheapest within policy,
fastest), the workflow (submit, approve, reject, cancel), then the mission order to download."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from effectif.core.access import ensure
from effectif.core.editing import bound, submit
from effectif.core.roles import is_hr
from effectif.core.scoping import get_in_scope
from effectif.core.uploads import file_response
from effectif.rules.money import round_amount
from effectif.travel.forms.trips import (
    CommentForm,
    OptionForm,
)
from effectif.travel.models import Trip, TripStatus
from effectif.travel.permissions import (
    can_approve_trip_as_hr,
    can_approve_trip_as_manager,
    can_edit_trip,
    is_approver,
)
from effectif.travel.selectors.scope import trip_get
from effectif.travel.selectors.trips import (
    matching_fares,
    policy_of,
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
    trip_reject,
    trip_submit,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest


def _detail_context(
    request: AuthenticatedRequest, trip: Trip, option_form: Any = None
) -> dict[str, Any]:
    user: User = request.user
    editable = can_edit_trip(user, trip)
    travellers = list(trip.travellers.order_by("last_name", "first_names"))
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
        "travellers": travellers,
        "mine": any(person.user_id == user.pk for person in [trip.employee, *travellers]),
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
def trip_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    trip = trip_get(request.user, pk)
    return render(request, "travel/trips/detail.html", _detail_context(request, trip))


@login_required
def option_add_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user: User = request.user
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


def _option_of(request: AuthenticatedRequest, pk: int, option_pk: int) -> tuple[Trip, Any]:
    trip = trip_get(request.user, pk)
    ensure(can_edit_trip(request.user, trip))
    return trip, get_in_scope(trip.options.all(), option_pk)


def _run(request: AuthenticatedRequest, call: Any, success: str) -> bool:
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def option_remove_view(request: AuthenticatedRequest, pk: int, option_pk: int) -> HttpResponse:
    trip, option = _option_of(request, pk, option_pk)
    _run(request, lambda: option_remove(option=option, by=request.user), _("Option retirée."))
    return redirect(f"{trip.get_absolute_url()}#options")


@login_required
@require_POST
def option_choose_view(request: AuthenticatedRequest, pk: int, option_pk: int) -> HttpResponse:
    trip, option = _option_of(request, pk, option_pk)
    _run(
        request,
        lambda: option_choose(option=option, by=request.user),
        _("Option « %(mode)s » retenue.") % {"mode": option.get_mode_display()},
    )
    return redirect(f"{trip.get_absolute_url()}#options")


@login_required
@require_POST
def trip_submit_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def trip_approve_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def trip_reject_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def trip_cancel_view(request: AuthenticatedRequest, pk: int) -> HttpResponse:
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
def mission_order_download(request: AuthenticatedRequest, pk: int) -> HttpResponseBase:
    """The mission order of a trip the user may see (the employee, their manager, HR)."""
    trip = trip_get(request.user, pk)
    document = trip.mission_order
    if document is None or not document.file:
        raise Http404
    return file_response(request, document.file, filename=f"ordre-de-mission-{trip.reference}.pdf")

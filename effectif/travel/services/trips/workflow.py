"""The request's workflow: submit, approve (manager, then HR), reject, cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit_update, snapshot
from effectif.core.roles import is_hr
from effectif.rules.parameters.travel import parameters_version
from effectif.travel.models import (
    TransportMode,
    Trip,
    TripStatus,
)
from effectif.travel.permissions import (
    can_approve_trip_as_hr,
    can_approve_trip_as_manager,
    can_edit_trip,
    can_write_for,
    has_manager,
)
from effectif.travel.services.trips.estimates import estimate_all, parameters_date
from effectif.travel.services.trips.input import (
    OPEN_STATUSES,
    TRIP_FIELDS,
    check_advance,
    locked_trip,
)
from effectif.travel.services.trips.mission_order import mission_order_generate

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _transition(trip: Trip, by: User, before: dict[str, str], detail: str) -> Trip:
    trip.full_clean()
    trip.save()
    audit_update(
        actor=by, target=trip, before=before, after=snapshot(trip, TRIP_FIELDS), detail=detail
    )
    return trip


@transaction.atomic
def trip_submit(*, trip: Trip, by: User) -> Trip:
    """Send the draft to the manager: the options are estimated again with the parameters of
    the day, the chosen one's total becomes the estimated cost (with the parameters' version),
    and the advance must stay within the policy's share of it."""
    trip = locked_trip(trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Seul un brouillon peut être soumis, par son demandeur ou les RH."))
    if not trip.destinations.exists():
        raise ValidationError(_("Indiquez au moins une destination avant de soumettre."))
    estimate_all(trip)
    chosen = trip.options.filter(chosen=True).first()
    if chosen is None:
        raise ValidationError(_("Choisissez l'option de transport retenue avant de soumettre."))
    if chosen.mode == TransportMode.OWN_CAR and chosen.vehicle is None:
        raise ValidationError(
            _("Le véhicule de l'option retenue n'existe plus : choisissez-en un.")
        )
    check_advance(trip, chosen.total_cost_amount)
    before = snapshot(trip, TRIP_FIELDS)
    trip.estimated_cost_amount = chosen.total_cost_amount
    trip.parameters_version = parameters_version(parameters_date(trip))
    trip.status = TripStatus.SUBMITTED
    trip.submitted_at = timezone.now()
    trip.decision_comment = ""
    return _transition(trip, by, before, _("Demande soumise"))


def can_decide(user: User, trip: Trip) -> bool:
    return can_approve_trip_as_manager(user, trip) or can_approve_trip_as_hr(user, trip)


def can_cancel(user: User, trip: Trip) -> bool:
    """The requester (or HR) withdraws a request still open; once approved, before it starts."""
    if trip.status not in OPEN_STATUSES or not can_write_for(user, trip.employee):
        return False
    if trip.status == TripStatus.APPROVED:
        return is_hr(user) or trip.start_date > timezone.localdate()
    return True


@transaction.atomic
def trip_approve(*, trip: Trip, by: User, comment: str = "") -> Trip:
    """The manager's approval, then HR's. HR approve both steps at once what has no manager to
    approve it. HR's approval generates the mission order."""
    trip = locked_trip(trip)
    now = timezone.now()
    before = snapshot(trip, TRIP_FIELDS)
    comment = comment.strip()
    if can_approve_trip_as_manager(by, trip):
        trip.manager_decided_by = by
        trip.manager_decided_at = now
        if is_hr(by) and not has_manager(trip.employee):
            trip.hr_decided_by = by
            trip.hr_decided_at = now
            trip.status = TripStatus.APPROVED
        else:
            trip.status = TripStatus.MANAGER_APPROVED
    elif can_approve_trip_as_hr(by, trip):
        trip.hr_decided_by = by
        trip.hr_decided_at = now
        trip.status = TripStatus.APPROVED
    else:
        raise PermissionDenied
    if comment:
        trip.decision_comment = comment[:2000]
    final = trip.status == TripStatus.APPROVED
    _transition(
        trip, by, before, _("Demande approuvée") if final else _("Demande validée par le manager")
    )
    if final:
        mission_order_generate(trip=trip, by=by)
    return trip


@transaction.atomic
def trip_reject(*, trip: Trip, by: User, comment: str) -> Trip:
    trip = locked_trip(trip)
    if not can_decide(by, trip):
        raise PermissionDenied
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": [_("Expliquez au demandeur pourquoi vous refusez.")]})
    before = snapshot(trip, TRIP_FIELDS)
    now = timezone.now()
    if trip.status == TripStatus.SUBMITTED:
        trip.manager_decided_by, trip.manager_decided_at = by, now
    else:
        trip.hr_decided_by, trip.hr_decided_at = by, now
    trip.status = TripStatus.REJECTED
    trip.decision_comment = comment[:2000]
    return _transition(trip, by, before, _("Demande refusée"))


@transaction.atomic
def trip_cancel(*, trip: Trip, by: User, comment: str = "") -> Trip:
    trip = locked_trip(trip)
    if not can_cancel(by, trip):
        raise ValidationError(_("Ce déplacement ne peut plus être annulé."))
    before = snapshot(trip, TRIP_FIELDS)
    trip.status = TripStatus.CANCELLED
    if comment.strip():
        trip.decision_comment = comment.strip()[:2000]
    return _transition(trip, by, before, _("Demande annulée"))

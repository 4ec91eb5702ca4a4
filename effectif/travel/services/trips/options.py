"""The transport options of a draft: add one (estimated at once), remove one, choose one."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.rules.money import round_amount
from effectif.travel.models import (
    PriceListEntry,
    TransportMode,
    Trip,
    TripOption,
    Vehicle,
)
from effectif.travel.permissions import (
    can_edit_trip,
)
from effectif.travel.selectors.trips import policy_of
from effectif.travel.services.trips.estimates import estimate_option, policy_facts, store_estimate
from effectif.travel.services.trips.input import FARE_MODES, OPTION_FIELDS, locked_trip

if TYPE_CHECKING:
    from effectif.accounts.models import User


@transaction.atomic
def option_add(
    *,
    trip: Trip,
    mode: str,
    duration_minutes: int | None,
    by: User,
    fare_amount: Decimal | None = None,
    price_list_entry: PriceListEntry | None = None,
    vehicle: Vehicle | None = None,
) -> TripOption:
    """A way of making the trip, estimated at once. A fare of the price list gives the return
    fare (twice its one-way fare) and the duration, unless they are typed."""
    trip = locked_trip(trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Les options ne se changent que sur un brouillon."))
    errors: dict[str, list[str]] = {}
    if mode not in TransportMode.values:
        errors["mode"] = [_("Choisissez un mode de transport.")]
    if price_list_entry is not None:
        if price_list_entry.employer_id != trip.employer_id:
            errors["price_list_entry"] = [_("Ce tarif n'est pas celui de l'employeur.")]
        elif price_list_entry.mode != mode:
            errors["price_list_entry"] = [
                _("Ce tarif est celui d'un autre mode de transport (%(mode)s).")
                % {"mode": price_list_entry.get_mode_display()}
            ]
        else:
            if fare_amount is None:
                fare_amount = round_amount(price_list_entry.fare_amount * 2)
            if duration_minutes is None:
                duration_minutes = price_list_entry.duration_minutes
    if fare_amount is not None and fare_amount < 0:
        errors["fare_amount"] = [_("Un tarif ne peut pas être négatif.")]
    if mode in FARE_MODES and fare_amount is None and "price_list_entry" not in errors:
        errors["fare_amount"] = [
            _("Indiquez le prix des billets aller-retour ou choisissez un tarif de la grille.")
        ]
    if mode not in FARE_MODES and fare_amount is not None:
        fare_amount = None
    if mode == TransportMode.OWN_CAR:
        if vehicle is None:
            errors["vehicle"] = [_("Choisissez le véhicule personnel utilisé.")]
        elif vehicle.employee_id != trip.employee_id or not vehicle.active:
            errors["vehicle"] = [_("Ce véhicule n'est pas un véhicule en service du demandeur.")]
    else:
        vehicle = None
    if duration_minutes is None or duration_minutes <= 0:
        errors["duration_minutes"] = [_("Indiquez la durée du trajet aller, en minutes.")]
    if errors:
        raise ValidationError(errors)
    assert duration_minutes is not None
    option = TripOption(
        trip=trip,
        mode=mode,
        duration_minutes=duration_minutes,
        fare_amount=fare_amount,
        price_list_entry=price_list_entry if mode in FARE_MODES else None,
        vehicle=vehicle,
    )
    store_estimate(option, estimate_option(option, trip, policy_facts(policy_of(trip.employer))))
    option.full_clean()
    option.save()
    audit_creation(actor=by, target=option, fields=OPTION_FIELDS)
    return option


@transaction.atomic
def option_remove(*, option: TripOption, by: User) -> None:
    trip = locked_trip(option.trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Les options ne se changent que sur un brouillon."))
    audit(
        actor=by,
        action=AuditAction.DELETE,
        target=option,
        detail=_("Option retirée de %(ref)s : %(option)s")
        % {"ref": trip.reference, "option": option},
    )
    option.delete()


@transaction.atomic
def option_choose(*, option: TripOption, by: User) -> TripOption:
    """The option the requester retains (one per trip); out of policy is allowed, the approvers
    see why."""
    trip = locked_trip(option.trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Les options ne se changent que sur un brouillon."))
    option = TripOption.objects.select_for_update().get(pk=option.pk, trip=trip)
    before = snapshot(option, OPTION_FIELDS)
    trip.options.exclude(pk=option.pk).filter(chosen=True).update(chosen=False)
    option.chosen = True
    option.save()
    audit_update(actor=by, target=option, before=before, after=snapshot(option, OPTION_FIELDS))
    return option

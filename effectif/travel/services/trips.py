"""Writes of trip requests (ordres de mission): create and edit a draft with its destinations
and travellers, add transport options (each estimated by `rules.travel.options`), choose one,
submit, approve (manager, then HR), reject or cancel. On HR's approval the mission order is
generated from the « Ordre de mission » template and filed in the requester's personnel file.

Each function validates first, then writes and audits in one transaction: bad input raises a
ValidationError in French and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation, audit_update, snapshot
from effectif.core.models import AuditAction
from effectif.documents.generation import render_for
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.services import generated_save_to_file
from effectif.employees.models import Employee
from effectif.organisation.models import Department, Employer
from effectif.rules.money import round_amount
from effectif.rules.travel.allowances import is_paris_area
from effectif.rules.travel.mileage import VehicleFacts
from effectif.rules.travel.mileage import VehicleKind as RuleVehicleKind
from effectif.rules.travel.options import (
    Comparison,
    Estimate,
    Mode,
    OptionFacts,
    TripFacts,
    TripPolicy,
    compare,
    estimate,
)
from effectif.rules.travel.parameters import parameters_version
from effectif.travel.merging import SUBJECT
from effectif.travel.models import (
    PriceListEntry,
    TransportMode,
    TravelPolicy,
    Trip,
    TripDestination,
    TripOption,
    TripStatus,
    Vehicle,
)
from effectif.travel.permissions import (
    can_approve_trip_as_hr,
    can_approve_trip_as_manager,
    can_edit_trip,
    can_write_for,
    has_manager,
    is_hr,
)
from effectif.travel.selectors_trips import policy_of, prior_km

TRIP_FIELDS = [
    "reference",
    "employee",
    "department",
    "purpose",
    "departure_place",
    "start_date",
    "end_date",
    "distance_km",
    "lodging_nights",
    "meals",
    "advance_requested_amount",
    "estimated_cost_amount",
    "parameters_version",
    "status",
    "decision_comment",
]
OPTION_FIELDS = [
    "mode",
    "fare_amount",
    "price_list_entry",
    "vehicle",
    "duration_minutes",
    "total_cost_amount",
    "within_policy",
    "chosen",
]
FARE_MODES = frozenset({TransportMode.TRAIN, TransportMode.PLANE, TransportMode.PUBLIC_TRANSPORT})
OPEN_STATUSES = (
    TripStatus.DRAFT,
    TripStatus.SUBMITTED,
    TripStatus.MANAGER_APPROVED,
    TripStatus.APPROVED,
)
#: Meals in a day of travel (lunch and dinner).
MEALS_PER_DAY = 2


@dataclass(frozen=True)
class DestinationInput:
    place: str
    arrival_date: dt.date
    departure_date: dt.date
    postal_code: str = ""
    country: str = "FR"


@dataclass(frozen=True)
class TripInput:
    """What the requester types; the same for a creation and an edit."""

    purpose: str
    departure_place: str
    start_date: dt.date
    end_date: dt.date
    distance_km: int
    destinations: Sequence[DestinationInput]
    travellers: Sequence[Employee] = ()
    lodging_nights: int = 0
    meals: int = 0
    advance_requested_amount: Decimal = Decimal("0.00")
    department: Department | None = None


# --- checks --------------------------------------------------------------------------------


def _check_input(data: TripInput, employee: Employee) -> None:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not data.purpose.strip():
        add("purpose", _("Indiquez l'objet de la mission."))
    if not data.departure_place.strip():
        add("departure_place", _("Indiquez le lieu de départ."))
    if data.end_date < data.start_date:
        add("end_date", _("La date de retour précède la date de départ."))
    if data.distance_km is None or data.distance_km <= 0:
        add("distance_km", _("La distance aller doit être d'au moins 1 km."))
    days = (data.end_date - data.start_date).days
    if data.lodging_nights < 0:
        add("lodging_nights", _("Le nombre de nuits ne peut pas être négatif."))
    elif days >= 0 and data.lodging_nights > days:
        add(
            "lodging_nights",
            _("Un déplacement de %(days)s jour(s) compte au plus %(nights)s nuit(s).")
            % {"days": days + 1, "nights": days},
        )
    if data.meals < 0:
        add("meals", _("Le nombre de repas ne peut pas être négatif."))
    elif days >= 0 and data.meals > MEALS_PER_DAY * (days + 1):
        add(
            "meals",
            _("Un déplacement de %(days)s jour(s) compte au plus %(meals)s repas.")
            % {"days": days + 1, "meals": MEALS_PER_DAY * (days + 1)},
        )
    if data.advance_requested_amount < 0:
        add("advance_requested_amount", _("L'avance demandée ne peut pas être négative."))
    if not data.destinations:
        add("destinations", _("Indiquez au moins une destination."))
    for index, stop in enumerate(data.destinations, start=1):
        if not stop.place.strip():
            add("destinations", _("Destination %(n)s : indiquez le lieu.") % {"n": index})
        if stop.departure_date < stop.arrival_date:
            add(
                "destinations",
                _("Destination %(n)s : le départ précède l'arrivée.") % {"n": index},
            )
        if (
            stop.arrival_date < data.start_date or stop.departure_date > data.end_date
        ) and data.end_date >= data.start_date:
            add(
                "destinations",
                _("Destination %(n)s : ses dates sortent de celles du déplacement.") % {"n": index},
            )
        code = stop.postal_code.strip()
        if code and (len(code) != 5 or not code.isdigit()) and stop.country == "FR":
            add(
                "destinations",
                _("Destination %(n)s : le code postal compte 5 chiffres.") % {"n": index},
            )
    for person in data.travellers:
        if person.employer_id != employee.employer_id:
            add(
                "travellers",
                _(
                    "%(name)s n'est pas salarié(e) de %(employer)s : un ordre de mission ne "
                    "concerne que les salariés d'un même employeur."
                )
                % {"name": person.display_name, "employer": employee.employer.name},
            )
        elif person.is_closed:
            add(
                "travellers",
                _("Le dossier de %(name)s est clos.") % {"name": person.display_name},
            )
    if data.department is not None and data.department.employer_id != employee.employer_id:
        add("department", _("Ce service n'appartient pas à l'employeur du demandeur."))
    if errors:
        raise ValidationError(errors)


def _advance_cap(policy: TravelPolicy, cost: Decimal) -> Decimal:
    return round_amount(cost * Decimal(policy.advance_max_percent) / Decimal(100))


def _check_advance(trip: Trip, cost: Decimal) -> None:
    policy = policy_of(trip.employer)
    cap = _advance_cap(policy, cost)
    if trip.advance_requested_amount > cap:
        raise ValidationError(
            {
                "advance_requested_amount": [
                    _(
                        "L'avance demandée (%(advance)s €) dépasse %(percent)s %% du coût estimé "
                        "(%(cost)s €) : au plus %(cap)s €."
                    )
                    % {
                        "advance": _fr(trip.advance_requested_amount),
                        "percent": policy.advance_max_percent,
                        "cost": _fr(cost),
                        "cap": _fr(cap),
                    }
                ]
            }
        )


def _fr(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",")


def _locked(trip: Trip) -> Trip:
    return (
        Trip.objects.select_for_update(of=("self",))
        .select_related("employer", "employee", "employee__department", "department")
        .get(pk=trip.pk)
    )


def _next_reference(employer: Employer, year: int) -> str:
    """« OM-<year>-<seq> », numbered per employer and year (the employer row is locked)."""
    Employer.objects.select_for_update().filter(pk=employer.pk).first()
    prefix = f"OM-{year}-"
    numbers = [
        int(ref[len(prefix) :])
        for ref in Trip.objects.filter(employer=employer, reference__startswith=prefix).values_list(
            "reference", flat=True
        )
        if ref[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _write_destinations(trip: Trip, stops: Sequence[DestinationInput]) -> None:
    trip.destinations.all().delete()
    for position, stop in enumerate(stops):
        destination = TripDestination(
            trip=trip,
            position=position,
            place=" ".join(stop.place.split()),
            postal_code=stop.postal_code.strip(),
            country=stop.country or "FR",
            arrival_date=stop.arrival_date,
            departure_date=stop.departure_date,
        )
        destination.full_clean()
        destination.save()


def _apply(trip: Trip, data: TripInput) -> None:
    trip.purpose = data.purpose.strip()
    trip.departure_place = " ".join(data.departure_place.split())
    trip.start_date = data.start_date
    trip.end_date = data.end_date
    trip.distance_km = data.distance_km
    trip.lodging_nights = data.lodging_nights
    trip.meals = data.meals
    trip.advance_requested_amount = data.advance_requested_amount
    trip.department = data.department or trip.employee.department


def _travellers_of(data: TripInput, employee: Employee) -> list[Employee]:
    return list(data.travellers) or [employee]


# --- drafts --------------------------------------------------------------------------------


@transaction.atomic
def trip_create(*, employee: Employee, data: TripInput, by: Any) -> Trip:
    """A draft trip request for `employee` (themself, or HR on their behalf)."""
    if not can_write_for(by, employee):
        raise PermissionDenied
    _check_input(data, employee)
    trip = Trip(employer=employee.employer, employee=employee, created_by=by)
    _apply(trip, data)
    trip.reference = _next_reference(employee.employer, timezone.localdate().year)
    trip.full_clean()
    trip.save()
    trip.travellers.set(_travellers_of(data, employee))
    _write_destinations(trip, data.destinations)
    audit_creation(actor=by, target=trip, fields=TRIP_FIELDS)
    return trip


@transaction.atomic
def trip_update(*, trip: Trip, data: TripInput, by: Any) -> Trip:
    """Change a draft; its options are estimated again on the new dates and distance."""
    trip = _locked(trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(
            _("Seul un brouillon peut être modifié, par son demandeur ou les RH.")
        )
    _check_input(data, trip.employee)
    before = snapshot(trip, TRIP_FIELDS)
    _apply(trip, data)
    trip.full_clean()
    trip.save()
    trip.travellers.set(_travellers_of(data, trip.employee))
    _write_destinations(trip, data.destinations)
    _estimate_all(trip)
    chosen = trip.options.filter(chosen=True).first()
    if chosen is not None:
        _check_advance(trip, chosen.total_cost_amount)
    audit_update(actor=by, target=trip, before=before, after=snapshot(trip, TRIP_FIELDS))
    return trip


# --- options -------------------------------------------------------------------------------


def trip_facts(trip: Trip, vehicle: Vehicle | None = None) -> TripFacts:
    paris = any(is_paris_area(d.postal_code) for d in trip.destinations.all())
    return TripFacts(
        start_date=trip.start_date,
        end_date=trip.end_date,
        distance_km=trip.distance_km,
        lodging_nights=trip.lodging_nights,
        meals=trip.meals,
        paris_area=paris,
        travellers=max(trip.travellers.count(), 1),
        prior_km=prior_km(vehicle, trip.start_date) if vehicle is not None else Decimal(0),
    )


def policy_facts(policy: TravelPolicy) -> TripPolicy:
    return TripPolicy(
        train_first_class=policy.train_first_class,
        plane_min_distance_km=policy.plane_min_distance_km,
        own_car_max_distance_km=policy.own_car_max_distance_km,
        company_car_cost_per_km=policy.company_car_cost_per_km,
        meal_cap=policy.meal_cap_amount,
        lodging_cap=policy.lodging_cap_amount,
        lodging_cap_paris=policy.lodging_cap_paris_amount,
    )


def is_first_class(travel_class: str) -> bool:
    words = travel_class.lower().replace("è", "e")
    return any(mark in words for mark in ("1re", "1ere", "premiere", "1st", "first", "1e classe"))


def option_facts(option: TripOption) -> OptionFacts:
    vehicle = option.vehicle
    facts = (
        VehicleFacts(
            kind=RuleVehicleKind(vehicle.kind),
            fiscal_power=vehicle.fiscal_power,
            electric=vehicle.electric,
        )
        if vehicle is not None
        else None
    )
    entry = option.price_list_entry
    return OptionFacts(
        mode=Mode(option.mode),
        duration_minutes=option.duration_minutes,
        fare_amount=option.fare_amount,
        first_class=entry is not None and is_first_class(entry.travel_class),
        vehicle=facts,
    )


def _on(trip: Trip) -> dt.date:
    """Parameters of the trip's start (the allowances of the day the costs are incurred)."""
    return trip.start_date


def _estimate(option: TripOption, trip: Trip, policy: TripPolicy) -> Estimate:
    return estimate(option_facts(option), trip_facts(trip, option.vehicle), policy, _on(trip))


def _store(option: TripOption, result: Estimate) -> None:
    option.transport_cost_amount = result.transport_cost
    option.allowances_amount = result.allowances
    option.total_cost_amount = result.total
    option.cost_basis = result.basis[:300]
    option.within_policy = result.within_policy
    option.policy_reason = result.policy_reason[:300]


def _estimate_all(trip: Trip) -> None:
    policy = policy_facts(policy_of(trip.employer))
    for option in trip.options.select_related("vehicle", "price_list_entry"):
        _store(option, _estimate(option, trip, policy))
        option.save()


def comparison(trip: Trip, options: Sequence[TripOption]) -> Comparison:
    """Which of the options is the cheapest within policy, which the fastest."""
    facts = [option_facts(o) for o in options]
    estimates = [
        Estimate(
            transport_cost=o.transport_cost_amount,
            allowances=o.allowances_amount,
            total=o.total_cost_amount,
            basis=o.cost_basis,
            within_policy=o.within_policy,
            policy_reason=o.policy_reason,
        )
        for o in options
    ]
    return compare(facts, estimates)


@transaction.atomic
def option_add(
    *,
    trip: Trip,
    mode: str,
    duration_minutes: int | None,
    by: Any,
    fare_amount: Decimal | None = None,
    price_list_entry: PriceListEntry | None = None,
    vehicle: Vehicle | None = None,
) -> TripOption:
    """A way of making the trip, estimated at once. A fare of the price list gives the return
    fare (twice its one-way fare) and the duration, unless they are typed."""
    trip = _locked(trip)
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
    _store(option, _estimate(option, trip, policy_facts(policy_of(trip.employer))))
    option.full_clean()
    option.save()
    audit_creation(actor=by, target=option, fields=OPTION_FIELDS)
    return option


@transaction.atomic
def option_remove(*, option: TripOption, by: Any) -> None:
    trip = _locked(option.trip)
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
def option_choose(*, option: TripOption, by: Any) -> TripOption:
    """The option the requester retains (one per trip); out of policy is allowed, the approvers
    see why."""
    trip = _locked(option.trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Les options ne se changent que sur un brouillon."))
    option = TripOption.objects.select_for_update().get(pk=option.pk, trip=trip)
    before = snapshot(option, OPTION_FIELDS)
    trip.options.exclude(pk=option.pk).filter(chosen=True).update(chosen=False)
    option.chosen = True
    option.save()
    audit_update(actor=by, target=option, before=before, after=snapshot(option, OPTION_FIELDS))
    return option


# --- workflow ------------------------------------------------------------------------------


def _transition(trip: Trip, by: Any, before: dict[str, str], detail: str) -> Trip:
    trip.full_clean()
    trip.save()
    audit_update(
        actor=by, target=trip, before=before, after=snapshot(trip, TRIP_FIELDS), detail=detail
    )
    return trip


@transaction.atomic
def trip_submit(*, trip: Trip, by: Any) -> Trip:
    """Send the draft to the manager: the options are estimated again with the parameters of
    the day, the chosen one's total becomes the estimated cost (with the parameters' version),
    and the advance must stay within the policy's share of it."""
    trip = _locked(trip)
    if not can_edit_trip(by, trip):
        raise ValidationError(_("Seul un brouillon peut être soumis, par son demandeur ou les RH."))
    if not trip.destinations.exists():
        raise ValidationError(_("Indiquez au moins une destination avant de soumettre."))
    _estimate_all(trip)
    chosen = trip.options.filter(chosen=True).first()
    if chosen is None:
        raise ValidationError(_("Choisissez l'option de transport retenue avant de soumettre."))
    if chosen.mode == TransportMode.OWN_CAR and chosen.vehicle is None:
        raise ValidationError(
            _("Le véhicule de l'option retenue n'existe plus : choisissez-en un.")
        )
    _check_advance(trip, chosen.total_cost_amount)
    before = snapshot(trip, TRIP_FIELDS)
    trip.estimated_cost_amount = chosen.total_cost_amount
    trip.parameters_version = parameters_version(_on(trip))
    trip.status = TripStatus.SUBMITTED
    trip.submitted_at = timezone.now()
    trip.decision_comment = ""
    return _transition(trip, by, before, _("Demande soumise"))


def can_decide(user: Any, trip: Trip) -> bool:
    return can_approve_trip_as_manager(user, trip) or can_approve_trip_as_hr(user, trip)


def can_cancel(user: Any, trip: Trip) -> bool:
    """The requester (or HR) withdraws a request still open; once approved, before it starts."""
    if trip.status not in OPEN_STATUSES or not can_write_for(user, trip.employee):
        return False
    if trip.status == TripStatus.APPROVED:
        return is_hr(user) or trip.start_date > timezone.localdate()
    return True


@transaction.atomic
def trip_approve(*, trip: Trip, by: Any, comment: str = "") -> Trip:
    """The manager's approval, then HR's. HR approve both steps at once what has no manager to
    approve it. HR's approval generates the mission order."""
    trip = _locked(trip)
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
def trip_reject(*, trip: Trip, by: Any, comment: str) -> Trip:
    trip = _locked(trip)
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
def trip_cancel(*, trip: Trip, by: Any, comment: str = "") -> Trip:
    trip = _locked(trip)
    if not can_cancel(by, trip):
        raise ValidationError(_("Ce déplacement ne peut plus être annulé."))
    before = snapshot(trip, TRIP_FIELDS)
    trip.status = TripStatus.CANCELLED
    if comment.strip():
        trip.decision_comment = comment.strip()[:2000]
    return _transition(trip, by, before, _("Demande annulée"))


# --- the mission order -------------------------------------------------------------------


def mission_order_template(employer: Employer) -> DocumentTemplate | None:
    """The employer's own active « Ordre de mission » template, else the installation's."""
    templates = DocumentTemplate.objects.filter(kind=TemplateKind.MISSION_ORDER, is_active=True)
    return (
        templates.filter(employer=employer).order_by("name").first()
        or templates.filter(employer__isnull=True).order_by("name").first()
    )


@transaction.atomic
def mission_order_generate(*, trip: Trip, by: Any) -> Trip:
    """Generate the mission order of an approved trip as a PDF and file it in the requester's
    personnel file (the documents app keeps the record of what was generated)."""
    if trip.status != TripStatus.APPROVED:
        raise ValidationError(_("L'ordre de mission s'établit une fois le déplacement approuvé."))
    template = mission_order_template(trip.employer)
    if template is None:
        raise ValidationError(
            _("Aucun modèle « Ordre de mission » actif : ajoutez-en un dans la bibliothèque.")
        )
    trip = Trip.objects.select_related(
        "employer", "employee", "department", "manager_decided_by", "hr_decided_by"
    ).get(pk=trip.pk)
    generated = render_for(template=template, subject=SUBJECT, obj=trip)
    record = generated_save_to_file(generated=generated, subject=SUBJECT, obj=trip, by=by)
    before = {"mission_order": str(trip.mission_order or "")}
    trip.mission_order = record.file_document
    trip.save(update_fields=["mission_order", "updated_at"])
    audit_update(
        actor=by,
        target=trip,
        before=before,
        after={"mission_order": str(trip.mission_order or "")},
        detail=_("Ordre de mission établi"),
    )
    return trip

"""Trip requests through their services: drafts with destinations and travellers, options
estimated by the rules, the workflow with its audit, bad input refused in French with nothing
written, and the mission order filed at HR's approval."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from effectif.core.models import AuditAction, AuditEntry
from effectif.documents.models import GeneratedDocument
from effectif.travel.models import (
    TransportMode,
    TravelPolicy,
    Trip,
    TripDestination,
    TripOption,
    TripStatus,
)
from effectif.travel.services.trips import (
    DestinationInput,
    TripInput,
    mission_order_generate,
    option_add,
    option_choose,
    trip_approve,
    trip_cancel,
    trip_create,
    trip_reject,
    trip_submit,
    trip_update,
)
from effectif.travel.tests.factories import PriceListEntryFactory, VehicleFactory

pytestmark = pytest.mark.django_db

START = dt.date(2026, 3, 12)


def trip_input(**changes) -> TripInput:
    values = {
        "purpose": "Salon Pollutec : stand et rendez-vous clients",
        "departure_place": "Lyon",
        "start_date": START,
        "end_date": START + dt.timedelta(days=1),
        "distance_km": 465,
        "destinations": [
            DestinationInput(
                place="Paris",
                postal_code="75015",
                arrival_date=START,
                departure_date=START + dt.timedelta(days=1),
            )
        ],
        "lodging_nights": 1,
        "meals": 3,
    }
    values.update(changes)
    return TripInput(**values)


def draft(world, by, **changes) -> Trip:
    return trip_create(employee=world.member, data=trip_input(**changes), by=by)


def with_options(trip: Trip, by) -> tuple[TripOption, TripOption]:
    train = option_add(
        trip=trip, mode=TransportMode.TRAIN, duration_minutes=120, fare_amount=Decimal("140"), by=by
    )
    plane = option_add(
        trip=trip, mode=TransportMode.PLANE, duration_minutes=75, fare_amount=Decimal("260"), by=by
    )
    return train, plane


def submitted(world, by) -> Trip:
    trip = draft(world, by)
    train, _plane = with_options(trip, by)
    option_choose(option=train, by=by)
    return trip_submit(trip=trip, by=by)


def test_a_draft_gets_a_reference_per_employer_and_year(world, employee_user, hr_manager):
    first = draft(world, employee_user)
    second = draft(world, employee_user)
    assert first.reference.startswith("OM-")
    assert first.reference.endswith("-0001")
    assert second.reference.endswith("-0002")
    assert first.status == TripStatus.DRAFT
    assert list(first.travellers.all()) == [world.member]  # the requester by default
    assert first.department == world.team
    assert TripDestination.objects.get(trip=first).postal_code == "75015"
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="travel.Trip", target_id=str(first.pk)
    ).exists()


def test_options_are_estimated_and_the_chosen_total_is_frozen_at_submission(world, employee_user):
    trip = draft(world, employee_user)
    train, plane = with_options(trip, employee_user)
    assert train.transport_cost_amount == Decimal("140.00")
    assert train.allowances_amount > 0  # 3 meals and a Paris night
    assert train.total_cost_amount == train.transport_cost_amount + train.allowances_amount
    assert train.within_policy
    assert not plane.within_policy  # 465 km < the default 800 km for the plane
    assert "avion" in plane.policy_reason.lower()
    option_choose(option=train, by=employee_user)
    trip = trip_submit(trip=trip, by=employee_user)
    assert trip.status == TripStatus.SUBMITTED
    assert trip.estimated_cost_amount == train.total_cost_amount
    assert trip.parameters_version.startswith("frais-")
    assert trip.submitted_at is not None


def test_a_price_list_fare_gives_the_return_fare_and_duration(world, employee_user):
    fare = PriceListEntryFactory(employer=world.employer)
    trip = draft(world, employee_user)
    option = option_add(
        trip=trip,
        mode=TransportMode.TRAIN,
        duration_minutes=None,
        price_list_entry=fare,
        by=employee_user,
    )
    assert option.fare_amount == Decimal("125.00")
    assert option.duration_minutes == 115


def test_own_car_uses_the_mileage_scale_of_the_requesters_vehicle(world, employee_user):
    car = VehicleFactory(employee=world.member)
    trip = draft(world, employee_user)
    option = option_add(
        trip=trip,
        mode=TransportMode.OWN_CAR,
        duration_minutes=280,
        vehicle=car,
        by=employee_user,
    )
    assert option.transport_cost_amount > 0
    assert "barème" in option.cost_basis
    assert not option.within_policy  # 465 km beyond the default 400 km
    other = VehicleFactory(
        employee=world.colleague, label="Zoé", registration="ZZ-999-ZZ", fiscal_power=1
    )
    with pytest.raises(ValidationError) as error:
        option_add(
            trip=trip,
            mode=TransportMode.OWN_CAR,
            duration_minutes=280,
            vehicle=other,
            by=employee_user,
        )
    assert "véhicule" in str(error.value.message_dict["vehicle"])


def test_workflow_manager_then_hr_generates_the_mission_order(
    world, employee_user, manager_user, hr_manager
):
    trip = submitted(world, employee_user)
    trip = trip_approve(trip=trip, by=manager_user)
    assert trip.status == TripStatus.MANAGER_APPROVED
    assert trip.manager_decided_by == manager_user
    with pytest.raises(PermissionDenied):
        trip_approve(trip=trip, by=manager_user)  # the HR step is not the manager's
    trip = trip_approve(trip=trip, by=hr_manager)
    trip.refresh_from_db()
    assert trip.status == TripStatus.APPROVED
    assert trip.hr_decided_by == hr_manager
    document = trip.mission_order
    assert document is not None
    assert document.employee == world.member
    assert document.file.read(5) == b"%PDF-"
    generated = GeneratedDocument.objects.get(subject_type="deplacement", subject_id=str(trip.pk))
    assert generated.kind == "ordre_mission"
    details = set(
        AuditEntry.objects.filter(target_type="travel.Trip", target_id=str(trip.pk)).values_list(
            "detail", flat=True
        )
    )
    assert {"Demande soumise", "Demande validée par le manager", "Demande approuvée"} <= details
    assert "Ordre de mission établi" in details


def _approved_order_html(world, employee_user, manager_user, hr_manager) -> tuple[Trip, str]:
    """An approved trip and its mission order, rendered with the installed template."""
    from effectif.documents.generation import render_for
    from effectif.travel.merging import SUBJECT
    from effectif.travel.services.trips import mission_order_template

    trip = submitted(world, employee_user)
    trip_approve(trip=trip, by=manager_user)
    trip = trip_approve(trip=trip, by=hr_manager)
    template = mission_order_template(world.employer)
    assert template is not None
    return trip, render_for(template=template, subject=SUBJECT, obj=trip).body


def test_the_mission_order_prints_the_trip(world, employee_user, manager_user, hr_manager):
    trip, html = _approved_order_html(world, employee_user, manager_user, hr_manager)
    assert trip.reference in html
    assert "Paris" in html
    assert "Lyon" in html
    assert "Train" in html


def test_the_mission_order_is_made_where_the_requester_works_and_signed_by_hr(
    world, employee_user, manager_user, hr_manager
):
    """Nothing left « à compléter » with the installed template: the place is the town of the
    requester's establishment, the signatory HR who approved (no letterhead signatory set)."""
    _trip, html = _approved_order_html(world, employee_user, manager_user, hr_manager)
    assert "à compléter" not in html
    assert f"{world.establishment.city}, le" in html
    approver = f"{hr_manager.first_name} {hr_manager.last_name.upper()}"
    assert f"{approver}<br>Ressources humaines" in html


def test_hr_approve_at_once_what_has_no_manager(world, hr_manager, make_user):
    from effectif.travel.services.trips import option_add as add

    trip = trip_create(employee=world.colleague, data=trip_input(), by=hr_manager)
    option = add(
        trip=trip,
        mode=TransportMode.TRAIN,
        duration_minutes=120,
        fare_amount=Decimal("100"),
        by=hr_manager,
    )
    option_choose(option=option, by=hr_manager)
    trip_submit(trip=trip, by=hr_manager)
    trip = trip_approve(trip=trip, by=hr_manager)
    assert trip.status == TripStatus.APPROVED
    assert trip.manager_decided_by == hr_manager == trip.hr_decided_by


def test_reject_needs_a_comment_and_records_it(world, employee_user, manager_user):
    trip = submitted(world, employee_user)
    with pytest.raises(ValidationError) as error:
        trip_reject(trip=trip, by=manager_user, comment="  ")
    assert "pourquoi" in str(error.value)
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED
    trip = trip_reject(trip=trip, by=manager_user, comment="Visio possible.")
    assert trip.status == TripStatus.REJECTED
    assert trip.decision_comment == "Visio possible."


def test_the_employee_cannot_approve_their_own_trip(world, employee_user):
    trip = submitted(world, employee_user)
    with pytest.raises(PermissionDenied):
        trip_approve(trip=trip, by=employee_user)
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED


def test_cancel_a_submitted_trip(world, employee_user):
    trip = submitted(world, employee_user)
    trip = trip_cancel(trip=trip, by=employee_user, comment="Salon reporté")
    assert trip.status == TripStatus.CANCELLED
    with pytest.raises(ValidationError):
        trip_cancel(trip=trip, by=employee_user)


def test_submission_needs_a_chosen_option(world, employee_user):
    trip = draft(world, employee_user)
    with_options(trip, employee_user)
    with pytest.raises(ValidationError) as error:
        trip_submit(trip=trip, by=employee_user)
    assert "Choisissez l'option" in str(error.value)
    trip.refresh_from_db()
    assert trip.status == TripStatus.DRAFT


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"end_date": START - dt.timedelta(days=1)}, "end_date", "précède"),
        ({"advance_requested_amount": Decimal("-10")}, "advance_requested_amount", "négative"),
        ({"distance_km": 0}, "distance_km", "au moins 1 km"),
        ({"lodging_nights": 5}, "lodging_nights", "au plus 1 nuit"),
        ({"destinations": []}, "destinations", "au moins une destination"),
        ({"purpose": "  "}, "purpose", "objet"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_written(
    world, employee_user, changes, field, words
):
    before = (Trip.objects.count(), TripDestination.objects.count(), AuditEntry.objects.count())
    with pytest.raises(ValidationError) as error:
        draft(world, employee_user, **changes)
    assert words in " ".join(error.value.message_dict[field])
    after = (Trip.objects.count(), TripDestination.objects.count(), AuditEntry.objects.count())
    assert after == before


def test_a_traveller_of_another_employer_is_refused(world, hr_manager):
    before = Trip.objects.count()
    with pytest.raises(ValidationError) as error:
        trip_create(
            employee=world.member,
            data=trip_input(travellers=[world.member, world.stranger]),
            by=hr_manager,
        )
    assert "n'est pas salarié(e) de Employeur A" in " ".join(error.value.message_dict["travellers"])
    assert Trip.objects.count() == before


def test_an_advance_above_the_policys_share_is_refused_at_submission(world, employee_user):
    TravelPolicy.objects.create(employer=world.employer, advance_max_percent=50)
    trip = draft(world, employee_user, advance_requested_amount=Decimal("5000"))
    train, _ = with_options(trip, employee_user)
    option_choose(option=train, by=employee_user)
    with pytest.raises(ValidationError) as error:
        trip_submit(trip=trip, by=employee_user)
    message = " ".join(error.value.message_dict["advance_requested_amount"])
    assert "dépasse 50 % du coût estimé" in message
    trip.refresh_from_db()
    assert trip.status == TripStatus.DRAFT
    assert trip.estimated_cost_amount == Decimal("0.00")


def test_editing_a_draft_estimates_its_options_again(world, employee_user):
    trip = draft(world, employee_user)
    train, _ = with_options(trip, employee_user)
    trip_update(trip=trip, data=trip_input(lodging_nights=0, meals=0), by=employee_user)
    train.refresh_from_db()
    assert train.allowances_amount == Decimal("0.00")
    assert train.total_cost_amount == Decimal("140.00")


def test_a_draft_has_no_mission_order(world, employee_user):
    trip = draft(world, employee_user)
    with pytest.raises(ValidationError):
        mission_order_generate(trip=trip, by=employee_user)

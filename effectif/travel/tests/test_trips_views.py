"""Trip pages by role: scope (outsiders get 404), who may act at each step, the options side by
side with their cheapest and fastest marks, the approvers' list, its filters and exports."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from effectif.travel.models import TransportMode, Trip, TripStatus
from effectif.travel.services.trips import (
    DestinationInput,
    TripInput,
    option_add,
    option_choose,
    trip_approve,
    trip_create,
    trip_submit,
)
from effectif.travel.tests.builders import trip_post
from effectif.travel.tests.test_trips_services import START, draft, submitted, with_options

pytestmark = pytest.mark.django_db


def test_outsider_gets_404_and_the_owner_gets_the_page(world, employee_user, outsider, client_for):
    trip = draft(world, employee_user)
    url = reverse("travel:trip", args=[trip.pk])
    assert client_for(outsider).get(url).status_code == 404
    response = client_for(employee_user).get(url)
    assert response.status_code == 200
    assert trip.reference in response.content.decode()


def test_a_colleague_outside_the_team_does_not_see_the_trip(
    world, employee_user, make_user, client_for
):
    from effectif.core.roles import Role

    trip = draft(world, employee_user)
    other = make_user(Role.EMPLOYEE)
    world.colleague.user = other
    world.colleague.save()
    assert client_for(other).get(reverse("travel:trip", args=[trip.pk])).status_code == 404
    assert client_for(other).get(reverse("travel:trip_edit", args=[trip.pk])).status_code == 404


def test_lists_by_role(world, employee_user, manager_user, outsider, client_for):
    trip = submitted(world, employee_user)
    mine = client_for(employee_user).get(reverse("travel:my_trips"))
    assert trip.reference in mine.content.decode()
    assert client_for(employee_user).get(reverse("travel:trips")).status_code == 403
    team = client_for(manager_user).get(reverse("travel:trips"))
    assert trip.reference in team.content.decode()
    assert trip.reference not in client_for(outsider).get(reverse("travel:trips")).content.decode()


def test_create_a_trip_through_the_form(world, employee_user, client_for):
    client = client_for(employee_user)
    assert client.get(reverse("travel:trip_create")).status_code == 200
    data = trip_post()
    response = client.post(reverse("travel:trip_create"), data)
    trip = Trip.objects.get(purpose="Audit du site de Marseille")
    assert response.status_code == 302
    assert response["Location"] == reverse("travel:trip", args=[trip.pk])
    assert trip.employee == world.member
    assert trip.destinations.get().place == "Marseille"


def test_bad_dates_show_a_french_error_and_write_nothing(world, employee_user, client_for):
    before = Trip.objects.count()
    response = client_for(employee_user).post(
        reverse("travel:trip_create"),
        {
            "submission_key": "0f6f0d3c9b2a4e5f8a7b6c5d4e3f2a1b",  # the form's one-time token
            "purpose": "Salon",
            "departure_place": "Lyon",
            "start_date": "2026-04-05",
            "end_date": "2026-04-02",
            "distance_km": "300",
            "lodging_nights": "0",
            "meals": "0",
            "advance_requested_amount": "-5",
            "dest-TOTAL_FORMS": "1",
            "dest-INITIAL_FORMS": "0",
            "dest-0-place": "Paris",
            "dest-0-arrival_date": "2026-04-05",
            "dest-0-departure_date": "2026-04-05",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "La date de retour précède la date de départ." in body
    assert "L&#x27;avance demandée ne peut pas être négative." in body
    assert Trip.objects.count() == before


def test_options_side_by_side_with_cheapest_and_fastest(world, employee_user, client_for):
    trip = draft(world, employee_user)
    with_options(trip, employee_user)
    option_add(
        trip=trip,
        mode=TransportMode.COMPANY_CAR,
        duration_minutes=300,
        by=employee_user,
    )
    body = client_for(employee_user).get(reverse("travel:trip", args=[trip.pk])).content.decode()
    assert body.count('data-badge="cheapest"') == 1
    assert body.count('data-badge="fastest"') == 1
    assert "Hors politique" in body  # the plane under 800 km


def test_add_and_choose_an_option_through_the_page(world, employee_user, client_for):
    trip = draft(world, employee_user)
    client = client_for(employee_user)
    response = client.post(
        reverse("travel:option_add", args=[trip.pk]),
        {"mode": "train", "fare_amount": "120,50", "duration_minutes": "125"},
    )
    assert response.status_code == 302
    option = trip.options.get()
    assert option.fare_amount == Decimal("120.50")
    bad = client.post(
        reverse("travel:option_add", args=[trip.pk]), {"mode": "train", "duration_minutes": "90"}
    )
    assert bad.status_code == 200
    assert "Indiquez le prix des billets" in bad.content.decode()
    assert trip.options.count() == 1
    client.post(reverse("travel:option_choose", args=[trip.pk, option.pk]))
    option.refresh_from_db()
    assert option.chosen
    client.post(reverse("travel:trip_submit", args=[trip.pk]))
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED


def test_the_employee_cannot_approve(world, employee_user, client_for):
    trip = submitted(world, employee_user)
    response = client_for(employee_user).post(reverse("travel:trip_approve", args=[trip.pk]))
    assert response.status_code == 403
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED


def test_the_manager_approves_their_team_only(
    world, employee_user, manager_user, hr_manager, client_for
):
    trip = submitted(world, employee_user)
    client = client_for(manager_user)
    assert client.post(reverse("travel:trip_approve", args=[trip.pk])).status_code == 302
    trip.refresh_from_db()
    assert trip.status == TripStatus.MANAGER_APPROVED
    # A colleague elsewhere in the company is outside the manager's team: not even visible.
    other = trip_create(
        employee=world.colleague,
        data=TripInput(
            purpose="Formation",
            departure_place="Lyon",
            start_date=START,
            end_date=START,
            distance_km=100,
            destinations=[
                DestinationInput(place="Grenoble", arrival_date=START, departure_date=START)
            ],
        ),
        by=hr_manager,
    )
    option = option_add(
        trip=other, mode="train", duration_minutes=60, fare_amount=Decimal("30"), by=hr_manager
    )
    option_choose(option=option, by=hr_manager)
    trip_submit(trip=other, by=hr_manager)
    assert client.post(reverse("travel:trip_approve", args=[other.pk])).status_code == 404


def test_reject_page_needs_a_comment(world, employee_user, manager_user, client_for):
    trip = submitted(world, employee_user)
    client = client_for(manager_user)
    url = reverse("travel:trip_reject", args=[trip.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"comment": ""})
    assert "Expliquez au demandeur" in response.content.decode()
    client.post(url, {"comment": "Pas de budget ce trimestre"})
    trip.refresh_from_db()
    assert trip.status == TripStatus.REJECTED
    page = client_for(employee_user).get(reverse("travel:trip", args=[trip.pk])).content.decode()
    assert "Pas de budget ce trimestre" in page


def test_hr_approval_offers_the_mission_order(
    world, employee_user, manager_user, hr_manager, outsider, client_for
):
    trip = submitted(world, employee_user)
    trip_approve(trip=trip, by=manager_user)
    client_for(hr_manager).post(reverse("travel:trip_approve", args=[trip.pk]))
    trip.refresh_from_db()
    assert trip.status == TripStatus.APPROVED
    url = reverse("travel:mission_order", args=[trip.pk])
    assert url in client_for(employee_user).get(trip.get_absolute_url()).content.decode()
    response = client_for(employee_user).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_for(outsider).get(url).status_code == 404


def test_approvers_list_filters_and_exports(world, employee_user, hr_manager, client_for):
    trip = submitted(world, employee_user)
    draft(world, employee_user, purpose="Brouillon à ne pas voir")
    client = client_for(hr_manager)
    body = client.get(reverse("travel:trips")).content.decode()
    assert trip.reference in body
    assert "Brouillon à ne pas voir" not in body
    assert (
        "Brouillon à ne pas voir"
        in client.get(reverse("travel:trips"), {"etat": "tous"}).content.decode()
    )
    later = client.get(reverse("travel:trips"), {"du": "2026-06-01", "etat": "tous"})
    assert trip.reference not in later.content.decode()
    dept = client.get(reverse("travel:trips"), {"service": world.elsewhere.pk})
    assert trip.reference not in dept.content.decode()
    csv = client.get(reverse("travel:trips"), {"export": "csv"})
    assert trip.reference in b"".join(csv.streaming_content).decode("utf-8-sig")
    xlsx = client.get(reverse("travel:trips"), {"export": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_the_employee_page_shows_the_trips_panel(world, employee_user, hr_manager, client_for):
    trip = draft(world, employee_user)
    body = (
        client_for(hr_manager)
        .get(reverse("employees:detail", args=[world.member.pk]))
        .content.decode()
    )
    assert "Déplacements" in body
    assert trip.reference in body

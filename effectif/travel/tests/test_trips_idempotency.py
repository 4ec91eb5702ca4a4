"""A trip request sent twice makes one trip: the form carries a one-time token, stored with
the trip under a unique constraint (author, token). A double click, a page sent again, or six
identical submissions at once give the trip already created; a new display of the form makes
a new request."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from effectif.conftest import logged_in
from effectif.travel.models import Trip
from effectif.travel.services.trips import DestinationInput, TripInput, trip_create_once
from effectif.travel.tests.builders import trip_post
from effectif.travel.tests.racing import together

CREATE = reverse("travel:trip_create")


def _input(purpose: str = "Audit du site de Marseille") -> TripInput:
    return TripInput(
        purpose=purpose,
        departure_place="Lyon",
        start_date=dt.date(2026, 4, 2),
        end_date=dt.date(2026, 4, 3),
        distance_km=315,
        destinations=[
            DestinationInput(
                place="Marseille",
                postal_code="13002",
                arrival_date=dt.date(2026, 4, 2),
                departure_date=dt.date(2026, 4, 3),
            )
        ],
        lodging_nights=1,
        meals=2,
    )


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- the page ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_form_posted_six_times_makes_one_trip(world, employee_user, client_for):
    client = client_for(employee_user)
    data = trip_post()
    responses = [client.post(CREATE, data) for _ in range(6)]
    trip = Trip.objects.get()
    assert [r.status_code for r in responses] == [302] * 6
    assert {r["Location"] for r in responses} == {reverse("travel:trip", args=[trip.pk])}
    assert trip.travellers.get() == world.member
    assert trip.destinations.count() == 1
    # The redirects were not followed: the six messages wait for the next page.
    assert _messages(responses[-1]) == [
        f"Demande {trip.reference} enregistrée : ajoutez les options de transport.",
        *[f"La demande {trip.reference} était déjà enregistrée : la voici."] * 5,
    ]


@pytest.mark.django_db
def test_each_display_of_the_form_has_its_own_token(world, employee_user, client_for):
    client = client_for(employee_user)
    tokens = [client.get(CREATE).context["form"]["submission_key"].value() for _ in range(2)]
    assert all(len(token) == 32 for token in tokens)
    assert tokens[0] != tokens[1]
    assert 'type="hidden" name="submission_key"' in client.get(CREATE).content.decode()
    for token in tokens:
        assert client.post(CREATE, trip_post(submission_key=token)).status_code == 302
    assert Trip.objects.count() == 2


@pytest.mark.django_db
def test_a_form_sent_again_after_a_change_opens_the_trip_it_made(world, employee_user, client_for):
    """Back in the browser after saving, a field changed, sent again: the draft already
    exists (it is edited from its page), no second trip."""
    client = client_for(employee_user)
    data = trip_post()
    first = client.post(CREATE, data)
    again = client.post(CREATE, {**data, "purpose": "Audit et formation à Marseille"})
    trip = Trip.objects.get()
    assert again["Location"] == first["Location"]
    assert trip.purpose == "Audit du site de Marseille"


@pytest.mark.django_db
def test_a_form_without_its_token_is_refused_in_french(world, employee_user, client_for):
    data = trip_post()
    del data["submission_key"]
    response = client_for(employee_user).post(CREATE, data)
    assert response.status_code == 200
    assert "Ce formulaire est incomplet ou a expiré" in response.content.decode()
    assert not Trip.objects.exists()


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token(world, employee_user, client_for):
    client = client_for(employee_user)
    data = trip_post(end_date="2026-03-01")
    response = client.post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"]["submission_key"].value() == data["submission_key"]
    assert client.post(CREATE, trip_post(submission_key=data["submission_key"])).status_code == 302
    assert Trip.objects.count() == 1


# --- the service ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_key_makes_one_trip_per_author(world, employee_user, hr_manager):
    first = trip_create_once(
        employee=world.member, data=_input(), by=employee_user, submission_key="k-1"
    )
    again = trip_create_once(
        employee=world.member, data=_input(), by=employee_user, submission_key="k-1"
    )
    assert (first.replayed, again.replayed) == (False, True)
    assert again.trip.pk == first.trip.pk
    # The key is the author's: HR using the same string make their own request.
    other = trip_create_once(
        employee=world.member, data=_input(), by=hr_manager, submission_key="k-1"
    )
    assert not other.replayed
    assert Trip.objects.count() == 2


@pytest.mark.django_db
def test_a_key_reused_for_other_data_is_refused(world, employee_user):
    first = trip_create_once(
        employee=world.member, data=_input(), by=employee_user, submission_key="k-2"
    )
    with pytest.raises(ValidationError) as refused:
        trip_create_once(
            employee=world.member,
            data=_input("Autre mission"),
            by=employee_user,
            submission_key="k-2",
        )
    assert refused.value.message_dict["submission_key"] == [
        f"Cette clé de soumission a déjà servi à créer la demande {first.trip.reference}, avec "
        "d'autres données : utilisez une nouvelle clé pour une nouvelle demande."
    ]
    assert Trip.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["", " ", "é" * 3, "x" * 65, "a\tb"])
def test_a_malformed_key_is_refused(world, employee_user, key):
    with pytest.raises(ValidationError) as refused:
        trip_create_once(employee=world.member, data=_input(), by=employee_user, submission_key=key)
    assert "submission_key" in refused.value.message_dict
    assert not Trip.objects.exists()


# --- at the same time ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_six_identical_forms_at_once_make_one_trip(world, employee_user):
    data = trip_post()
    clients = [logged_in(employee_user) for _ in range(6)]
    outcomes = together([lambda client=client: client.post(CREATE, data) for client in clients])
    assert [o.error or o.refused for o in outcomes] == [""] * 6
    trip = Trip.objects.get()
    assert {o.value.status_code for o in outcomes} == {302}
    assert {o.value["Location"] for o in outcomes} == {reverse("travel:trip", args=[trip.pk])}
    assert trip.travellers.count() == 1
    assert trip.destinations.count() == 1


@pytest.mark.django_db(transaction=True)
def test_six_identical_creations_at_once_make_one_trip(world, employee_user):
    outcomes = together(
        [
            lambda: trip_create_once(
                employee=world.member, data=_input(), by=employee_user, submission_key="k-3"
            )
            for _ in range(6)
        ]
    )
    assert [o.error or o.refused for o in outcomes] == [""] * 6
    trip = Trip.objects.get()
    assert {o.value.trip.pk for o in outcomes} == {trip.pk}
    assert sorted(o.value.replayed for o in outcomes) == [False] + [True] * 5

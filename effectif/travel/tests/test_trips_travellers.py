"""Fellow travellers are found by searching, not listed: the trip form names only the
travellers already chosen; a search (2 letters at least, 10 answers at most) finds colleagues
of the requester's employer by name — their name only for an employee or a manager, with
their department for HR. Nobody of another employer, no closed file."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from effectif.employees.tests.factories import EmployeeFactory
from effectif.travel.models import Trip
from effectif.travel.selectors.trips import TRAVELLER_RESULTS
from effectif.travel.tests.builders import trip_post

pytestmark = pytest.mark.django_db

CREATE = reverse("travel:trip_create")
SEARCH = reverse("travel:trip_travellers")


@pytest.fixture
def named(world):
    """Names one can search for: the colleague Colin, the manager Marchal, the stranger
    Colombe (another employer)."""
    for person, name in (
        (world.colleague, "Colin"),
        (world.manager_file, "Marchal"),
        (world.stranger, "Colombe"),
    ):
        person.last_name = name
        person.save()
    return world


def test_the_form_lists_no_colleague(named, employee_user, client_for):
    page = client_for(employee_user).get(CREATE).content.decode()
    for person in (named.colleague, named.manager_file, named.stranger):
        assert person.display_name not in page
        assert person.last_name.upper() not in page
    assert 'type="checkbox" name="travellers"' not in page  # none chosen yet: none listed
    assert f'hx-get="{SEARCH}"' in page


def test_the_form_shows_the_travellers_chosen_by_name(named, employee_user, client_for):
    response = client_for(employee_user).post(
        CREATE, trip_post(travellers=[named.colleague.pk], end_date="2026-03-01")
    )
    page = response.content.decode()
    assert response.status_code == 200  # the dates are wrong: the form comes back
    assert named.colleague.display_name in page
    assert f"{named.colleague.display_name} — Ailleurs" not in page
    assert named.manager_file.display_name not in page


def test_an_employee_finds_a_colleague_by_name_only(named, employee_user, client_for):
    client = client_for(employee_user)
    found = client.get(SEARCH, {"q": "col"}).content.decode()
    assert named.colleague.display_name in found
    assert "Ailleurs" not in found  # no department for an employee
    assert named.stranger.display_name not in found  # another employer
    assert named.manager_file.display_name not in found  # not searched for
    assert f'data-traveller="{named.colleague.pk}"' in found


def test_hr_see_the_department(named, hr_manager, client_for):
    found = (
        client_for(hr_manager)
        .get(SEARCH, {"q": "colin", "employee": named.member.pk})
        .content.decode()
    )
    assert f"{named.colleague.display_name} — Ailleurs" in found


def test_one_letter_finds_nobody(named, employee_user, client_for):
    found = client_for(employee_user).get(SEARCH, {"q": "c"}).content.decode()
    assert named.colleague.display_name not in found
    assert "Tapez au moins 2 lettres" in found


def test_at_most_ten_answers(named, employee_user, client_for):
    for _ in range(TRAVELLER_RESULTS + 5):
        EmployeeFactory(employer=named.employer, last_name="Martin")
    found = client_for(employee_user).get(SEARCH, {"q": "martin"}).content.decode()
    assert TRAVELLER_RESULTS == 10
    assert found.count("data-traveller=") == TRAVELLER_RESULTS
    assert "Précisez la recherche" in found


def test_the_requester_and_closed_files_are_not_offered(named, employee_user, client_for):
    named.colleague.file_closed_at = timezone.now()
    named.colleague.save()
    client = client_for(employee_user)
    assert named.colleague.display_name not in client.get(SEARCH, {"q": "colin"}).content.decode()
    me = named.member.last_name
    assert f'data-traveller="{named.member.pk}"' not in (
        client.get(SEARCH, {"q": me}).content.decode()
    )


def test_hr_search_in_the_requester_s_employer(named, hr_manager, client_for):
    client = client_for(hr_manager)
    # HR of employer A only: the stranger of employer B is out of scope whoever the requester.
    found = client.get(SEARCH, {"q": "colombe", "employee": named.member.pk}).content.decode()
    assert named.stranger.display_name not in found
    assert client.get(SEARCH, {"q": "colin", "employee": named.stranger.pk}).status_code == 200
    assert (
        named.colleague.display_name
        not in client.get(SEARCH, {"q": "colin", "employee": named.stranger.pk}).content.decode()
    )


def test_who_may_search(named, outsider, client_for):
    assert client_for(outsider).get(SEARCH, {"q": "colin"}).status_code == 403
    assert Client().get(SEARCH, {"q": "colin"}).status_code == 302  # to the login page


def test_a_colleague_found_is_named_as_traveller(named, employee_user, client_for):
    client = client_for(employee_user)
    response = client.post(
        CREATE, trip_post(purpose="Salon à deux", travellers=[named.colleague.pk])
    )
    assert response.status_code == 302
    trip = Trip.objects.get(purpose="Salon à deux")
    assert set(trip.travellers.all()) == {named.member, named.colleague}

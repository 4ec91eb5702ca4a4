"""HR write for employees, and requesters name their fellow travellers: an expense report
created by HR for an employee without an account (chosen on the page, trips reloaded for
them), a trip request created by HR for an employee, and an employee naming a colleague of
their employer as a traveller (never someone of another employer)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from effectif.core.models import AuditEntry
from effectif.core.roles import Role
from effectif.travel.models import ExpenseReport, Trip
from effectif.travel.services.trips import trip_create
from effectif.travel.tests.builders import DAY, approved_trip, trip_post
from effectif.travel.tests.test_trips_services import trip_input

pytestmark = pytest.mark.django_db


def test_hr_create_a_report_for_an_employee_without_an_account(world, hr_manager, client_for):
    assert world.colleague.user_id is None
    trip = approved_trip(world.colleague)
    other_trip = approved_trip(world.member)
    client = client_for(hr_manager)
    url = reverse("travel:report_create")
    page = client.get(url).content.decode()
    assert 'name="employee"' in page
    assert world.colleague.display_name in page
    # choosing the employee reloads their approved trips (htmx), not another's
    reloaded = client.get(url, {"employee": world.colleague.pk}).content.decode()
    assert trip.reference in reloaded
    assert other_trip.reference not in reloaded
    response = client.post(
        url, {"employee": world.colleague.pk, "title": "Salon de Lyon", "trip": trip.pk}
    )
    report = ExpenseReport.objects.get(title="Salon de Lyon")
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert report.employee == world.colleague
    assert report.trip == trip
    assert AuditEntry.objects.filter(
        target_id=str(report.pk), target_label__contains=report.reference, actor=hr_manager
    ).exists()
    # HR then add its lines
    line = client.post(
        reverse("travel:line_add", args=[report.pk]),
        {
            "category": "repas",
            "expense_date": DAY.isoformat(),
            "merchant": "Brasserie",
            "amount": "19,50",
            "vat_amount": "0",
            "currency": "EUR",
            "meal_kind": "restaurant",
            "guests": "1",
        },
    )
    assert line.status_code == 302
    assert report.lines.get().amount == 19.50


def test_hr_cannot_attach_another_employees_trip(world, hr_manager, client_for):
    other_trip = approved_trip(world.member)
    before = ExpenseReport.objects.count()
    response = client_for(hr_manager).post(
        reverse("travel:report_create"),
        {"employee": world.colleague.pk, "title": "Salon", "trip": other_trip.pk},
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert ExpenseReport.objects.count() == before


def test_hr_must_choose_the_employee_and_cannot_choose_outside_scope(world, hr_manager, client_for):
    client = client_for(hr_manager)
    before = ExpenseReport.objects.count()
    missing = client.post(reverse("travel:report_create"), {"title": "Salon"})
    assert missing.status_code == 200
    assert "obligatoire" in missing.content.decode()
    stranger = client.post(
        reverse("travel:report_create"), {"employee": world.stranger.pk, "title": "Salon"}
    )
    assert stranger.status_code == 200
    assert ExpenseReport.objects.count() == before


def test_an_employee_creates_their_own_report_only(world, employee_user, client_for):
    client = client_for(employee_user)
    page = client.get(reverse("travel:report_create")).content.decode()
    assert 'name="employee"' not in page
    client.post(
        reverse("travel:report_create"), {"employee": world.colleague.pk, "title": "Le mien"}
    )
    assert ExpenseReport.objects.get(title="Le mien").employee == world.member


def test_the_hr_list_offers_to_write_a_report_for_an_employee(world, hr_manager, client_for):
    page = client_for(hr_manager).get(reverse("travel:reports")).content.decode()
    assert "Saisir une note pour un salarié" in page


def test_hr_create_a_trip_for_an_employee(world, hr_manager, client_for):
    client = client_for(hr_manager)
    page = client.get(reverse("travel:trip_create")).content.decode()
    assert world.colleague.display_name in page
    response = client.post(
        reverse("travel:trip_create"), trip_post(employee=world.colleague.pk, purpose="Audit RH")
    )
    trip = Trip.objects.get(purpose="Audit RH")
    assert response.status_code == 302
    assert trip.employee == world.colleague
    assert list(trip.travellers.all()) == [world.colleague]


def test_an_employee_names_a_colleague_as_traveller(world, employee_user, make_user, client_for):
    colleague_user = make_user(Role.EMPLOYEE)
    world.colleague.user = colleague_user
    world.colleague.save()
    client = client_for(employee_user)
    # The form lists nobody; the colleague of the same employer is found by name, never
    # another employer's staff.
    page = client.get(reverse("travel:trip_create")).content.decode()
    assert world.colleague.display_name not in page
    search = reverse("travel:trip_travellers")
    found = client.get(search, {"q": world.colleague.last_name}).content.decode()
    assert world.colleague.display_name in found
    assert world.stranger.display_name not in (
        client.get(search, {"q": world.stranger.last_name}).content.decode()
    )
    response = client.post(
        reverse("travel:trip_create"),
        trip_post(purpose="Salon à deux", travellers=[world.colleague.pk]),
    )
    trip = Trip.objects.get(purpose="Salon à deux")
    assert response.status_code == 302
    assert trip.employee == world.member
    assert set(trip.travellers.all()) == {world.member, world.colleague}
    # the colleague sees the trip they travel on
    mine = client_for(colleague_user).get(reverse("travel:my_trips")).content.decode()
    assert trip.reference in mine
    assert client_for(colleague_user).get(trip.get_absolute_url()).status_code == 200


def test_an_employee_cannot_name_someone_of_another_employer(world, employee_user, client_for):
    before = Trip.objects.count()
    response = client_for(employee_user).post(
        reverse("travel:trip_create"), trip_post(travellers=[world.stranger.pk])
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert Trip.objects.count() == before


def test_the_requester_always_travels(world, employee_user):
    trip = trip_create(
        employee=world.member, data=trip_input(travellers=[world.colleague]), by=employee_user
    )
    assert set(trip.travellers.all()) == {world.member, world.colleague}

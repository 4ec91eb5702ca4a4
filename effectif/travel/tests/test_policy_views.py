"""Travel settings by role: the policy (created on first visit, editors only), the price list
(HR, with filters and exports), and own vehicles (the employee, or HR on their behalf)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import PriceListEntry, TransportMode, TravelPolicy, Vehicle
from effectif.travel.services.policy import fare_save, vehicle_delete
from effectif.travel.tests.factories import PriceListEntryFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def fare(world, **changes) -> PriceListEntry:
    return PriceListEntryFactory(**{"employer": world.employer, **changes})


def test_the_policy_is_created_on_first_visit_and_saved(world, hr_manager, client_for):
    client = client_for(hr_manager)
    response = client.get(reverse("travel:policy"))
    assert response.status_code == 302  # one employer: straight to its policy
    page = client.get(response["Location"])
    assert page.status_code == 200
    policy = TravelPolicy.objects.get(employer=world.employer)
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="travel.TravelPolicy", target_id=str(policy.pk)
    ).exists()
    url = reverse("travel:policy_edit", args=[world.employer.pk])
    data = {
        "meal_cap_amount": "25,00",
        "lodging_cap_amount": "",
        "lodging_cap_paris_amount": "",
        "plane_min_distance_km": "600",
        "own_car_max_distance_km": "350",
        "company_car_cost_per_km": "0,35",
        "receipt_required_from_amount": "0",
        "advance_max_percent": "60",
        "debtor_iban": "",
        "debtor_bic": "",
    }
    assert client.post(url, data).status_code == 302
    policy.refresh_from_db()
    assert policy.meal_cap_amount == Decimal("25.00")
    assert policy.advance_max_percent == 60
    bad = client.post(url, {**data, "advance_max_percent": "120"})
    assert bad.status_code == 200
    policy.refresh_from_db()
    assert policy.advance_max_percent == 60


def test_policy_is_for_employer_editors_only(
    world, hr_assistant, employee_user, outsider, client_for
):
    assert client_for(hr_assistant).get(reverse("travel:policy")).status_code == 403
    assert client_for(employee_user).get(reverse("travel:policy")).status_code == 403
    url = reverse("travel:policy_edit", args=[world.other_employer.pk])
    assert client_for(outsider).get(url).status_code == 403


def test_hr_manager_cannot_open_an_employer_they_are_not_granted(world, hr_manager, client_for):
    url = reverse("travel:policy_edit", args=[world.other_employer.pk])
    assert client_for(hr_manager).get(url).status_code == 404
    assert not TravelPolicy.objects.filter(employer=world.other_employer).exists()


def test_fares_list_filters_and_exports(world, hr_assistant, client_for):
    fare(world)
    fare(world, mode=TransportMode.PLANE, destination="Bordeaux", fare_amount=Decimal("89"))
    client = client_for(hr_assistant)
    body = client.get(reverse("travel:fares")).content.decode()
    assert "Lyon → Paris" in body
    assert "Lyon → Bordeaux" in body
    only_planes = client.get(reverse("travel:fares"), {"mode": "avion"}).content.decode()
    assert "Lyon → Paris" not in only_planes
    assert "Lyon → Bordeaux" in only_planes
    csv = b"".join(client.get(reverse("travel:fares"), {"export": "csv"}).streaming_content)
    assert "Bordeaux" in csv.decode("utf-8-sig")
    assert client.get(reverse("travel:fares"), {"export": "xlsx"}).content[:2] == b"PK"


def test_fares_scope(world, hr_assistant, employee_user, outsider, client_for):
    theirs = fare(world, employer=world.other_employer, origin="Nantes")
    assert client_for(employee_user).get(reverse("travel:fares")).status_code == 403
    assert "Nantes" not in client_for(hr_assistant).get(reverse("travel:fares")).content.decode()
    edit = reverse("travel:fare_edit", args=[theirs.pk])
    assert client_for(hr_assistant).get(edit).status_code == 404
    assert client_for(outsider).get(edit).status_code == 404


def test_create_edit_and_delete_a_fare(world, hr_assistant, client_for):
    client = client_for(hr_assistant)
    data = {
        "employer": world.employer.pk,
        "mode": "train",
        "origin": "Lyon",
        "destination": "Strasbourg",
        "fare_amount": "79,00",
        "duration_minutes": "230",
        "distance_km": "490",
        "travel_class": "2de classe",
        "valid_from": "2026-01-01",
        "valid_to": "",
    }
    assert client.post(reverse("travel:fare_create"), data).status_code == 302
    created = PriceListEntry.objects.get(destination="Strasbourg")
    bad = client.post(
        reverse("travel:fare_edit", args=[created.pk]), {**data, "valid_to": "2025-06-01"}
    )
    assert "La fin de validité précède son début." in bad.content.decode()
    client.post(reverse("travel:fare_delete", args=[created.pk]))
    assert not PriceListEntry.objects.filter(pk=created.pk).exists()
    assert AuditEntry.objects.filter(
        action=AuditAction.DELETE, target_type="travel.PriceListEntry"
    ).exists()


def test_a_fare_to_the_same_place_is_refused(world, hr_manager):
    entry = PriceListEntry(
        employer=world.employer,
        mode=TransportMode.TRAIN,
        origin="Lyon",
        destination=" lyon ",
        fare_amount=Decimal("10"),
        duration_minutes=10,
        valid_from=dt.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        fare_save(fare=entry, by=hr_manager)
    assert "L'arrivée doit différer du départ." in error.value.message_dict["destination"]
    assert not PriceListEntry.objects.exists()


def test_my_vehicles_self_service(world, employee_user, client_for):
    client = client_for(employee_user)
    assert client.get(reverse("travel:my_vehicles")).status_code == 200
    url = reverse("travel:vehicle_create", args=[world.member.pk])
    response = client.post(
        url,
        {
            "label": "Peugeot 208",
            "registration": "ab-123-cd",
            "kind": "voiture",
            "fiscal_power": "5",
            "active": "on",
        },
    )
    assert response.status_code == 302
    vehicle = Vehicle.objects.get(employee=world.member)
    assert vehicle.registration == "AB-123-CD"
    assert "Peugeot 208" in client.get(reverse("travel:my_vehicles")).content.decode()
    bad = client.post(
        url, {"label": "X", "registration": "X", "kind": "voiture", "fiscal_power": "0"}
    )
    assert bad.status_code == 200
    assert Vehicle.objects.filter(employee=world.member).count() == 1


def test_vehicles_scope(world, employee_user, hr_assistant, outsider, client_for):
    car = VehicleFactory(employee=world.colleague, registration="AA-111-AA", fiscal_power=4)
    assert (
        client_for(employee_user).get(reverse("travel:vehicle_edit", args=[car.pk])).status_code
        == 404
    )
    assert (
        client_for(employee_user)
        .get(reverse("travel:vehicle_create", args=[world.colleague.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(outsider)
        .get(reverse("travel:employee_vehicles", args=[world.colleague.pk]))
        .status_code
        == 404
    )
    page = client_for(hr_assistant).get(
        reverse("travel:employee_vehicles", args=[world.colleague.pk])
    )
    assert "Clio" in page.content.decode()


def test_a_vehicle_used_in_a_trip_is_retired_not_deleted(world, employee_user):
    from effectif.travel.services.trips import option_add
    from effectif.travel.tests.test_trips_services import draft

    car = VehicleFactory(employee=world.member, registration="AA-111-AA", fiscal_power=4)
    trip = draft(world, employee_user, distance_km=120)
    option_add(
        trip=trip, mode=TransportMode.OWN_CAR, duration_minutes=90, vehicle=car, by=employee_user
    )
    kept = vehicle_delete(vehicle=car, by=employee_user)
    assert kept is not None
    assert not kept.active
    unused = VehicleFactory(
        employee=world.member, label="Vélo", registration="-", kind="cyclomoteur", fiscal_power=1
    )
    assert vehicle_delete(vehicle=unused, by=employee_user) is None
    assert not Vehicle.objects.filter(pk=unused.pk).exists()

"""`POST /api/v1/trips` with an `Idempotency-Key`: the same key sent again, or by six calls at
once, gives the trip it created (201 the first time, 200 with `Idempotent-Replayed: true`
after) and writes nothing more; the same key with another body is a 422; without a key, each
call creates a trip. The header is in the OpenAPI document of the operation."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import bearer_client, fields_of
from effectif.api.tests.travel_builders import JSON, post, trip_body
from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import Trip
from effectif.travel.tests.racing import together

TRIPS = "/api/v1/trips"


def keyed(client, body, key):
    return client.post(TRIPS, body, content_type=JSON, headers={"Idempotency-Key": key})


@pytest.mark.django_db
def test_the_same_key_gives_the_same_trip(world, api_for):
    client = api_for("employee")
    first = keyed(client, trip_body(), "7d0c2a4e-6f1b-4f0e-9a51-2c3e8d9b1a00")
    again = keyed(client, trip_body(), "7d0c2a4e-6f1b-4f0e-9a51-2c3e8d9b1a00")
    assert first.status_code == 201, first.content
    assert again.status_code == 200, again.content
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    trip = Trip.objects.get()
    assert trip.pk == first.json()["id"]
    created = AuditEntry.objects.filter(target_type="travel.Trip", action=AuditAction.CREATE)
    assert created.count() == 1


@pytest.mark.django_db
def test_another_key_or_no_key_makes_another_trip(world, api_for):
    client = api_for("employee")
    assert keyed(client, trip_body(), "cle-1").status_code == 201
    assert keyed(client, trip_body(), "cle-2").status_code == 201
    assert post(client, TRIPS, trip_body()).status_code == 201
    assert post(client, TRIPS, trip_body()).status_code == 201
    assert Trip.objects.count() == 4


@pytest.mark.django_db
def test_a_key_is_its_author_s(world, api_for):
    body = trip_body(employee=world.employee_file.pk)
    assert keyed(api_for("employee"), body, "cle-commune").status_code == 201
    assert keyed(api_for("hr_manager"), body, "cle-commune").status_code == 201
    assert Trip.objects.count() == 2


@pytest.mark.django_db
def test_the_same_key_with_another_body_is_refused(world, api_for):
    client = api_for("employee")
    first = keyed(client, trip_body(), "cle-3")
    other = keyed(client, trip_body(purpose="Une autre mission"), "cle-3")
    reference = first.json()["reference"]
    assert fields_of(other) == {
        "Idempotency-Key": f"Cette clé de soumission a déjà servi à créer la demande {reference}, "
        "avec d'autres données : utilisez une nouvelle clé pour une nouvelle demande."
    }
    assert Trip.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["x" * 65, "clé"])
def test_a_malformed_key_is_refused(world, api_for, key):
    response = keyed(api_for("employee"), trip_body(), key)
    assert "Idempotency-Key" in fields_of(response)
    assert not Trip.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_six_calls_at_once_with_the_same_key_make_one_trip(world, employee_user):
    clients = [bearer_client(employee_user) for _ in range(6)]
    outcomes = together(
        [lambda client=client: keyed(client, trip_body(), "cle-simultanee") for client in clients]
    )
    assert [o.error or o.refused for o in outcomes] == [""] * 6
    trip = Trip.objects.get()
    assert sorted(o.value.status_code for o in outcomes) == [200] * 5 + [201]
    assert {o.value.json()["id"] for o in outcomes} == {trip.pk}


@pytest.mark.django_db
def test_the_openapi_document_describes_the_header(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"][TRIPS]["post"]
    header = next(p for p in operation["parameters"] if p["name"] == "Idempotency-Key")
    assert header["in"] == "header"
    assert not header.get("required", False)
    assert "même demande" in header["description"]
    assert {"200", "201", "422"} <= set(operation["responses"])
    assert "Idempotency-Key" in operation["description"]

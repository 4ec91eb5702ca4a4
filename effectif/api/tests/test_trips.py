"""/api/v1/trips per role: the scope of the pages (own trips as requester or traveller, the
manager's team, HR's employers), filters, pagination, detail with destinations, travellers and
options; out of scope is a 404."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest

from effectif.api.tests.conftest import ROLES, ids
from effectif.travel.models import TripOption, TripStatus
from effectif.travel.tests.factories import TripDestinationFactory, TripFactory

pytestmark = pytest.mark.django_db
_numbers = itertools.count(1)


def make_trip(employee, *, start=dt.date(2026, 3, 10), days=2, status=TripStatus.APPROVED, **extra):
    trip = TripFactory(
        employee=employee,
        reference=f"OM-API{next(_numbers):04d}",
        purpose="Salon du mobilier, Paris",
        start_date=start,
        end_date=start + dt.timedelta(days=days),
        distance_km=465,
        lodging_nights=days,
        meals=2 * days,
        estimated_cost_amount=Decimal("612.40"),
        status=status,
        **extra,
    )
    trip.travellers.add(employee)
    return trip


@pytest.fixture
def trips(world):
    shared = make_trip(world.colleague, start=dt.date(2026, 5, 4), status=TripStatus.SUBMITTED)
    shared.travellers.add(world.employee_file)  # the employee travels on a colleague's trip
    return {
        "employee": make_trip(world.employee_file, start=dt.date(2026, 3, 10)),
        "colleague": make_trip(world.colleague, start=dt.date(2026, 4, 1), status=TripStatus.DRAFT),
        "shared": shared,
        "stranger": make_trip(world.stranger, start=dt.date(2026, 3, 12)),
    }


EXPECTED = {
    "admin": {"employee", "colleague", "shared", "stranger"},
    "hr_manager": {"employee", "colleague", "shared"},
    "hr_assistant": {"employee", "colleague", "shared"},
    "manager": {"employee"},  # their team's, not another department's
    "employee": {"employee", "shared"},  # as requester, and as traveller
}


@pytest.mark.parametrize("role", ROLES)
def test_list_and_detail_by_role(api_for, trips, role):
    client = api_for(role)
    listed = client.get("/api/v1/trips")
    if role == "anonymous":
        assert listed.status_code == 401
        assert client.get(f"/api/v1/trips/{trips['employee'].pk}").status_code == 401
        return
    expected = EXPECTED.get(role, set())
    assert listed.status_code == 200
    assert ids(listed) == {trips[name].pk for name in expected}
    assert listed.json()["count"] == len(expected)
    for name, trip in trips.items():
        detail = client.get(f"/api/v1/trips/{trip.pk}")
        assert detail.status_code == (200 if name in expected else 404), (name, role)


def test_detail_has_destinations_travellers_and_options(api_for, world, trips):
    trip = trips["employee"]
    trip.travellers.add(world.manager_file)
    TripDestinationFactory(trip=trip, position=1)
    train = TripOption.objects.create(
        trip=trip,
        mode="train",
        fare_amount=Decimal("142.00"),
        duration_minutes=120,
        transport_cost_amount=Decimal("142.00"),
        allowances_amount=Decimal("470.40"),
        total_cost_amount=Decimal("612.40"),
        chosen=True,
    )
    plane = TripOption.objects.create(
        trip=trip,
        mode="avion",
        fare_amount=Decimal("98.00"),
        duration_minutes=75,
        total_cost_amount=Decimal("568.40"),
        within_policy=False,
        policy_reason="Avion interdit en dessous de 500 km.",
    )
    body = api_for("manager").get(f"/api/v1/trips/{trip.pk}").json()
    assert body["reference"] == trip.reference
    assert body["employee"]["name"] == world.employee_file.display_name
    assert body["department"] == {"id": world.team.pk, "name": str(world.team)}
    assert (body["status"], body["status_label"]) == ("approved", "Approuvé")
    assert Decimal(body["estimated_cost_amount"]) == Decimal("612.40")
    assert [d["postal_code"] for d in body["destinations"]] == ["75015"]
    assert {t["id"] for t in body["travellers"]} == {world.employee_file.pk, world.manager_file.pk}
    options = {o["id"]: o for o in body["options"]}
    assert options[train.pk]["chosen"] is True
    assert options[plane.pk]["policy_reason"] == "Avion interdit en dessous de 500 km."
    # The plane is cheaper but out of policy; it is the fastest.
    assert (body["cheapest_option"], body["fastest_option"]) == (train.pk, plane.pk)
    assert body["has_mission_order"] is False


def test_filters(api_for, world, trips):
    client = api_for("hr_manager")

    def listed(query):
        response = client.get(f"/api/v1/trips?{query}")
        assert response.status_code == 200, response.content
        return ids(response)

    assert listed("status=approved") == {trips["employee"].pk}
    assert listed(f"employee={world.colleague.pk}") == {trips["colleague"].pk, trips["shared"].pk}
    # Under way during the period: ends on or after `from`, starts on or before `to`.
    assert listed("from=2026-03-12&to=2026-04-30") == {trips["employee"].pk, trips["colleague"].pk}
    assert listed("from=2026-05-05") == {trips["shared"].pk}
    refused = client.get("/api/v1/trips?from=12/03/2026")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["message"].startswith("Date invalide")


def test_pagination(api_for, world, trips):
    for day in range(1, 6):
        make_trip(world.colleague, start=dt.date(2026, 1, day))
    client = api_for("hr_assistant")
    first = client.get("/api/v1/trips?limit=3").json()
    second = client.get("/api/v1/trips?limit=3&offset=3").json()
    assert first["count"] == second["count"] == 8
    assert len(first["items"]) == 3
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    # Latest departure first.
    assert first["items"][0]["start_date"] == "2026-05-04"
    assert client.get("/api/v1/trips?limit=500").status_code == 422


def test_list_reads_in_constant_queries(api_for, world, trips, django_assert_max_num_queries):
    for day in range(1, 11):
        make_trip(world.colleague, start=dt.date(2026, 1, day))
    client = api_for("hr_manager")
    with django_assert_max_num_queries(8):
        assert client.get("/api/v1/trips").status_code == 200


def test_unknown_trip_is_404(api_for, trips):
    response = api_for("admin").get("/api/v1/trips/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Introuvable, ou hors de votre périmètre."}


def test_the_openapi_document_still_builds(client):
    document = client.get("/api/v1/openapi.json").json()
    assert set(document["paths"]["/api/v1/trips"]) >= {"get"}
    assert "get" in document["paths"]["/api/v1/trips/{trip_id}"]
    params = {p["name"] for p in document["paths"]["/api/v1/trips"]["get"]["parameters"]}
    assert {"status", "employee", "from", "to", "limit", "offset"} <= params

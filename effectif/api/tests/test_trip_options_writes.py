"""Writing trips through /api/v1/trips: transport options with their references in scope,
travellers as the pages offer them, and bad input refused in French naming the field, with
nothing written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from effectif.api.tests.conftest import fields_of
from effectif.api.tests.travel_builders import (
    JSON,
    START,
    post,
    trip_body,
    trip_draft,
)
from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import (
    PriceListEntry,
    TransportMode,
    Trip,
    TripOption,
    Vehicle,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

# --- options -------------------------------------------------------------------------------


def lyon_paris(employer) -> PriceListEntry:
    """A train fare of the employer's price list, matching the drafts' route."""
    return PriceListEntry.objects.create(
        employer=employer,
        mode=TransportMode.TRAIN,
        origin="Lyon",
        destination="Paris",
        fare_amount=Decimal("70"),
        duration_minutes=115,
        valid_from=dt.date(2026, 1, 1),
    )


def test_options_references_in_scope_removal_and_other_trips(world, api_for, employee_user):
    trip = trip_draft(world.employee_file, employee_user)
    employee = api_for("employee")
    base = f"/api/v1/trips/{trip.pk}/options"
    foreign_fare = lyon_paris(world.other_employer)
    colleague_car = Vehicle.objects.create(
        employee=world.colleague, label="Clio", registration="AA-001-AA", fiscal_power=4
    )
    refused = post(
        employee,
        base,
        {"mode": "train", "price_list_entry": foreign_fare.pk, "duration_minutes": 1},
    )
    assert fields_of(refused) == {
        "price_list_entry": f"Aucun élément n°{foreign_fare.pk} dans votre périmètre."
    }
    refused = post(
        employee,
        base,
        {"mode": "vehicule_personnel", "vehicle": colleague_car.pk, "duration_minutes": 300},
    )
    assert fields_of(refused)["vehicle"].startswith("Aucun élément n°")
    missing = post(employee, base, {"mode": "train", "duration_minutes": 120})
    assert "prix des billets" in fields_of(missing)["fare_amount"]
    assert not TripOption.objects.exists()

    fare = lyon_paris(world.employer)
    from_fare = post(employee, base, {"mode": "train", "price_list_entry": fare.pk})
    assert from_fare.status_code == 201, from_fare.content
    assert (Decimal(from_fare.json()["fare_amount"]), from_fare.json()["duration_minutes"]) == (
        Decimal("140.00"),
        115,
    )
    option_id = from_fare.json()["id"]
    other = trip_draft(world.employee_file, employee_user)
    assert employee.delete(f"/api/v1/trips/{other.pk}/options/{option_id}").status_code == 404
    assert api_for("manager").delete(f"{base}/{option_id}").status_code == 404  # a draft
    assert api_for("hr_ungranted").delete(f"{base}/{option_id}").status_code == 404
    removed = employee.delete(f"{base}/{option_id}")
    assert (removed.status_code, removed.content) == (204, b"")
    assert not TripOption.objects.exists()
    assert AuditEntry.objects.filter(
        target_type="travel.TripOption", target_id=str(option_id), action=AuditAction.DELETE
    ).exists()


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"end_date": str(START - dt.timedelta(days=1))},
            "end_date",
            "La date de retour précède la date de départ.",
        ),
        (
            {"advance_requested_amount": "-50"},
            "advance_requested_amount",
            "L'avance demandée ne peut pas être négative.",
        ),
        ({"distance_km": 0}, "distance_km", "La distance aller doit être d'au moins 1 km."),
        ({"destinations": []}, "destinations", "Indiquez au moins une destination."),
        (
            {"start_date": "12/03/2026"},
            "start_date",
            "Date invalide : utilisez le format AAAA-MM-JJ.",
        ),
        (
            {"destinations": [{"place": "Paris", "arrival_date": "2026-03-12"}]},
            "destinations.0.departure_date",
            "Ce champ est obligatoire.",
        ),
        ({"travellers": [999_999]}, "travellers", "Aucun élément n°999999 dans votre périmètre."),
        ({"department": 999_999}, "department", "Aucun élément n°999999 dans votre périmètre."),
        ({"purpose": None}, "purpose", "Saisissez un texte."),
        ({"budget": 12}, "budget", "Ce champ est inconnu ou ne peut pas être modifié ainsi."),
    ],
)
def test_bad_input_is_refused_in_french_and_writes_nothing(world, api_for, changes, field, message):
    client = api_for("employee")
    audits = AuditEntry.objects.count()
    response = post(client, "/api/v1/trips", trip_body(**changes))
    assert fields_of(response)[field] == message
    assert not Trip.objects.exists()
    assert AuditEntry.objects.count() == audits


def test_a_change_refuses_to_empty_a_required_field(world, api_for, employee_user):
    trip = trip_draft(world.employee_file, employee_user)
    response = api_for("employee").patch(
        f"/api/v1/trips/{trip.pk}", {"start_date": None, "department": None}, content_type=JSON
    )
    assert fields_of(response) == {"start_date": "Ce champ ne peut pas être vide."}
    trip.refresh_from_db()
    assert trip.start_date == START


def test_travellers_are_those_the_pages_offer(world, api_for, employee_user):
    """Open files of the trip's employer that the user may name, as in the form's list."""
    trip = trip_draft(world.employee_file, employee_user)
    path = f"/api/v1/trips/{trip.pk}"
    added = api_for("hr_manager").patch(
        path, {"travellers": [world.employee_file.pk, world.colleague.pk]}, content_type=JSON
    )
    assert added.status_code == 200, added.content
    assert {t["id"] for t in added.json()["travellers"]} == {
        world.employee_file.pk,
        world.colleague.pk,
    }
    # Another employer's staff, even for the administrator who sees them: not offered.
    stranger = api_for("admin").patch(path, {"travellers": [world.stranger.pk]}, content_type=JSON)
    assert fields_of(stranger) == {
        "travellers": f"Aucun élément n°{world.stranger.pk} dans votre périmètre."
    }
    world.colleague.file_closed_at = timezone.now()
    world.colleague.save()
    closed = api_for("hr_manager").patch(
        path, {"travellers": [world.colleague.pk]}, content_type=JSON
    )
    assert fields_of(closed)["travellers"].startswith("Aucun élément n°")
    assert set(trip.travellers.all()) == {world.employee_file, world.colleague}


def test_the_openapi_document_lists_the_writes(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/trips"]) == {"get", "post"}
    assert set(paths["/api/v1/trips/{trip_id}"]) == {"get", "patch"}
    assert set(paths["/api/v1/trips/{trip_id}/options/{option_id}"]) == {"delete"}
    for action in ("submit", "approve", "reject", "cancel"):
        responses = paths[f"/api/v1/trips/{{trip_id}}/{action}"]["post"]["responses"]
        assert {"200", "401", "403", "404", "422"} <= set(responses)

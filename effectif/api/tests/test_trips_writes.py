"""Writing trips through /api/v1/trips per role (the employee, the manager of the team, a
manager outside it, HR, HR of another employer, an outsider, anonymous): the draft, its
options and the workflow through the services, audited; 404 out of scope, 403 for an action
that is not the user's, 422 in French naming the field, with nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from effectif.api.tests.conftest import CALLERS, fields_of
from effectif.api.tests.travel_builders import (
    CREATE_FOR_THE_EMPLOYEE,
    FORBIDDEN,
    JSON,
    START,
    at_status,
    draft_writers,
    post,
    trip_body,
    trip_draft,
    trip_submitted,
)
from effectif.core.models import AuditAction, AuditEntry
from effectif.travel.models import (
    Trip,
    TripStatus,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def trip_audit(trip, **filters):
    return AuditEntry.objects.filter(target_type="travel.Trip", target_id=str(trip.pk), **filters)


# --- per role ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", CALLERS)
def test_create_for_the_employee_by_role(world, api_for, role):
    response = post(api_for(role), "/api/v1/trips", trip_body(employee=world.employee_file.pk))
    expected = CREATE_FOR_THE_EMPLOYEE[role]
    assert response.status_code == expected, (role, response.content)
    if expected == 201:
        created = response.json()
        assert created["status"] == "draft"
        assert created["reference"].startswith("OM-")
        assert created["employee"]["id"] == world.employee_file.pk
        assert created["department"]["id"] == world.team.pk  # the requester's by default
        assert [d["place"] for d in created["destinations"]] == ["Paris"]
        assert [t["id"] for t in created["travellers"]] == [world.employee_file.pk]
        trip = Trip.objects.get(pk=created["id"])
        assert trip_audit(trip, action=AuditAction.CREATE).exists()
    else:
        assert not Trip.objects.exists()
    if expected == 403:
        assert response.json() == FORBIDDEN
    if expected == 422:
        assert fields_of(response)["employee"].startswith("Aucun élément n°")


@pytest.mark.parametrize("role", ["employee", "manager", "hr_manager"])
def test_create_for_oneself(world, api_for, role):
    response = post(api_for(role), "/api/v1/trips", trip_body())
    if role == "hr_manager":  # no personnel file of their own
        assert fields_of(response) == {"employee": "Aucun dossier n'est rattaché à votre compte."}
        return
    assert response.status_code == 201, response.content
    own = world.employee_file if role == "employee" else world.manager_file
    assert response.json()["employee"]["id"] == own.pk


EDIT_DRAFT = draft_writers(200)


@pytest.mark.parametrize("role", CALLERS)
def test_edit_a_draft_by_role(world, api_for, employee_user, role):
    trip = trip_draft(world.employee_file, employee_user)
    response = api_for(role).patch(
        f"/api/v1/trips/{trip.pk}", {"purpose": "Audit du site de Paris"}, content_type=JSON
    )
    assert response.status_code == EDIT_DRAFT[role], (role, response.content)
    trip.refresh_from_db()
    changed = response.status_code == 200
    assert (trip.purpose == "Audit du site de Paris") is changed
    assert trip_audit(trip, action=AuditAction.UPDATE).exists() is changed
    if changed:  # what was not given is kept
        assert response.json()["destinations"][0]["postal_code"] == "75015"
        assert response.json()["lodging_nights"] == 1


APPROVE_SUBMITTED = {
    "admin": 422,  # HR approves after the manager: not at this step
    "hr_manager": 422,
    "hr_assistant": 422,
    "hr_ungranted": 404,
    "manager": 200,
    "manager_outside": 404,
    "employee": 403,  # never one's own
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", CALLERS)
def test_approve_a_submitted_trip_by_role(world, api_for, employee_user, role):
    trip = trip_submitted(world.employee_file, employee_user)
    response = post(api_for(role), f"/api/v1/trips/{trip.pk}/approve")
    expected = APPROVE_SUBMITTED[role]
    assert response.status_code == expected, (role, response.content)
    trip.refresh_from_db()
    assert (trip.status == TripStatus.MANAGER_APPROVED) is (expected == 200)
    if expected == 422:
        assert fields_of(response) == {"status": at_status("En attente du manager")}
    if expected == 403:
        assert response.json() == FORBIDDEN


@pytest.mark.parametrize("role", CALLERS)
def test_cancel_by_role(world, api_for, employee_user, role):
    trip = trip_draft(world.employee_file, employee_user)
    response = post(api_for(role), f"/api/v1/trips/{trip.pk}/cancel", {"comment": "Salon reporté"})
    assert response.status_code == EDIT_DRAFT[role], (role, response.content)
    trip.refresh_from_db()
    assert (trip.status == TripStatus.CANCELLED) is (response.status_code == 200)


def test_a_submitted_trip_is_withdrawn_by_its_requester_not_by_the_manager(
    world, api_for, employee_user
):
    trip = trip_submitted(world.employee_file, employee_user)
    path = f"/api/v1/trips/{trip.pk}/cancel"
    assert post(api_for("manager"), path).json() == FORBIDDEN
    done = post(api_for("employee"), path, {"comment": "Salon annulé"})
    assert (done.status_code, done.json()["status"]) == (200, "cancelled")
    assert trip_audit(trip, detail="Demande annulée", actor=employee_user).exists()


# --- the workflow --------------------------------------------------------------------------


def test_the_whole_workflow_through_the_api(world, api_for):
    employee, manager, hr = api_for("employee"), api_for("manager"), api_for("hr_manager")
    created = post(employee, "/api/v1/trips", trip_body(advance_requested_amount="100.00"))
    assert created.status_code == 201, created.content
    trip_id = created.json()["id"]
    base = f"/api/v1/trips/{trip_id}"

    train = post(
        employee,
        f"{base}/options",
        {"mode": "train", "duration_minutes": 120, "fare_amount": "140.00"},
    )
    assert train.status_code == 201, train.content
    assert train.json()["within_policy"] is True
    assert Decimal(train.json()["total_cost_amount"]) > Decimal("140")
    plane = post(
        employee, f"{base}/options", {"mode": "avion", "duration_minutes": 75, "fare_amount": "260"}
    )
    assert plane.status_code == 201, plane.content
    # Nothing chosen yet: the submission is refused, in French.
    refused = post(employee, f"{base}/submit")
    assert fields_of(refused) == {
        "__all__": "Choisissez l'option de transport retenue avant de soumettre."
    }
    chosen = post(employee, f"{base}/options/{train.json()['id']}/choose")
    assert (chosen.status_code, chosen.json()["chosen"]) == (200, True)

    sent = post(employee, f"{base}/submit")
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "submitted"
    assert Decimal(sent.json()["estimated_cost_amount"]) == Decimal(
        train.json()["total_cost_amount"]
    )
    assert sent.json()["fastest_option"] == plane.json()["id"]
    # Submitted: no longer the employee's to change.
    late = employee.patch(base, {"purpose": "Autre"}, content_type=JSON)
    assert fields_of(late) == {"status": at_status("En attente du manager")}

    seen = post(manager, f"{base}/approve", {"comment": "OK pour le salon"})
    assert seen.status_code == 200, seen.content
    assert seen.json()["status"] == "manager_approved"
    assert fields_of(post(manager, f"{base}/approve")) == {  # HR's step
        "status": at_status("En attente des RH")
    }
    done = post(hr, f"{base}/approve")
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["has_mission_order"]) == ("approved", True)
    assert done.json()["decision_comment"] == "OK pour le salon"

    trip = Trip.objects.get(pk=trip_id)
    details = set(trip_audit(trip).values_list("detail", flat=True))
    assert {
        "Demande soumise",
        "Demande validée par le manager",
        "Demande approuvée",
        "Ordre de mission établi",
    } <= details
    assert trip_audit(trip, action=AuditAction.CREATE, actor=world.employee_file.user).exists()
    assert (
        AuditEntry.objects.filter(
            target_type="travel.TripOption", action=AuditAction.CREATE
        ).count()
        == 2
    )


def test_reject_needs_a_comment(world, api_for, employee_user):
    trip = trip_submitted(world.employee_file, employee_user)
    manager = api_for("manager")
    refused = post(manager, f"/api/v1/trips/{trip.pk}/reject", {"comment": "  "})
    assert fields_of(refused) == {"comment": "Expliquez au demandeur pourquoi vous refusez."}
    trip.refresh_from_db()
    assert trip.status == TripStatus.SUBMITTED
    done = post(manager, f"/api/v1/trips/{trip.pk}/reject", {"comment": "Budget épuisé"})
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["decision_comment"]) == ("rejected", "Budget épuisé")
    # Rejected: closed for everyone, cancelling included.
    again = post(api_for("employee"), f"/api/v1/trips/{trip.pk}/cancel")
    assert fields_of(again) == {"__all__": "Ce déplacement ne peut plus être annulé."}


def test_hr_approves_at_once_a_trip_without_a_manager(world, api_for, manager_user):
    """The manager's own trip has no one above them: HR approves both steps at once."""
    stop = {"place": "Nantes", "arrival_date": str(START), "departure_date": str(START)}
    manager = api_for("manager")
    created = post(
        manager,
        "/api/v1/trips",
        trip_body(destinations=[stop], end_date=str(START), lodging_nights=0, meals=1),
    )
    base = f"/api/v1/trips/{created.json()['id']}"
    option = post(manager, f"{base}/options", {"mode": "vehicule_service", "duration_minutes": 240})
    post(manager, f"{base}/options/{option.json()['id']}/choose")
    assert post(manager, f"{base}/submit").status_code == 200
    assert post(manager, f"{base}/approve").status_code == 403  # not their own
    done = post(api_for("hr_assistant"), f"{base}/approve")
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "approved"

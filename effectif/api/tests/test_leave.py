"""/api/v1/leave-requests and /api/v1/employees/{id}/leave-balances, for every role."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from effectif.api.tests.conftest import ROLES, fields_of, ids
from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.defaults import leave_types_install_defaults
from effectif.leave.models import LeaveRequest, LeaveType, Status
from effectif.leave.services import leave_request_submit
from effectif.rules.leave.counting import Span

pytestmark = pytest.mark.django_db
JSON = "application/json"
MON = date(2026, 6, 8)


@pytest.fixture(autouse=True)
def _today(time_machine):
    time_machine.move_to(datetime(2026, 6, 1, 9, tzinfo=ZoneInfo("Europe/Paris")), tick=False)


@pytest.fixture
def cp(world):
    leave_types_install_defaults(employer=world.employer, by=None)
    cp = LeaveType.objects.get(employer=world.employer, code="cp")
    acquisitions_post(leave_type=cp, up_to=date(2026, 5, 31))
    return cp


@pytest.fixture
def pending(world, cp, employee_user):
    return leave_request_submit(
        employee=world.employee_file, leave_type=cp, span=Span(MON, MON), by=employee_user
    ).request


LIST = {
    "admin": True,
    "hr_manager": True,
    "hr_ungranted": False,
    "hr_assistant": True,
    "manager": True,
    "employee": True,
    "outsider": False,
}


@pytest.mark.parametrize("role", ROLES)
def test_list(api_for, pending, role):
    response = api_for(role).get("/api/v1/leave-requests")
    if role == "anonymous":
        assert response.status_code == 401
        return
    assert response.status_code == 200
    assert (pending.pk in ids(response)) is LIST[role]


CREATE_OWN = {
    "admin": 422,  # no file of their own
    "hr_manager": 422,
    "hr_ungranted": 422,
    "hr_assistant": 422,
    "manager": 201,
    "employee": 201,
    "outsider": 422,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_create_for_oneself(api_for, cp, world, role):
    body = {"leave_type": "cp", "start_date": "2026-06-15", "end_date": "2026-06-19"}
    response = api_for(role).post("/api/v1/leave-requests", body, content_type=JSON)
    assert response.status_code == CREATE_OWN[role], response.content
    if response.status_code == 201:
        data = response.json()
        assert data["amount"] == "6.00"  # Monday to Friday: six jours ouvrables
        assert data["status"] == "submitted"


ON_BEHALF = {
    "admin": 201,
    "hr_manager": 201,
    "hr_ungranted": 422,  # the employee is out of their scope
    "hr_assistant": 201,
    "manager": 403,
    "employee": 201,  # their own file
    "outsider": 422,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_create_for_the_employee(api_for, cp, world, role):
    body = {
        "employee": world.employee_file.pk,
        "leave_type": cp.pk,
        "start_date": "2026-06-15",
        "end_date": "2026-06-15",
    }
    response = api_for(role).post("/api/v1/leave-requests", body, content_type=JSON)
    assert response.status_code == ON_BEHALF[role], response.content
    if role in {"admin", "hr_manager", "hr_assistant"}:
        assert response.json()["status"] == Status.APPROVED


APPROVE = {
    "admin": 200,
    "hr_manager": 200,
    "hr_ungranted": 404,
    "hr_assistant": 200,
    "manager": 200,
    "employee": 403,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_approve(api_for, pending, role):
    response = api_for(role).post(
        f"/api/v1/leave-requests/{pending.pk}/approve", {"comment": "ok"}, content_type=JSON
    )
    assert response.status_code == APPROVE[role], response.content
    pending.refresh_from_db()
    assert (pending.status == Status.APPROVED) is (APPROVE[role] == 200)


@pytest.mark.parametrize("role", ROLES)
def test_refuse(api_for, pending, role):
    response = api_for(role).post(
        f"/api/v1/leave-requests/{pending.pk}/refuse", {"comment": "Inventaire"}, content_type=JSON
    )
    assert response.status_code == APPROVE[role], response.content


CANCEL = {**APPROVE, "manager": 403, "employee": 200}


@pytest.mark.parametrize("role", ROLES)
def test_cancel(api_for, pending, role):
    response = api_for(role).post(
        f"/api/v1/leave-requests/{pending.pk}/cancel", {}, content_type=JSON
    )
    assert response.status_code == CANCEL[role], response.content


def test_french_422_errors(api_for, cp, pending):
    client = api_for("employee")
    overlap = client.post(
        "/api/v1/leave-requests",
        {"leave_type": "cp", "start_date": "2026-06-08", "end_date": "2026-06-09"},
        content_type=JSON,
    )
    assert "chevauche une autre absence" in fields_of(overlap)["__all__"]
    backwards = client.post(
        "/api/v1/leave-requests",
        {"leave_type": "cp", "start_date": "2026-06-19", "end_date": "2026-06-15"},
        content_type=JSON,
    )
    assert fields_of(backwards) == {
        "end_date": "La date de fin ne peut pas précéder la date de début."
    }
    saturday = client.post(
        "/api/v1/leave-requests",
        {
            "leave_type": "cp",
            "start_date": "2026-06-13",
            "end_date": "2026-06-13",
            "start_afternoon": True,
        },
        content_type=JSON,
    )
    assert "pas un jour travaillé" in fields_of(saturday)["__all__"]
    unknown = client.post(
        "/api/v1/leave-requests",
        {"leave_type": "nope", "start_date": "2026-06-15", "end_date": "2026-06-15"},
        content_type=JSON,
    )
    assert "leave_type" in fields_of(unknown)
    refusal = api_for("manager").post(
        f"/api/v1/leave-requests/{pending.pk}/refuse", {}, content_type=JSON
    )
    assert fields_of(refusal) == {"comment": "Indiquez le motif du refus."}
    api_for("manager").post(f"/api/v1/leave-requests/{pending.pk}/approve", {}, content_type=JSON)
    again = api_for("manager").post(
        f"/api/v1/leave-requests/{pending.pk}/approve", {}, content_type=JSON
    )
    assert "déjà été traitée" in fields_of(again)["status"]
    assert LeaveRequest.objects.count() == 1


BALANCES = {
    "admin": 200,
    "hr_manager": 200,
    "hr_ungranted": 404,
    "hr_assistant": 200,
    "manager": 200,
    "employee": 200,
    "outsider": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize("role", ROLES)
def test_balances(api_for, world, cp, role):
    response = api_for(role).get(
        f"/api/v1/employees/{world.employee_file.pk}/leave-balances?date=2026-05-31"
    )
    assert response.status_code == BALANCES[role], response.content
    if response.status_code == 200:
        data = response.json()
        [balance] = data["balances"]
        assert balance["leave_type"]["code"] == "cp"
        assert balance["remaining"] == "60.00"  # hired 01/01/2024: 2 × 30 days
        assert {p["period"] for p in balance["periods"]} >= {"2025-2026"}


def test_balances_of_a_stranger_and_a_bad_date(api_for, world, cp):
    client = api_for("hr_manager")
    assert client.get(f"/api/v1/employees/{world.stranger.pk}/leave-balances").status_code == 404
    bad = client.get(f"/api/v1/employees/{world.employee_file.pk}/leave-balances?date=31/05/2026")
    assert "AAAA-MM-JJ" in fields_of(bad)["date"]

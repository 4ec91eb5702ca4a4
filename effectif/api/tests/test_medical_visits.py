"""/api/v1/medical-visits per role: HR of the employer lists, adds, plans and records outcomes;
the employee reads their own; a manager gets nothing of the team's health."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from effectif.api.tests.conftest import HR, ROLES, fields_of, ids
from effectif.core.models import AuditAction, AuditEntry
from effectif.health.models import MedicalVisit, Status, VisitKind
from effectif.health.services import visit_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits(world, hr_manager, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)
    return {
        name: visit_create(
            employee=employee,
            kind=VisitKind.VIP_INITIAL,
            due_date=dt.date(2026, 4, 1),
            by=hr_manager,
        )
        for name, employee in (
            ("employee", world.employee_file),
            ("colleague", world.colleague),
            ("stranger", world.stranger),
        )
    }


@pytest.mark.parametrize("role", ROLES)
def test_list_and_read_by_role(api_for, visits, role):
    client = api_for(role)
    listed = client.get("/api/v1/medical-visits")
    own = client.get(f"/api/v1/medical-visits/{visits['employee'].pk}")
    other = client.get(f"/api/v1/medical-visits/{visits['colleague'].pk}")
    if role == "anonymous":
        assert listed.status_code == own.status_code == 401
        return
    expected = {
        "admin": {"employee", "colleague", "stranger"},
        "hr_manager": {"employee", "colleague"},
        "hr_assistant": {"employee", "colleague"},
        "employee": {"employee"},  # their own
    }.get(role, set())  # the manager: nothing of the team; outsiders: nothing
    assert ids(listed) == {visits[name].pk for name in expected}
    assert own.status_code == (200 if "employee" in expected else 404)
    assert other.status_code == (200 if "colleague" in expected else 404)


def test_a_read_is_audited(api_for, visits, hr_assistant):
    api_for("hr_assistant").get(f"/api/v1/medical-visits/{visits['employee'].pk}")
    assert AuditEntry.objects.filter(
        action=AuditAction.READ, target_id=str(visits["employee"].pk), actor=hr_assistant
    ).exists()


@pytest.mark.parametrize("role", ROLES)
def test_create_by_role(api_for, world, visits, role):
    response = api_for(role).post(
        "/api/v1/medical-visits",
        {"employee": world.colleague.pk, "kind": "pre_reprise", "due_date": "2026-03-20"},
        content_type="application/json",
    )
    if role in HR | {"admin"}:
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["kind"], body["status"], body["computed"]) == (
            "pre_reprise",
            "to_plan",
            False,
        )
    elif role == "anonymous":
        assert response.status_code == 401
    elif role in ("hr_ungranted", "outsider"):
        assert response.status_code == 422  # the employee is unknown to them
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_outcome_by_role(api_for, visits, role):
    visit = visits["employee"]
    response = api_for(role).post(
        f"/api/v1/medical-visits/{visit.pk}/outcome",
        {"held_on": "2026-03-02", "outcome": "apte"},
        content_type="application/json",
    )
    if role in HR | {"admin"}:
        assert response.status_code == 200, response.content
        assert (response.json()["status"], response.json()["outcome_label"]) == ("done", "Apte")
    elif role == "anonymous":
        assert response.status_code == 401
    elif role == "employee":  # sees their visit, may not record its outcome
        assert response.status_code == 403
    else:
        assert response.status_code == 404


def test_plan_then_outcome_refused_in_french(api_for, visits):
    client = api_for("hr_manager")
    visit = visits["colleague"]
    planned = client.post(
        f"/api/v1/medical-visits/{visit.pk}/plan",
        {"planned_at": "2026-03-10T09:30:00+01:00", "place": "Centre médical, 3 rue Neuve"},
        content_type="application/json",
    )
    assert planned.status_code == 200
    assert planned.json()["status"] == "planned"
    refused = client.post(
        f"/api/v1/medical-visits/{visit.pk}/outcome",
        {"held_on": "2026-03-02", "outcome": "apte_amenagements", "restrictions": "Diabète"},
        content_type="application/json",
    )
    assert "secret médical" in fields_of(refused)["restrictions"]
    unknown = client.post(
        f"/api/v1/medical-visits/{visit.pk}/outcome",
        {"held_on": "2026-03-02", "outcome": "apte", "diagnostic": "x"},
        content_type="application/json",
    )
    assert "diagnostic" in fields_of(unknown)
    assert MedicalVisit.objects.get(pk=visit.pk).status == Status.PLANNED


def test_cancel_and_filters(api_for, visits):
    client = api_for("hr_manager")
    visit = visits["colleague"]
    missing = client.post(
        f"/api/v1/medical-visits/{visit.pk}/cancel",
        {"reason": " "},
        content_type="application/json",
    )
    assert "reason" in fields_of(missing)
    done = client.post(
        f"/api/v1/medical-visits/{visit.pk}/cancel",
        {"reason": "Visite passée chez l'employeur précédent"},
        content_type="application/json",
    )
    assert done.json()["status"] == "cancelled"
    assert ids(client.get("/api/v1/medical-visits?open=true")) == {visits["employee"].pk}
    assert ids(client.get("/api/v1/medical-visits?status=cancelled")) == {visit.pk}
    assert ids(client.get("/api/v1/medical-visits?due_before=2026-03-31")) == set()

"""/api/v1/departures and /api/v1/establishments/{id}/personnel-register, per role."""

from __future__ import annotations

import pytest

from effectif.api.tests.conftest import HR, ROLES, fields_of

pytestmark = pytest.mark.django_db


def _start(api_for, world, role="hr_manager", **dates):
    return api_for(role).post(
        "/api/v1/departures",
        {"contract": world.employee_contract.pk, "reason": "licenciement_personnel", **dates},
        content_type="application/json",
    )


@pytest.mark.parametrize("role", ROLES)
def test_start_a_departure_by_role(api_for, world, role):
    response = _start(api_for, world, role)
    if role in HR:
        assert response.status_code == 201, response.content
        assert response.json()["dsn_end_reason"] == "020"
    elif role == "anonymous":
        assert response.status_code == 401
    elif role in ("hr_ungranted", "outsider"):
        assert response.status_code == 422  # the contract is unknown to them
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_list_and_read_by_role(api_for, world, role):
    departure_id = _start(api_for, world).json()["id"]
    client = api_for(role)
    listed = client.get("/api/v1/departures")
    detail = client.get(f"/api/v1/departures/{departure_id}")
    if role in HR:
        assert listed.json()["count"] == 1
        assert detail.status_code == 200
    elif role == "anonymous":
        assert listed.status_code == detail.status_code == 401
    else:
        assert listed.json()["count"] == 0
        assert detail.status_code == 404


def test_steps_refused_with_their_article(api_for, world):
    departure_id = _start(api_for, world).json()["id"]
    client = api_for("hr_assistant")
    refused = client.post(
        f"/api/v1/departures/{departure_id}/steps",
        {"convocation_date": "2026-03-02", "interview_date": "2026-03-06"},
        content_type="application/json",
    )
    assert "L1232-2" in fields_of(refused)["interview_date"]
    done = client.post(
        f"/api/v1/departures/{departure_id}/steps",
        {
            "convocation_date": "2026-03-02",
            "interview_date": "2026-03-10",
            "notification_date": "2026-03-13",
        },
        content_type="application/json",
    )
    assert done.status_code == 200
    assert done.json()["notice_end_date"] == "2026-05-12"
    ended = client.post(f"/api/v1/departures/{departure_id}/end")
    assert ended.json()["status"] == "ended"
    closed = client.post(f"/api/v1/departures/{departure_id}/close")
    assert closed.status_code == 422  # no certificat de travail yet


@pytest.mark.parametrize("role", ROLES)
def test_personnel_register_by_role(api_for, world, role):
    url = f"/api/v1/establishments/{world.establishment.pk}/personnel-register"
    response = api_for(role).get(url)
    if role in HR:
        assert response.status_code == 200
        assert [e["number"] for e in response.json()["entries"]] == [1, 2, 3]
        xlsx = api_for(role).get(url + "?format=xlsx")
        assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    elif role == "anonymous":
        assert response.status_code == 401
    elif role in ("hr_ungranted", "outsider"):
        assert response.status_code == 404
    else:
        assert response.status_code == 403

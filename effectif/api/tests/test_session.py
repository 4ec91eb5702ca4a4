"""A browser session also opens the API: CSRF for changes, and only once the second factor is
given."""

from __future__ import annotations

import pytest
from django.test import Client

from effectif.accounts.signals import TOTP_PENDING

pytestmark = pytest.mark.django_db


def _logged_in(user, *, csrf: bool) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def test_a_session_reads_the_api(world, hr_manager):
    response = _logged_in(hr_manager, csrf=True).get("/api/v1/employees")
    assert response.status_code == 200
    assert response.json()["count"] == 3


def test_a_session_change_without_csrf_token_is_refused(world, hr_manager):
    client = _logged_in(hr_manager, csrf=True)
    response = client.patch(
        f"/api/v1/departments/{world.team.pk}", {"code": "P"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Vérification CSRF échouée")
    world.team.refresh_from_db()
    assert world.team.code == ""


def test_a_session_change_with_its_csrf_token_goes_through(world, hr_manager):
    client = _logged_in(hr_manager, csrf=True)
    token = "k" * 32  # the cookie a page would have set, and the header a script sends back
    client.cookies["csrftoken"] = token
    response = client.patch(
        f"/api/v1/departments/{world.team.pk}",
        {"code": "P"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200, response.content
    assert response.json()["code"] == "P"


def test_a_session_waiting_for_its_second_factor_is_not_authenticated(world, hr_manager):
    client = _logged_in(hr_manager, csrf=False)
    session = client.session
    session[TOTP_PENDING] = True
    session.save()
    assert client.get("/api/v1/employees").status_code == 401


def test_a_bearer_token_needs_no_csrf_token(world, api_for):
    response = api_for("hr_manager").patch(
        f"/api/v1/departments/{world.team.pk}", {"code": "P"}, content_type="application/json"
    )
    assert response.status_code == 200

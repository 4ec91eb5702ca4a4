"""`POST /api/v1/token`: issue, use, expiry, throttling shared with the login page, TOTP."""

from __future__ import annotations

import datetime as dt

import pyotp
import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from effectif.accounts.models import ApiToken, LoginAttempt
from effectif.conftest import PASSWORD
from effectif.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/token"
JSON = "application/json"


def _issue(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(
        TOKEN, {"username": username, "password": password, **extra}, content_type=JSON
    )


def test_a_token_is_issued_for_a_json_body_and_opens_the_api(client, hr_manager, settings):
    response = _issue(client, "rh-test")
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"token", "expires_at"}
    expires = dt.datetime.fromisoformat(data["expires_at"])
    hours = (expires - timezone.now()).total_seconds() / 3600
    assert settings.EFFECTIF_API_TOKEN_HOURS - 0.1 < hours <= settings.EFFECTIF_API_TOKEN_HOURS
    token = ApiToken.objects.get(user=hr_manager)
    assert token.key_hash != data["token"]  # only the hash is kept
    api = Client(headers={"Authorization": f"Bearer {data['token']}"})
    assert api.get("/api/v1/employees").status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN, actor=hr_manager).exists()


def test_a_token_is_issued_for_a_form_body(client, hr_manager):
    response = client.post(TOKEN, {"username": "rh-test", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["token"]


@pytest.mark.parametrize(
    ("username", "password"), [("rh-test", "faux"), ("inconnu", PASSWORD), ("", "")]
)
def test_wrong_credentials_are_401_in_french_and_counted(client, hr_manager, username, password):
    response = _issue(client, username, password)
    assert response.status_code == 401
    assert response.json() == {"detail": "Identifiant ou mot de passe incorrect."}
    assert LoginAttempt.objects.filter(succeeded=False).count() == 1
    assert not ApiToken.objects.exists()


def test_an_inactive_account_gets_no_token(client, hr_manager):
    hr_manager.is_active = False
    hr_manager.save()
    assert _issue(client, "rh-test").status_code == 401


def test_missing_fields_are_422(client):
    response = client.post(TOKEN, {"username": "rh-test"}, content_type=JSON)
    assert response.status_code == 422
    assert response.json() == {
        "detail": [{"field": "password", "message": "Ce champ est obligatoire."}]
    }


def test_repeated_failures_lock_the_account(client, hr_manager, settings):
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert _issue(client, "rh-test", "faux").status_code == 401
    response = _issue(client, "rh-test")  # even the right password
    assert response.status_code == 429
    assert response.json()["detail"].startswith(
        "Trop de tentatives de connexion échouées. Réessayez dans 15 minute(s)."
    )
    assert 890 < int(response["Retry-After"]) <= 901
    assert not ApiToken.objects.exists()


def test_the_lockout_is_shared_with_the_login_page(client, hr_manager, settings):
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post("/compte/connexion/", {"username": "rh-test", "password": "faux"})
    assert _issue(Client(), "rh-test").status_code == 429


def test_the_lockout_ends_with_its_window(client, hr_manager, settings):
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        _issue(client, "rh-test", "faux")
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=901), tick=False):
        assert _issue(client, "rh-test").status_code == 200


def test_an_expired_token_is_refused(client, hr_manager, settings):
    raw = _issue(client, "rh-test").json()["token"]
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    later = timezone.now() + dt.timedelta(hours=settings.EFFECTIF_API_TOKEN_HOURS, minutes=1)
    with time_machine.travel(later, tick=False):
        response = api.get("/api/v1/employees")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["detail"].startswith("Authentification requise")


@pytest.mark.parametrize("header", ["Bearer inconnu", "Bearer ", "Token abc", "Basic eDp5"])
def test_a_bad_authorization_header_is_401(world, header):
    response = Client(headers={"Authorization": header}).get("/api/v1/employees")
    assert response.status_code == 401


def test_a_second_factor_code_is_required_when_enabled(client, hr_manager):
    secret = pyotp.random_base32()
    hr_manager.totp_secret = secret
    hr_manager.totp_confirmed_at = timezone.now()
    hr_manager.save()
    refused = _issue(client, "rh-test")
    assert refused.status_code == 401
    assert "double authentification" in refused.json()["detail"]
    totp = pyotp.TOTP(secret)
    now = timezone.now()
    valid = {totp.at(now + dt.timedelta(seconds=30 * step)) for step in (-1, 0, 1)}
    wrong = next(code for code in ("123456", "654321", "111111", "222222") if code not in valid)
    assert _issue(client, "rh-test", code=wrong).status_code == 401
    assert _issue(client, "rh-test", code=totp.now()).status_code == 200


def test_a_role_that_must_use_a_second_factor_enrols_first(client, hr_manager, settings):
    settings.EFFECTIF_TOTP_REQUIRED_ROLES = ["hr_manager"]
    response = _issue(client, "rh-test")
    assert response.status_code == 403
    assert "obligatoire pour votre rôle" in response.json()["detail"]

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
#: The one answer to a wrong password and to a wrong or missing second-factor code.
REFUSED = {
    "detail": "Identifiant, mot de passe ou code de double authentification incorrect "
    "(le code, champ « code », est demandé si la double authentification est activée)."
}


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
    assert response.json() == REFUSED
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


# --- One answer for a wrong password and a wrong code; codes used once; revoked tokens --------

ISSUED_AT = dt.datetime(2026, 12, 7, 9, 0, 5, tzinfo=dt.UTC)


def _with_second_factor(user) -> pyotp.TOTP:
    secret = pyotp.random_base32()
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.save()
    return pyotp.TOTP(secret)


def _wrong_code(totp: pyotp.TOTP) -> str:
    now = timezone.now()
    valid = {totp.at(now + dt.timedelta(seconds=30 * step)) for step in (-1, 0, 1)}
    return next(code for code in ("123456", "654321", "111111", "222222") if code not in valid)


@time_machine.travel(ISSUED_AT, tick=False)
def test_a_wrong_password_and_a_wrong_or_missing_code_get_one_answer(client, hr_manager):
    totp = _with_second_factor(hr_manager)
    answers = [
        _issue(client, "rh-test", "faux", code=totp.now()),
        _issue(client, "rh-test"),
        _issue(client, "rh-test", code=_wrong_code(totp)),
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 401]
    assert [answer.json() for answer in answers] == [REFUSED] * 3
    assert LoginAttempt.objects.filter(username="rh-test", succeeded=False).count() == 3
    assert not ApiToken.objects.exists()


@time_machine.travel(ISSUED_AT, tick=False)
def test_wrong_codes_count_towards_the_lockout(client, hr_manager, settings):
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    totp = _with_second_factor(hr_manager)
    for _ in range(3):
        assert _issue(client, "rh-test", code=_wrong_code(totp)).status_code == 401
    assert _issue(client, "rh-test", code=totp.now()).status_code == 429
    assert not ApiToken.objects.exists()


def test_a_code_gives_one_token_only(client, hr_manager):
    with time_machine.travel(ISSUED_AT, tick=False):
        totp = _with_second_factor(hr_manager)
        code = totp.now()
        assert _issue(client, "rh-test", code=code).status_code == 200
        replayed = _issue(client, "rh-test", code=code)
    assert replayed.status_code == 401
    assert replayed.json() == REFUSED
    assert ApiToken.objects.count() == 1
    with time_machine.travel(ISSUED_AT + dt.timedelta(seconds=30), tick=False):
        assert _issue(client, "rh-test", code=totp.now()).status_code == 200


@time_machine.travel(ISSUED_AT, tick=False)
def test_a_locked_second_factor_gives_no_token_and_says_nothing_more(client, hr_manager, settings):
    """Wrong codes typed on the verification page lock the token endpoint too, with the same
    answer as a wrong password (a locked second factor would tell the password was right)."""
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    totp = _with_second_factor(hr_manager)
    page = Client()
    page.force_login(hr_manager)
    for _ in range(3):
        page.post("/compte/verification/", {"code": _wrong_code(totp)})
    response = _issue(client, "rh-test", code=totp.now())
    assert response.status_code == 401
    assert response.json() == REFUSED
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_401(client, hr_manager):
    from effectif.accounts.services import api_token_revoke

    raw = _issue(client, "rh-test").json()["token"]
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    assert api.get("/api/v1/employees").status_code == 200
    api_token_revoke(token=ApiToken.objects.get(), by=hr_manager)
    response = api.get("/api/v1/employees")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from effectif.accounts.models import ApiToken, LoginAttempt
from effectif.accounts.services import api_token_issue, api_token_user
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/compte/connexion/"
ENROLLED_AT = dt.datetime(2026, 12, 7, 9, 0, 5, tzinfo=dt.UTC)


def test_login_page_is_french(client: Client) -> None:
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "Connexion" in response.content.decode()
    assert 'lang="fr"' in response.content.decode()


def test_an_english_browser_still_gets_french_messages(client: Client) -> None:
    """Only the French catalogue exists: Django's own messages must not switch to English."""
    response = client.post(LOGIN, {"username": "", "password": ""}, HTTP_ACCEPT_LANGUAGE="en-US")
    body = response.content.decode()
    assert "Ce champ est obligatoire." in body
    assert "This field is required." not in body


def test_anonymous_user_is_sent_to_login(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_login_succeeds_and_is_audited(client: Client, hr_manager) -> None:
    response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN)
    assert entry.actor == hr_manager


def test_wrong_password_is_refused_in_french_and_audited(client: Client, hr_manager) -> None:
    response = client.post(LOGIN, {"username": "rh-test", "password": "faux"})
    assert response.status_code == 200
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 1


def test_repeated_failures_lock_the_account(client: Client, hr_manager, settings) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        client.post(LOGIN, {"username": "rh-test", "password": "faux"})
    response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_success_clears_failures(client: Client, hr_manager, settings) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    client.post(LOGIN, {"username": "rh-test", "password": "faux"})
    client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert not LoginAttempt.objects.filter(username="rh-test", succeeded=False).exists()


def test_logout_requires_post_and_ends_session(client: Client, hr_manager) -> None:
    client.force_login(hr_manager)
    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.LOGOUT).exists()


def test_password_reset_sends_email_with_working_link(client: Client, hr_manager) -> None:
    response = client.post("/compte/mot-de-passe/oubli/", {"email": hr_manager.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "réinitialisation" in message.subject
    found = re.search(r"https?://[^/]+(/\S+)", str(message.body))
    assert found is not None
    link = found.group(1)
    response = client.get(link, follow=True)
    assert "Choisissez un nouveau mot de passe" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {
            "new_password1": "Un-nouveau-mot-de-passe-42",
            "new_password2": "Un-nouveau-mot-de-passe-42",
        },
    )
    assert response.status_code == 302
    hr_manager.refresh_from_db()
    assert hr_manager.check_password("Un-nouveau-mot-de-passe-42")


def test_password_reset_is_silent_for_unknown_address(client: Client, db) -> None:
    response = client.post("/compte/mot-de-passe/oubli/", {"email": "personne@example.test"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_session_expires(settings) -> None:
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_passwords_are_hashed_with_argon2_by_default() -> None:
    from django.conf import settings as real

    # The test fixture swaps in a fast hasher; the project's own first choice is Argon2.
    from effectif import settings as project

    assert project.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert real.AUTH_USER_MODEL == "accounts.User"


def _enable_totp(client: Client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("accounts:totp_setup"))
    secret = response.context["secret"]
    response = client.post(reverse("accounts:totp_setup"), {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.has_totp
    return secret


def test_totp_enrolment_rejects_a_wrong_code(client: Client, hr_manager) -> None:
    client.force_login(hr_manager)
    client.get(reverse("accounts:totp_setup"))
    response = client.post(reverse("accounts:totp_setup"), {"code": "000000"})
    assert "Ce code est incorrect" in response.content.decode()
    hr_manager.refresh_from_db()
    assert not hr_manager.has_totp


def test_totp_is_asked_after_login(hr_manager) -> None:
    client = Client()
    with time_machine.travel(ENROLLED_AT, tick=False):
        secret = _enable_totp(client, hr_manager)
        client.post("/compte/deconnexion/")
    # A minute later: the code given to enrol has been used and would be refused (replay).
    with time_machine.travel(ENROLLED_AT + dt.timedelta(minutes=1), tick=False):
        response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
        assert response.status_code == 302
        response = client.get("/")
        assert response["Location"] == reverse("accounts:totp_verify")
        response = client.post(reverse("accounts:totp_verify"), {"code": "123456"})
        assert "incorrect" in response.content.decode()
        response = client.post(reverse("accounts:totp_verify"), {"code": pyotp.TOTP(secret).now()})
        assert response.status_code == 302
        assert client.get("/").status_code == 200


def test_settings_can_make_totp_mandatory_for_a_role(client: Client, hr_manager, settings) -> None:
    settings.EFFECTIF_TOTP_REQUIRED_ROLES = ["hr_manager"]
    client.force_login(hr_manager)
    response = client.get("/")
    assert response["Location"] == reverse("accounts:totp_setup")


def test_api_tokens_are_stored_hashed_and_expire(hr_manager) -> None:
    raw, token = api_token_issue(user=hr_manager)
    assert raw not in token.key_hash
    assert api_token_user(raw) == hr_manager
    ApiToken.objects.filter(pk=token.pk).update(expires_at=token.created_at)
    assert api_token_user(raw) is None

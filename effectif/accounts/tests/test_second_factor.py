"""The second-factor step: wrong codes throttled and audited, each code used once, `next` kept on
the site."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyotp
import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from effectif.accounts.models import TotpFailure
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = "/compte/verification/"
AT = dt.datetime(2026, 12, 7, 9, 0, 5, tzinfo=dt.UTC)
LOCKED = "Trop de codes incorrects"
REFUSED = "Ce code est incorrect, a expiré ou a déjà été utilisé."


def _second_factor(user: Any) -> pyotp.TOTP:
    secret = pyotp.random_base32()
    user.totp_secret = secret
    user.totp_confirmed_at = timezone.now()
    user.save()
    return pyotp.TOTP(secret)


def _wrong(totp: pyotp.TOTP) -> str:
    now = timezone.now()
    valid = {totp.at(now + dt.timedelta(seconds=30 * step)) for step in (-1, 0, 1)}
    return next(code for code in ("123456", "654321", "111111", "222222") if code not in valid)


def _pending(user: Any) -> Client:
    """A client past the password, asked for its code."""
    client = Client()
    client.force_login(user)
    assert client.get("/")["Location"] == reverse("accounts:totp_verify")
    return client


@time_machine.travel(AT, tick=False)
def test_wrong_codes_lock_the_step_and_are_audited(hr_manager: Any, settings: Any) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 5
    totp = _second_factor(hr_manager)
    client = _pending(hr_manager)
    for _ in range(4):
        assert REFUSED in client.post(VERIFY, {"code": _wrong(totp)}).content.decode()
    fifth = client.post(VERIFY, {"code": _wrong(totp)}).content.decode()
    assert LOCKED in fifth
    assert "réessayez dans 15 minute(s)" in fifth
    # Locked: even the right code is not checked.
    response = client.post(VERIFY, {"code": totp.now()})
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert client.get("/")["Location"] == reverse("accounts:totp_verify")
    failures = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED, target_label="rh-test")
    assert failures.count() == 6
    assert failures.filter(
        detail="code de double authentification incorrect, expiré ou déjà utilisé"
    ).values_list("target_id", flat=True).distinct().get() == str(hr_manager.pk)
    assert TotpFailure.objects.filter(user=hr_manager).count() == 5


def test_the_lock_ends_with_its_window(hr_manager: Any, settings: Any) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    with time_machine.travel(AT, tick=False):
        totp = _second_factor(hr_manager)
        client = _pending(hr_manager)
        for _ in range(3):
            client.post(VERIFY, {"code": _wrong(totp)})
    with time_machine.travel(AT + dt.timedelta(seconds=901), tick=False):
        response = client.post(VERIFY, {"code": totp.now()})
    assert response.status_code == 302
    assert not TotpFailure.objects.exists()


@time_machine.travel(AT, tick=False)
def test_a_code_logs_in_once(hr_manager: Any) -> None:
    totp = _second_factor(hr_manager)
    code = totp.now()
    client = _pending(hr_manager)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post("/compte/deconnexion/")
    again = _pending(hr_manager)
    response = again.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert REFUSED in response.content.decode()


def test_an_earlier_code_is_refused_after_a_later_one(hr_manager: Any) -> None:
    """Codes of the neighbouring steps are accepted (clock drift), but never one older than the
    last accepted."""
    with time_machine.travel(AT, tick=False):
        totp = _second_factor(hr_manager)
        previous, following = (
            totp.at(AT - dt.timedelta(seconds=30)),
            totp.at(AT + dt.timedelta(seconds=30)),
        )
        assert _pending(hr_manager).post(VERIFY, {"code": following}).status_code == 302
        response = _pending(hr_manager).post(VERIFY, {"code": previous})
        assert REFUSED in response.content.decode()
        response = _pending(hr_manager).post(VERIFY, {"code": totp.now()})
        assert REFUSED in response.content.decode()


def test_the_code_given_to_enrol_does_not_log_in(client: Client, hr_manager: Any) -> None:
    with time_machine.travel(AT, tick=False):
        client.force_login(hr_manager)
        secret = client.get(reverse("accounts:totp_setup")).context["secret"]
        code = pyotp.TOTP(secret).now()
        assert client.post(reverse("accounts:totp_setup"), {"code": code}).status_code == 302
        client.post("/compte/deconnexion/")
        assert (
            client.post(
                "/compte/connexion/", {"username": "rh-test", "password": PASSWORD}
            ).status_code
            == 302
        )
        response = client.post(VERIFY, {"code": code})
    assert REFUSED in response.content.decode()


@time_machine.travel(AT, tick=False)
def test_a_used_code_does_not_turn_the_second_factor_off(hr_manager: Any) -> None:
    totp = _second_factor(hr_manager)
    code = totp.now()
    client = _pending(hr_manager)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    response = client.post(reverse("accounts:totp_off"), {"code": code}, follow=True)
    assert "La double authentification reste active." in response.content.decode()
    hr_manager.refresh_from_db()
    assert hr_manager.has_totp


def test_a_fresh_code_turns_it_off(hr_manager: Any) -> None:
    with time_machine.travel(AT, tick=False):
        totp = _second_factor(hr_manager)
        client = _pending(hr_manager)
        client.post(VERIFY, {"code": totp.now()})
    with time_machine.travel(AT + dt.timedelta(seconds=30), tick=False):
        response = client.post(reverse("accounts:totp_off"), {"code": totp.now()}, follow=True)
    assert "La double authentification est désactivée." in response.content.decode()
    hr_manager.refresh_from_db()
    assert not hr_manager.has_totp
    assert hr_manager.totp_last_step is None


@time_machine.travel(AT, tick=False)
def test_wrong_codes_to_turn_it_off_are_throttled(hr_manager: Any, settings: Any) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 2
    totp = _second_factor(hr_manager)
    client = Client()
    client.force_login(hr_manager)
    session = client.session
    session["totp_pending"] = False
    session.save()
    for _ in range(2):
        client.post(reverse("accounts:totp_off"), {"code": _wrong(totp)})
    response = client.post(reverse("accounts:totp_off"), {"code": totp.now()}, follow=True)
    assert LOCKED in response.content.decode()
    hr_manager.refresh_from_db()
    assert hr_manager.has_totp


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/salaries/", "/salaries/"),
        ("/salaries/?q=Durand", "/salaries/?q=Durand"),
        ("http://testserver/salaries/", "http://testserver/salaries/"),
        ("https://pirate.example/connexion/", "/"),
        ("//pirate.example/", "/"),
        ("http://testserver.pirate.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
    ],
)
@time_machine.travel(AT, tick=False)
def test_the_page_after_the_code_is_on_this_site(
    hr_manager: Any, target: str, expected: str
) -> None:
    totp = _second_factor(hr_manager)
    client = _pending(hr_manager)
    response = client.post(f"{VERIFY}?{_query(target)}", {"code": totp.now()})
    assert response.status_code == 302
    assert response["Location"] == expected


@time_machine.travel(AT, tick=False)
def test_an_https_site_does_not_send_back_to_http(hr_manager: Any) -> None:
    totp = _second_factor(hr_manager)
    client = _pending(hr_manager)
    response = client.post(
        f"{VERIFY}?{_query('http://testserver/salaries/')}", {"code": totp.now()}, secure=True
    )
    assert response["Location"] == "/"


def _query(target: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"next": target})

"""API tokens end with a password change or reset and with a logout; their holder revokes them
from the security page, an administrator anyone's (HR from the personnel file: test_api_tokens_hr);
each revocation is audited and a revoked token opens nothing."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from effectif.accounts.models import ApiToken
from effectif.accounts.services import api_token_issue
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Un-nouveau-mot-de-passe-42"


def _opens_the_api(raw: str) -> bool:
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    status = client.get("/api/v1/employees").status_code
    assert status in (200, 401)
    return status == 200


def _revocations(**filters: Any) -> list[str]:
    entries = AuditEntry.objects.filter(action=AuditAction.SECURITY, detail__contains="révoqué")
    return list(entries.filter(**filters).values_list("detail", flat=True))


def test_a_password_change_revokes_the_tokens(client: Client, hr_manager: Any) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.force_login(hr_manager)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not _opens_the_api(raw)
    assert _revocations(actor=hr_manager) == ["1 jeton(s) d'API révoqué(s) : mot de passe changé"]
    # The session goes on with the new password.
    assert client.get(reverse("accounts:security")).status_code == 200


def test_a_refused_password_change_keeps_the_tokens(client: Client, hr_manager: Any) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.force_login(hr_manager)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "faux", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert _opens_the_api(raw)


def test_a_password_reset_revokes_the_tokens(client: Client, hr_manager: Any) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.post(reverse("accounts:password_reset"), {"email": hr_manager.email})
    found = re.search(r"https?://[^/]+(/\S+)", str(mail.outbox[0].body))
    assert found is not None
    response = client.get(found.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert not _opens_the_api(raw)
    assert _revocations(target_id=str(hr_manager.pk)) == [
        "1 jeton(s) d'API révoqué(s) : mot de passe réinitialisé"
    ]


def test_a_logout_revokes_the_tokens(client: Client, hr_manager: Any) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.force_login(hr_manager)
    client.post(reverse("accounts:logout"))
    assert not _opens_the_api(raw)
    assert _revocations(actor=hr_manager) == ["1 jeton(s) d'API révoqué(s) : déconnexion"]
    assert AuditEntry.objects.filter(action=AuditAction.LOGOUT, actor=hr_manager).exists()


def test_another_users_logout_leaves_the_tokens(
    client: Client, hr_manager: Any, hr_assistant: Any
) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.force_login(hr_assistant)
    client.post(reverse("accounts:logout"))
    assert _opens_the_api(raw)


def test_the_security_page_lists_the_active_tokens(client: Client, hr_manager: Any) -> None:
    _raw, active = api_token_issue(user=hr_manager)
    _raw, revoked = api_token_issue(user=hr_manager)
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=revoked.created_at)
    _raw, expired = api_token_issue(user=hr_manager)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=expired.created_at)
    client.force_login(hr_manager)
    response = client.get(reverse("accounts:security"))
    assert list(response.context["tokens"]) == [active]
    body = response.content.decode()
    assert reverse("accounts:api_token_revoke", args=[active.pk]) in body
    assert reverse("accounts:api_token_revoke", args=[revoked.pk]) not in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_the_holder_revokes_one_token(hr_manager: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    kept_raw, _kept = api_token_issue(user=hr_manager)
    raw, token = api_token_issue(user=hr_manager)
    client.force_login(hr_manager)
    url = reverse("accounts:api_token_revoke", args=[token.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    client.get(reverse("accounts:security"))
    response = client.post(url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:security")
    assert not _opens_the_api(raw)
    assert _opens_the_api(kept_raw)
    token.refresh_from_db()
    assert token.revoked_at is not None
    [detail] = _revocations(actor=hr_manager, target_id=str(hr_manager.pk))
    assert detail.startswith("jeton d'API révoqué (émis le ")


def test_nobody_revokes_anothers_token_from_their_page(
    client: Client, hr_manager: Any, admin_user: Any
) -> None:
    raw, token = api_token_issue(user=hr_manager)
    client.force_login(admin_user)
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 404
    assert _opens_the_api(raw)


def test_the_holder_revokes_all_their_tokens(client: Client, hr_manager: Any) -> None:
    raws = [api_token_issue(user=hr_manager)[0] for _ in range(2)]
    other, _token = api_token_issue(user=hr_manager)
    client.force_login(hr_manager)
    response = client.post(reverse("accounts:api_tokens_revoke"), follow=True)
    assert "3 jeton(s) d'API révoqué(s)." in html.unescape(response.content.decode())
    assert not any(_opens_the_api(raw) for raw in [*raws, other])


# --- An administrator for anyone ------------------------------------------------------------


def test_an_administrator_revokes_anyones_tokens(
    client: Client, admin_user: Any, hr_manager: Any
) -> None:
    raw, _token = api_token_issue(user=hr_manager)
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:user_api_tokens_revoke", args=[hr_manager.pk]) + "?next=/organisation/"
    )
    assert response.status_code == 302
    assert response["Location"] == "/organisation/"
    assert not _opens_the_api(raw)
    assert _revocations(actor=admin_user, target_id=str(hr_manager.pk)) == [
        "1 jeton(s) d'API révoqué(s) : révoqués par un administrateur"
    ]


def test_hr_do_not_revoke_by_account(client: Client, hr_manager: Any, employee_user: Any) -> None:
    raw, _token = api_token_issue(user=employee_user)
    client.force_login(hr_manager)
    url = reverse("accounts:user_api_tokens_revoke", args=[employee_user.pk])
    assert client.post(url).status_code == 403
    assert _opens_the_api(raw)


def test_a_password_set_any_other_way_revokes_the_tokens(hr_manager: Any) -> None:
    """An administrator's account form or `manage.py changepassword` set the password on the
    model: the tokens end too, the audit entry naming the system."""
    raw, _token = api_token_issue(user=hr_manager)
    hr_manager.first_name = "Rita-Marie"
    hr_manager.save()
    assert _opens_the_api(raw)
    hr_manager.set_password(NEW_PASSWORD)
    hr_manager.save()
    assert not _opens_the_api(raw)
    entry = AuditEntry.objects.get(action=AuditAction.SECURITY, detail__contains="révoqué")
    assert entry.detail == "1 jeton(s) d'API révoqué(s) : mot de passe modifié"
    assert entry.actor is None
    assert entry.actor_label == "système"

"""HR revoke the API tokens of a person whose file they administer, from that file: scoped as
the file (404 out of scope), HR only (403), audited under the file."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from effectif.accounts.services import api_token_issue
from effectif.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _opens_the_api(raw: str) -> bool:
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    status = client.get("/api/v1/employees").status_code
    assert status in (200, 401)
    return status == 200


def _revoke_from_file(client: Client, employee: Any) -> Any:
    return client.post(reverse("employees:api_tokens_revoke", args=[employee.pk]))


def test_hr_revoke_the_tokens_of_a_file_in_scope(
    world: Any, hr_assistant: Any, employee_user: Any
) -> None:
    raw, _token = api_token_issue(user=employee_user)
    client = Client()
    client.force_login(hr_assistant)
    page = client.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert reverse("employees:api_tokens_revoke", args=[world.member.pk]) in page
    assert "Le compte salarie-test a 1 jeton d'API actif." in html.unescape(page)
    response = _revoke_from_file(client, world.member)
    assert response.status_code == 302
    assert response["Location"] == reverse("employees:detail", args=[world.member.pk])
    assert not _opens_the_api(raw)
    entry = AuditEntry.objects.get(action=AuditAction.SECURITY, detail__contains="révoqué")
    assert entry.actor == hr_assistant
    assert entry.target_id == str(employee_user.pk)
    assert entry.employee_id == world.member.pk
    assert entry.employer_id == world.employer.pk
    # No active token left: the panel is gone.
    page = client.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert reverse("employees:api_tokens_revoke", args=[world.member.pk]) not in page


def test_hr_cannot_reach_a_file_out_of_scope(world: Any, hr_manager: Any, make_user: Any) -> None:
    stranger = make_user(username="ailleurs")
    world.stranger.user = stranger
    world.stranger.save()
    raw, _token = api_token_issue(user=stranger)
    client = Client()
    client.force_login(hr_manager)
    assert _revoke_from_file(client, world.stranger).status_code == 404
    assert _opens_the_api(raw)


@pytest.mark.parametrize("role", ["manager_user", "employee_user"])
def test_only_hr_revoke_from_the_file(
    world: Any, request: Any, role: str, employee_user: Any
) -> None:
    raw, _token = api_token_issue(user=employee_user)
    client = Client()
    client.force_login(request.getfixturevalue(role))
    assert _revoke_from_file(client, world.member).status_code == 403
    assert _opens_the_api(raw)
    page = client.get(reverse("employees:detail", args=[world.member.pk])).content.decode()
    assert reverse("employees:api_tokens_revoke", args=[world.member.pk]) not in page


def test_a_file_without_account_has_no_tokens_to_revoke(world: Any, hr_manager: Any) -> None:
    client = Client()
    client.force_login(hr_manager)
    assert _revoke_from_file(client, world.colleague).status_code == 404


def test_revoking_from_the_file_needs_a_post(world: Any, hr_manager: Any) -> None:
    client = Client()
    client.force_login(hr_manager)
    url = reverse("employees:api_tokens_revoke", args=[world.member.pk])
    assert client.get(url).status_code == 405

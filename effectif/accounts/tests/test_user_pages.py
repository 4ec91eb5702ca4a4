"""The accounts list shows an administrator each user's active API tokens with a button that
revokes them (audited by the accounts service), and brings them back to the list."""

from __future__ import annotations

import re

from django.urls import reverse

from effectif.accounts.models import ApiToken
from effectif.accounts.services import api_token_issue


def test_admin_revokes_a_users_tokens_from_the_accounts_list(client_for, admin_user, hr_manager):
    api_token_issue(user=hr_manager)
    api_token_issue(user=hr_manager)
    client = client_for(admin_user)
    page = client.get(reverse("organisation:user_list"))
    revoke = reverse("accounts:user_api_tokens_revoke", args=[hr_manager.pk])
    assert revoke in page.text
    row = page.text.split(hr_manager.username + "</a>", 1)[1].split("</tr>", 1)[0]
    assert re.search(r'<td class="text-nowrap">\s*2\b', row), "two active tokens shown"

    response = client.post(f"{revoke}?next={reverse('organisation:user_list')}")

    assert response.status_code == 302
    assert response["Location"] == reverse("organisation:user_list")
    assert not ApiToken.objects.filter(user=hr_manager, revoked_at__isnull=True).exists()
    assert revoke not in client.get(reverse("organisation:user_list")).text

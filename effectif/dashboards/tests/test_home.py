from __future__ import annotations

import pytest

from effectif.core.testing import browser_login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role_user", ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user"]
)
def test_every_role_gets_the_home_page(request, client_for, role_user) -> None:
    user = request.getfixturevalue(role_user)
    response = client_for(user).get("/")
    assert response.status_code == 200
    assert "Bonjour" in response.content.decode()


@pytest.mark.browser
def test_a_user_logs_in_and_out_in_the_browser(page, hr_manager) -> None:
    browser_login(page, "rh-test")
    assert page.get_by_role("heading", name="Bonjour Rita").is_visible()
    page.get_by_role("button", name="Déconnexion").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Connexion").is_visible()

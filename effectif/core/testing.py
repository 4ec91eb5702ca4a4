"""Helpers shared by the test suites of every app (kept here so that no test imports upwards)."""

from __future__ import annotations

from typing import Any

#: The password of every user the test fixtures create.
PASSWORD = "mot-de-passe-de-test-1"


def browser_login(page: Any, username: str, password: str = PASSWORD) -> None:
    """Log in through the login page, as a user would."""
    page.goto(page.base_url + "/compte/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()

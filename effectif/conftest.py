"""Shared fixtures: one user per role, a logged-in client per role, and a browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from effectif.accounts.models import User
from effectif.core.roles import Role

PASSWORD = "mot-de-passe-de-test-1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(role: str = Role.EMPLOYEE, username: str | None = None, **extra: Any) -> User:
        name = username or f"{role}-{next(counter)}"
        user = User(username=name, role=role, email=f"{name}@example.test", **extra)
        user.set_password(PASSWORD)
        user.save()
        return user

    return make


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.ADMIN, username="admin-test", first_name="Ada", last_name="Admin")


@pytest.fixture
def hr_manager(make_user: Callable[..., User]) -> User:
    return make_user(Role.HR_MANAGER, username="rh-test", first_name="Rita", last_name="Rh")


@pytest.fixture
def hr_assistant(make_user: Callable[..., User]) -> User:
    return make_user(Role.HR_ASSISTANT, username="gest-test", first_name="Gil", last_name="Gest")


@pytest.fixture
def manager_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.MANAGER, username="manager-test", first_name="Max", last_name="Manager")


@pytest.fixture
def employee_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.EMPLOYEE, username="salarie-test", first_name="Eva", last_name="Salariée")


@pytest.fixture
def outsider(make_user: Callable[..., User]) -> User:
    """A user with a role but no grant and no file: sees nothing of anyone."""
    return make_user(
        Role.HR_ASSISTANT, username="outsider-test", first_name="Oscar", last_name="Out"
    )


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def client_for() -> Callable[[User], Client]:
    return logged_in


# --- Browser tests -------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    yield page
    context.close()


def browser_login(page: Any, username: str, password: str = PASSWORD) -> None:
    page.goto(page.base_url + "/compte/connexion/")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()

"""Shared fixtures: one user per role, a logged-in client per role, and a browser."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import settings as hypothesis_settings

from effectif.accounts.models import User
from effectif.core.roles import Role
from effectif.core.testing import PASSWORD, browser_login  # noqa: F401 (re-exported)

# Property tests are deterministic in the suite (a red CI run must be reproducible);
# `HYPOTHESIS_PROFILE=explore` searches with fresh random examples on a developer's machine.
hypothesis_settings.register_profile("suite", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("explore", max_examples=2000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.fixture(autouse=True)
def _data_from_migrations(request: pytest.FixtureRequest) -> None:
    """A transactional test empties the tables after it runs, taking the rows that data
    migrations install (the default document templates) with them: put them back."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "live_server" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from effectif.documents.defaults import install_defaults
    from effectif.documents.models import DocumentTemplate

    install_defaults(DocumentTemplate)


@pytest.fixture(autouse=True, scope="session")
def _static_files_from_sources() -> Iterator[None]:
    """The suite does not collect static files: pages name them without a manifest and
    WhiteNoise serves them from their sources, as in development."""
    from django.test import override_settings

    storages = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, WHITENOISE_USE_FINDERS=True):
        yield


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


# --- A small organisation in which every role has its place ------------------------------


@pytest.fixture
def world(
    db: Any, hr_manager: User, hr_assistant: User, manager_user: User, employee_user: User
) -> Any:
    """Employer A granted to the HR users, employer B granted to nobody; the manager runs a
    department of A where the employee works; a colleague works elsewhere in A."""
    from datetime import date
    from types import SimpleNamespace

    from effectif.contracts.tests.factories import hire
    from effectif.employees.tests.factories import EmployeeFactory
    from effectif.organisation.tests.factories import (
        DepartmentFactory,
        EmployerFactory,
        EstablishmentFactory,
        PositionFactory,
        grant,
    )

    employer = EmployerFactory(name="Employeur A")
    other_employer = EmployerFactory(name="Employeur B")
    for user in (hr_manager, hr_assistant):
        grant(user, employer)
    establishment = EstablishmentFactory(employer=employer)
    other_establishment = EstablishmentFactory(employer=other_employer)
    team = DepartmentFactory(employer=employer, name="Équipe", manager=manager_user)
    elsewhere = DepartmentFactory(employer=employer, name="Ailleurs")
    other_department = DepartmentFactory(employer=other_employer, name="Service B")
    position = PositionFactory(employer=employer)
    manager_file = EmployeeFactory(employer=employer, department=elsewhere, user=manager_user)
    member = EmployeeFactory(employer=employer, department=team, user=employee_user)
    colleague = EmployeeFactory(employer=employer, department=elsewhere)
    stranger = EmployeeFactory(employer=other_employer, department=other_department)
    contracts = {
        person: hire(person, start=date(2024, 1, 1), establishment=est)
        for person, est in (
            (manager_file, establishment),
            (member, establishment),
            (colleague, establishment),
            (stranger, other_establishment),
        )
    }
    return SimpleNamespace(
        employer=employer,
        other_employer=other_employer,
        establishment=establishment,
        other_establishment=other_establishment,
        team=team,
        elsewhere=elsewhere,
        other_department=other_department,
        position=position,
        manager_file=manager_file,
        member=member,
        colleague=colleague,
        stranger=stranger,
        contract=contracts[member],
        stranger_contract=contracts[stranger],
    )

"""Login throttling: each attempt is counted before its password is checked, per account and per
address, so that no more checks run than the lockout allows, even when requests arrive at once."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from effectif.accounts.models import LoginAttempt
from effectif.accounts.tests.backends import PATH, CountingBackend
from effectif.core.testing import PASSWORD

LOGIN = "/compte/connexion/"
TOKEN = "/api/v1/token"
LOCKED = "Trop de tentatives de connexion échouées"
WRONG = "Saisissez un nom d’utilisateur et un mot de passe valides"


@pytest.fixture
def counting(settings: Any) -> type[CountingBackend]:
    settings.AUTHENTICATION_BACKENDS = [PATH]
    CountingBackend.reset()
    return CountingBackend


def _share_with_threads(monkeypatch: Any, tmp_path: Path) -> None:
    """Let threads use the test database as the web processes use the real one.

    SQLite's in-memory test database is shared-cache: a thread meeting another's write fails at
    once (« database table is locked ») where production, on a file with a busy timeout, waits
    its turn. On SQLite the threads get a file copy of the test database; on PostgreSQL they
    already share it.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return
    path = tmp_path / "concurrent.sqlite3"
    copy = sqlite3.connect(path)
    connection.ensure_connection()
    connection.connection.backup(copy)
    copy.close()
    # A settings dict of their own: the main thread's connection keeps the in-memory database.
    monkeypatch.setitem(connections.settings, "default", {**connection.settings_dict, "NAME": path})


def _at_once(count: int, action: Callable[[int], Any]) -> list[Any]:
    """Run `action(i)` in `count` threads released together; each thread's result, in order."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = action(index)
        except BaseException as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    errors = [result for result in results if isinstance(result, BaseException)]
    assert not errors, errors
    return results


def _failures(username: str) -> int:
    """The failures counted for an account, read as the threads wrote them."""
    return _at_once(
        1, lambda _: LoginAttempt.objects.filter(username=username, succeeded=False).count()
    )[0]


@pytest.mark.django_db(transaction=True)
def test_concurrent_wrong_passwords_check_no_more_than_the_limit(
    hr_manager: Any,
    counting: type[CountingBackend],
    settings: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 5
    _share_with_threads(monkeypatch, tmp_path)

    def attempt(index: int) -> str:
        response = Client().post(LOGIN, {"username": "rh-test", "password": f"faux-{index}"})
        assert response.status_code == 200
        return response.content.decode()

    pages = _at_once(20, attempt)
    assert counting.checks == 5
    assert sum(WRONG in page for page in pages) == 5
    assert sum(LOCKED in page for page in pages) == 15
    assert _failures("rh-test") == 5


@pytest.mark.django_db(transaction=True)
def test_concurrent_attempts_from_one_address_check_no_more_than_its_limit(
    hr_manager: Any,
    counting: type[CountingBackend],
    settings: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    """Twenty accounts tried at once from one address: the address's limit holds."""
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 5
    settings.EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS = 8
    _share_with_threads(monkeypatch, tmp_path)

    def attempt(index: int) -> int:
        response = Client().post(LOGIN, {"username": f"compte-{index}", "password": "faux"})
        return response.status_code

    assert _at_once(20, attempt) == [200] * 20
    assert counting.checks == 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_token_requests_check_no_more_than_the_limit(
    hr_manager: Any,
    counting: type[CountingBackend],
    settings: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 5
    _share_with_threads(monkeypatch, tmp_path)

    def attempt(index: int) -> int:
        response = Client().post(
            TOKEN,
            {"username": "rh-test", "password": f"faux-{index}"},
            content_type="application/json",
        )
        return response.status_code

    statuses = _at_once(20, attempt)
    assert counting.checks == 5
    assert sorted(statuses) == [401] * 5 + [429] * 15


@pytest.mark.django_db
def test_the_attempt_is_counted_before_the_password_is_checked(
    hr_manager: Any, counting: type[CountingBackend], monkeypatch: Any
) -> None:
    seen: list[int] = []
    check = CountingBackend.authenticate

    def spy(self: Any, request: Any, **kwargs: Any) -> Any:
        seen.append(LoginAttempt.objects.filter(username="rh-test", succeeded=False).count())
        return check(self, request, **kwargs)

    monkeypatch.setattr(CountingBackend, "authenticate", spy)
    Client().post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert seen == [1]
    assert not LoginAttempt.objects.filter(succeeded=False).exists()
    assert LoginAttempt.objects.filter(username="rh-test", succeeded=True).count() == 1


@pytest.mark.django_db
def test_a_form_without_password_neither_checks_nor_clears_failures(
    client: Client, hr_manager: Any, counting: type[CountingBackend], settings: Any
) -> None:
    """Posting a name with an empty password used to count as a success and wipe the account's
    failures, so that an attacker could try passwords forever, four at a time."""
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 3
    for _ in range(2):
        client.post(LOGIN, {"username": "rh-test", "password": "faux"})
    response = client.post(LOGIN, {"username": "rh-test", "password": ""})
    assert "Ce champ est obligatoire." in response.content.decode()
    client.post(LOGIN, {"username": "rh-test", "password": "faux"})
    response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert counting.checks == 3


@pytest.mark.django_db
def test_the_account_and_the_address_have_their_own_limits(
    client: Client, hr_manager: Any, settings: Any
) -> None:
    settings.EFFECTIF_LOGIN_MAX_FAILURES = 2
    settings.EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    for name in ("anne", "bruno", "chloe"):
        client.post(LOGIN, {"username": name, "password": "faux"})
    # Three failures from the address, none on this account: the address is not locked at two.
    response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert response.status_code == 302
    client.post("/compte/deconnexion/")
    client.post(LOGIN, {"username": "denis", "password": "faux"})
    client.post(LOGIN, {"username": "emma", "password": "faux"})
    response = client.post(LOGIN, {"username": "rh-test", "password": PASSWORD})
    assert LOCKED in response.content.decode()


@pytest.mark.django_db
def test_the_per_address_limit_defaults_above_the_per_account_one() -> None:
    from effectif import settings as project

    assert project.EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS == 20
    assert project.EFFECTIF_LOGIN_MAX_FAILURES == 5

"""The client address behind a reverse proxy (`effectif.core.middleware.client_ip`): taken from
the configured header, the right-most address the trusted proxies wrote, never from a malformed
value; used by the login throttling and the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, RequestFactory

from effectif.core.middleware import client_ip
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import PASSWORD

LOGIN = "/compte/connexion/"
PROXY = "10.0.0.2"


def _ip(headers: dict[str, str], remote: str = PROXY) -> str | None:
    return client_ip(RequestFactory().get("/", headers=headers, REMOTE_ADDR=remote))


def test_without_a_configured_header_the_connection_address_is_used(settings: Any) -> None:
    settings.EFFECTIF_TRUSTED_PROXY_HEADER = ""
    assert _ip({"X-Forwarded-For": "203.0.113.7"}) == PROXY
    assert _ip({}, remote="") is None


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        # The client wrote an address itself: the proxy's own entry, on the right, wins.
        (1, "198.51.100.9, 203.0.113.7", "203.0.113.7"),
        (1, "forged, 203.0.113.7", "203.0.113.7"),
        (2, "198.51.100.9, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (1, " 2001:DB8::7 ", "2001:db8::7"),
        (1, "[2001:db8::7]:51234", "2001:db8::7"),
        (1, "203.0.113.7:51234", "203.0.113.7"),
        # Malformed or too short for the proxies said to write it: not trusted.
        (1, "pas-une-adresse", PROXY),
        (1, "203.0.113.7, ", PROXY),
        (1, "", PROXY),
        (2, "203.0.113.7", PROXY),
        (1, "999.1.1.1", PROXY),
        (1, "203.0.113.7\x00", PROXY),
    ],
)
def test_x_forwarded_for(settings: Any, count: int, forwarded: str, expected: str) -> None:
    settings.EFFECTIF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.EFFECTIF_TRUSTED_PROXY_COUNT = count
    assert _ip({"X-Forwarded-For": forwarded}) == expected


def test_x_real_ip(settings: Any) -> None:
    settings.EFFECTIF_TRUSTED_PROXY_HEADER = "X-Real-IP"
    settings.EFFECTIF_TRUSTED_PROXY_COUNT = 1
    assert _ip({"X-Real-IP": "203.0.113.7", "X-Forwarded-For": "198.51.100.9"}) == "203.0.113.7"
    assert _ip({}) == PROXY


@pytest.mark.django_db
def test_the_audit_trail_records_the_client_behind_the_proxy(
    client: Client, hr_manager: Any, settings: Any
) -> None:
    settings.EFFECTIF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    client.post(
        LOGIN,
        {"username": "rh-test", "password": PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.7"},
        REMOTE_ADDR=PROXY,
    )
    assert AuditEntry.objects.get(action=AuditAction.LOGIN).ip_address == "203.0.113.7"


@pytest.mark.django_db
def test_failures_behind_the_proxy_lock_the_client_not_everyone(
    client: Client, hr_manager: Any, settings: Any
) -> None:
    """Behind a reverse proxy every request comes from its address: failures of one client must
    not lock the others out."""
    settings.EFFECTIF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.EFFECTIF_LOGIN_MAX_FAILURES_PER_ADDRESS = 3

    def login(username: str, password: str, address: str) -> str:
        response = Client().post(
            LOGIN,
            {"username": username, "password": password},
            headers={"X-Forwarded-For": address},
            REMOTE_ADDR=PROXY,
        )
        return response.content.decode() if response.status_code == 200 else "connecté"

    for name in ("anne", "bruno", "chloe"):
        login(name, "faux", "198.51.100.9")
    assert "Trop de tentatives" in login("rh-test", PASSWORD, "198.51.100.9")
    assert login("rh-test", PASSWORD, "203.0.113.7") == "connecté"

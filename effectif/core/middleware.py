"""Request-scoped context for services: the client address written into audit entries, and
the answers a request keeps about its user (`effectif.core.request_cache`)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from effectif.core.audit import reset_client_ip, set_client_ip
from effectif.core.request_cache import request_scope


def _ip(value: str) -> str | None:
    """A valid IP address in its canonical form, or None.

    Accepts what proxies write besides the bare address: an IPv4 address with a port
    (`203.0.113.7:5123`) and an IPv6 one in brackets, with or without a port (`[2001:db8::1]:443`).
    """
    value = value.strip().strip('"').partition("%")[0]
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _forwarded_ip(request: HttpRequest) -> str | None:
    """The client address written by the trusted proxies, or None if the header is unusable.

    Each of the `EFFECTIF_TRUSTED_PROXY_COUNT` proxies appends the address it received the
    request from, so the client is that many entries from the right; whatever the client wrote
    itself lies further left and is ignored.
    """
    header = settings.EFFECTIF_TRUSTED_PROXY_HEADER.strip()
    name = header.upper().replace("-", "_")
    if not name.startswith("HTTP_"):
        name = f"HTTP_{name}"
    raw = request.META.get(name, "")
    if not isinstance(raw, str) or not raw.strip():
        return None
    entries = raw.split(",")
    count = max(1, settings.EFFECTIF_TRUSTED_PROXY_COUNT)
    if len(entries) < count:
        return None
    return _ip(entries[-count])


def client_ip(request: HttpRequest) -> str | None:
    """The address of the client: from the trusted proxy header when one is configured
    (`EFFECTIF_TRUSTED_PROXY_HEADER`), else the address of the connection.

    A missing or malformed header is not trusted: the connection's address is used instead.
    """
    if settings.EFFECTIF_TRUSTED_PROXY_HEADER.strip():
        forwarded = _forwarded_ip(request)
        if forwarded is not None:
            return forwarded
    remote = request.META.get("REMOTE_ADDR")
    return _ip(remote) if isinstance(remote, str) else None


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_client_ip(client_ip(request))
        try:
            with request_scope():
                return self.get_response(request)
        finally:
            reset_client_ip(token)

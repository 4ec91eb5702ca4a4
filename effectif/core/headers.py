"""Response headers and session upkeep shared by every page.

- The Content-Security-Policy of the settings on every response that does not set its own
  (uploaded files are served with a stricter one by their views).
- The session's inactivity expiry pushed back at most every few minutes rather than by a
  write of the session on every request (`SESSION_SAVE_EVERY_REQUEST` is off).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

#: The session key holding when the session's expiry was last pushed back (epoch seconds).
SESSION_REFRESHED_AT = "_refreshed_at"

Handler = Callable[[HttpRequest], HttpResponseBase]


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.policy = settings.EFFECTIF_CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response


class SessionRefreshMiddleware:
    """Save the session of a signed-in user when its expiry was last pushed back more than
    `EFFECTIF_SESSION_REFRESH_SECONDS` ago, so inactivity ends it within that margin."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.every = settings.EFFECTIF_SESSION_REFRESH_SECONDS

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty() and "_auth_user_id" in session:
            now = int(time.time())
            if now - int(session.get(SESSION_REFRESHED_AT, 0)) >= self.every:
                session[SESSION_REFRESHED_AT] = now
        return response

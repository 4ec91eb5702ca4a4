"""Who is calling: a bearer token of `POST /api/v1/token`, or a logged-in browser session.

A session counts only once its second factor is given (the pages' middleware leaves `/api/` to
this module), and an unsafe method through a session needs its CSRF token, as a form would.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from effectif.accounts.models import User
from effectif.accounts.services import api_token_user, totp_required_for
from effectif.accounts.signals import TOTP_PENDING

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class BearerAuth(HttpBearer):
    """`Authorization: Bearer <token>`, a token issued by `POST /api/v1/token`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        token = token.strip()
        if not token:
            return None
        return api_token_user(token)


class SessionAuth(APIKeyCookie):
    """The session of a user logged in through the pages (second factor included)."""

    def __init__(self) -> None:
        self.param_name = settings.SESSION_COOKIE_NAME
        # CSRF is checked below, only for a session that authenticates and an unsafe method.
        super().__init__(csrf=False)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = getattr(request, "user", None)
        if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
            return None
        session = getattr(request, "session", None)
        if session is not None and session.get(TOTP_PENDING):
            return None
        if totp_required_for(user) and not user.has_totp:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(
                403,
                _(
                    "Vérification CSRF échouée : une requête de session qui modifie des données "
                    "doit porter l'en-tête X-CSRFToken."
                ),
            )
        return user


def request_user(request: HttpRequest) -> User:
    """The authenticated user of an operation (authentication already ran)."""
    user: object = getattr(request, "auth", None)
    if not isinstance(user, User):  # pragma: no cover - every operation but the token is authed
        raise HttpError(401, _("Authentification requise."))
    return user


def api_auth() -> list[Any]:
    return [BearerAuth(), SessionAuth()]

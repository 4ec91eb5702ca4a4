"""`POST /api/v1/token`: a bearer token for a username and password, throttled as the login page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from effectif.accounts.models import User
from effectif.accounts.services import (
    api_token_issue,
    login_attempt_record,
    login_lockout_seconds,
    totp_required_for,
    totp_verify,
)
from effectif.api.schemas.common import Message, ValidationErrors
from effectif.api.schemas.tokens import TokenIn, TokenOut
from effectif.core.middleware import client_ip

router = Router(tags=["Authentification"])


class LockedOut(HttpError):
    def __init__(self, seconds: int) -> None:
        minutes = max(1, (seconds + 59) // 60)
        super().__init__(
            429,
            _("Trop de tentatives de connexion échouées. Réessayez dans %(minutes)s minute(s).")
            % {"minutes": minutes},
        )
        self.retry_after = seconds


def _refuse(username: str, ip: str | None, message: str) -> HttpError:
    login_attempt_record(username=username, ip_address=ip, user=None, succeeded=False)
    return HttpError(401, message)


@router.post(
    "/token",
    auth=None,
    response={200: TokenOut, 401: Message, 403: Message, 422: ValidationErrors, 429: Message},
    url_name="token",
)
def token_issue(request: HttpRequest, payload: TokenIn) -> Any:
    """A bearer token, valid for `EFFECTIF_API_TOKEN_HOURS` hours. JSON or form body.

    Failures count towards the same lockout as the login page (per account and per address).
    A user with a second factor gives its current code in `code`.
    """
    username = payload.username.strip()
    ip = client_ip(request)
    wait = login_lockout_seconds(username=username, ip_address=ip)
    if wait:
        raise LockedOut(wait)
    user = authenticate(request, username=username, password=payload.password)
    if not isinstance(user, User):
        raise _refuse(username, ip, _("Identifiant ou mot de passe incorrect."))
    if user.has_totp and not totp_verify(secret=user.totp_secret, code=payload.code):
        raise _refuse(
            username, ip, _("Code de double authentification absent ou incorrect (champ « code »).")
        )
    if totp_required_for(user) and not user.has_totp:
        raise HttpError(
            403,
            _(
                "La double authentification est obligatoire pour votre rôle : activez-la dans "
                "Effectif avant de demander un jeton."
            ),
        )
    login_attempt_record(username=username, ip_address=ip, user=user, succeeded=True)
    raw, token = api_token_issue(user=user)
    return {"token": raw, "expires_at": token.expires_at}

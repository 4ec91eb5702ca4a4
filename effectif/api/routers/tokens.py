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
    LoginLockedOut,
    api_token_issue,
    login_attempt_failed,
    login_attempt_start,
    login_attempt_succeeded,
    totp_code_check,
    totp_required_for,
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


def _refused() -> HttpError:
    """One answer for a wrong password and a wrong or missing code: it tells neither apart."""
    return HttpError(
        401,
        _(
            "Identifiant, mot de passe ou code de double authentification incorrect "
            "(le code, champ « code », est demandé si la double authentification est activée)."
        ),
    )


@router.post(
    "/token",
    auth=None,
    response={200: TokenOut, 401: Message, 403: Message, 422: ValidationErrors, 429: Message},
    url_name="token",
)
def token_issue(request: HttpRequest, payload: TokenIn) -> Any:
    """A bearer token, valid for `EFFECTIF_API_TOKEN_HOURS` hours. JSON or form body.

    Each request counts towards the same lockout as the login page (per account and per
    address) before the password is checked. A user with a second factor gives its current code
    in `code`; each code is accepted once. A wrong password and a wrong or missing code get the
    same 401 answer.
    """
    username = payload.username.strip()
    try:
        attempt = login_attempt_start(username=username, ip_address=client_ip(request))
    except LoginLockedOut as locked:
        raise LockedOut(locked.seconds) from None
    user = authenticate(request, username=username, password=payload.password)
    if not isinstance(user, User):
        login_attempt_failed(attempt=attempt)
        raise _refused()
    if user.has_totp and not totp_code_check(user=user, code=payload.code).accepted:
        # The attempt stays counted as a failure; the check audited the refused code.
        raise _refused()
    if totp_required_for(user) and not user.has_totp:
        login_attempt_failed(
            attempt=attempt, detail="double authentification obligatoire à activer"
        )
        raise HttpError(
            403,
            _(
                "La double authentification est obligatoire pour votre rôle : activez-la dans "
                "Effectif avant de demander un jeton."
            ),
        )
    login_attempt_succeeded(attempt=attempt, user=user)
    raw, token = api_token_issue(user=user)
    return {"token": raw, "expires_at": token.expires_at}
